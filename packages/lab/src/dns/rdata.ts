import { isIPv4, isIPv6 } from 'node:net';
import { type RecordData, typeBitmapOf, typesInBitmap } from '@pastoe/core';
import { fromBase32Hex, fromBase64, fromHex } from './encoding.js';
import { LabDnsError, nameKey, normalizeName, toFqdn } from './names.js';
import { encodeWithPacket, packetTypeName } from './packet.js';
import { typeNumber } from './rrtypes.js';
import type { ZoneRecord } from './zone.js';

/** A name inside RDATA in dns-packet's form, lowercased for the canonical form where asked. */
function rdataName(name: string, lower: boolean): string {
  const n = normalizeName(name);
  return toFqdn(lower ? nameKey(n) : n);
}

/** The types of an NSEC/NSEC3 bitmap for dns-packet, which encodes the bitmap itself. */
function typeList(typeBitmap: string): string[] {
  const types = typesInBitmap(typeBitmap);
  // typesInBitmap reads a malformed bitmap as empty; RFC 4034 §4.1.2 also forbids empty windows and trailing zero octets.
  if (typeBitmapOf(types) !== typeBitmap.toLowerCase()) throw new LabDnsError(`invalid type bitmap "${typeBitmap}"`);
  return types.map((t) => packetTypeName(typeNumber(t)));
}

function u8(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new LabDnsError(`${what} must be 0..255, got ${value}`);
  return value;
}

function u16(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new LabDnsError(`${what} must be 0..65535, got ${value}`);
  return value;
}

function u32(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new LabDnsError(`${what} must be 0..2^32-1, got ${value}`);
  return value;
}

/**
 * Encodes record data as RDATA bytes with dns-packet's codecs.
 *
 * With `canonical` set, the names inside the RDATA of the types listed in RFC 4034 §6.2 (as
 * corrected by RFC 6840 §5.1: not NSEC) are lowercased, which is the form signatures cover.
 */
export function encodeRdata(data: RecordData, canonical = false): Buffer {
  switch (data.type) {
    case 'A':
      if (!isIPv4(data.address)) throw new LabDnsError(`invalid IPv4 address "${data.address}"`);
      return encodeWithPacket('A', data.address);
    case 'AAAA':
      if (!isIPv6(data.address)) throw new LabDnsError(`invalid IPv6 address "${data.address}"`);
      return encodeWithPacket('AAAA', data.address);
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      return encodeWithPacket('CNAME', rdataName(data.target, canonical));
    case 'MX':
      return encodeWithPacket('MX', { preference: u16(data.preference, 'MX preference'), exchange: rdataName(data.exchange, canonical) });
    case 'TXT': {
      if (data.strings.length === 0) throw new LabDnsError('a TXT record needs at least one string');
      const strings = data.strings.map((s) => {
        const bytes = Buffer.from(s, 'utf8');
        if (bytes.length > 255) throw new LabDnsError('a TXT character-string is longer than 255 bytes');
        return bytes;
      });
      return encodeWithPacket('TXT', strings);
    }
    case 'SOA':
      return encodeWithPacket('SOA', {
        mname: rdataName(data.mname, canonical),
        rname: rdataName(data.rname, canonical),
        serial: u32(data.serial, 'SOA serial'),
        refresh: u32(data.refresh, 'SOA refresh'),
        retry: u32(data.retry, 'SOA retry'),
        expire: u32(data.expire, 'SOA expire'),
        minimum: u32(data.minimum, 'SOA minimum'),
      });
    case 'SRV':
      return encodeWithPacket('SRV', {
        priority: u16(data.priority, 'SRV priority'),
        weight: u16(data.weight, 'SRV weight'),
        port: u16(data.port, 'SRV port'),
        target: rdataName(data.target, canonical),
      });
    case 'CAA':
      if (!/^[A-Za-z0-9]{1,255}$/.test(data.tag)) throw new LabDnsError(`invalid CAA tag "${data.tag}"`);
      return encodeWithPacket('CAA', { flags: u8(data.flags, 'CAA flags'), tag: data.tag, value: data.value });
    case 'DS':
    case 'CDS':
      return encodeWithPacket('DS', {
        keyTag: u16(data.keyTag, 'DS key tag'),
        algorithm: u8(data.algorithm, 'DS algorithm'),
        digestType: u8(data.digestType, 'DS digest type'),
        digest: fromHex(data.digest),
      });
    case 'DNSKEY':
    case 'CDNSKEY': {
      const key = fromBase64(data.publicKey);
      const flags = u16(data.flags, 'DNSKEY flags');
      const algorithm = u8(data.algorithm, 'DNSKEY algorithm');
      if (data.protocol === 3) return encodeWithPacket('DNSKEY', { flags, algorithm, key });
      // dns-packet always writes protocol 3; the lab may want a broken protocol value on purpose.
      const head = Buffer.alloc(4);
      head.writeUInt16BE(flags, 0);
      head.writeUInt8(u8(data.protocol, 'DNSKEY protocol'), 2);
      head.writeUInt8(algorithm, 3);
      return Buffer.concat([head, key]);
    }
    case 'RRSIG':
      return encodeWithPacket('RRSIG', {
        typeCovered: packetTypeName(typeNumber(data.typeCovered)),
        algorithm: u8(data.algorithm, 'RRSIG algorithm'),
        labels: u8(data.labels, 'RRSIG labels'),
        originalTTL: u32(data.originalTtl, 'RRSIG original TTL'),
        expiration: data.expiration >>> 0,
        inception: data.inception >>> 0,
        keyTag: u16(data.keyTag, 'RRSIG key tag'),
        signersName: rdataName(data.signerName, canonical),
        signature: fromBase64(data.signature),
      });
    case 'NSEC':
      return encodeWithPacket('NSEC', { nextDomain: rdataName(data.nextDomain, false), rrtypes: typeList(data.typeBitmap) });
    case 'NSEC3':
      return encodeWithPacket('NSEC3', {
        algorithm: u8(data.hashAlgorithm, 'NSEC3 hash algorithm'),
        flags: u8(data.flags, 'NSEC3 flags'),
        iterations: u16(data.iterations, 'NSEC3 iterations'),
        salt: fromHex(data.salt),
        nextDomain: fromBase32Hex(data.nextHashedOwner),
        rrtypes: typeList(data.typeBitmap),
      });
    case 'NSEC3PARAM': {
      // dns-packet has no NSEC3PARAM codec (RFC 5155 §4.2: alg, flags, iterations, salt).
      const salt = fromHex(data.salt);
      const head = Buffer.alloc(5);
      head.writeUInt8(u8(data.hashAlgorithm, 'NSEC3PARAM hash algorithm'), 0);
      head.writeUInt8(u8(data.flags, 'NSEC3PARAM flags'), 1);
      head.writeUInt16BE(u16(data.iterations, 'NSEC3PARAM iterations'), 2);
      head.writeUInt8(u8(salt.length, 'NSEC3PARAM salt length'), 4);
      return Buffer.concat([head, salt]);
    }
    case 'TLSA':
      return encodeWithPacket('TLSA', {
        usage: u8(data.usage, 'TLSA usage'),
        selector: u8(data.selector, 'TLSA selector'),
        matchingType: u8(data.matchingType, 'TLSA matching type'),
        certificate: fromHex(data.certificateData),
      });
    case 'unknown':
      return fromHex(data.rdata);
  }
}

