/**
 * A small master-file reader and writer (RFC 1035 §5.1, RFC 3597 §5 for unknown types). It reads
 * what the lab writes and what dnssec-signzone / kzonesign write, which is what the lab needs; it
 * does not do `$INCLUDE` or `$GENERATE`.
 */
import { type RecordData, type RecordType, typeBitmapOf } from '@pastoe/core';
import { fromBase32Hex, fromBase64, fromHex } from './encoding.js';
import { LabDnsError, compareNames, normalizeName, toFqdn } from './names.js';
import { encodeRdata, rdataToText } from './rdata.js';
import { canonicalType, isRecordType, typeNumber } from './rrtypes.js';
import { type Zone, type ZoneRecord, normalizeRecord } from './zone.js';

interface Token {
  /** The text with quotes removed; escapes are kept for unquoted tokens and resolved for quoted ones. */
  readonly text: string;
  /** The bytes of the token after escape processing. */
  readonly bytes: Buffer;
  readonly quoted: boolean;
}

interface Line {
  readonly tokens: Token[];
  /** The line began with blank space: the owner is the previous one. */
  readonly continuesOwner: boolean;
  readonly lineNumber: number;
}

function unescapeBytes(raw: string, lineNumber: number): Buffer {
  const out: number[] = [];
  const bytes = Buffer.from(raw, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== 0x5c) {
      out.push(b);
      continue;
    }
    const digits = bytes.subarray(i + 1, i + 4).toString('latin1');
    if (/^\d{3}$/.test(digits)) {
      const value = Number(digits);
      if (value > 255) throw new LabDnsError(`line ${lineNumber}: escape \\${digits} is out of range`);
      out.push(value);
      i += 3;
    } else if (i + 1 < bytes.length) {
      out.push(bytes[i + 1] as number);
      i += 1;
    } else {
      throw new LabDnsError(`line ${lineNumber}: dangling backslash`);
    }
  }
  return Buffer.from(out);
}

/** Splits master-file text into logical lines of tokens, joining parenthesised continuations. */
function tokenize(text: string): Line[] {
  const lines: Line[] = [];
  let tokens: Token[] = [];
  let depth = 0;
  let lineNumber = 1;
  let startLine = 1;
  let continuesOwner = false;
  let atLineStart = true;
  let i = 0;
  const finishLine = (): void => {
    if (tokens.length > 0) lines.push({ tokens, continuesOwner, lineNumber: startLine });
    tokens = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n') {
      lineNumber++;
      i++;
      if (depth === 0) {
        finishLine();
        atLineStart = true;
      }
      continue;
    }
    if (atLineStart) {
      startLine = lineNumber;
      continuesOwner = ch === ' ' || ch === '\t';
      atLineStart = false;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '(') {
      depth++;
      i++;
    } else if (ch === ')') {
      if (depth === 0) throw new LabDnsError(`line ${lineNumber}: unbalanced ")"`);
      depth--;
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let raw = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) {
          raw += text.slice(j, j + 2);
          j += 2;
        } else {
          if (text[j] === '\n') lineNumber++;
          raw += text[j];
          j++;
        }
      }
      if (j >= text.length) throw new LabDnsError(`line ${lineNumber}: unterminated quoted string`);
      const bytes = unescapeBytes(raw, lineNumber);
      tokens.push({ text: bytes.toString('utf8'), bytes, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !' \t\r\n;()"'.includes(text[j] as string)) {
        j += text[j] === '\\' ? 2 : 1;
      }
      const raw = text.slice(i, j);
      tokens.push({ text: raw, bytes: unescapeBytes(raw, lineNumber), quoted: false });
      i = j;
    }
  }
  if (depth !== 0) throw new LabDnsError('unbalanced "(" at end of zone file');
  finishLine();
  return lines;
}

const ttlPattern = /^(?:\d+[smhdw]?)+$/i;
const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Reads a TTL: plain seconds or BIND units such as `1h30m`. */
export function parseTtl(text: string): number {
  if (!ttlPattern.test(text)) throw new LabDnsError(`invalid TTL "${text}"`);
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (const match of text.matchAll(/(\d+)([smhdw]?)/gi)) {
    total += Number(match[1]) * (unitSeconds[(match[2] ?? 's').toLowerCase() || 's'] ?? 1);
  }
  if (total > 0x7fffffff) throw new LabDnsError(`TTL "${text}" is too large`);
  return total;
}

