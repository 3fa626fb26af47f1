import { frozenMap } from './frozen.js';
import type { NcscLevel } from './levels.js';

/**
 * How a group's ephemeral key looks to Internet.nl's evaluation: `ec` keys are OpenSSL's
 * EVP_PKEY_EC (they count as "EC parameters"), `ecx` are X25519/X448 (their own key type, so they
 * count as no parameters at all), `ffdhe` are finite-field groups, `hybrid` the ML-KEM hybrids
 * nassl cannot negotiate.
 */
export type GroupKind = 'ec' | 'ecx' | 'ffdhe' | 'hybrid';

/** One TLS named group (supported_groups, IANA registry). */
export interface NamedGroupInfo {
  /** The IANA code. */
  readonly code: number;
  /** The IANA name. */
  readonly name: string;
  /** The kind of key. */
  readonly kind: GroupKind;
  /** Field or modulus size in bits (for hybrids: the classical part). */
  readonly bits: number;
  /**
   * The NCSC level as Internet.nl's key-exchange table applies it: the six NIST/brainpool curves
   * and X25519/X448 good, secp224r1 phase-out, other curves insufficient; ffdhe3072-8192
   * phase-out, ffdhe2048 insufficient; the ML-KEM hybrids good (Internet.nl's explanation text;
   * its scanner cannot offer them).
   */
  readonly level: NcscLevel;
  /**
   * OpenSSL's name for the group, which node:tls's `ecdhCurve`, `crypto.createECDH` (for the
   * curves) and OpenSSL's group lists all take: `prime256v1` for secp256r1, `X25519`, `ffdhe2048`.
   * Absent where the table records none: the legacy curves 1-18 and 20, the TLS 1.3 brainpool
   * code points (OpenSSL 3.0 lacks them) and the ML-KEM hybrids.
   */
  readonly openssl?: string;
}

const group = (code: number, name: string, kind: GroupKind, bits: number, level: NcscLevel, openssl?: string): NamedGroupInfo =>
  Object.freeze({ code, name, kind, bits, level, ...(openssl === undefined ? {} : { openssl }) });

/** Every named group pastoe classifies, by IANA code. Read-only. */
export const namedGroups: ReadonlyMap<number, NamedGroupInfo> = frozenMap(
  [
    group(1, 'sect163k1', 'ec', 163, 'insufficient'),
    group(2, 'sect163r1', 'ec', 163, 'insufficient'),
    group(3, 'sect163r2', 'ec', 163, 'insufficient'),
    group(4, 'sect193r1', 'ec', 193, 'insufficient'),
    group(5, 'sect193r2', 'ec', 193, 'insufficient'),
    group(6, 'sect233k1', 'ec', 233, 'insufficient'),
    group(7, 'sect233r1', 'ec', 233, 'insufficient'),
    group(8, 'sect239k1', 'ec', 239, 'insufficient'),
    group(9, 'sect283k1', 'ec', 283, 'insufficient'),
    group(10, 'sect283r1', 'ec', 283, 'insufficient'),
    group(11, 'sect409k1', 'ec', 409, 'insufficient'),
    group(12, 'sect409r1', 'ec', 409, 'insufficient'),
    group(13, 'sect571k1', 'ec', 571, 'insufficient'),
    group(14, 'sect571r1', 'ec', 571, 'insufficient'),
    group(15, 'secp160k1', 'ec', 160, 'insufficient'),
    group(16, 'secp160r1', 'ec', 160, 'insufficient'),
    group(17, 'secp160r2', 'ec', 160, 'insufficient'),
    group(18, 'secp192k1', 'ec', 192, 'insufficient'),
    group(19, 'secp192r1', 'ec', 192, 'insufficient', 'prime192v1'),
    group(20, 'secp224k1', 'ec', 224, 'insufficient'),
    group(21, 'secp224r1', 'ec', 224, 'phase-out', 'secp224r1'),
    group(22, 'secp256k1', 'ec', 256, 'insufficient', 'secp256k1'),
    group(23, 'secp256r1', 'ec', 256, 'good', 'prime256v1'),
    group(24, 'secp384r1', 'ec', 384, 'good', 'secp384r1'),
    group(25, 'secp521r1', 'ec', 521, 'good', 'secp521r1'),
    group(26, 'brainpoolP256r1', 'ec', 256, 'good', 'brainpoolP256r1'),
    group(27, 'brainpoolP384r1', 'ec', 384, 'good', 'brainpoolP384r1'),
    group(28, 'brainpoolP512r1', 'ec', 512, 'good', 'brainpoolP512r1'),
    group(29, 'x25519', 'ecx', 253, 'good', 'X25519'),
    group(30, 'x448', 'ecx', 448, 'good', 'X448'),
    group(31, 'brainpoolP256r1tls13', 'ec', 256, 'good'),
    group(32, 'brainpoolP384r1tls13', 'ec', 384, 'good'),
    group(33, 'brainpoolP512r1tls13', 'ec', 512, 'good'),
    group(256, 'ffdhe2048', 'ffdhe', 2048, 'insufficient', 'ffdhe2048'),
    group(257, 'ffdhe3072', 'ffdhe', 3072, 'phase-out', 'ffdhe3072'),
    group(258, 'ffdhe4096', 'ffdhe', 4096, 'phase-out', 'ffdhe4096'),
    group(259, 'ffdhe6144', 'ffdhe', 6144, 'phase-out', 'ffdhe6144'),
    group(260, 'ffdhe8192', 'ffdhe', 8192, 'phase-out', 'ffdhe8192'),
    group(0x11eb, 'SecP256r1MLKEM768', 'hybrid', 256, 'good'),
    group(0x11ec, 'X25519MLKEM768', 'hybrid', 253, 'good'),
    group(0x11ed, 'SecP384r1MLKEM1024', 'hybrid', 384, 'good'),
  ].map((info) => [info.code, info] as const),
);

/** A group's classification; an unknown code counts as "any other curve": insufficient. */
export function namedGroup(code: number): NamedGroupInfo {
  return namedGroups.get(code) ?? group(code, `group-0x${code.toString(16).padStart(4, '0')}`, 'ec', 0, 'insufficient');
}
