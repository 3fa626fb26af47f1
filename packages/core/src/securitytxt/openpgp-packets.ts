/**
 * A minimal OpenPGP packet reader (RFC 4880 §4–5, RFC 9580): packet framing, version 4 signature
 * packets and version 4 public-key packets, enough to verify a cleartext-signed security.txt.
 * Pure and bounded: every read is checked against the data, so hostile input only ever gives an
 * {@link OpenPgpFormatError}.
 */

/** The data is not well-formed OpenPGP. */
export class OpenPgpFormatError extends Error {
  override readonly name = 'OpenPgpFormatError';
}

/** One packet: its tag and body. */
export interface OpenPgpPacket {
  /** The packet tag (2 signature, 6 public key, 14 public subkey, 13 user id, …). */
  readonly tag: number;
  /** The packet body. */
  readonly body: Uint8Array;
}

/** Packet tags this reader names. */
export const packetTags = { signature: 2, publicKey: 6, userId: 13, publicSubkey: 14 } as const;

/** The most packets read from one block: a key with its user ids, signatures and subkeys fits easily. */
const maxPackets = 256;

class Cursor {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number {
    const value = this.bytes[this.offset];
    if (value === undefined) throw new OpenPgpFormatError('unexpected end of data');
    this.offset++;
    return value;
  }

  uint(length: number): number {
    let value = 0;
    for (let i = 0; i < length; i++) value = value * 256 + this.u8();
    return value;
  }

