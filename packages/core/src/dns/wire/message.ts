import { randomInt } from 'node:crypto';
import type { DnsError, DnsFlags, DnsMessage, DnsQuestion, DnsRecord, ExtendedDnsError, Rcode, RecordData, RecordType } from '../types.js';
import {
  className,
  classNumber,
  defaultUdpPayloadSize,
  ednsOptionCodes,
  maxMessageBytes,
  rcodeName,
  rcodeNumber,
  recordTypeName,
  recordTypeNumber,
  recordTypeNumbers,
} from './constants.js';
import { DnsWireError, malformedWire, toDnsError } from './errors.js';
import { type CompressionTable, type NameLabels, parseName, presentName, readName, writeName } from './names.js';
import { ByteReader, ByteWriter, toHex } from '../../util/bytes.js';
import { decodeRdata, encodeRdata } from './records.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

const HEADER_OCTETS = 12;
const MIN_QUESTION_OCTETS = 5;
const MIN_RECORD_OCTETS = 11;

/** A query ready to send, with what is needed to recognise its answer. */
export interface EncodedQuery {
  /** The message bytes. */
  readonly bytes: Uint8Array;
  /** The message ID. */
  readonly id: number;
  /** The question name in pastoe's presentation form (lowercase, punycode, no trailing dot). */
  readonly name: string;
  /** The question type. */
  readonly type: RecordType;
  /** Whether the DO bit was set. */
  readonly dnssecOk: boolean;
  /** Whether the CD bit was set. */
  readonly checkingDisabled: boolean;
  /** Whether the RD bit was set. */
  readonly recursionDesired: boolean;
}

/** Options for {@link encodeQuery}. */
export interface EncodeQueryOptions {
  /**
   * The message ID. Default: a cryptographically random one, which is what makes off-path
   * spoofing of UDP answers hard. DoH uses 0 (RFC 8484 §4.1), since HTTP already pairs
   * requests with responses and a fixed ID keeps responses cacheable.
   */
  readonly id?: number;
  /** The UDP payload size advertised in EDNS. Default 1232. */
  readonly udpPayloadSize?: number;
  /**
   * Pads the query with the EDNS Padding option (RFC 7830) to a multiple of this many octets;
   * RFC 8467 recommends 128 for queries over encrypted transports. Default: no padding.
   */
  readonly paddingBlockSize?: number;
}

/** The result of {@link encodeQuery}: the query, or why the question cannot be asked. */
export type EncodeQueryResult = { readonly ok: true; readonly query: EncodedQuery } | { readonly ok: false; readonly error: DnsError };

/** The result of {@link decodeMessage}: the message, or why the bytes are not one. */
export type DecodeMessageResult = { readonly ok: true; readonly message: DnsMessage } | { readonly ok: false; readonly error: DnsError };

/** A question with its name normalised, as pastoe asks it and caches it. */
export interface NormalizedQuestion {
  /** Presentation form: lowercase, punycode, no trailing dot. */
  readonly name: string;
  /** The canonical type (`TYPE1` becomes `A`). */
  readonly type: RecordType;
  /** The EDNS DO bit. */
  readonly dnssecOk: boolean;
  /** The CD bit. */
  readonly checkingDisabled: boolean;
  /** The RD bit. */
  readonly recursionDesired: boolean;
}

/** The result of {@link normalizeQuestion}. */
export type NormalizeQuestionResult =
  | { readonly ok: true; readonly question: NormalizedQuestion }
  | { readonly ok: false; readonly error: DnsError };

/**
 * Checks and normalises a question before anything is sent: the name is converted to
 * punycode and validated (a bad name never reaches the network) and the type must be known
 * by name or given as `TYPE<n>`. Defaults follow {@link DnsQuestion}: DO on, CD off, RD on.
 */
export function normalizeQuestion(question: DnsQuestion): NormalizeQuestionResult {
  try {
    const name = presentName(parseName(question.name));
    const typeNumber = typeof question.type === 'string' ? recordTypeNumber(question.type) : undefined;
    if (typeNumber === undefined) {
      return { ok: false, error: { code: 'unsupported', message: `unknown record type ${String(question.type)}` } };
    }
    if (typeNumber === recordTypeNumbers.OPT) {
      return { ok: false, error: { code: 'unsupported', message: 'OPT is a pseudo-type and cannot be queried' } };
    }
    return {
      ok: true,
      question: {
        name,
        type: recordTypeName(typeNumber),
        dnssecOk: question.dnssecOk ?? true,
        checkingDisabled: question.checkingDisabled ?? false,
        recursionDesired: question.recursionDesired ?? true,
      },
    };
  } catch (caught) {
    return { ok: false, error: toDnsError(caught, 'invalid-name') };
  }
}

