/**
 * The lab's answering logic, free of sockets: a query message in, a response message out. It
 * serves all hosted zones at once and answers the way a helpful recursive resolver would for the
 * lab (RA set, AD never set, CNAME chains followed across hosted zones, referrals where a
 * delegation leads out of the lab), with RRSIGs and NSEC/NSEC3 proofs when the query has DO.
 */
import type { Rcode } from '@pastoe/core';
import { type DecodedQuery, type WireOpt, type WireQuestion, type WireRecord, decodeQuery, encodeResponse } from './packet.js';
import { LabDnsError, childOf, compareNames, fromPacketName, isInBailiwick, labelsOf, nameKey, normalizeName, parentOf } from './names.js';
import { recordRdata } from './rdata.js';
import { typeNumber } from './rrtypes.js';
import { nsec3Hash } from './signer.js';
import { type Zone, type ZoneServingFaults, normalizeZone } from './zone.js';

const T = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  AAAA: 28,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  NSEC3: 50,
  NSEC3PARAM: 51,
  ANY: 255,
} as const;

const rcodeNumbers: Record<string, number> = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  YXDOMAIN: 6,
  NOTAUTH: 9,
  BADVERS: 16,
};

function rcodeNumber(rcode: Rcode): number {
  const known = rcodeNumbers[rcode];
  if (known !== undefined) return known;
  const match = /^RCODE(\d+)$/.exec(rcode);
  return match ? Number(match[1]) & 0xfff : 2;
}

/** The UDP payload size the lab advertises (the DNS Flag Day 2020 value). */
export const labUdpPayloadSize = 1232;
/** The longest CNAME chain the lab follows before giving up with SERVFAIL. */
const maxChain = 12;

interface RRset {
  readonly name: string;
  readonly type: number;
  readonly records: readonly WireRecord[];
  readonly sigs: WireRecord[];
}

interface Node {
  readonly name: string;
  readonly rrsets: Map<number, RRset>;
}

interface Outcome {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: WireRecord[];
  authority: WireRecord[];
  additional: WireRecord[];
  /** Set when the answer ends in a CNAME whose target should be looked up next. */
  cnameTarget?: string;
}

function rename(record: WireRecord, name: string): WireRecord {
  return { ...record, name };
}

/** One hosted zone, indexed for answering. */
class HostedZone {
  readonly origin: string;
  readonly key: string;
  readonly faults: ZoneServingFaults;
  private readonly nodes = new Map<string, Node>();
  /** Names that exist: owners of records and the empty non-terminals above them. */
  private readonly existing = new Set<string>();
  private readonly nsecOwners: Node[] = [];
  private readonly nsec3 = new Map<string, RRset>();
  private nsec3Sorted: string[] = [];
  private nsec3Params: { iterations: number; salt: string } | undefined;
  private readonly soa: RRset;

  constructor(zone: Zone) {
    const normalized = normalizeZone(zone);
    this.origin = normalized.origin;
    this.key = nameKey(this.origin);
    this.faults = normalized.faults ?? {};
    const sigs: { name: string; covered: number; record: WireRecord }[] = [];
    for (const record of normalized.records) {
      const wire: WireRecord = { name: record.name, type: typeNumber(record.type), ttl: record.ttl, rdata: recordRdata(record) };
      if (record.data.type === 'RRSIG') {
        sigs.push({ name: record.name, covered: typeNumber(record.data.typeCovered), record: wire });
        continue;
      }
      if (record.type === 'NSEC3' && nameKey(parentOf(record.name) ?? '') === this.key) {
        const hash = nameKey(labelsOf(record.name)[0] ?? '');
        const set = this.nsec3.get(hash) ?? { name: record.name, type: T.NSEC3, records: [], sigs: [] };
        this.nsec3.set(hash, { ...set, records: [...set.records, wire] });
        if (record.data.type === 'NSEC3') this.nsec3Params ??= { iterations: record.data.iterations, salt: record.data.salt };
        continue;
      }
      const key = nameKey(record.name);
      let node = this.nodes.get(key);
      if (node === undefined) {
        node = { name: record.name, rrsets: new Map() };
        this.nodes.set(key, node);
      }
      const set = node.rrsets.get(wire.type);
      node.rrsets.set(wire.type, { name: node.name, type: wire.type, records: [...(set?.records ?? []), wire], sigs: [] });
      if (record.data.type === 'NSEC3PARAM' && key === this.key) {
        this.nsec3Params = { iterations: record.data.iterations, salt: record.data.salt };
      }
    }
    for (const sig of sigs) {
      const key = nameKey(sig.name);
      const target =
        sig.covered === T.NSEC3 && nameKey(parentOf(sig.name) ?? '') === this.key
          ? this.nsec3.get(nameKey(labelsOf(sig.name)[0] ?? ''))
          : this.nodes.get(key)?.rrsets.get(sig.covered);
      target?.sigs.push(sig.record);
    }
    for (const node of this.nodes.values()) {
      for (let n: string | undefined = nameKey(node.name); n !== undefined && isInBailiwick(n, this.key); n = parentOf(n)) {
        this.existing.add(n);
        if (n === this.key) break;
      }
      if (node.rrsets.has(T.NSEC)) this.nsecOwners.push(node);
    }
    this.nsecOwners.sort((a, b) => compareNames(a.name, b.name));
    this.nsec3Sorted = [...this.nsec3.keys()].sort();
    const soa = this.nodes.get(this.key)?.rrsets.get(T.SOA);
    if (soa === undefined) throw new LabDnsError(`zone ${this.origin || '.'} has no SOA`);
    this.soa = soa;
  }

