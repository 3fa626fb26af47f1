/**
 * The one place that talks to dns-packet. The lab encodes every RDATA with dns-packet's own
 * codecs and hands whole records to dns-packet as opaque RDATA, so the bytes it signs are the
 * bytes it serves, and pastoe's separately written codec is checked against an independent one.
 */
import * as dnsPacket from 'dns-packet';
import { toFqdn } from './names.js';

interface RdataCodec {
  encode(data: unknown): Buffer;
}

/** dns-packet exports its per-type codecs at runtime; its type declarations do not list them. */
interface PacketCodecs {
  record(type: string): RdataCodec;
}

const codecs = dnsPacket as unknown as PacketCodecs;

/** dns-packet's name for a type number; `UNKNOWN_<n>` selects the numeric code and raw RDATA. */
export function packetTypeName(type: number): string {
  return `UNKNOWN_${type}`;
}

/** Encodes one RDATA with dns-packet's codec for `type` (a dns-packet type name), without RDLENGTH. */
export function encodeWithPacket(type: string, data: unknown): Buffer {
  return Buffer.from(codecs.record(type).encode(data).subarray(2));
}

/** A record ready for the wire. */
export interface WireRecord {
  /** Owner name in the lab's form. */
  readonly name: string;
  /** Type number. */
  readonly type: number;
  /** TTL in seconds. */
  readonly ttl: number;
  /** The RDATA bytes. */
  readonly rdata: Buffer;
}

/** The question of a query, as dns-packet decoded it (kept as is so that it echoes exactly). */
export interface WireQuestion {
  /** The name as dns-packet decoded it. */
  readonly name: string;
  /** dns-packet's type name (`A`, `UNKNOWN_65`, ...). */
  readonly type: string;
  /** dns-packet's class name (`IN`, ...). */
  readonly class: string;
}

/** The EDNS part of a response. */
export interface WireOpt {
  /** The UDP payload size the server advertises. */
  readonly udpPayloadSize: number;
  /** The upper 8 bits of the 12-bit rcode. */
  readonly extendedRcode: number;
  /** The DO bit, echoed from the query. */
  readonly dnssecOk: boolean;
  /** EDNS options, e.g. Extended DNS Errors (code 15). */
  readonly options: readonly { readonly code: number; readonly data: Buffer }[];
}

/** A response to encode. `flags` holds the 16 header flag bits without QR, rcode included. */
export interface WireResponse {
  /** The message ID. */
  readonly id: number;
  /** Header flags and the low 4 rcode bits. */
  readonly flags: number;
  /** The question section. */
  readonly questions: readonly WireQuestion[];
  /** The answer section. */
  readonly answers: readonly WireRecord[];
  /** The authority section. */
  readonly authority: readonly WireRecord[];
  /** The additional section, without OPT. */
  readonly additional: readonly WireRecord[];
  /** The OPT record, when the query had one. */
  readonly opt?: WireOpt;
}

type PacketRecord = { name: string; type: string; class: 'IN'; ttl: number; data: Buffer };

function toPacketRecord(record: WireRecord): PacketRecord {
  return { name: toFqdn(record.name), type: packetTypeName(record.type), class: 'IN', ttl: record.ttl, data: record.rdata };
}

/** Encodes a response. */
export function encodeResponse(response: WireResponse): Buffer {
  const additionals: unknown[] = response.additional.map(toPacketRecord);
  if (response.opt !== undefined) {
    additionals.push({
      name: '.',
      type: 'OPT',
      udpPayloadSize: response.opt.udpPayloadSize,
      extendedRcode: response.opt.extendedRcode,
      ednsVersion: 0,
      flags: response.opt.dnssecOk ? dnsPacket.DNSSEC_OK : 0,
      options: response.opt.options.map((o) => ({ code: o.code, data: o.data })),
    });
  }
  const packet = {
    id: response.id,
    type: 'response',
    flags: response.flags,
    questions: response.questions.map((q) => ({ name: q.name, type: q.type, class: q.class })),
    answers: response.answers.map(toPacketRecord),
    authorities: response.authority.map(toPacketRecord),
    additionals,
  };
  return dnsPacket.encode(packet as unknown as dnsPacket.Packet);
}

/** What the server needs from a decoded query. */
export interface DecodedQuery {
  /** The question section. */
  readonly questions: readonly WireQuestion[];
  /** How many answer records the query carried. */
  readonly answerCount: number;
  /** The OPT records (more than one is a FORMERR). */
  readonly opts: readonly {
    readonly udpPayloadSize: number;
    readonly ednsVersion: number;
    readonly dnssecOk: boolean;
  }[];
}

interface LooseAnswer {
  type?: string;
  udpPayloadSize?: number;
  ednsVersion?: number;
  flags?: number;
}

/** Decodes a query body with dns-packet. Throws on malformed input. */
export function decodeQuery(message: Buffer): DecodedQuery {
  const packet = dnsPacket.decode(message);
  const questions = (packet.questions ?? []).map((q) => ({ name: q.name, type: q.type, class: q.class ?? 'IN' }));
  const opts = ((packet.additionals ?? []) as LooseAnswer[])
    .filter((a) => a.type === 'OPT')
    .map((a) => ({
      udpPayloadSize: a.udpPayloadSize ?? 512,
      ednsVersion: a.ednsVersion ?? 0,
      dnssecOk: ((a.flags ?? 0) & dnsPacket.DNSSEC_OK) !== 0,
    }));
  return { questions, answerCount: packet.answers?.length ?? 0, opts };
}
