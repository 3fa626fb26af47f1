/**
 * Judging an SPF record graph without a message: Internet.nl's policy rules (its
 * `spf_check_policy`, with its simplified lookup count) and the count RFC 7208 §4.6.4 gives the
 * same graph. Pure: the records come from the probe's evidence.
 */
import { parseSpf } from './parse.js';
import { spfTargets } from './targets.js';

/** A TXT lookup as the judges read it (the probe's `SpfTxtLookup`). */
export interface SpfRecordLookup {
  readonly rcode: string;
  readonly error?: string;
  readonly texts: readonly string[];
}

/** The records of a graph: the mail domain's lookup and its targets' by lowercase domain. */
export interface SpfRecordGraph {
  readonly domain: string;
  readonly lookup: SpfRecordLookup;
  readonly targets: Readonly<Record<string, SpfRecordLookup>>;
}

/** Internet.nl's SPF policy statuses (`checks/models.SpfPolicyStatus`). */
export type InternetNlSpfStatus = 'valid' | 'invalid_syntax' | 'max_dns_lookups' | 'invalid_all' | 'invalid_include' | 'invalid_redirect';

/** What Internet.nl's policy check makes of a graph. */
export interface InternetNlSpfJudgement {
  /** The policy status. */
  readonly status: InternetNlSpfStatus;
  /** Its points: 10, 2 (partial) or 0. */
  readonly points: 0 | 2 | 10;
  /** Internet.nl's simplified count of DNS lookups: 10 minus the budget left. */
  readonly lookups: number;
  /** The records with a problem, outermost first, as Internet.nl lists them. */
  readonly records: readonly { readonly domain: string; readonly record: string }[];
  /**
   * Set when a target's lookup got no answer at all (timeout, network) or SERVFAIL: pastoe cannot judge, and
   * the judgement above treats it as Internet.nl would a DNS error.
   */
  readonly unanswered?: string;
}

/** Error codes that mean pastoe got no answer: its own network or time, not the domain's DNS. */
const unansweredCodes = new Set(['timeout', 'aborted', 'network', 'forbidden-address']);

/** True when a lookup got no answer at all, so the fault may be pastoe's. */
export function isUnanswered(lookup: SpfRecordLookup): boolean {
  return unansweredCodes.has(lookup.rcode);
}

/** Internet.nl's record selection (`dns_resolve_spf`): strings starting with `v=spf1`; exactly one, or none. */
function internetNlRecord(lookup: SpfRecordLookup): string | undefined {
  const records = lookup.texts.filter((text) => text.toLowerCase().startsWith('v=spf1'));
  return records.length === 1 ? records[0] : undefined;
}

interface Step {
  status: InternetNlSpfStatus;
  points: 0 | 2 | 10;
  left: number;
}

/**
 * Reproduces Internet.nl's SPF policy check (`checks/tasks/mail.py` at `cec0e01d`): terms are
 * scanned up to the first `all`; the budget of 10 drops for `redirect`, `include`, any term
 * containing `mx`, `ptr` or `exists`, and the bare term `a` only; `+all`, a bare `all`, or `?all`
 * outside includes give `invalid_all`; a top-level record without `all` or `redirect` too. Then
 * the includes are followed in order and one redirect (when no `all`), checking the budget only
 * when one is about to be followed. Targets with macros are counted, not followed.
 */