/**
 * Encodes a query: one question of class IN, RD and CD as asked, and an EDNS OPT record with
 * the DO bit and a UDP size of 1232. Never throws: a bad name or type comes back as an error.
 */
export function encodeQuery(question: DnsQuestion, options: EncodeQueryOptions = {}): EncodeQueryResult {
  const normalized = normalizeQuestion(question);
  if (!normalized.ok) return normalized;
  const q = normalized.question;
  try {
    const id = options.id ?? randomInt(0, 0x10000);
    const bytes = encodeMessage({
      id,
      flags: { qr: false, rd: q.recursionDesired, cd: q.checkingDisabled },
      question: [{ name: q.name, type: q.type }],
      edns: {
        udpPayloadSize: options.udpPayloadSize ?? defaultUdpPayloadSize,
        dnssecOk: q.dnssecOk,
        ...(options.paddingBlockSize === undefined ? {} : { paddingBlockSize: options.paddingBlockSize }),
      },
    });
    return { ok: true, query: { bytes, id, ...q } };
  } catch (caught) {
    return { ok: false, error: toDnsError(caught, 'invalid-name') };
  }
}

/** A record to encode. The type is taken from the data unless the data is `unknown`. */
export interface EncodableRecord {
  /** Owner name (presentation form, escapes allowed). */
  readonly name: string;
  /** Required for `unknown` data; otherwise it must agree with the data. */
  readonly type?: RecordType;
  /** Default `IN`. */
  readonly class?: string;
  /** Time to live in seconds. */
  readonly ttl: number;
  /** The data. */
  readonly data: RecordData;
}

/** One EDNS option, raw. */
export interface EncodableEdnsOption {
  /** The option code. */
  readonly code: number;
  /** The option data. */
  readonly data: Uint8Array;
}

/** A message to encode: the lab's server and pastoe's tests build answers with this. */
export interface EncodableMessage {
  /** The message ID. */
  readonly id: number;
  /** Header flags; `qr` defaults to true (a response), the others to false. */
  readonly flags?: Partial<DnsFlags> & { readonly qr?: boolean; readonly opcode?: number };
  /** The response code; values above 15 need EDNS. Default NOERROR. */
  readonly rcode?: Rcode;
  /** The question section. */
  readonly question?: readonly { readonly name: string; readonly type: RecordType; readonly class?: string }[];
  /** The answer section. */
  readonly answers?: readonly EncodableRecord[];
  /** The authority section. */
  readonly authority?: readonly EncodableRecord[];
  /** The additional section (without OPT; see `edns`). */
  readonly additional?: readonly EncodableRecord[];
  /** Adds an OPT record at the end of the additional section. */
  readonly edns?: {
    /** The advertised UDP payload size. Default 1232. */
    readonly udpPayloadSize?: number;
    /** The DO bit. */
    readonly dnssecOk?: boolean;
    /** The EDNS version. Default 0. */
    readonly version?: number;
    /** Extended DNS Errors (RFC 8914) to include. */
    readonly extendedErrors?: readonly ExtendedDnsError[];
    /** Further raw options. */
    readonly options?: readonly EncodableEdnsOption[];
    /** Pads the whole message to a multiple of this many octets (RFC 7830). */
    readonly paddingBlockSize?: number;
  };
}

/** Options for {@link encodeMessage}. */
export interface EncodeMessageOptions {
  /** Compress owner names and the names in NS, CNAME, PTR, MX and SOA data. Default false. */
  readonly compress?: boolean;
}

function writeRecord(writer: ByteWriter, record: EncodableRecord, table: CompressionTable | undefined): void {
  const typeText = record.data.type === 'unknown' ? record.type : record.data.type;
  if (typeText === undefined) throw new DnsWireError('unsupported', `record ${record.name} with unknown data needs a type`);
  const type = recordTypeNumber(typeText);
  if (type === undefined) throw new DnsWireError('unsupported', `unknown record type ${typeText}`);
  const klass = classNumber(record.class ?? 'IN');
  if (klass === undefined) throw new DnsWireError('unsupported', `unknown class ${String(record.class)}`);
  writeName(writer, parseName(record.name), table);
  writer.u16(type).u16(klass).u32(record.ttl);
  const lengthAt = writer.length;
  writer.u16(0);
  encodeRdata(writer, record.data, table);
  const length = writer.length - lengthAt - 2;
  if (length > 0xffff) throw new DnsWireError('too-large', `RDATA of ${record.name} longer than 65535 octets`);
  writer.patchU16(lengthAt, length);
}