function isClass(text: string): boolean {
  return /^(IN|CH|HS|CS|CLASS\d+)$/i.test(text);
}

/** Resolves a presentation name against the origin: `@`, absolute (trailing dot) or relative. */
function resolveName(text: string, origin: string, lineNumber: number): string {
  try {
    if (text === '@') return origin;
    if (text.endsWith('.')) return normalizeName(text);
    return normalizeName(origin === '' ? text : `${text}.${origin}`);
  } catch (error) {
    throw new LabDnsError(`line ${lineNumber}: ${(error as Error).message}`);
  }
}

function parseTime(text: string, lineNumber: number): number {
  if (/^\d{14}$/.test(text)) {
    const ms = Date.UTC(
      Number(text.slice(0, 4)),
      Number(text.slice(4, 6)) - 1,
      Number(text.slice(6, 8)),
      Number(text.slice(8, 10)),
      Number(text.slice(10, 12)),
      Number(text.slice(12, 14)),
    );
    return Math.floor(ms / 1000);
  }
  if (/^\d{1,10}$/.test(text)) return Number(text);
  throw new LabDnsError(`line ${lineNumber}: invalid time "${text}"`);
}

class RdataReader {
  private index = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly origin: string,
    private readonly lineNumber: number,
  ) {}

  private fail(message: string): never {
    throw new LabDnsError(`line ${this.lineNumber}: ${message}`);
  }

  next(what: string): Token {
    const token = this.tokens[this.index++];
    if (token === undefined) this.fail(`missing ${what}`);
    return token;
  }

  int(what: string, max: number): number {
    const text = this.next(what).text;
    if (!/^\d+$/.test(text) || Number(text) > max) this.fail(`invalid ${what} "${text}"`);
    return Number(text);
  }

  name(what: string): string {
    return resolveName(this.next(what).text, this.origin, this.lineNumber);
  }

  /** All remaining tokens joined: base64 and hex fields may be split by blanks. */
  rest(what: string): string {
    if (this.index >= this.tokens.length) this.fail(`missing ${what}`);
    const text = this.tokens
      .slice(this.index)
      .map((t) => t.text)
      .join('');
    this.index = this.tokens.length;
    return text;
  }

  remaining(): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return rest;
  }

  done(): void {
    if (this.index < this.tokens.length) this.fail(`unexpected "${this.tokens[this.index]?.text}"`);
  }
}

function hexOf(text: string, what: string, lineNumber: number): string {
  try {
    return fromHex(text).toString('hex');
  } catch {
    throw new LabDnsError(`line ${lineNumber}: invalid hex in ${what}`);
  }
}

function base64Of(text: string, what: string, lineNumber: number): string {
  try {
    return fromBase64(text).toString('base64');
  } catch {
    throw new LabDnsError(`line ${lineNumber}: invalid base64 in ${what}`);
  }
}

