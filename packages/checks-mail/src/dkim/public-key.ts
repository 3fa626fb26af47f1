/**
 * Reads the RSA public key of a DKIM record's `p=` (RFC 6376 §3.6.1: SubjectPublicKeyInfo, or the
 * bare PKCS #1 RSAPublicKey some publish) with a small strict DER walk over plain `Uint8Array`s:
 * no Node module, so a check can re-judge saved evidence in a browser. Every length is checked
 * against its container; the input is bounded by the caller.
 */

/** What an RSA `p=` holds: the modulus length and the encoding, or the other key type an SPKI names. */
export type RsaKeyReading =
  | { readonly ok: true; readonly bits: number; readonly encoding: 'spki' | 'rsa-public-key' }
  | { readonly ok: false; readonly otherType?: string };

interface Tlv {
  readonly tag: number;
  /** Where the value starts. */
  readonly start: number;
  /** Where the value ends (exclusive): the next TLV's offset. */
  readonly end: number;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OID = 0x06;

/** Algorithm OIDs as their DER content in hex, by the key type they name. */
const algorithms: Readonly<Record<string, string>> = {
  '2a864886f70d010101': 'rsa',
  '2a864886f70d01010a': 'rsa-pss',
  '2a8648ce3d0201': 'ec',
  '2b6570': 'ed25519',
  '2b6571': 'ed448',
};

/** Reads one TLV at `offset`, within `limit`; undefined when it does not fit or is not DER. */
function readTlv(bytes: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = bytes[offset] as number;
  const first = bytes[offset + 1] as number;
  let length = first;
  let start = offset + 2;
  if (first & 0x80) {
    const octets = first & 0x7f;
    // Keys pastoe reads are far below 64 KiB; DER wants the shortest length form.
    if (octets === 0 || octets > 2 || start + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[start + i] as number);
    start += octets;
    if (length < 0x80 || (octets === 2 && length < 0x100)) return undefined;
  }
  const end = start + length;
  return end > limit ? undefined : { tag, start, end };
}

/** The TLVs that exactly fill a constructed value; undefined when they do not. */
function children(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const items: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const item = readTlv(bytes, offset, parent.end);
    if (item === undefined) return undefined;
    items.push(item);
    offset = item.end;
  }
  return items;
}

/** The bit length of a positive INTEGER's value. */
function integerBits(bytes: Uint8Array, integer: Tlv): number {
  let start = integer.start;
  while (start < integer.end && bytes[start] === 0) start++;
  if (start === integer.end) return 0;
  return (integer.end - start - 1) * 8 + (32 - Math.clz32(bytes[start] as number));
}

/** The modulus bits of an RSAPublicKey SEQUENCE { modulus, publicExponent } that fills `bytes[start, end)`. */
function rsaPublicKeyBits(bytes: Uint8Array, start: number, end: number): number | undefined {
  const key = readTlv(bytes, start, end);
  if (key === undefined || key.tag !== SEQUENCE || key.end !== end) return undefined;
  const [modulus, exponent, extra] = children(bytes, key) ?? [];
  if (modulus?.tag !== INTEGER || exponent?.tag !== INTEGER || extra !== undefined) return undefined;
  return integerBits(bytes, modulus);
}

const hex = (bytes: Uint8Array, tlv: Tlv): string =>
  Array.from(bytes.subarray(tlv.start, tlv.end), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Reads an RSA key from DER: SubjectPublicKeyInfo (RFC 5280 §4.1), else a bare RSAPublicKey (RFC 8017 A.1.1). */
export function readRsaPublicKey(bytes: Uint8Array): RsaKeyReading {
  const outer = readTlv(bytes, 0, bytes.length);
  if (outer === undefined || outer.tag !== SEQUENCE || outer.end !== bytes.length) return { ok: false };
  const items = children(bytes, outer);
  if (items?.[0]?.tag === INTEGER) {
    const bits = rsaPublicKeyBits(bytes, 0, bytes.length);
    return bits === undefined ? { ok: false } : { ok: true, bits, encoding: 'rsa-public-key' };
  }
  const [algorithm, key, extra] = items ?? [];
  if (algorithm?.tag !== SEQUENCE || key?.tag !== BIT_STRING || extra !== undefined) return { ok: false };
  const oid = children(bytes, algorithm)?.[0];
  if (oid?.tag !== OID) return { ok: false };
  const type = algorithms[hex(bytes, oid)] ?? 'unknown';
  if (type !== 'rsa') return { ok: false, otherType: type };
  // A BIT STRING's first octet counts unused bits: 0 for a DER-encoded key.
  if (key.start >= key.end || bytes[key.start] !== 0) return { ok: false };
  const bits = rsaPublicKeyBits(bytes, key.start + 1, key.end);
  return bits === undefined ? { ok: false } : { ok: true, bits, encoding: 'spki' };
}

/** Decodes strict base64 (already checked against the alphabet and padding) without Node's Buffer. */
export function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
