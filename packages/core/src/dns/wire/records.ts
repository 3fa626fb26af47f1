import { Buffer } from 'node:buffer';
import type { RecordData } from '../types.js';
import { recordTypeName, recordTypeNumber, recordTypeNumbers } from './constants.js';
import { DnsWireError } from './errors.js';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip.js';
import { type CompressionTable, parseName, presentName, readName, writeName } from './names.js';
import { type ByteReader, ByteWriter, concatBytes, fromHex, toHex } from '../../util/bytes.js';
import { readTypeBitmap, typeBitmapOctets } from './type-bitmap.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

/** A decoded RDATA: the typed data and the RDATA bytes with any compressed names expanded. */
export interface DecodedRdata {
  /** The typed data. */
  readonly data: RecordData;
  /** The RDATA with compression expanded and the case of names kept. */
  readonly wire: Uint8Array;
}

/**
 * Interprets a 32-bit RRSIG timestamp as the point in time closest to `nowSeconds`, per the
 * serial number arithmetic of RFC 4034 §3.1.5 (RFC 1982), so that signatures stay readable after
 * 2106 and a time just past the wrap is not mistaken for 1970.
 */
export function resolveSerialTime(value: number, nowSeconds: number): number {
  const now = Math.floor(nowSeconds);
  const nowMod = ((now % 0x100000000) + 0x100000000) % 0x100000000;
  let delta = (value - nowMod + 0x100000000) % 0x100000000;
  if (delta >= 0x80000000) delta -= 0x100000000;
  return now + delta;
}

const base32HexAlphabet = '0123456789abcdefghijklmnopqrstuv';

