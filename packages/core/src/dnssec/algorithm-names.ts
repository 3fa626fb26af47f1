/**
 * The names IANA gives DNSSEC algorithm numbers ("DNS Security Algorithm Numbers") and DS digest
 * types ("Digest Algorithms"), for reports. Pure data, so the model side can name them too.
 */

const algorithmNames: Readonly<Record<number, string>> = {
  1: 'RSAMD5',
  3: 'DSA',
  5: 'RSASHA1',
  6: 'DSA-NSEC3-SHA1',
  7: 'RSASHA1-NSEC3-SHA1',
  8: 'RSASHA256',
  10: 'RSASHA512',
  12: 'ECC-GOST',
  13: 'ECDSAP256SHA256',
  14: 'ECDSAP384SHA384',
  15: 'ED25519',
  16: 'ED448',
  23: 'ECC-GOST12',
};

const digestTypeNames: Readonly<Record<number, string>> = {
  0: 'NULL',
  1: 'SHA-1',
  2: 'SHA-256',
  3: 'GOST R 34.11-94',
  4: 'SHA-384',
  5: 'GOST R 34.11-2012',
  6: 'SM3',
};

/** The name IANA gives an algorithm number, for reports; `ALG<n>` for one it has no name for here. */
export function algorithmName(algorithm: number): string {
  return algorithmNames[algorithm] ?? `ALG${algorithm}`;
}

/** The name IANA gives a DS digest type, for reports; `DIGEST<n>` for one it has no name for here. */
export function digestTypeName(digestType: number): string {
  return digestTypeNames[digestType] ?? `DIGEST${digestType}`;
}