/**
 * Encodes a whole message. Meant for trusted input (tests, the lab's server, a signer): it
 * throws rather than returning an error.
 * @throws DnsWireError when a name, type or value cannot be encoded
 */
export function encodeMessage(message: EncodableMessage, options: EncodeMessageOptions = {}): Uint8Array {
  const writer = new ByteWriter(512);
  const table: CompressionTable | undefined = options.compress === true ? new Map() : undefined;
  const flags = message.flags ?? {};
  const rcode = rcodeNumber(message.rcode ?? 'NOERROR');
  if (rcode === undefined) throw new DnsWireError('unsupported', `unknown rcode ${String(message.rcode)}`);
  if (rcode > 15 && message.edns === undefined) throw new DnsWireError('unsupported', 'an extended rcode needs EDNS');
  const question = message.question ?? [];
  const answers = message.answers ?? [];
  const authority = message.authority ?? [];
  const additional = message.additional ?? [];
  const bit = (on: boolean | undefined, mask: number): number => (on === true ? mask : 0);
  writer.u16(message.id & 0xffff);
  writer.u16(
    bit(flags.qr ?? true, 0x8000) |
      (((flags.opcode ?? 0) & 0xf) << 11) |
      bit(flags.aa, 0x0400) |
      bit(flags.tc, 0x0200) |
      bit(flags.rd, 0x0100) |
      bit(flags.ra, 0x0080) |
      bit(flags.ad, 0x0020) |
      bit(flags.cd, 0x0010) |
      (rcode & 0xf),
  );
  writer
    .u16(question.length)
    .u16(answers.length)
    .u16(authority.length)
    .u16(additional.length + (message.edns === undefined ? 0 : 1));
  for (const q of question) {
    const type = recordTypeNumber(q.type);
    if (type === undefined) throw new DnsWireError('unsupported', `unknown record type ${q.type}`);
    const klass = classNumber(q.class ?? 'IN');
    if (klass === undefined) throw new DnsWireError('unsupported', `unknown class ${String(q.class)}`);
    writeName(writer, parseName(q.name), table);
    writer.u16(type).u16(klass);
  }
  for (const record of answers) writeRecord(writer, record, table);
  for (const record of authority) writeRecord(writer, record, table);
  for (const record of additional) writeRecord(writer, record, table);
  const edns = message.edns;
  if (edns !== undefined) {
    writer
      .u8(0)
      .u16(recordTypeNumbers.OPT)
      .u16(edns.udpPayloadSize ?? defaultUdpPayloadSize);
    writer
      .u8(rcode >>> 4)
      .u8(edns.version ?? 0)
      .u16(edns.dnssecOk === true ? 0x8000 : 0);
    const lengthAt = writer.length;
    writer.u16(0);
    for (const error of edns.extendedErrors ?? []) {
      const text = utf8Encoder.encode(error.text ?? '');
      writer
        .u16(ednsOptionCodes.extendedError)
        .u16(2 + text.length)
        .u16(error.code)
        .bytes(text);
    }
    for (const option of edns.options ?? []) writer.u16(option.code).u16(option.data.length).bytes(option.data);
    const block = edns.paddingBlockSize;
    if (block !== undefined && block > 1) {
      const padding = (block - ((writer.length + 4) % block)) % block;
      writer.u16(ednsOptionCodes.padding).u16(padding).bytes(new Uint8Array(padding));
    }
    writer.patchU16(lengthAt, writer.length - lengthAt - 2);
  }
  if (writer.length > maxMessageBytes) throw new DnsWireError('too-large', `message of ${writer.length} octets exceeds 65535`);
  return writer.toBytes();
}

/** Options for {@link decodeMessage}. */
export interface DecodeMessageOptions {
  /**
   * The receive time in milliseconds since the epoch, against which RRSIG timestamps are read
   * (RFC 4034 §3.1.5). Default `Date.now()`.
   */
  readonly now?: number;
  /** Accept a message with QR clear (a query), as a server does. Default false. */
  readonly allowQuery?: boolean;
}

interface RawEdns {
  udpPayloadSize: number;
  extendedRcode: number;
  dnssecOk: boolean;
  extendedErrors: ExtendedDnsError[];
}

