import { declareProbe } from '../model/probe-declaration.js';

/** The addresses a name has: its A and AAAA records, at the end of any CNAME chain. */
export interface AddressEvidence {
  /** The name looked up. */
  readonly name: string;
  /** IPv4 addresses, in the order the answer gave them. */
  readonly ipv4: readonly string[];
  /** IPv6 addresses, in the order the answer gave them, IPv4-mapped ones (`::ffff:0:0/96`) left out. */
  readonly ipv6: readonly string[];
  /** The IPv4-mapped IPv6 addresses the AAAA answer held, which the test does not contact (Internet.nl #146, #655). */
  readonly ipv4Mapped?: readonly string[];
}

/** The addresses of the domain under test: where its website is served. */
export const webAddressesDeclaration = declareProbe<AddressEvidence>({
  id: 'web-addresses',
  description: 'Looks up the A and AAAA records of the domain (its web servers)',
});
