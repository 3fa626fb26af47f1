/**
 * Internet.nl's non-sending domain (`skip_dkim_for_non_sending_domain`, spec §3.4): a domain
 * whose DMARC and SPF records say it sends no mail needs no DKIM. Pure.
 */
import type { DmarcEvidence } from '../dmarc/evidence.js';
import { parseDmarc } from '../dmarc/parse.js';
import { judgeDmarcPolicy, reportAuthorizationStatus } from '../dmarc/policy.js';
import type { SpfEvidence } from '../probes/spf.declaration.js';
import { parseSpf } from '../spf/parse.js';

/**
 * Whether the domain is non-sending: `yes`, `no`, or `unknown` when a lookup the rule needs got
 * no usable answer (then pastoe cannot tell, and says so rather than guess).
 */
export type NonSendingStatus = 'yes' | 'no' | 'unknown';

/** What the rule found, part by part. */
export interface NonSendingJudgement {
  /** The verdict of the rule. */
  readonly status: NonSendingStatus;
  /** The DMARC part: a valid policy record that rejects, read as Internet.nl reads it. */
  readonly dmarc: NonSendingStatus;
  /** The SPF part: exactly one record, exactly `v=spf1 -all` (an `exp=` allowed). */
  readonly spf: NonSendingStatus;
}

/** The DMARC record's first tag after `v=DMARC1;` is `p=reject`, as Internet.nl's pattern wants it. */
const rejectFirst = /^v=DMARC1;[ \t]*p=reject[ \t]*(;|$)/;

function dmarcSaysNonSending(dmarc: DmarcEvidence): NonSendingStatus {
  if (dmarc.status === 'error') return 'unknown';
  if (dmarc.status !== 'found' || dmarc.record === undefined) return 'no';
  const { text, source } = dmarc.record;
  const inherited = source !== 'domain';
  if (judgeDmarcPolicy(text, { ruleset: dmarc.ruleset, inherited }).status !== 'sufficient') return 'no';
  const destinations = dmarc.reportDestinations.map(reportAuthorizationStatus);
  if (destinations.includes('unauthorized')) return 'no';
  if (destinations.includes('unknown')) return 'unknown';
  if (!inherited) return rejectFirst.test(text) ? 'yes' : 'no';
  // For a record inherited from the organizational domain, `sp` decides when present.
  const { sp } = parseDmarc(text, { ruleset: dmarc.ruleset }).record;
  if (sp !== undefined) return sp === 'reject' ? 'yes' : 'no';
  return rejectFirst.test(text) ? 'yes' : 'no';
}

function spfSaysNonSending(spf: SpfEvidence): NonSendingStatus {
  const { lookup } = spf;
  if (lookup.error !== undefined) return 'unknown';
  const records = lookup.texts.filter((text) => text.toLowerCase().startsWith('v=spf1'));
  const record = records[0];
  if (records.length !== 1 || record === undefined || !parseSpf(record).ok) return 'no';
  const terms = record
    .toLowerCase()
    .split(/[ \t]+/)
    .filter((term) => term !== '' && !term.startsWith('exp='));
  return terms.length === 2 && terms[0] === 'v=spf1' && terms[1] === '-all' ? 'yes' : 'no';
}

/**
 * Judges Internet.nl's non-sending rule: DMARC found with a valid policy that starts
 * `v=DMARC1; p=reject` (for a record inherited from the organizational domain: `sp=reject`, or
 * `p=reject` without `sp`), and exactly one SPF record, exactly `v=spf1 -all` (an `exp=`
 * allowed). A Null MX plays no part in the rule.
 */
export function judgeNonSending(spf: SpfEvidence, dmarc: DmarcEvidence): NonSendingJudgement {
  const dmarcPart = dmarcSaysNonSending(dmarc);
  const spfPart = spfSaysNonSending(spf);
  const status = dmarcPart === 'no' || spfPart === 'no' ? 'no' : dmarcPart === 'unknown' || spfPart === 'unknown' ? 'unknown' : 'yes';
  return { status, dmarc: dmarcPart, spf: spfPart };
}