function parseRdata(type: RecordType, reader: RdataReader, lineNumber: number): RecordData {
  switch (type) {
    case 'A':
    case 'AAAA': {
      const data = { type, address: reader.next('address').text };
      reader.done();
      return data;
    }
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME': {
      const data = { type, target: reader.name('target') };
      reader.done();
      return data;
    }
    case 'MX': {
      const data = { type, preference: reader.int('preference', 0xffff), exchange: reader.name('exchange') };
      reader.done();
      return data;
    }
    case 'TXT': {
      const strings = reader.remaining().map((t) => t.bytes.toString('utf8'));
      if (strings.length === 0) throw new LabDnsError(`line ${lineNumber}: TXT without strings`);
      return { type, strings };
    }
    case 'SOA': {
      const data = {
        type,
        mname: reader.name('mname'),
        rname: reader.name('rname'),
        serial: reader.int('serial', 0xffffffff),
        refresh: parseTtl(reader.next('refresh').text),
        retry: parseTtl(reader.next('retry').text),
        expire: parseTtl(reader.next('expire').text),
        minimum: parseTtl(reader.next('minimum').text),
      };
      reader.done();
      return data;
    }
    case 'SRV': {
      const data = {
        type,
        priority: reader.int('priority', 0xffff),
        weight: reader.int('weight', 0xffff),
        port: reader.int('port', 0xffff),
        target: reader.name('target'),
      };
      reader.done();
      return data;
    }
    case 'CAA': {
      const data = {
        type,
        flags: reader.int('flags', 255),
        tag: reader.next('tag').text,
        value: reader.next('value').bytes.toString('utf8'),
      };
      reader.done();
      return data;
    }
    case 'DS':
    case 'CDS':
      return {
        type,
        keyTag: reader.int('key tag', 0xffff),
        algorithm: reader.int('algorithm', 255),
        digestType: reader.int('digest type', 255),
        digest: hexOf(reader.rest('digest'), 'DS digest', lineNumber),
      };
    case 'DNSKEY':
    case 'CDNSKEY':
      return {
        type,
        flags: reader.int('flags', 0xffff),
        protocol: reader.int('protocol', 255),
        algorithm: reader.int('algorithm', 255),
        publicKey: base64Of(reader.rest('public key'), 'DNSKEY', lineNumber),
      };
    case 'RRSIG':
      return {
        type,
        typeCovered: canonicalType(reader.next('type covered').text),
        algorithm: reader.int('algorithm', 255),
        labels: reader.int('labels', 255),
        originalTtl: reader.int('original TTL', 0xffffffff),
        expiration: parseTime(reader.next('expiration').text, lineNumber),
        inception: parseTime(reader.next('inception').text, lineNumber),
        keyTag: reader.int('key tag', 0xffff),
        signerName: reader.name('signer name'),
        signature: base64Of(reader.rest('signature'), 'RRSIG', lineNumber),
      };
    case 'NSEC':
      return {
        type,
        nextDomain: reader.name('next domain'),
        typeBitmap: typeBitmapOf(reader.remaining().map((t) => canonicalType(t.text))),
      };
    case 'NSEC3': {
      const hashAlgorithm = reader.int('hash algorithm', 255);
      const flags = reader.int('flags', 255);
      const iterations = reader.int('iterations', 0xffff);
      const saltText = reader.next('salt').text;
      const salt = saltText === '-' ? '' : hexOf(saltText, 'NSEC3 salt', lineNumber);
      const nextText = reader.next('next hashed owner').text;
      let nextHashedOwner: string;
      try {
        nextHashedOwner = fromBase32Hex(nextText).length > 0 ? nextText.toLowerCase() : '';
      } catch {
        throw new LabDnsError(`line ${lineNumber}: invalid next hashed owner "${nextText}"`);
      }
      const typeBitmap = typeBitmapOf(reader.remaining().map((t) => canonicalType(t.text)));
      return { type, hashAlgorithm, flags, iterations, salt, nextHashedOwner, typeBitmap };
    }
    case 'NSEC3PARAM': {
      const hashAlgorithm = reader.int('hash algorithm', 255);
      const flags = reader.int('flags', 255);
      const iterations = reader.int('iterations', 0xffff);
      const saltText = reader.next('salt').text;
      reader.done();
      return { type, hashAlgorithm, flags, iterations, salt: saltText === '-' ? '' : hexOf(saltText, 'NSEC3PARAM salt', lineNumber) };
    }
    case 'TLSA':
      return {
        type,
        usage: reader.int('usage', 255),
        selector: reader.int('selector', 255),
        matchingType: reader.int('matching type', 255),
        certificateData: hexOf(reader.rest('certificate data'), 'TLSA', lineNumber),
      };
    default:
      throw new LabDnsError(`line ${lineNumber}: type ${type} needs the generic \\# form`);
  }
}

/** Options for {@link parseZoneFile}. */
export interface ParseZoneOptions {
  /** The initial `$ORIGIN`, and the zone origin when the text has no SOA. */
  readonly origin?: string;
  /** The TTL for records without one before any `$TTL`. */
  readonly defaultTtl?: number;
}

/**
 * Parses zone-file text: `$ORIGIN`, `$TTL`, `@`, relative names, omitted owners, TTL and class
 * in either order, parentheses, comments, quoted strings with escapes, and the types pastoe
 * knows plus RFC 3597's `TYPE<n> \# <length> <hex>` for any other.
 *
 * The zone origin is the `origin` option, else the SOA owner, else the first `$ORIGIN`.
 */