function readOpt(reader: ByteReader, nameLength: number, klass: number, ttl: number): RawEdns {
  if (nameLength !== 0) throw new DnsWireError('malformed', 'OPT record with an owner other than the root');
  const options: ExtendedDnsError[] = [];
  while (reader.remaining > 0) {
    const code = reader.u16('EDNS option code');
    const length = reader.u16('EDNS option length');
    const data = reader.bytesOf(length, 'EDNS option');
    // An EDE shorter than its INFO-CODE is ignored rather than failing the whole answer: it is
    // diagnostic detail, and the rest of the message may be sound.
    if (code === ednsOptionCodes.extendedError && data.length >= 2) {
      const infoCode = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
      // RFC 8914 §2 says EXTRA-TEXT SHOULD NOT be NUL-terminated; some servers do it anyway.
      const text = utf8.decode(data.subarray(2)).replace(/\0+$/, '');
      options.push(text === '' ? { code: infoCode } : { code: infoCode, text });
    }
  }
  return {
    udpPayloadSize: klass,
    extendedRcode: Math.floor(ttl / 0x1000000) & 0xff,
    dnssecOk: (ttl & 0x8000) !== 0,
    extendedErrors: options,
  };
}

/**
 * Decodes a DNS message. Never throws: bytes that do not parse come back as `malformed`.
 * Every read is bounds-checked; section counts that cannot fit in the message, truncated
 * RDATA, compression pointers that do not point backwards, names over 255 octets, more than
 * one OPT record, an OPT outside the additional section, and octets left after the last
 * record are all `malformed`. Trailing octets are refused rather than ignored because a
 * well-formed answer has none, and tolerating them would let a sender smuggle bytes past
 * the section counts.
 */
export function decodeMessage(bytes: Uint8Array, options: DecodeMessageOptions = {}): DecodeMessageResult {
  try {
    return { ok: true, message: decodeOrThrow(bytes, options) };
  } catch (caught) {
    return { ok: false, error: toDnsError(caught, 'malformed') };
  }
}

function decodeOrThrow(bytes: Uint8Array, options: DecodeMessageOptions): DnsMessage {
  if (!(bytes instanceof Uint8Array)) throw new DnsWireError('malformed', 'the message is not a byte array');
  if (bytes.length > maxMessageBytes) throw new DnsWireError('too-large', `message of ${bytes.length} octets exceeds 65535`);
  if (bytes.length < HEADER_OCTETS) throw new DnsWireError('malformed', `message of ${bytes.length} octets is shorter than a header`);
  const nowSeconds = (options.now ?? Date.now()) / 1000;
  const reader = new ByteReader(bytes, malformedWire);
  const id = reader.u16();
  const flagWord = reader.u16();
  const counts = [reader.u16(), reader.u16(), reader.u16(), reader.u16()] as const;
  const [qdCount, anCount, nsCount, arCount] = counts;
  if ((flagWord & 0x8000) === 0 && options.allowQuery !== true)
    throw new DnsWireError('malformed', 'the message is a query, not a response');
  if (qdCount * MIN_QUESTION_OCTETS + (anCount + nsCount + arCount) * MIN_RECORD_OCTETS > reader.remaining) {
    throw new DnsWireError('malformed', `section counts (${counts.join('/')}) cannot fit in ${bytes.length} octets`);
  }
  const question: { name: string; type: RecordType; class: string }[] = [];
  for (let i = 0; i < qdCount; i++) {
    const name = readName(reader);
    const type = recordTypeName(reader.u16('question type'));
    const klass = className(reader.u16('question class'));
    question.push({ name: presentName(name.labels), type, class: klass });
  }
  // A holder rather than a `let`, so that TypeScript sees the section reader's assignment.
  const found: { edns?: RawEdns } = {};
  const readSection = (count: number, section: 'answer' | 'authority' | 'additional'): DnsRecord[] => {
    const records: DnsRecord[] = [];
    for (let i = 0; i < count; i++) {
      const owner: NameLabels = readName(reader).labels;
      const type = reader.u16('record type');
      const klass = reader.u16('record class');
      const rawTtl = reader.u32('record TTL');
      const length = reader.u16('RDLENGTH');
      const previousLimit = reader.narrow(length);
      if (type === recordTypeNumbers.OPT) {
        if (section !== 'additional') throw new DnsWireError('malformed', `OPT record in the ${section} section`);
        if (found.edns !== undefined) throw new DnsWireError('malformed', 'more than one OPT record');
        found.edns = readOpt(reader, owner.length, klass, rawTtl);
      } else {
        const { data, wire } = decodeRdata(reader, type, nowSeconds);
        records.push({
          name: presentName(owner),
          type: recordTypeName(type),
          class: className(klass),
          // RFC 2181 §8: a TTL with the top bit set is read as zero.
          ttl: rawTtl >= 0x80000000 ? 0 : rawTtl,
          data,
          wire: toHex(wire),
        });
      }
      reader.widen(previousLimit);
    }
    return records;
  };
  const answers = readSection(anCount, 'answer');
  const authority = readSection(nsCount, 'authority');
  const additional = readSection(arCount, 'additional');
  if (reader.remaining !== 0) throw new DnsWireError('malformed', `${reader.remaining} octets after the last record`);
  const flags: DnsFlags = {
    aa: (flagWord & 0x0400) !== 0,
    tc: (flagWord & 0x0200) !== 0,
    rd: (flagWord & 0x0100) !== 0,
    ra: (flagWord & 0x0080) !== 0,
    ad: (flagWord & 0x0020) !== 0,
    cd: (flagWord & 0x0010) !== 0,
  };
  const ednsData = found.edns;
  const rcode = rcodeName(((ednsData?.extendedRcode ?? 0) << 4) | (flagWord & 0xf));
  const base = { id, rcode, flags, question, answers, authority, additional };
  return ednsData === undefined
    ? base
    : { ...base, edns: { udpPayloadSize: ednsData.udpPayloadSize, dnssecOk: ednsData.dnssecOk, extendedErrors: ednsData.extendedErrors } };
}