  /** True when the zone's `silent` fault covers this question. */
  isSilent(name: string, qtype: number): boolean {
    const silent = this.faults.silent;
    if (silent === undefined) return false;
    const key = nameKey(name);
    return silent.some(
      (entry) => nameKey(normalizeName(entry.name)) === key && (entry.type === undefined || typeNumber(entry.type) === qtype),
    );
  }

  private withSigs(set: RRset, dnssecOk: boolean, owner?: string): WireRecord[] {
    const records = owner === undefined ? [...set.records] : set.records.map((r) => rename(r, owner));
    if (dnssecOk) records.push(...(owner === undefined ? set.sigs : set.sigs.map((r) => rename(r, owner))));
    return records;
  }

  private negativeSoa(dnssecOk: boolean): WireRecord[] {
    const soa = this.soa.records[0] as WireRecord;
    // RFC 2308 §5: negative answers are cached for min(SOA TTL, SOA MINIMUM).
    const minimum = soa.rdata.readUInt32BE(soa.rdata.length - 4);
    const ttl = Math.min(soa.ttl, minimum);
    return [{ ...soa, ttl }, ...(dnssecOk ? this.soa.sigs : [])];
  }

  private proofsWanted(dnssecOk: boolean): boolean {
    return dnssecOk && this.faults.omitDenialProofs !== true;
  }

  // ---- NSEC ----

  private nsecAt(name: string): WireRecord[] {
    const set = this.nodes.get(nameKey(name))?.rrsets.get(T.NSEC);
    return set === undefined ? [] : this.withSigs(set, true);
  }

