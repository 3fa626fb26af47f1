import { declareProbe } from '../model/probe-declaration.js';

/** The addresses a name has: its A and AAAA records, CNAMEs followed by the resolver. */
export interface AddressEvidence {
  /** The name looked up. */
  readonly name: string;
  /** IPv4 addresses, in the order the answer gave them. */
  readonly ipv4: readonly string[];
  /** IPv6 addresses, in the order the answer gave them. */
  readonly ipv6: readonly string[];
}

/** The addresses of the domain under test: where its website is served. */
export const webAddressesDeclaration = declareProbe<AddressEvidence>({
  id: 'web-addresses',
  description: 'Looks up the A and AAAA records of the domain (its web servers)',
});
