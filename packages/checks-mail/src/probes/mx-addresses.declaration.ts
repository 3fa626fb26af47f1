import { type AddressEvidence, declareProbe } from '@pastoe/core/model';

/**
 * The A and AAAA records of every mail server the MX probe selected (spec §3.1: at most ten,
 * sorted by name), one subject per MX host, IPv4-mapped IPv6 addresses set apart: the addresses
 * each MX test uses, per family. No subjects when the domain has no real MX (no MX, Null MX).
 */
export const mxAddressesDeclaration = declareProbe<AddressEvidence>({
  id: 'mail-mx-addresses',
  description: 'Looks up the A and AAAA records of every mail server of the domain',
  scope: 'each',
});
