import type { DnsMessage, DnsRecord, Rcode } from '../dns/types.js';
import { ask, referralCut } from './ask.js';
import type { ValidationContext } from './context.js';
import { canonicalName, displayName, isProperSubdomain, isSubdomain, labelCount, nameFromLabels, nameKey, parseName } from './names.js';
import { T } from './rrtypes.js';
import { bogus, indeterminate, type Verdict } from './verdict.js';
import { findRRset, groupRRsets, type RRset } from './verify.js';

/** One RRset of the answer, with the message it came in (its authority section holds proofs). */
export interface Link {
  /** The RRset. */
  readonly rrset: RRset;
  /** The response it came in. */
  readonly message: DnsMessage;
}

/** The answer chain from the asked name to its end. */
export interface Walked {
  /** The CNAME and DNAME RRsets followed, then the answer RRset if there is one. */
  readonly links: readonly Link[];
  /** Records synthesised by DNAME that carry no signature of their own. */
  readonly synthesized: readonly DnsRecord[];
  /** Set when the chain ends in a negative answer: the name it is about and the response. */
  readonly denial?: { readonly name: string; readonly message: DnsMessage };
  /** Set when the response for the end of the chain was a referral instead of an answer. */
  readonly referral?: { readonly name: string; readonly cut: string };
  /** The response code of the last response. */
  readonly rcode: Rcode;
}

/** The walk so far. */
interface Walk {
  readonly qname: string;
  readonly qtype: number;
  readonly maxChain: number;
  readonly links: Link[];
  readonly synthesized: DnsRecord[];
  readonly visited: Set<string>;
  /** The name the chain has reached. */
  current: string;
  hops: number;
}

/** `name` with its `owner` suffix replaced by `target` (DNAME substitution, RFC 6672 §2.2). */
function substitute(name: string, owner: string, target: string): string | undefined {
  const labels = parseName(name) ?? [];
  const prefix = labels.slice(0, labels.length - labelCount(owner));
  const rendered = target === '' ? nameFromLabels(prefix) : `${nameFromLabels(prefix)}.${target}`;
  return canonicalName(rendered);
}

/** Moves the walk on to `target`; a verdict when the chain grows too long or loops. */
function moveTo(walk: Walk, target: string): Verdict | undefined {
  walk.hops += 1;
  if (walk.hops > walk.maxChain) {
    return indeterminate('cname-chain-too-long', `more than ${walk.maxChain} CNAME/DNAME links from ${displayName(walk.qname)}`);
  }
  if (walk.visited.has(target)) {
    return bogus('cname-loop', `the CNAME chain from ${displayName(walk.qname)} returns to ${displayName(target)}`);
  }
  walk.visited.add(target);
  walk.current = target;
  return undefined;
}

/**
 * Follows the deepest DNAME above the current name, with the CNAME a server synthesised from it:
 * `'moved'`, a verdict that ends the walk, or `undefined` when the message has no such DNAME.
 */
function followDname(walk: Walk, sets: readonly RRset[], message: DnsMessage): 'moved' | Verdict | undefined {
  const { current } = walk;
  const dname = sets
    .filter((set) => set.type === T.DNAME && isProperSubdomain(current, set.name))
    .sort((a, b) => labelCount(b.name) - labelCount(a.name))[0];
  const dnameTarget = dname?.records[0]?.data;
  if (dname === undefined || dnameTarget?.type !== 'DNAME') return undefined;
  const target = substitute(current, dname.name, nameKey(dnameTarget.target));
  if (target === undefined) return indeterminate('unexpected-response', `the DNAME at ${displayName(dname.name)} makes a name too long`);
  walk.links.push({ rrset: dname, message });
  const synthesizedCname = message.answers.find((r) => r.data.type === 'CNAME' && nameKey(r.name) === current);
  if (synthesizedCname !== undefined) {
    if (synthesizedCname.data.type === 'CNAME' && nameKey(synthesizedCname.data.target) !== target) {
      return bogus('dnssec-bogus', `the CNAME at ${displayName(current)} does not follow from the DNAME at ${displayName(dname.name)}`);
    }
    walk.synthesized.push(synthesizedCname);
  }
  return moveTo(walk, target) ?? 'moved';
}