/** Base32hex (RFC 4648 §7), lowercase, no padding: the presentation of NSEC3 hashes. */
export function toBase32Hex(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32HexAlphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += base32HexAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

/** Parses unpadded base32hex (any case); `undefined` when a character is outside the alphabet. */
export function fromBase32Hex(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.toLowerCase()) {
    const value = base32HexAlphabet.indexOf(char);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

function characterString(reader: ByteReader, what: string): Uint8Array {
  const length = reader.u8(`${what} length`);
  return reader.bytesOf(length, what);
}

/**
 * Decodes the RDATA of one record. The reader must be narrowed to exactly the RDATA; a decoder
 * that leaves bytes unread makes the record malformed, since a length mismatch means the
 * record is not what its type says. Names inside RDATA are decompressed wherever they appear
 * (RFC 3597 §4 forbids compression in newer types, but some servers do it anyway), and `wire`
 * always holds the expanded form.
 */
export function decodeRdata(reader: ByteReader, type: number, nowSeconds: number): DecodedRdata {
  const start = reader.offset;
  const raw = (): Uint8Array => reader.bytes.slice(start, reader.limit);
  let result: DecodedRdata;
  switch (type) {
    case recordTypeNumbers.A: {
      const bytes = reader.bytesOf(4, 'A address');
      result = { data: { type: 'A', address: formatIPv4(bytes) }, wire: raw() };
      break;
    }
    case recordTypeNumbers.AAAA: {
      const bytes = reader.bytesOf(16, 'AAAA address');
      result = { data: { type: 'AAAA', address: formatIPv6(bytes) }, wire: raw() };
      break;
    }
    case recordTypeNumbers.NS:
    case recordTypeNumbers.CNAME:
    case recordTypeNumbers.PTR:
    case recordTypeNumbers.DNAME: {
      const target = readName(reader);
      const mnemonic = recordTypeName(type) as 'NS' | 'CNAME' | 'PTR' | 'DNAME';
      result = { data: { type: mnemonic, target: presentName(target.labels) }, wire: target.wire };
      break;
    }
    case recordTypeNumbers.MX: {
      const preference = reader.u16('MX preference');
      const exchange = readName(reader);
      result = {
        data: { type: 'MX', preference, exchange: presentName(exchange.labels) },
        wire: concatBytes([reader.bytes.subarray(start, start + 2), exchange.wire]),
      };
      break;
    }
    case recordTypeNumbers.TXT: {
      const strings: string[] = [];
      while (reader.remaining > 0) strings.push(utf8.decode(characterString(reader, 'TXT character-string')));
      result = { data: { type: 'TXT', strings }, wire: raw() };
      break;
    }
    case recordTypeNumbers.SOA: {
      const mname = readName(reader);
      const rname = readName(reader);
      const fixedStart = reader.offset;
      const serial = reader.u32('SOA serial');
      const refresh = reader.u32('SOA refresh');
      const retry = reader.u32('SOA retry');
      const expire = reader.u32('SOA expire');
      const minimum = reader.u32('SOA minimum');
      result = {
        data: { type: 'SOA', mname: presentName(mname.labels), rname: presentName(rname.labels), serial, refresh, retry, expire, minimum },
        wire: concatBytes([mname.wire, rname.wire, reader.bytes.subarray(fixedStart, fixedStart + 20)]),
      };
      break;
    }
    case recordTypeNumbers.SRV: {
      const priority = reader.u16('SRV priority');
      const weight = reader.u16('SRV weight');
      const port = reader.u16('SRV port');
      const target = readName(reader);
      result = {
        data: { type: 'SRV', priority, weight, port, target: presentName(target.labels) },
        wire: concatBytes([reader.bytes.subarray(start, start + 6), target.wire]),
      };
      break;
    }
    case recordTypeNumbers.CAA: {
      const flags = reader.u8('CAA flags');
      const tag = characterString(reader, 'CAA tag');
      if (tag.length === 0) throw new DnsWireError('malformed', 'CAA record with an empty tag');
      const value = reader.rest();
      result = { data: { type: 'CAA', flags, tag: utf8.decode(tag), value: utf8.decode(value) }, wire: raw() };
      break;
    }
    case recordTypeNumbers.DS:
    case recordTypeNumbers.CDS: {
      const keyTag = reader.u16('DS key tag');
      const algorithm = reader.u8('DS algorithm');
      const digestType = reader.u8('DS digest type');
      const digest = toHex(reader.rest());
      result = { data: { type: type === recordTypeNumbers.DS ? 'DS' : 'CDS', keyTag, algorithm, digestType, digest }, wire: raw() };
      break;
    }
    case recordTypeNumbers.DNSKEY:
    case recordTypeNumbers.CDNSKEY: {
      const flags = reader.u16('DNSKEY flags');
      const protocol = reader.u8('DNSKEY protocol');
      const algorithm = reader.u8('DNSKEY algorithm');
      const publicKey = Buffer.from(reader.rest()).toString('base64');
      result = {
        data: { type: type === recordTypeNumbers.DNSKEY ? 'DNSKEY' : 'CDNSKEY', flags, protocol, algorithm, publicKey },
        wire: raw(),
      };
      break;
    }
    case recordTypeNumbers.RRSIG: {
      const typeCovered = recordTypeName(reader.u16('RRSIG type covered'));
      const algorithm = reader.u8('RRSIG algorithm');
      const labels = reader.u8('RRSIG labels');
      const originalTtl = reader.u32('RRSIG original TTL');
      const expiration = resolveSerialTime(reader.u32('RRSIG expiration'), nowSeconds);
      const inception = resolveSerialTime(reader.u32('RRSIG inception'), nowSeconds);
      const keyTag = reader.u16('RRSIG key tag');
      const signer = readName(reader);
      const signatureStart = reader.offset;
      const signature = Buffer.from(reader.rest()).toString('base64');
      result = {
        data: {
          type: 'RRSIG',
          typeCovered,
          algorithm,
          labels,
          originalTtl,
          expiration,
          inception,
          keyTag,
          signerName: presentName(signer.labels),
          signature,
        },
        wire: concatBytes([reader.bytes.subarray(start, start + 18), signer.wire, reader.bytes.subarray(signatureStart, reader.limit)]),
      };
      break;
    }
    case recordTypeNumbers.NSEC: {
      const next = readName(reader);
      const bitmapStart = reader.offset;
      const typeBitmap = readTypeBitmap(reader);
      result = {
        data: { type: 'NSEC', nextDomain: presentName(next.labels), typeBitmap },
        wire: concatBytes([next.wire, reader.bytes.subarray(bitmapStart, reader.limit)]),
      };
      break;
    }
    case recordTypeNumbers.NSEC3: {
      const hashAlgorithm = reader.u8('NSEC3 hash algorithm');
      const flags = reader.u8('NSEC3 flags');
      const iterations = reader.u16('NSEC3 iterations');
      const salt = toHex(characterString(reader, 'NSEC3 salt'));
      const hash = characterString(reader, 'NSEC3 next hashed owner');
      if (hash.length === 0) throw new DnsWireError('malformed', 'NSEC3 record with an empty next hashed owner');
      const typeBitmap = readTypeBitmap(reader);
      result = {
        data: { type: 'NSEC3', hashAlgorithm, flags, iterations, salt, nextHashedOwner: toBase32Hex(hash), typeBitmap },
        wire: raw(),
      };
      break;
    }
    case recordTypeNumbers.NSEC3PARAM: {
      const hashAlgorithm = reader.u8('NSEC3PARAM hash algorithm');
      const flags = reader.u8('NSEC3PARAM flags');
      const iterations = reader.u16('NSEC3PARAM iterations');
      const salt = toHex(characterString(reader, 'NSEC3PARAM salt'));
      result = { data: { type: 'NSEC3PARAM', hashAlgorithm, flags, iterations, salt }, wire: raw() };
      break;
    }
    case recordTypeNumbers.TLSA: {
      const usage = reader.u8('TLSA usage');
      const selector = reader.u8('TLSA selector');
      const matchingType = reader.u8('TLSA matching type');
      const certificateData = toHex(reader.rest());
      result = { data: { type: 'TLSA', usage, selector, matchingType, certificateData }, wire: raw() };
      break;
    }
    default: {
      const bytes = reader.rest();
      result = { data: { type: 'unknown', rdata: toHex(bytes) }, wire: bytes.slice() };
    }
  }
  if (reader.remaining !== 0) {
    throw new DnsWireError('malformed', `${reader.remaining} unexpected octets after the ${recordTypeName(type)} RDATA`);
  }
  return result;
}

function writeCharacterString(writer: ByteWriter, bytes: Uint8Array, what: string): void {
  if (bytes.length > 255) throw new DnsWireError('malformed', `${what} longer than 255 octets`);
  writer.u8(bytes.length).bytes(bytes);
}

function hexOrThrow(text: string, what: string): Uint8Array {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new DnsWireError('malformed', `${what} is not hex`);
  return bytes;
}

/** Types whose RDATA names may be compressed when sending (RFC 3597 §4: the RFC 1035 types). */
const compressibleRdataTypes: ReadonlySet<string> = new Set(['NS', 'CNAME', 'PTR', 'MX', 'SOA']);

/**
 * Encodes RDATA from typed data. Names are written in the case given (pastoe's names are
 * lowercase) and compressed only for the RFC 1035 types, and only when a table is passed.
 * @throws DnsWireError when the data cannot be encoded
 */
export function encodeRdata(writer: ByteWriter, data: RecordData, table?: CompressionTable): void {
  const nameTable = compressibleRdataTypes.has(data.type) ? table : undefined;
  switch (data.type) {
    case 'A': {
      const bytes = parseIPv4(data.address);
      if (bytes === undefined) throw new DnsWireError('malformed', `not an IPv4 address: ${data.address}`);
      writer.bytes(bytes);
      return;
    }
    case 'AAAA': {
      const bytes = parseIPv6(data.address);
      if (bytes === undefined) throw new DnsWireError('malformed', `not an IPv6 address: ${data.address}`);
      writer.bytes(bytes);
      return;
    }
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      writeName(writer, parseName(data.target), nameTable);
      return;
    case 'MX':
      writer.u16(data.preference);
      writeName(writer, parseName(data.exchange), nameTable);
      return;
    case 'TXT':
      for (const text of data.strings) writeCharacterString(writer, utf8Encoder.encode(text), 'TXT character-string');
      return;
    case 'SOA':
      writeName(writer, parseName(data.mname), nameTable);
      writeName(writer, parseName(data.rname), nameTable);
      writer.u32(data.serial).u32(data.refresh).u32(data.retry).u32(data.expire).u32(data.minimum);
      return;
    case 'SRV':
      writer.u16(data.priority).u16(data.weight).u16(data.port);
      writeName(writer, parseName(data.target));
      return;
    case 'CAA':
      writer.u8(data.flags);
      writeCharacterString(writer, utf8Encoder.encode(data.tag), 'CAA tag');
      writer.bytes(utf8Encoder.encode(data.value));
      return;
    case 'DS':
    case 'CDS':
      writer.u16(data.keyTag).u8(data.algorithm).u8(data.digestType).bytes(hexOrThrow(data.digest, 'DS digest'));
      return;
    case 'DNSKEY':
    case 'CDNSKEY':
      writer.u16(data.flags).u8(data.protocol).u8(data.algorithm).bytes(Buffer.from(data.publicKey, 'base64'));
      return;
    case 'RRSIG': {
      const covered = recordTypeNumber(data.typeCovered);
      if (covered === undefined) throw new DnsWireError('unsupported', `unknown covered type ${data.typeCovered}`);
      writer
        .u16(covered)
        .u8(data.algorithm)
        .u8(data.labels)
        .u32(data.originalTtl)
        .u32(data.expiration)
        .u32(data.inception)
        .u16(data.keyTag);
      writeName(writer, parseName(data.signerName));
      writer.bytes(Buffer.from(data.signature, 'base64'));
      return;
    }
    case 'NSEC':
      writeName(writer, parseName(data.nextDomain));
      writer.bytes(typeBitmapOctets(data.typeBitmap));
      return;
    case 'NSEC3': {
      const hash = fromBase32Hex(data.nextHashedOwner);
      if (hash === undefined) throw new DnsWireError('malformed', 'NSEC3 next hashed owner is not base32hex');
      writer.u8(data.hashAlgorithm).u8(data.flags).u16(data.iterations);
      writeCharacterString(writer, hexOrThrow(data.salt, 'NSEC3 salt'), 'NSEC3 salt');
      writeCharacterString(writer, hash, 'NSEC3 hash');
      writer.bytes(typeBitmapOctets(data.typeBitmap));
      return;
    }
    case 'NSEC3PARAM':
      writer.u8(data.hashAlgorithm).u8(data.flags).u16(data.iterations);
      writeCharacterString(writer, hexOrThrow(data.salt, 'NSEC3PARAM salt'), 'NSEC3PARAM salt');
      return;
    case 'TLSA':
      writer.u8(data.usage).u8(data.selector).u8(data.matchingType).bytes(hexOrThrow(data.certificateData, 'TLSA data'));
      return;
    case 'unknown':
      writer.bytes(hexOrThrow(data.rdata, 'RDATA'));
      return;
  }
}

/** The uncompressed RDATA of typed data, as the DNSSEC signer and canonical form need it. */
export function rdataToWire(data: RecordData): Uint8Array {
  const writer = new ByteWriter(64);
  encodeRdata(writer, data);
  return writer.toBytes();
}
