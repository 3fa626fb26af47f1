/**
 * `check_host()` of RFC 7208 §4–§6: record selection, every mechanism and modifier, macros, the
 * lookup limits, and `exp`. DNS goes only through core's `Resolver`.
 */
import {
  followCnames,
  type IpAddress,
  parseIpAddress,
  type RecordData,
  type RecordType,
  type Resolver,
  unwrapIpv4Mapped,
} from '@pastoe/core';
import { expandSpfMacros, type SpfMacroValues, truncateDomain, usesMacroLetter } from './macro.js';
import { isSpfRecordText, parseSpf, parseSpfMacroString } from './parse.js';
import type { SpfDirective, SpfMacroString, SpfQualifier, SpfRecord } from './record.js';
import { finishSpfTree, type MutableSpfTreeNode, maxSpfTreeNodes, type SpfResult, type SpfTreeNode } from './tree.js';

/** Input of {@link evaluateSpf}. */
export interface EvaluateSpfOptions {
  /** The SMTP client's IP address; an IPv4-mapped IPv6 address counts as IPv4. */
  readonly ip: string;
  /** The MAIL FROM address; empty for the null reverse-path (then `postmaster@<helo>` is checked). */
  readonly sender: string;
  /** The HELO/EHLO name. */
  readonly helo: string;
  /** Where DNS questions go. */
  readonly resolver: Resolver;
  /** Aborts the evaluation; it then ends in `temperror`. */
  readonly signal?: AbortSignal;
  /** A time limit for the whole evaluation in milliseconds; past it the result is `temperror`. Default 20 000. */
  readonly timeoutMs?: number;
  /** The checking host's own domain, for `%{r}` in explanations. Default `unknown`. */
  readonly receiver?: string;
  /** The clock in milliseconds, for `%{t}`. Default `Date.now`. */
  readonly now?: () => number;
  /** The DNS-lookup term limit (RFC 7208 §4.6.4). Default 10. */
  readonly maxLookups?: number;
  /** The void-lookup limit (RFC 7208 §4.6.4). Default 2. */
  readonly maxVoidLookups?: number;
}

/** What {@link evaluateSpf} found. */
export interface SpfEvaluation {
  /** The result of `check_host()`. */
  readonly result: SpfResult;
  /** The explanation from the record's `exp=`, for a `fail` whose record has a usable one. */
  readonly explanation?: string;
  /** Why the result is an error or `none`, in one line. */
  readonly reason?: string;
  /**
   * DNS-lookup terms counted (include, a, mx, ptr, exists, redirect), including those counted
   * after the limit was exceeded.
   */
  readonly lookups: number;
  /** Lookups that found nothing. */
  readonly voidLookups: number;
  /** Every record read, with what each include and redirect cost. */
  readonly tree: SpfTreeNode;
}

/** Queries one evaluation may send at most: 10 terms, 10 MX or PTR names each, exp and `%{p}`, with room to spare. */
const maxQueries = 400;
/** Records read only to count them after the lookup limit was exceeded. */
const maxRecordsPastLimit = 20;
/** MX and PTR names looked at per term (RFC 7208 §4.6.4). */
const maxNamesPerTerm = 10;
/** The longest explanation kept. */
const maxExplanationLength = 1024;

type Answer =
  | { readonly kind: 'records'; readonly data: readonly RecordData[] }
  | { readonly kind: 'void' }
  | { readonly kind: 'error'; readonly reason: string };

type Match = 'match' | 'no-match' | { readonly result: 'permerror' | 'temperror'; readonly reason: string };

interface Outcome {
  readonly result: SpfResult;
  readonly reason?: string;
  readonly explanation?: string;
}

const qualifierResults: Record<SpfQualifier, SpfResult> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** True for a name `check_host()` accepts: labels of 1–63 octets, at most 253 in all, and more than one label. */
function isValidDomain(name: string): boolean {
  if (name === '' || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length > 1 && labels.every((label) => label.length > 0 && new TextEncoder().encode(label).length <= 63);
}

/** A name in presentation form, with characters that have a meaning there escaped as `\DDD`. */
function presentationName(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const char = String.fromCharCode(byte);
    out += byte > 0x20 && byte < 0x7f && !'\\"();$@'.includes(char) ? char : `\\${byte.toString().padStart(3, '0')}`;
  }
  return out;
}