/** Follows the CNAME at the current name: `'moved'`, a verdict that ends the walk, or `undefined` when there is none. */
function followCname(walk: Walk, sets: readonly RRset[], message: DnsMessage): 'moved' | Verdict | undefined {
  const cname = findRRset(sets, walk.current, T.CNAME);
  if (cname === undefined) return undefined;
  const targets = new Set(cname.records.map((r) => (r.data.type === 'CNAME' ? nameKey(r.data.target) : '')));
  const [target] = targets;
  if (targets.size !== 1 || target === undefined || target === '') {
    return bogus('dnssec-bogus', `the CNAME RRset at ${displayName(walk.current)} does not hold exactly one target`);
  }
  walk.links.push({ rrset: cname, message });
  return moveTo(walk, target) ?? 'moved';
}

/**
 * Follows the chain as far as one response carries it: the walked chain when the response holds
 * the final RRset, a verdict that ends the walk, or `undefined` where the response stops short.
 */
function followInMessage(walk: Walk, message: DnsMessage): Walked | Verdict | undefined {
  const sets = groupRRsets(message.answers);
  for (;;) {
    const final = findRRset(sets, walk.current, walk.qtype);
    if (final !== undefined) {
      walk.links.push({ rrset: final, message });
      return { links: walk.links, synthesized: walk.synthesized, rcode: message.rcode };
    }
    // A DNAME above the name wins over the CNAME at it: that CNAME is the unsigned one a
    // server synthesises from the DNAME (RFC 6672 §3.4), and only the DNAME can be validated.
    const viaDname = followDname(walk, sets, message);
    if (viaDname === 'moved') continue;
    if (viaDname !== undefined) return viaDname;
    if (walk.qtype === T.CNAME) return undefined;
    const viaCname = followCname(walk, sets, message);
    if (viaCname !== 'moved') return viaCname;
  }
}

/**
 * A response without data for the current name ends the chain when it is a referral, or the
 * negative answer for that name: when it was asked about it, or when a resolver followed the
 * chain and the rcode or the SOA in the authority section speaks about the end of the chain.
 * `undefined` when the name must be asked about itself.
 */
function endOfChain(walk: Walk, message: DnsMessage, askedFor: string): Walked | undefined {
  const { current, links, synthesized } = walk;
  const cut = referralCut(message, current);
  if (cut !== undefined) return { links, synthesized, referral: { name: current, cut }, rcode: message.rcode };
  const soa = message.authority.find((r) => r.data.type === 'SOA');
  const speaksAbout =
    askedFor === current || message.rcode === 'NXDOMAIN' || (soa !== undefined && isSubdomain(current, nameKey(soa.name)));
  return speaksAbout ? { links, synthesized, denial: { name: current, message }, rcode: message.rcode } : undefined;
}

/**
 * Follows the answer from `qname` through CNAME and DNAME links to the RRset of `qtype` or to
 * the negative answer at the end of the chain, asking again where a response stops short
 * (an authoritative server answers one zone at a time).
 */
export async function followAnswer(ctx: ValidationContext, qname: string, qtype: number, maxChain: number): Promise<Walked | Verdict> {
  const walk: Walk = { qname, qtype, maxChain, links: [], synthesized: [], visited: new Set([qname]), current: qname, hops: 0 };
  let askedFor = qname;
  for (;;) {
    const asked = await ask(ctx, askedFor, qtype, 'query');
    if (!asked.ok) return indeterminate(asked.reason, asked.detail);
    const followed = followInMessage(walk, asked.message);
    if (followed !== undefined) return followed;
    const ended = endOfChain(walk, asked.message, askedFor);
    if (ended !== undefined) return ended;
    askedFor = walk.current;
  }
}