  private nsecCovering(name: string): WireRecord[] {
    let chosen = this.nsecOwners[this.nsecOwners.length - 1];
    let low = 0;
    let high = this.nsecOwners.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const node = this.nsecOwners[mid] as Node;
      if (compareNames(node.name, name) < 0) {
        chosen = node;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const set = chosen?.rrsets.get(T.NSEC);
    return set === undefined ? [] : this.withSigs(set, true);
  }

  // ---- NSEC3 ----

  private hashOf(name: string): string {
    const params = this.nsec3Params ?? { iterations: 0, salt: '' };
    return nsec3Hash(name, params.salt, params.iterations);
  }

  private nsec3Matching(name: string): WireRecord[] | undefined {
    const set = this.nsec3.get(this.hashOf(name));
    return set === undefined ? undefined : this.withSigs(set, true);
  }

  private nsec3Covering(name: string): WireRecord[] {
    const hash = this.hashOf(name);
    let chosen = this.nsec3Sorted[this.nsec3Sorted.length - 1];
    for (const candidate of this.nsec3Sorted) {
      if (candidate < hash) chosen = candidate;
      else break;
    }
    const set = chosen === undefined ? undefined : this.nsec3.get(chosen);
    return set === undefined ? [] : this.withSigs(set, true);
  }

  /**
   * The closest provable encloser of a name and the proof (RFC 5155 §7.2.1): the NSEC3 matching
   * the closest encloser and the one covering the next closer name.
   */
  private closestEncloserProof(name: string): { encloser: string; proof: WireRecord[] } {
    let nextCloser = name;
    for (let candidate = parentOf(name); candidate !== undefined; candidate = parentOf(candidate)) {
      const matching = this.nsec3Matching(candidate);
      if (matching !== undefined) return { encloser: candidate, proof: [...matching, ...this.nsec3Covering(nextCloser)] };
      if (nameKey(candidate) === this.key) break;
      nextCloser = candidate;
    }
    return { encloser: this.origin, proof: [] };
  }

  private get signed(): 'nsec' | 'nsec3' | undefined {
    if (this.nsec3.size > 0) return 'nsec3';
    if (this.nsecOwners.length > 0) return 'nsec';
    return undefined;
  }

  /** Proof that `name` exists but has no RRset of the type asked (or, at a cut, no DS). */
  private nodataProof(name: string, isEmptyNonTerminal: boolean): WireRecord[] {
    if (this.signed === 'nsec') return isEmptyNonTerminal ? this.nsecCovering(name) : this.nsecAt(name);
    if (this.signed === 'nsec3') return this.nsec3Matching(name) ?? this.closestEncloserProof(name).proof;
    return [];
  }

  private nxdomainProof(name: string, closestEncloser: string): WireRecord[] {
    if (this.signed === 'nsec') return [...this.nsecCovering(name), ...this.nsecCovering(childOf('*', closestEncloser))];
    if (this.signed === 'nsec3') {
      const { encloser, proof } = this.closestEncloserProof(name);
      return [...proof, ...this.nsec3Covering(childOf('*', encloser))];
    }
    return [];
  }

  /** Proof that no closer name than the wildcard's parent matched (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6). */
  private wildcardAnswerProof(name: string, closestEncloser: string): WireRecord[] {
    if (this.signed === 'nsec') return this.nsecCovering(name);
    if (this.signed === 'nsec3') {
      const depth = labelsOf(closestEncloser).length + 1;
      const nextCloser = labelsOf(name).slice(-depth).join('.');
      return this.nsec3Covering(nextCloser);
    }
    return [];
  }

  private dedupe(records: WireRecord[]): WireRecord[] {
    const seen = new Set<string>();
    return records.filter((r) => {
      const key = `${nameKey(r.name)}/${r.type}/${r.rdata.toString('hex')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private negative(rcode: 'NOERROR' | 'NXDOMAIN', proof: () => WireRecord[], dnssecOk: boolean): Outcome {
    const authority = this.negativeSoa(dnssecOk);
    if (this.proofsWanted(dnssecOk)) authority.push(...this.dedupe(proof()));
    return { rcode, answers: [], authority, additional: [] };
  }

  private referral(cut: Node, dnssecOk: boolean): Outcome {
    const ns = cut.rrsets.get(T.NS) as RRset;
    const authority: WireRecord[] = [...ns.records];
    const ds = cut.rrsets.get(T.DS);
    if (ds !== undefined) authority.push(...this.withSigs(ds, dnssecOk));
    else if (this.proofsWanted(dnssecOk)) authority.push(...this.dedupe(this.nodataProof(cut.name, false)));
    const additional: WireRecord[] = [];
    for (const record of ns.records) {
      const target = fromPacketName(decodeName(record.rdata));
      const node = this.nodes.get(nameKey(target));
      for (const type of [T.A, T.AAAA]) additional.push(...(node?.rrsets.get(type)?.records ?? []));
    }
    return { rcode: 'NOERROR', answers: [], authority, additional };
  }

  private positive(set: RRset, dnssecOk: boolean, owner?: string, proof: WireRecord[] = []): Outcome {
    const authority = this.proofsWanted(dnssecOk) ? this.dedupe(proof) : [];
    return { rcode: 'NOERROR', answers: this.withSigs(set, dnssecOk, owner), authority, additional: [] };
  }

  private fromNode(node: Node, qname: string, qtype: number, dnssecOk: boolean, wildcard?: { encloser: string }): Outcome | undefined {
    const owner = wildcard === undefined ? undefined : qname;
    const proof = wildcard === undefined ? [] : this.wildcardAnswerProof(qname, wildcard.encloser);
    if (qtype === T.ANY) {
      const answers = [...node.rrsets.values()].flatMap((set) => this.withSigs(set, dnssecOk, owner));
      return { rcode: 'NOERROR', answers, authority: this.proofsWanted(dnssecOk) ? proof : [], additional: [] };
    }
    if (qtype === T.RRSIG) {
      const answers = [...node.rrsets.values()].flatMap((set) => (owner === undefined ? set.sigs : set.sigs.map((r) => rename(r, owner))));
      if (answers.length > 0) return { rcode: 'NOERROR', answers, authority: [], additional: [] };
      return undefined;
    }
    const set = node.rrsets.get(qtype);
    if (set !== undefined) return this.positive(set, dnssecOk, owner, proof);
    const cname = node.rrsets.get(T.CNAME);
    if (cname !== undefined && qtype !== T.CNAME) {
      const outcome = this.positive(cname, dnssecOk, owner, proof);
      const first = cname.records[0] as WireRecord;
      return { ...outcome, cnameTarget: fromPacketName(decodeName(first.rdata)) };
    }
    return undefined;
  }

  /** Answers a question for a name at or below this zone's apex. */
  lookup(qname: string, qtype: number, dnssecOk: boolean): Outcome {
    const qkey = nameKey(qname);
    const labels = labelsOf(qname);
    const depth = labelsOf(this.origin).length;
    for (let d = depth + 1; d <= labels.length; d++) {
      const candidate = labels.slice(-d).join('.');
      const node = this.nodes.get(nameKey(candidate));
      if (node?.rrsets.has(T.NS)) {
        if (d === labels.length && qtype === T.DS) break;
        return this.referral(node, dnssecOk);
      }
    }
    const node = this.nodes.get(qkey);
    if (node !== undefined) {
      return this.fromNode(node, qname, qtype, dnssecOk) ?? this.negative('NOERROR', () => this.nodataProof(qname, false), dnssecOk);
    }
    if (this.existing.has(qkey)) return this.negative('NOERROR', () => this.nodataProof(qname, true), dnssecOk);
    let encloser = parentOf(qname) ?? this.origin;
    while (!this.existing.has(nameKey(encloser)) && nameKey(encloser) !== this.key) encloser = parentOf(encloser) ?? this.origin;
    const wildcardName = childOf('*', encloser);
    const wildcard = this.nodes.get(nameKey(wildcardName));
    if (wildcard !== undefined) {
      const outcome = this.fromNode(wildcard, qname, qtype, dnssecOk, { encloser });
      if (outcome !== undefined) return outcome;
      return this.negative(
        'NOERROR',
        () =>
          this.signed === 'nsec3'
            ? [...this.closestEncloserProof(qname).proof, ...(this.nsec3Matching(wildcardName) ?? [])]
            : [...this.nsecCovering(qname), ...this.nsecAt(wildcardName)],
        dnssecOk,
      );
    }
    return this.negative('NXDOMAIN', () => this.nxdomainProof(qname, encloser), dnssecOk);
  }
}

/** Reads the uncompressed name at the start of RDATA (NS, CNAME targets as the lab stores them). */
function decodeName(rdata: Buffer): string {
  const labels: string[] = [];
  let offset = 0;
  while (offset < rdata.length) {
    const length = rdata[offset] as number;
    if (length === 0) break;
    labels.push(rdata.toString('utf8', offset + 1, offset + 1 + length));
    offset += length + 1;
  }
  return labels.join('.');
}

/** The QTYPE and QCLASS of the first question, read from the message bytes. */
function questionNumbers(message: Buffer): { qtype: number; qclass: number } | undefined {
  let offset = 12;
  while (offset < message.length) {
    const length = message[offset] as number;
    if (length === 0) {
      offset += 1;
      break;
    }
    if ((length & 0xc0) === 0xc0) {
      offset += 2;
      break;
    }
    offset += length + 1;
  }
  if (offset + 4 > message.length) return undefined;
  return { qtype: message.readUInt16BE(offset), qclass: message.readUInt16BE(offset + 2) };
}

/** Options for one call of {@link DnsResponder.respond}. */
export interface RespondOptions {
  /**
   * `udp`: truncate to the client's EDNS payload size (512 without EDNS) and set TC.
   * `stream` (TCP, DoH): up to 65535 bytes.
   */
  readonly transport: 'udp' | 'stream';
}

/** A response and when to send it. */
export interface TimedResponse {
  /** The response bytes; `undefined` when the query is to be dropped. */
  readonly response: Buffer | undefined;
  /** How long to wait before sending it: a zone's `delayMs` fault, else 0. */
  readonly delayMs: number;
}

/** Answers DNS queries for a set of zones, without any sockets. */
export interface DnsResponder {
  /**
   * Answers one query message. Returns the response bytes, or `undefined` when the query is to
   * be dropped: a zone with the `timeout` fault, a message too short to answer, or a response
   * sent as a query. Ignores any `delayMs` fault; see {@link DnsResponder.answer}.
   */
  respond(query: Uint8Array, options: RespondOptions): Buffer | undefined;
  /** Like {@link DnsResponder.respond}, and also says how long a slow zone wants the answer held. */
  answer(query: Uint8Array, options: RespondOptions): TimedResponse;
  /** The hosted zone origins, deepest first. */
  readonly origins: readonly string[];
}

/**
 * The header flags of a response without QR: the query's opcode, RD and CD echoed, RA set.
 *
 * @internal Shared with the lying resolver; not part of the public API.
 */
export function headerFlags(opcode: number, rd: boolean, cd: boolean, rcode: number, tc = false): number {
  return (opcode << 11) | (tc ? 0x200 : 0) | (rd ? 0x100 : 0) | 0x80 | (cd ? 0x10 : 0) | (rcode & 0xf);
}

function edeOption(code: number, text: string): { code: number; data: Buffer } {
  const data = Buffer.alloc(2 + Buffer.byteLength(text));
  data.writeUInt16BE(code, 0);
  data.write(text, 2);
  return { code: 15, data };
}

interface Resolution {
  rcode: Rcode;
  answers: WireRecord[];
  authority: WireRecord[];
  additional: WireRecord[];
  ede?: { code: number; text: string };
  drop?: boolean;
  delayMs?: number;
}

/**
 * Builds a responder for the given zones. It keeps per-zone counters for scripted rcodes, so
 * make one per server.
 */
export function createDnsResponder(zones: readonly Zone[]): DnsResponder {
  const hosted = zones.map((z) => new HostedZone(z)).sort((a, b) => labelsOf(b.origin).length - labelsOf(a.origin).length);
  const seenOrigins = new Set<string>();
  for (const zone of hosted) {
    if (seenOrigins.has(zone.key)) throw new LabDnsError(`zone ${zone.origin || '.'} is hosted twice`);
    seenOrigins.add(zone.key);
  }
  const scriptPosition = new Map<HostedZone, number>();

  const selectZone = (name: string, qtype: number): HostedZone | undefined => {
    const containing = hosted.filter((z) => isInBailiwick(name, z.origin));
    const deepest = containing[0];
    // DS records live on the parent side of a zone cut (RFC 4035 §3.1.4.1).
    if (deepest !== undefined && qtype === T.DS && nameKey(name) === deepest.key && containing[1] !== undefined) return containing[1];
    return deepest;
  };

  const zoneFault = (zone: HostedZone): Resolution | undefined => {
    const { failure, rcodeScript } = zone.faults;
    const empty = { answers: [], authority: [], additional: [] };
    if (failure === 'timeout') return { rcode: 'SERVFAIL', ...empty, drop: true };
    if (failure === 'servfail') return { rcode: 'SERVFAIL', ...empty, ede: { code: 0, text: `lab fault: ${zone.origin} always fails` } };
    if (failure === 'refused') return { rcode: 'REFUSED', ...empty, ede: { code: 20, text: `lab fault: ${zone.origin} is lame` } };
    if (rcodeScript !== undefined && rcodeScript.length > 0) {
      const position = scriptPosition.get(zone) ?? 0;
      scriptPosition.set(zone, position + 1);
      const rcode = rcodeScript[position % rcodeScript.length] as Rcode;
      if (rcode !== 'NOERROR') return { rcode, ...empty, ede: { code: 0, text: `lab fault: scripted ${rcode}` } };
    }
    return undefined;
  };

  const resolve = (qname: string, qtype: number, dnssecOk: boolean): Resolution => {
    const answers: WireRecord[] = [];
    // Wildcard-synthesised CNAMEs along the chain bring their own NSEC/NSEC3 proofs.
    const proofs: WireRecord[] = [];
    const visited = new Set<string>();
    let name = qname;
    let delayMs = 0;
    for (let step = 0; step < maxChain; step++) {
      const zone = selectZone(name, qtype);
      if (zone === undefined) {
        // Outside the lab: a CNAME chain that leaves it just ends; a first question is refused.
        return step === 0
          ? { rcode: 'REFUSED', answers, authority: [], additional: [] }
          : { rcode: 'NOERROR', answers, authority: proofs, additional: [] };
      }
      const fault = zoneFault(zone);
      if (fault !== undefined) return { ...fault, answers: [...answers, ...fault.answers] };
      if (zone.isSilent(name, qtype)) return { rcode: 'SERVFAIL', answers: [], authority: [], additional: [], drop: true };
      delayMs = Math.max(delayMs, zone.faults.delayMs ?? 0);
      visited.add(nameKey(name));
      const outcome = zone.lookup(name, qtype, dnssecOk);
      answers.push(...outcome.answers);
      if (outcome.cnameTarget === undefined) {
        return { rcode: outcome.rcode, answers, authority: [...proofs, ...outcome.authority], additional: outcome.additional, delayMs };
      }
      proofs.push(...outcome.authority);
      if (visited.has(nameKey(outcome.cnameTarget))) return { rcode: 'NOERROR', answers, authority: proofs, additional: [], delayMs };
      name = outcome.cnameTarget;
    }
    return { rcode: 'SERVFAIL', answers: [], authority: [], additional: [], ede: { code: 0, text: 'CNAME chain too long' } };
  };

  const answer = (input: Uint8Array, options: RespondOptions): TimedResponse => {
    let delayMs = 0;
    const response = build(input, options, (ms) => {
      delayMs = ms;
    });
    return { response, delayMs };
  };

  const build = (input: Uint8Array, options: RespondOptions, setDelay: (ms: number) => void): Buffer | undefined => {
    const query = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (query.length < 12) return undefined;
    const id = query.readUInt16BE(0);
    const flags = query.readUInt16BE(2);
    if (flags & 0x8000) return undefined;
    const opcode = (flags >> 11) & 0xf;
    const rd = (flags & 0x100) !== 0;
    const cd = (flags & 0x10) !== 0;
    const empty = { answers: [], authority: [], additional: [] };
    let decoded: DecodedQuery;
    try {
      decoded = decodeQuery(query);
    } catch {
      return encodeResponse({ id, flags: headerFlags(opcode, rd, cd, 1), questions: [], ...empty });
    }
    const questions: WireQuestion[] = decoded.questions.slice(0, 1);
    if (decoded.opts.length > 1 || decoded.questions.length !== 1) {
      return encodeResponse({ id, flags: headerFlags(opcode, rd, cd, 1), questions, ...empty });
    }
    const clientOpt = decoded.opts[0];
    const dnssecOk = clientOpt?.dnssecOk ?? false;
    const opt = (rcode: number, ede?: { code: number; text: string }): WireOpt | undefined =>
      clientOpt === undefined
        ? undefined
        : {
            udpPayloadSize: labUdpPayloadSize,
            extendedRcode: rcode >> 4,
            dnssecOk,
            options: ede === undefined ? [] : [edeOption(ede.code, ede.text)],
          };
    const reply = (rcode: number, body: Omit<Resolution, 'rcode'> = empty): Buffer => {
      const o = opt(rcode, body.ede);
      const response = {
        id,
        flags: headerFlags(opcode, rd, cd, rcode),
        questions,
        answers: body.answers,
        authority: body.authority,
        additional: body.additional,
        ...(o === undefined ? {} : { opt: o }),
      };
      let encoded = encodeResponse(response);
      const limit =
        options.transport === 'udp' ? (clientOpt === undefined ? 512 : Math.max(512, Math.min(clientOpt.udpPayloadSize, 4096))) : 65535;
      if (encoded.length > limit) {
        encoded = encodeResponse({
          ...response,
          flags: headerFlags(opcode, rd, cd, rcode, true),
          answers: [],
          authority: [],
          additional: [],
        });
      }
      return encoded;
    };
    if (clientOpt !== undefined && clientOpt.ednsVersion !== 0) return reply(rcodeNumbers.BADVERS as number);
    if (opcode !== 0) return reply(4);
    const question = questions[0] as WireQuestion;
    // Type and class come from the bytes: dns-packet's names for them do not cover every value.
    const numbers = questionNumbers(query);
    if (numbers === undefined) return reply(1);
    const { qtype, qclass } = numbers;
    if (qclass !== 1) return reply(5);
    let qname: string;
    try {
      qname = normalizeName(fromPacketName(question.name));
    } catch {
      return reply(1);
    }
    if (qtype === 0 || qtype === T.OPT) return reply(1);
    // Meta-types 128-255 (AXFR, IXFR, MAILA...) are not served; ANY is. Data types above 255 (CAA) are.
    if (qtype >= 128 && qtype <= 255 && qtype !== T.ANY) return reply(4);
    const result = resolve(qname, qtype, dnssecOk);
    if (result.drop === true) return undefined;
    setDelay(result.delayMs ?? 0);
    return reply(rcodeNumber(result.rcode), result);
  };

  return {
    respond: (query, options) => answer(query, options).response,
    answer,
    origins: hosted.map((z) => z.origin),
  };
}
