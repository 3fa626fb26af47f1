/**
 * Whether a DMARC record protects the domain, judged as Internet.nl judges it
 * (`dmarc_verify_sufficient_policy`, spec §3.4), and whether its external report destinations
 * authorize the reports. Pure.
 */
import type { DmarcReportDestination } from './evidence.js';
import { type DmarcParseResult, type DmarcPolicy, type DmarcProblem, parseDmarc, type DmarcRuleset } from './parse.js';

/** How a record's policy was judged. */
export type DmarcPolicyJudgement =
  | {
      /** `quarantine` or `reject` applies (after `t=y`, which lowers it one step). */
      readonly status: 'sufficient';
      /** The tag the policy came from. */
      readonly tag: 'p' | 'sp';
      /** The policy as published. */
      readonly published: DmarcPolicy;
      /** The policy that applies after test mode. */
      readonly applied: 'quarantine' | 'reject';
    }
  | {
      /** No policy, `none`, or `quarantine` lowered to `none` by `t=y`. */
      readonly status: 'insufficient';
      /** The tag the policy came from, when there is one. */
      readonly tag?: 'p' | 'sp';
      /** The policy as published, when there is one. */
      readonly published?: DmarcPolicy;
      /** The policy that applies. */
      readonly applied: 'none';
    }
  | {
      /** A syntax error by the ruleset, or a tag Internet.nl does not know. */
      readonly status: 'syntax';
      /** The errors, and the unknown tags Internet.nl counts as errors. */
      readonly problems: readonly DmarcProblem[];
    };

/** Options of {@link judgeDmarcPolicy}. */
export interface JudgeDmarcPolicyOptions {
  /** The ruleset to parse by; default `rfc7489`. */
  readonly ruleset?: DmarcRuleset;
  /** The record was found at a parent (the organizational domain), so `sp` applies when present. */
  readonly inherited: boolean;
}

/**
 * Judges a record's policy as Internet.nl does: a syntax error (including an unknown tag, which
 * receivers ignore but Internet.nl's grammar refuses) is `syntax`; the policy in force is `sp` for
 * an inherited record when present, else `p`; `t=y` lowers it one step (`reject` to `quarantine`,
 * `quarantine` to `none`); `quarantine` and `reject` are sufficient. `pct` changes nothing, as at
 * Internet.nl. The bare `v=DMARC1;` (no tags at all) has no policy rather than a syntax error.
 */
export function judgeDmarcPolicy(text: string, options: JudgeDmarcPolicyOptions): DmarcPolicyJudgement {
  const parsed = parseDmarc(text, { ruleset: options.ruleset ?? 'rfc7489' });
  const problems = syntaxProblems(parsed);
  const bare = parsed.tags.length === 0 && problems.every((problem) => problem.code === 'missing-p');
  if (problems.length > 0 && !bare) return { status: 'syntax', problems };
  const { p, sp, t } = parsed.record;
  const tag = options.inherited && sp !== undefined ? 'sp' : p === undefined ? undefined : 'p';
  const published = tag === 'sp' ? sp : p;
  if (tag === undefined || published === undefined) return { status: 'insufficient', applied: 'none' };
  const applied = t === 'y' ? lowered(published) : published;
  return applied === 'none' ? { status: 'insufficient', tag, published, applied } : { status: 'sufficient', tag, published, applied };
}

function lowered(policy: DmarcPolicy): DmarcPolicy {
  return policy === 'reject' ? 'quarantine' : 'none';
}

/** The problems Internet.nl treats as syntax errors: the ruleset's errors and unknown tags. */
function syntaxProblems(parsed: DmarcParseResult): DmarcProblem[] {
  return [...parsed.errors, ...parsed.warnings.filter((warning) => warning.code === 'unknown-tag')];
}

/** Whether an external destination authorized reports, could not be asked, or was not asked. */
export type ReportAuthorizationStatus = 'authorized' | 'unauthorized' | 'unknown' | 'not-checked';

/**
 * Whether a destination authorizes reports: an external one does when its authorization name
 * holds a TXT record that starts `v=DMARC1` (other tags may follow; RFC 7489 §7.1), a wildcard's
 * answer included. A lookup without a usable answer is `unknown`; a name too long to ask is
 * `unauthorized`, since no record can exist there. A destination inside the organizational
 * domain needs no authorization.
 */
export function reportAuthorizationStatus(destination: DmarcReportDestination): ReportAuthorizationStatus {
  if (!destination.external) return 'authorized';
  const lookup = destination.authorization;
  if (lookup === undefined) return 'not-checked';
  if (lookup.error !== undefined) return lookup.error.startsWith('invalid-name') ? 'unauthorized' : 'unknown';
  return lookup.records.some((record) => /^[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/.test(record)) ? 'authorized' : 'unauthorized';
}