export function judgeSpfPolicyAsInternetNl(graph: SpfRecordGraph): InternetNlSpfJudgement {
  const records: { domain: string; record: string }[] = [];
  let unanswered: string | undefined;

  const lookupOf = (domain: string): SpfRecordLookup | undefined =>
    domain === graph.domain ? graph.lookup : graph.targets[domain.toLowerCase().replace(/\.$/, '')];

  const followTarget = (term: string, separator: ':' | '=', left: number, isInclude: boolean): Step => {
    const bad: InternetNlSpfStatus = isInclude ? 'invalid_include' : 'invalid_redirect';
    if (left < 0) return { status: 'max_dns_lookups', points: 2, left };
    const target = (term.split(separator)[1] ?? '').trim();
    if (target.includes('{')) return { status: 'valid', points: 10, left };
    const lookup = lookupOf(target);
    if (lookup === undefined || lookup.error !== undefined || lookup.rcode === 'NXDOMAIN') {
      // A SERVFAIL may be pastoe's resolver failing as much as the target's servers: not judged.
      if (lookup === undefined || isUnanswered(lookup) || lookup.rcode === 'SERVFAIL') unanswered ??= target;
      return { status: bad, points: 2, left };
    }
    const step = check(target, internetNlRecord(lookup), left, isInclude);
    return step.status === 'valid' || step.status === 'max_dns_lookups' ? step : { ...step, status: bad };
  };

  const check = (domain: string, record: string | undefined, maxLookups: number, isInclude: boolean): Step => {
    let left = maxLookups;
    let step: Step = { status: 'valid', points: 10, left };
    const parsed = record === undefined ? undefined : parseSpf(record);
    if (parsed === undefined || !parsed.ok) step = { status: 'invalid_syntax', points: 0, left };
    else if (parsed.record.terms.length === 0) step = { status: 'invalid_all', points: 2, left };
    else {
      const includes: string[] = [];
      const redirects: string[] = [];
      let allFound = false;
      for (const term of parsed.record.terms.map((t) => t.text.toLowerCase())) {
        if (term.startsWith('redirect')) {
          redirects.push(term);
          left -= 1;
        } else if (term.includes('include:')) {
          includes.push(term);
          left -= 1;
        } else if (term.includes('mx') || term.includes('ptr') || term.includes('exists') || term === 'a') {
          left -= 1;
        } else if (term.endsWith('all') && term.length < 5) {
          allFound = true;
          if (term.startsWith('+') || term.startsWith('a') || (!isInclude && term.startsWith('?'))) {
            step = { status: 'invalid_all', points: 2, left };
          }
          break;
        }
      }
      step.left = left;
      if (step.status === 'valid' && !isInclude && redirects.length === 0 && !allFound) step = { status: 'invalid_all', points: 2, left };
      if (step.status === 'valid') {
        for (const term of [...includes, ...redirects]) {
          if (step.status !== 'valid') break;
          if (term.includes('redirect=') && !allFound) {
            step = followTarget(term, '=', step.left, false);
            break;
          }
          if (term.includes('include:')) step = followTarget(term, ':', step.left, true);
        }
      }
    }
    if (step.status !== 'valid') records.push({ domain, record: record ?? '' });
    return step;
  };

  const top = check(graph.domain, internetNlRecord(graph.lookup), 10, false);
  return {
    status: top.status,
    points: top.points,
    lookups: 10 - top.left,
    records: records.reverse(),
    ...(unanswered === undefined ? {} : { unanswered }),
  };
}

/** One record in the RFC count: its own lookup terms and those of the records below it. */
export interface SpfLookupCount {
  readonly domain: string;
  /** How it was reached. */
  readonly via: 'check' | 'include' | 'redirect';
  /** DNS-lookup terms of this record (include, a, mx, ptr, exists, redirect). */
  readonly lookups: number;
  /** The same, with every record below it. */
  readonly totalLookups: number;
  /** Why the count stops here: no single record, a loop, a macro target. */
  readonly note?: string;
  /** The includes and the redirect, in order. */
  readonly children: readonly SpfLookupCount[];
}

const lookupKinds = new Set(['include', 'a', 'mx', 'ptr', 'exists']);
/** Records counted at most: the graph is bounded by the probe already; this bounds repeats. */
const maxCountedRecords = 100;

/**
 * Counts the DNS-lookup terms of RFC 7208 §4.6.4 over the whole graph, as if every term were
 * evaluated (the most a message can cost): every include and a redirect when there is no `all`,
 * each target once per path, loops cut. The figure Internet.nl's simplified count differs from.
 */
export function countSpfLookups(graph: SpfRecordGraph): SpfLookupCount {
  let budget = maxCountedRecords;
  const visit = (domain: string, via: SpfLookupCount['via'], path: readonly string[]): SpfLookupCount => {
    const lookup = domain === graph.domain && via === 'check' ? graph.lookup : graph.targets[domain];
    const leaf = (note: string): SpfLookupCount => ({ domain, via, lookups: 0, totalLookups: 0, note, children: [] });
    if (path.includes(domain)) return leaf('a loop: this domain is already being counted');
    if (lookup === undefined) return leaf('not read');
    const spf = lookup.texts.filter((text) => text.toLowerCase().startsWith('v=spf1'));
    if (spf.length !== 1) return leaf(spf.length === 0 ? 'no SPF record' : 'several SPF records');
    const parsed = parseSpf(spf[0] as string);
    if (!parsed.ok) return leaf('a syntax error');
    if (budget <= 0) return leaf('not counted: too many records');
    budget -= 1;
    const hasAll = parsed.record.directives.some((directive) => directive.mechanism.kind === 'all');
    const own =
      parsed.record.directives.filter((directive) => lookupKinds.has(directive.mechanism.kind)).length +
      (parsed.record.redirect !== undefined && !hasAll ? 1 : 0);
    const children = spfTargets(spf[0] as string).map((target) =>
      target.domain === undefined
        ? {
            domain: target.term,
            via: target.via,
            lookups: 0,
            totalLookups: 0,
            note: 'a macro target: depends on the message',
            children: [],
          }
        : visit(target.domain, target.via, [...path, domain]),
    );
    return { domain, via, lookups: own, totalLookups: own + children.reduce((sum, child) => sum + child.totalLookups, 0), children };
  };
  return visit(graph.domain, 'check', []);
}