/** The RDATA of a record, checking it fits in RDLENGTH. */
export function recordRdata(record: ZoneRecord, canonical = false): Buffer {
  const rdata = encodeRdata(record.data, canonical);
  if (rdata.length > 0xffff) throw new LabDnsError(`RDATA of ${record.name} ${record.type} is too long`);
  return rdata;
}

/** Quotes a TXT or CAA string for a zone file: `"` and `\` escaped, other non-printables as `\DDD`. */
function quoteString(text: string | Buffer): string {
  let out = '"';
  for (const byte of typeof text === 'string' ? Buffer.from(text, 'utf8') : text) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) out += `\\${byte.toString().padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

/**
 * A TXT record's text for a zone file: quoted, and split into character-strings of at most 255
 * bytes as RFC 1035 requires (a long DKIM key or SPF record arrives as several strings).
 */
export function txtZoneText(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return '""';
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 255) parts.push(quoteString(bytes.subarray(start, start + 255)));
  return parts.join(' ');
}

function zoneTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** The RDATA of a record in zone-file presentation form; names are absolute with a trailing dot. */
export function rdataToText(data: RecordData): string {
  switch (data.type) {
    case 'A':
    case 'AAAA':
      return data.address;
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      return toFqdn(data.target);
    case 'MX':
      return `${data.preference} ${toFqdn(data.exchange)}`;
    case 'TXT':
      return data.strings.map(quoteString).join(' ');
    case 'SOA':
      return `${toFqdn(data.mname)} ${toFqdn(data.rname)} ${data.serial} ${data.refresh} ${data.retry} ${data.expire} ${data.minimum}`;
    case 'SRV':
      return `${data.priority} ${data.weight} ${data.port} ${toFqdn(data.target)}`;
    case 'CAA':
      return `${data.flags} ${data.tag} ${quoteString(data.value)}`;
    case 'DS':
    case 'CDS':
      return `${data.keyTag} ${data.algorithm} ${data.digestType} ${data.digest.toUpperCase()}`;
    case 'DNSKEY':
    case 'CDNSKEY':
      return `${data.flags} ${data.protocol} ${data.algorithm} ${data.publicKey}`;
    case 'RRSIG':
      return `${data.typeCovered} ${data.algorithm} ${data.labels} ${data.originalTtl} ${zoneTime(data.expiration)} ${zoneTime(data.inception)} ${data.keyTag} ${toFqdn(data.signerName)} ${data.signature}`;
    case 'NSEC':
      return [toFqdn(data.nextDomain), ...typesInBitmap(data.typeBitmap)].join(' ');
    case 'NSEC3':
      return [
        data.hashAlgorithm,
        data.flags,
        data.iterations,
        data.salt === '' ? '-' : data.salt.toUpperCase(),
        data.nextHashedOwner.toUpperCase(),
        ...typesInBitmap(data.typeBitmap),
      ].join(' ');
    case 'NSEC3PARAM':
      return `${data.hashAlgorithm} ${data.flags} ${data.iterations} ${data.salt === '' ? '-' : data.salt.toUpperCase()}`;
    case 'TLSA':
      return `${data.usage} ${data.selector} ${data.matchingType} ${data.certificateData.toUpperCase()}`;
    case 'unknown': {
      const length = data.rdata.length / 2;
      return length === 0 ? '\\# 0' : `\\# ${length} ${data.rdata.toUpperCase()}`;
    }
  }
}
