/**
 * The key tag of a DNSKEY (RFC 4034 Appendix B): a 16-bit checksum over the RDATA that lets a
 * signature or DS point at a key cheaply. It is not unique (RFC 4034 §5.2 and the KeyTrap
 * attack rely on collisions), so a tag only narrows the keys to try.
 */
export function keyTag(dnskeyRdata: Uint8Array): number {
  if (dnskeyRdata[3] === 1) {
    // Algorithm 1 (RSA/MD5) defines the tag as the 16 bits before the last octet of the modulus.
    const length = dnskeyRdata.length;
    if (length < 7) return 0;
    return (((dnskeyRdata[length - 3] ?? 0) << 8) | (dnskeyRdata[length - 2] ?? 0)) & 0xffff;
  }
  let sum = 0;
  for (let i = 0; i < dnskeyRdata.length; i++) {
    const byte = dnskeyRdata[i] ?? 0;
    sum += i % 2 === 0 ? byte << 8 : byte;
  }
  sum += (sum >>> 16) & 0xffff;
  return sum & 0xffff;
}