/** The header fields {@link DnsMessage} does not keep, read straight from the bytes. */
interface RawHeader {
  /** The message ID. */
  readonly id: number;
  /** The QR bit: true for a response. */
  readonly qr: boolean;
  /** The opcode. */
  readonly opcode: number;
}

/** Reads the ID, QR bit and opcode, or `undefined` when the bytes are shorter than a header. */
function readHeader(bytes: Uint8Array): RawHeader | undefined {
  if (bytes.length < HEADER_OCTETS) return undefined;
  const flags = ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  return { id: ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0), qr: (flags & 0x8000) !== 0, opcode: (flags >>> 11) & 0xf };
}

/**
 * Whether a response answers the query: same ID, and the same question (name compared
 * case-insensitively, type, class IN) unless the response has no question at all, which
 * servers do for FORMERR and other errors. RFC 5452 §9.1 asks for both checks.
 * @returns an `id-mismatch` error, or `undefined` when the response matches
 */
export function checkResponse(query: EncodedQuery, message: DnsMessage): DnsError | undefined {
  if (message.id !== query.id) {
    return { code: 'id-mismatch', message: `response ID ${message.id} does not match query ID ${query.id}` };
  }
  if (message.question.length === 0) {
    if (message.rcode === 'NOERROR') return { code: 'id-mismatch', message: 'NOERROR response without a question section' };
    return undefined;
  }
  const first = message.question[0];
  if (
    message.question.length !== 1 ||
    first === undefined ||
    first.name !== query.name ||
    first.type !== query.type ||
    first.class !== 'IN'
  ) {
    const seen = message.question.map((q) => `${q.name} ${q.class} ${q.type}`).join(', ');
    return { code: 'id-mismatch', message: `response question (${seen}) does not match the query (${query.name} IN ${query.type})` };
  }
  return undefined;
}

/**
 * A quick test for UDP: whether a datagram could be the answer to the query (response bit,
 * ID, and the question when it can be read). Datagrams that fail it are ignored, so that a
 * spoofed or stale datagram cannot end the wait; one that passes is decoded fully afterwards.
 */
export function couldAnswer(query: EncodedQuery, datagram: Uint8Array): boolean {
  const header = readHeader(datagram);
  if (header === undefined || !header.qr || header.id !== query.id) return false;
  const qdCount = ((datagram[4] ?? 0) << 8) | (datagram[5] ?? 0);
  if (qdCount === 0) return true;
  try {
    const reader = new ByteReader(datagram, malformedWire, HEADER_OCTETS);
    const name = presentName(readName(reader).labels);
    const type = recordTypeName(reader.u16());
    return name === query.name && type === query.type && reader.u16() === 1;
  } catch {
    // An unreadable question with the right ID is accepted so that decoding reports it as
    // malformed instead of the query waiting for a timeout.
    return true;
  }
}