  take(length: number): Uint8Array {
    if (length < 0 || length > this.remaining) throw new OpenPgpFormatError('a length runs past the end of the data');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** A multiprecision integer (RFC 4880 §3.2): a bit count and that many bits, big-endian. */
  mpi(): Uint8Array {
    const bits = this.uint(2);
    return this.take(Math.ceil(bits / 8));
  }
}

/**
 * Splits binary OpenPGP data into packets (old and new formats). Partial body lengths (used only
 * by data packets) and indeterminate lengths are refused.
 *
 * @throws OpenPgpFormatError when the framing is invalid or there are more than 256 packets
 */
export function readPackets(data: Uint8Array): OpenPgpPacket[] {
  const cursor = new Cursor(data);
  const packets: OpenPgpPacket[] = [];
  while (cursor.remaining > 0) {
    if (packets.length >= maxPackets) throw new OpenPgpFormatError(`more than ${maxPackets} packets`);
    const header = cursor.u8();
    if ((header & 0x80) === 0) throw new OpenPgpFormatError('a packet header without its high bit');
    let tag: number;
    let length: number;
    if (header & 0x40) {
      tag = header & 0x3f;
      const first = cursor.u8();
      if (first < 192) length = first;
      else if (first < 224) length = ((first - 192) << 8) + cursor.u8() + 192;
      else if (first === 255) length = cursor.uint(4);
      else throw new OpenPgpFormatError('partial body lengths are not supported here');
    } else {
      tag = (header >> 2) & 0x0f;
      const lengthType = header & 0x03;
      if (lengthType === 3) throw new OpenPgpFormatError('indeterminate packet lengths are not supported here');
      length = cursor.uint([1, 2, 4][lengthType] ?? 1);
    }
    packets.push({ tag, body: cursor.take(length) });
  }
  return packets;
}

/** A version 4 signature packet, as far as verification needs it. */
export interface OpenPgpSignature {
  /** Always 4. */
  readonly version: 4;
  /** The signature type: 0x00 binary document, 0x01 canonical text document, … */
  readonly type: number;
  /** The public-key algorithm (1 RSA, 19 ECDSA, 22 EdDSA legacy, 27 Ed25519). */
  readonly publicKeyAlgorithm: number;
  /** The hash algorithm (8 SHA-256, 9 SHA-384, 10 SHA-512, 2 SHA-1, …). */
  readonly hashAlgorithm: number;
  /** The hashed part of the packet: from the version octet to the end of the hashed subpackets. */
  readonly hashedPart: Uint8Array;
  /** The issuer key id (subpacket 16), lowercase hex, if given. */
  readonly issuerKeyId?: string;
  /** The issuer fingerprint (subpacket 33), lowercase hex, if given. */
  readonly issuerFingerprint?: string;
  /** The creation time (subpacket 2) in seconds since 1970, if given. */
  readonly created?: number;
  /** The left 16 bits of the signed hash value. */
  readonly hashPrefix: Uint8Array;
  /** The algorithm-specific signature values (RSA: one MPI; ECDSA and EdDSA legacy: r and s; Ed25519: the 64-byte signature). */
  readonly values: readonly Uint8Array[];
}

/** What a signature packet turned out to be: a v4 signature, a version this reader does not handle, or malformed. */
export type SignatureReading =
  | { readonly kind: 'v4'; readonly signature: OpenPgpSignature }
  | { readonly kind: 'unsupported-version'; readonly version: number };

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function readSubpackets(area: Uint8Array): { issuerKeyId?: string; issuerFingerprint?: string; created?: number } {
  const cursor = new Cursor(area);
  const found: { issuerKeyId?: string; issuerFingerprint?: string; created?: number } = {};
  while (cursor.remaining > 0) {
    const first = cursor.u8();
    let length: number;
    if (first < 192) length = first;
    else if (first < 255) length = ((first - 192) << 8) + cursor.u8() + 192;
    else length = cursor.uint(4);
    if (length === 0) throw new OpenPgpFormatError('an empty signature subpacket');
    const body = cursor.take(length);
    const type = (body[0] ?? 0) & 0x7f;
    const content = body.subarray(1);
    if (type === 2 && content.length === 4) found.created = new Cursor(content).uint(4);
    else if (type === 16 && content.length === 8) found.issuerKeyId = hex(content);
    else if (type === 33 && content.length > 1) found.issuerFingerprint = hex(content.subarray(1));
  }
  return found;
}

/** How many signature values each public-key algorithm has (as MPIs, except Ed25519's raw 64 octets). */
const signatureValueCount: Readonly<Record<number, number>> = { 1: 1, 3: 1, 17: 2, 19: 2, 22: 2 };

/**
 * Reads a signature packet body. Versions 3, 5 and 6 are recognised but not read.
 *
 * @throws OpenPgpFormatError when the body is not a well-formed signature packet
 */
export function readSignature(body: Uint8Array): SignatureReading {
  const cursor = new Cursor(body);
  const version = cursor.u8();
  if (version === 3 || version === 5 || version === 6) return { kind: 'unsupported-version', version };
  if (version !== 4) throw new OpenPgpFormatError(`signature version ${version} does not exist`);
  const type = cursor.u8();
  const publicKeyAlgorithm = cursor.u8();
  const hashAlgorithm = cursor.u8();
  const hashed = cursor.take(cursor.uint(2));
  const hashedPart = body.subarray(0, cursor.offset);
  const unhashed = cursor.take(cursor.uint(2));
  const hashPrefix = cursor.take(2);
  const values: Uint8Array[] = [];
  if (publicKeyAlgorithm === 27) values.push(cursor.take(64));
  else for (let i = 0; i < (signatureValueCount[publicKeyAlgorithm] ?? 0); i++) values.push(cursor.mpi());
  const fromUnhashed = readSubpackets(unhashed);
  const fromHashed = readSubpackets(hashed);
  const issuerKeyId = fromHashed.issuerKeyId ?? fromUnhashed.issuerKeyId;
  const issuerFingerprint = fromHashed.issuerFingerprint ?? fromUnhashed.issuerFingerprint;
  const signature: OpenPgpSignature = {
    version: 4,
    type,
    publicKeyAlgorithm,
    hashAlgorithm,
    hashedPart,
    hashPrefix,
    values,
    ...(issuerKeyId === undefined ? {} : { issuerKeyId }),
    ...(issuerFingerprint === undefined ? {} : { issuerFingerprint }),
    ...(fromHashed.created === undefined ? {} : { created: fromHashed.created }),
  };
  return { kind: 'v4', signature };
}

/** A version 4 public key (primary key or subkey). */
export interface OpenPgpPublicKey {
  /** The whole packet body: the fingerprint is computed over it. */
  readonly body: Uint8Array;
  /** Creation time in seconds since 1970. */
  readonly created: number;
  /** The public-key algorithm (1 RSA, 19 ECDSA, 22 EdDSA legacy, 27 Ed25519, …). */
  readonly algorithm: number;
  /** RSA: the modulus and exponent. */
  readonly rsa?: { readonly n: Uint8Array; readonly e: Uint8Array };
  /** ECDSA and EdDSA legacy: the curve OID (DER contents) and the public point as encoded. */
  readonly ec?: { readonly oid: Uint8Array; readonly point: Uint8Array };
  /** Ed25519 (algorithm 27): the 32-byte public key. */
  readonly ed25519?: Uint8Array;
}

/**
 * Reads a version 4 public-key or public-subkey packet body; `undefined` for another version.
 *
 * @throws OpenPgpFormatError when a v4 body is malformed
 */
export function readPublicKey(body: Uint8Array): OpenPgpPublicKey | undefined {
  const cursor = new Cursor(body);
  if (cursor.u8() !== 4) return undefined;
  const created = cursor.uint(4);
  const algorithm = cursor.u8();
  const base = { body, created, algorithm };
  if (algorithm === 1 || algorithm === 2 || algorithm === 3) return { ...base, rsa: { n: cursor.mpi(), e: cursor.mpi() } };
  if (algorithm === 19 || algorithm === 22) {
    const oidLength = cursor.u8();
    if (oidLength === 0 || oidLength === 0xff) throw new OpenPgpFormatError('a reserved curve OID length');
    const oid = cursor.take(oidLength);
    return { ...base, ec: { oid, point: cursor.mpi() } };
  }
  if (algorithm === 27) return { ...base, ed25519: cursor.take(32) };
  return base;
}