function formatIp(address: IpAddress): { dotted: string; readable: string } {
  if (address.family === 4) {
    const v = Number(address.value);
    const text = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
    return { dotted: text, readable: text };
  }
  const hex = address.value.toString(16).padStart(32, '0');
  const groups = Array.from({ length: 8 }, (_, i) => Number.parseInt(hex.slice(i * 4, i * 4 + 4), 16).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const readable =
    bestStart < 0 ? groups.join(':') : `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
  return { dotted: hex.split('').join('.'), readable };
}

function reverseName(address: IpAddress): string {
  const { dotted } = formatIp(address);
  return address.family === 4
    ? `${dotted.split('.').reverse().join('.')}.in-addr.arpa`
    : `${dotted.split('.').reverse().join('.')}.ip6.arpa`;
}

function inPrefix(address: IpAddress, candidate: IpAddress, prefixLength: number): boolean {
  if (address.family !== candidate.family) return false;
  const shift = BigInt((address.family === 4 ? 32 : 128) - prefixLength);
  return address.value >> shift === candidate.value >> shift;
}

function addressOf(data: RecordData): IpAddress | undefined {
  return data.type === 'A' || data.type === 'AAAA' ? parseIpAddress(data.address) : undefined;
}

/** One evaluation's state: the counters are shared by every include and redirect (RFC 7208 §4.6.4). */
class Evaluation {
  lookups = 0;
  voidLookups = 0;
  limitExceeded = false;
  private queries = 0;
  private nodes = 0;
  private recordsPastLimit = 0;
  private validatedName: Promise<string[]> | undefined;
  /** Each node's parent, to see loops while counting past the limit. */
  private readonly parents = new Map<MutableSpfTreeNode, MutableSpfTreeNode>();
  readonly ip: IpAddress;
  private readonly local: string;
  private readonly senderDomain: string;
  private readonly sender: string;

  constructor(
    private readonly options: EvaluateSpfOptions,
    ip: IpAddress,
    sender: { local: string; domain: string },
    private readonly signal: AbortSignal,
    private readonly deadline: number,
  ) {
    this.ip = ip;
    this.local = sender.local;
    this.senderDomain = sender.domain;
    this.sender = `${sender.local}@${sender.domain}`;
  }

  newNode(domain: string, via: SpfTreeNode['via'], parent: MutableSpfTreeNode | undefined, term?: string): MutableSpfTreeNode {
    const node: MutableSpfTreeNode = {
      domain,
      via,
      result: 'not-evaluated',
      lookups: 0,
      voidLookups: 0,
      pastLimit: this.limitExceeded,
      children: [],
    };
    if (term !== undefined) node.term = term;
    if (parent !== undefined) {
      this.parents.set(node, parent);
      if (this.nodes < maxSpfTreeNodes) parent.children.push(node);
      else parent.truncated = true;
    }
    this.nodes += 1;
    return node;
  }

  /** Asks one question; CNAMEs followed; NXDOMAIN and no data are `void`, any other failure an `error`. */
  async ask(name: string, type: RecordType): Promise<Answer> {
    if (this.signal.aborted) return { kind: 'error', reason: 'the evaluation was aborted or timed out' };
    if (this.queries >= maxQueries) return { kind: 'error', reason: `more than ${maxQueries} DNS queries` };
    this.queries += 1;
    const query = presentationName(name);
    const remaining = Math.max(1, this.deadline - Date.now());
    const answer = await this.options.resolver.query({ name: query, type, dnssecOk: false }, { signal: this.signal, timeoutMs: remaining });
    if (!answer.ok) return { kind: 'error', reason: `${type} ${name}: ${answer.error.code}: ${answer.error.message}` };
    const { rcode } = answer.message;
    if (rcode === 'NXDOMAIN') return { kind: 'void' };
    if (rcode !== 'NOERROR') return { kind: 'error', reason: `${type} ${name}: ${rcode}` };
    const records = followCnames(answer.message, query, type).records.map((record) => record.data);
    return records.length === 0 ? { kind: 'void' } : { kind: 'records', data: records };
  }

  /** Counts a DNS-lookup term; false once the limit is exceeded. */
  countLookup(node: MutableSpfTreeNode): boolean {
    this.lookups += 1;
    node.lookups += 1;
    if (this.lookups > (this.options.maxLookups ?? 10)) this.limitExceeded = true;
    return !this.limitExceeded;
  }

  /** Counts a void lookup of `name`; a match error once there are too many. */
  countVoid(node: MutableSpfTreeNode, name: string): Match {
    this.voidLookups += 1;
    node.voidLookups += 1;
    // Bounded: the evaluation stops at the first void lookup past the limit.
    node.voidNames = [...(node.voidNames ?? []), name];
    const limit = this.options.maxVoidLookups ?? 2;
    return this.voidLookups > limit ? { result: 'permerror', reason: `more than ${limit} void DNS lookups` } : 'no-match';
  }

  private macroValues(domain: string, validated: string): SpfMacroValues {
    const { dotted, readable } = formatIp(this.ip);
    return {
      s: this.sender,
      l: this.local,
      o: this.senderDomain,
      d: domain,
      i: dotted,
      p: validated,
      v: this.ip.family === 4 ? 'in-addr' : 'ip6',
      h: this.options.helo,
      c: readable,
      r: this.options.receiver ?? 'unknown',
      t: String(Math.floor((this.options.now ?? Date.now)() / 1000)),
    };
  }

  /** The names the client's PTR records give that resolve back to its address (at most 10 looked at). */
  private validatedNames(): Promise<string[]> {
    this.validatedName ??= (async () => {
      const ptr = await this.ask(reverseName(this.ip), 'PTR');
      if (ptr.kind !== 'records') return [];
      const names = ptr.data.flatMap((data) => (data.type === 'PTR' ? [data.target] : [])).slice(0, maxNamesPerTerm);
      const validated: string[] = [];
      for (const name of names) {
        const answer = await this.ask(name, this.ip.family === 4 ? 'A' : 'AAAA');
        if (answer.kind !== 'records') continue;
        if (
          answer.data.some((data) => {
            const a = addressOf(data);
            return a !== undefined && inPrefix(this.ip, a, this.ip.family === 4 ? 32 : 128);
          })
        )
          validated.push(name);
      }
      return validated;
    })();
    return this.validatedName;
  }

  /** `%{p}` for a domain: a validated name equal to it, else one below it, else any, else `unknown` (RFC 7208 §7.3). */
  private async pValue(domain: string): Promise<string> {
    const names = await this.validatedNames();
    const lower = domain.toLowerCase();
    return (
      names.find((name) => name.toLowerCase() === lower) ??
      names.find((name) => name.toLowerCase().endsWith(`.${lower}`)) ??
      names[0] ??
      'unknown'
    );
  }

  async expand(value: SpfMacroString, domain: string): Promise<string> {
    const p = usesMacroLetter(value, 'p') ? await this.pValue(domain) : 'unknown';
    return expandSpfMacros(value, this.macroValues(domain, p));
  }

  /** A mechanism's or modifier's target: its expanded domain-spec, or the current domain. */
  async target(value: SpfMacroString | undefined, domain: string): Promise<string> {
    return value === undefined ? domain : truncateDomain(await this.expand(value, domain));
  }

  /** Fetches and selects the SPF record of a domain (RFC 7208 §4.4, §4.5). */
  async selectRecord(domain: string): Promise<{ record: SpfRecord } | Outcome> {
    if (!isValidDomain(domain)) return { result: 'none', reason: `"${domain}" is not a valid multi-label domain name` };
    const answer = await this.ask(domain, 'TXT');
    if (answer.kind === 'error') return { result: 'temperror', reason: answer.reason };
    if (answer.kind === 'void') return { result: 'none', reason: `no TXT records at ${domain}` };
    const texts = answer.data.flatMap((data) => (data.type === 'TXT' ? [data.strings.join('')] : [])).filter(isSpfRecordText);
    if (texts.length === 0) return { result: 'none', reason: `no SPF record at ${domain}` };
    if (texts.length > 1) return { result: 'permerror', reason: `${texts.length} SPF records at ${domain}` };
    const parsed = parseSpf(texts[0] as string);
    if (!parsed.ok) return { result: 'permerror', reason: `syntax error at ${parsed.error.position}: ${parsed.error.message}` };
    return { record: parsed.record };
  }

  /**
   * `check_host()` for one domain, filling in its node. `explain` is false below an include,
   * whose explanation is never used (RFC 7208 §6.2), so that no lookup is spent on it.
   */
  async checkHost(domain: string, node: MutableSpfTreeNode, explain: boolean): Promise<Outcome> {
    const selected = await this.selectRecord(domain);
    if ('record' in selected) node.record = selected.record.text;
    const outcome = 'record' in selected ? await this.evaluateRecord(selected.record, domain, node, explain) : selected;
    node.result = outcome.result;
    if (outcome.reason !== undefined) node.reason = outcome.reason;
    return outcome;
  }

  private async evaluateRecord(record: SpfRecord, domain: string, node: MutableSpfTreeNode, explain: boolean): Promise<Outcome> {
    for (const directive of record.directives) {
      if (this.limitExceeded) {
        await this.countPastLimit(directive, domain, node);
        continue;
      }
      const match = await this.match(directive, domain, node);
      if (match === 'no-match') continue;
      if (match !== 'match') {
        if (this.limitExceeded) continue;
        return match;
      }
      const result = qualifierResults[directive.qualifier];
      if (result === 'fail' && explain && record.exp !== undefined) {
        const explanation = await this.explanation(record.exp.value, domain);
        if (explanation !== undefined) return { result, explanation };
      }
      return { result };
    }
    const hasAll = record.directives.some((directive) => directive.mechanism.kind === 'all');
    const redirect = hasAll ? undefined : record.redirect;
    if (redirect !== undefined) {
      if (this.limitExceeded || !this.countLookup(node)) {
        await this.countRecordPastLimit(redirect.value, domain, 'redirect', redirect.text, node);
      } else {
        const target = await this.target(redirect.value, domain);
        const child = this.newNode(target, 'redirect', node, redirect.text);
        const outcome = await this.checkHost(target, child, explain);
        if (outcome.result === 'none') return { result: 'permerror', reason: `the redirect target ${target} has no SPF record` };
        if (!this.limitExceeded) return outcome;
      }
    }
    if (this.limitExceeded) return this.overLimit();
    return { result: 'neutral' };
  }

  private overLimit(): Outcome {
    return { result: 'permerror', reason: `more than ${this.options.maxLookups ?? 10} DNS-lookup terms` };
  }

  private async addressMatch(
    name: string,
    node: MutableSpfTreeNode,
    prefix4: number,
    prefix6: number,
    countsVoid: boolean,
  ): Promise<Match> {
    const answer = await this.ask(name, this.ip.family === 4 ? 'A' : 'AAAA');
    if (answer.kind === 'error') return { result: 'temperror', reason: answer.reason };
    if (answer.kind === 'void') return countsVoid ? this.countVoid(node, name) : 'no-match';
    const prefix = this.ip.family === 4 ? prefix4 : prefix6;
    return answer.data.some((data) => {
      const a = addressOf(data);
      return a !== undefined && inPrefix(this.ip, a, prefix);
    })
      ? 'match'
      : 'no-match';
  }

  private async match(directive: SpfDirective, domain: string, node: MutableSpfTreeNode): Promise<Match> {
    const mechanism = directive.mechanism;
    switch (mechanism.kind) {
      case 'all':
        return 'match';
      case 'ip4':
      case 'ip6': {
        const network = parseIpAddress(mechanism.network);
        if (network === undefined) return { result: 'permerror', reason: `invalid network in "${directive.text}"` };
        return inPrefix(this.ip, unwrapIpv4Mapped(network), mechanism.prefixLength) && (mechanism.kind === 'ip4') === (this.ip.family === 4)
          ? 'match'
          : 'no-match';
      }
      default:
        break;
    }
    if (!this.countLookup(node)) {
      await this.countPastLimit(directive, domain, node, true);
      return { result: 'permerror', reason: this.overLimit().reason ?? '' };
    }
    switch (mechanism.kind) {
      case 'include': {
        const target = await this.target(mechanism.domain, domain);
        const child = this.newNode(target, 'include', node, directive.text);
        const outcome = await this.checkHost(target, child, false);
        if (outcome.result === 'pass') return 'match';
        if (outcome.result === 'fail' || outcome.result === 'softfail' || outcome.result === 'neutral') return 'no-match';
        if (outcome.result === 'none') return { result: 'permerror', reason: `the included domain ${target} has no SPF record` };
        return { result: outcome.result, reason: outcome.reason ?? `include:${target} gave ${outcome.result}` };
      }
      case 'a': {
        const target = await this.target(mechanism.domain, domain);
        if (!isValidDomain(target)) return this.countVoid(node, target);
        return this.addressMatch(target, node, mechanism.ip4PrefixLength, mechanism.ip6PrefixLength, true);
      }
      case 'mx': {
        const target = await this.target(mechanism.domain, domain);
        if (!isValidDomain(target)) return this.countVoid(node, target);
        const answer = await this.ask(target, 'MX');
        if (answer.kind === 'error') return { result: 'temperror', reason: answer.reason };
        if (answer.kind === 'void') return this.countVoid(node, target);
        const hosts = answer.data.flatMap((data) => (data.type === 'MX' && data.exchange !== '' ? [data.exchange] : []));
        if (hosts.length > maxNamesPerTerm)
          return { result: 'permerror', reason: `${hosts.length} MX records at ${target}, more than ${maxNamesPerTerm}` };
        for (const host of hosts) {
          const match = await this.addressMatch(host, node, mechanism.ip4PrefixLength, mechanism.ip6PrefixLength, false);
          if (match !== 'no-match') return match;
        }
        return 'no-match';
      }
      case 'ptr': {
        const target = (await this.target(mechanism.domain, domain)).toLowerCase();
        const ptr = await this.ask(reverseName(this.ip), 'PTR');
        // A DNS error while looking up the PTR records makes the mechanism not match (RFC 7208 §5.5).
        if (ptr.kind === 'error') return 'no-match';
        if (ptr.kind === 'void') return this.countVoid(node, reverseName(this.ip));
        const names = ptr.data.flatMap((data) => (data.type === 'PTR' ? [data.target] : [])).slice(0, maxNamesPerTerm);
        for (const name of names) {
          const lower = name.toLowerCase();
          if (lower !== target && !lower.endsWith(`.${target}`)) continue;
          const match = await this.addressMatch(name, node, 32, 128, false);
          if (match === 'match') return 'match';
        }
        return 'no-match';
      }
      case 'exists': {
        const target = await this.target(mechanism.domain, domain);
        if (!isValidDomain(target)) return this.countVoid(node, target);
        const answer = await this.ask(target, 'A');
        if (answer.kind === 'error') return { result: 'temperror', reason: answer.reason };
        if (answer.kind === 'void') return this.countVoid(node, target);
        return 'match';
      }
    }
  }

  /**
   * After the limit was exceeded: counts a term without evaluating it, and reads an included
   * record to count its terms too, so the tree shows what every include costs.
   */
  private async countPastLimit(directive: SpfDirective, domain: string, node: MutableSpfTreeNode, counted = false): Promise<void> {
    const kind = directive.mechanism.kind;
    if (kind === 'all' || kind === 'ip4' || kind === 'ip6') return;
    if (!counted) this.countLookup(node);
    if (directive.mechanism.kind === 'include') {
      await this.countRecordPastLimit(directive.mechanism.domain, domain, 'include', directive.text, node);
    }
  }

  private async countRecordPastLimit(
    value: SpfMacroString,
    domain: string,
    via: 'include' | 'redirect',
    term: string,
    parent: MutableSpfTreeNode,
  ): Promise<void> {
    const target = truncateDomain(expandSpfMacros(value, this.macroValues(domain, 'unknown')));
    const child = this.newNode(target, via, parent, term);
    child.pastLimit = true;
    if (this.onPath(parent, target)) {
      child.reason = 'a loop: this domain is already being checked';
      return;
    }
    if (this.recordsPastLimit >= maxRecordsPastLimit || this.signal.aborted) {
      child.reason = 'not read: too many records past the lookup limit';
      return;
    }
    this.recordsPastLimit += 1;
    const selected = await this.selectRecord(target);
    if (!('record' in selected)) {
      child.reason = selected.reason ?? selected.result;
      return;
    }
    child.record = selected.record.text;
    for (const directive of selected.record.directives) await this.countPastLimit(directive, target, child);
    const redirect = selected.record.directives.some((d) => d.mechanism.kind === 'all') ? undefined : selected.record.redirect;
    if (redirect !== undefined) {
      this.countLookup(child);
      await this.countRecordPastLimit(redirect.value, target, 'redirect', redirect.text, child);
    }
  }

  private onPath(node: MutableSpfTreeNode, domain: string): boolean {
    const lower = domain.toLowerCase();
    for (let current: MutableSpfTreeNode | undefined = node; current !== undefined; current = this.parents.get(current)) {
      if (current.domain.toLowerCase() === lower) return true;
    }
    return false;
  }

  /** The explanation for a `fail` (RFC 7208 §6.2); any problem means none. */
  private async explanation(value: SpfMacroString, domain: string): Promise<string | undefined> {
    const target = truncateDomain(await this.expand(value, domain));
    if (!isValidDomain(target)) return undefined;
    const answer = await this.ask(target, 'TXT');
    if (answer.kind !== 'records') return undefined;
    const texts = answer.data.flatMap((data) => (data.type === 'TXT' ? [data.strings.join('')] : []));
    if (texts.length !== 1) return undefined;
    const parsed = parseSpfMacroString(texts[0] as string, { explanation: true });
    if (!parsed.ok) return undefined;
    return (await this.expand(parsed.value, domain)).slice(0, maxExplanationLength);
  }
}

/** The sender's local part and domain (RFC 7208 §4.1, §4.3): `postmaster` when there is no local part. */
function splitSender(sender: string, helo: string): { local: string; domain: string } {
  const address = sender === '' ? `postmaster@${helo}` : sender;
  const at = address.lastIndexOf('@');
  if (at < 0) return { local: 'postmaster', domain: address };
  return { local: at === 0 ? 'postmaster' : address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * Evaluates SPF for a connecting client: `check_host(<ip>, <domain of sender>, <sender>)` of
 * RFC 7208 §4–§6, with every mechanism, `redirect` and `exp`, macro expansion (`%{p}` validated,
 * at most 10 PTR names), the limits of 10 DNS-lookup terms and 2 void lookups, and at most 10 MX
 * or PTR names per term. DNS failures (timeouts, SERVFAIL) give `temperror`, never `none`.
 *
 * The returned tree lists each include and redirect with its own lookup count; once the limit is
 * exceeded the evaluation stops with `permerror`, and the remaining includes and redirects are
 * still read and counted (at most 20 records) so that the tree shows what each costs.
 * @throws TypeError when `ip` is not an IP address
 */
export async function evaluateSpf(options: EvaluateSpfOptions): Promise<SpfEvaluation> {
  const parsedIp = parseIpAddress(options.ip.trim());
  if (parsedIp === undefined) throw new TypeError(`not an IP address: ${JSON.stringify(options.ip)}`);
  const ip = unwrapIpv4Mapped(parsedIp);
  const sender = splitSender(options.sender, options.helo);
  const domain = truncateDomain(sender.domain);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 20_000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) controller.abort();
  try {
    const evaluation = new Evaluation(options, ip, sender, controller.signal, Date.now() + timeoutMs);
    const root = evaluation.newNode(domain, 'check', undefined);
    const outcome = await evaluation.checkHost(domain, root, true);
    const result = controller.signal.aborted && outcome.result !== 'temperror' ? 'temperror' : outcome.result;
    return {
      result,
      ...(outcome.explanation === undefined ? {} : { explanation: outcome.explanation }),
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      lookups: evaluation.lookups,
      voidLookups: evaluation.voidLookups,
      tree: finishSpfTree(root),
    };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