export function parseZoneFile(text: string, options: ParseZoneOptions = {}): Zone {
  let origin = options.origin === undefined ? '' : normalizeName(options.origin);
  let zoneOrigin = options.origin === undefined ? undefined : origin;
  let firstOrigin: string | undefined;
  let defaultTtl = options.defaultTtl;
  let lastTtl: number | undefined;
  let owner: string | undefined;
  const records: ZoneRecord[] = [];

  for (const line of tokenize(text)) {
    const { tokens, lineNumber } = line;
    const first = tokens[0] as Token;
    if (!line.continuesOwner && !first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase();
      const argument = tokens[1]?.text;
      if (argument === undefined) throw new LabDnsError(`line ${lineNumber}: ${directive} needs an argument`);
      if (directive === '$ORIGIN') {
        origin = resolveName(argument, origin, lineNumber);
        firstOrigin ??= origin;
      } else if (directive === '$TTL') {
        defaultTtl = parseTtl(argument);
      } else {
        throw new LabDnsError(`line ${lineNumber}: ${directive} is not supported`);
      }
      continue;
    }
    let index = 0;
    if (!line.continuesOwner) {
      owner = resolveName(first.text, origin, lineNumber);
      index = 1;
    } else if (owner === undefined) {
      throw new LabDnsError(`line ${lineNumber}: a record without an owner name`);
    }
    let ttl: number | undefined;
    let type: RecordType | undefined;
    while (index < tokens.length && type === undefined) {
      const token = (tokens[index] as Token).text;
      index++;
      if (ttl === undefined && ttlPattern.test(token)) ttl = parseTtl(token);
      else if (isClass(token)) {
        if (token.toUpperCase() !== 'IN') throw new LabDnsError(`line ${lineNumber}: only class IN is supported`);
      } else if (isRecordType(token)) type = canonicalType(token);
      else throw new LabDnsError(`line ${lineNumber}: unknown record type "${token}"`);
    }
    if (type === undefined) throw new LabDnsError(`line ${lineNumber}: missing record type`);
    ttl ??= defaultTtl ?? lastTtl;
    if (ttl === undefined) throw new LabDnsError(`line ${lineNumber}: no TTL and no $TTL`);
    lastTtl = ttl;
    const rdataTokens = tokens.slice(index);
    let data: RecordData;
    if (rdataTokens[0]?.text === '\\#' && !rdataTokens[0].quoted) {
      const length = rdataTokens[1]?.text ?? '';
      if (!/^\d+$/.test(length)) throw new LabDnsError(`line ${lineNumber}: invalid \\# length`);
      const hex = hexOf(
        rdataTokens
          .slice(2)
          .map((t) => t.text)
          .join(''),
        'generic RDATA',
        lineNumber,
      );
      if (hex.length / 2 !== Number(length)) throw new LabDnsError(`line ${lineNumber}: \\# length does not match the data`);
      data = { type: 'unknown', rdata: hex };
    } else {
      data = parseRdata(type, new RdataReader(rdataTokens, origin, lineNumber), lineNumber);
    }
    if (type === 'SOA') zoneOrigin ??= owner;
    try {
      const record = normalizeRecord({ name: owner, type, ttl, data });
      // Encoding once here reports bad addresses or oversized strings with their line number.
      encodeRdata(record.data);
      records.push(record);
    } catch (error) {
      throw new LabDnsError(`line ${lineNumber}: ${(error as Error).message}`);
    }
  }
  const resolvedOrigin = zoneOrigin ?? firstOrigin;
  if (resolvedOrigin === undefined) throw new LabDnsError('zone file has no SOA, no $ORIGIN and no origin option');
  return { origin: resolvedOrigin, records };
}

/**
 * Writes a zone as standard master-file text that BIND, Knot, ldns and this parser read: every
 * name absolute, one record per line, SOA first and the rest in canonical order, so that external
 * signers (dnssec-signzone, kzonesign) can sign exactly the same data.
 */
export function zoneToText(zone: Zone): string {
  const soa = zone.records.filter((r) => r.type === 'SOA');
  const rest = zone.records
    .map((record, position) => ({ record, position }))
    .filter(({ record }) => record.type !== 'SOA')
    .sort(
      (a, b) =>
        compareNames(a.record.name, b.record.name) || typeNumber(a.record.type) - typeNumber(b.record.type) || a.position - b.position,
    )
    .map(({ record }) => record);
  const lines = [`$ORIGIN ${toFqdn(zone.origin)}`];
  for (const record of [...soa, ...rest]) {
    lines.push(`${toFqdn(record.name)}\t${record.ttl}\tIN\t${record.type}\t${rdataToText(record.data)}`);
  }
  return `${lines.join('\n')}\n`;
}
