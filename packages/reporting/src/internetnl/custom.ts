import type { Verdict } from '@pastoe/core/model';
import type { InternetNlCustomResults, InternetNlKind } from './types.js';

/*
 * Internet.nl's custom results (spec §7.4, `interface/batch/custom_results.py`), derived from
 * verdict outcomes alone, so reporting reads no check-specific facts. A key is left out when the
 * report lacks the verdict it rests on, or pastoe could not judge it.
 */

/** The gate and 0-RTT tests per request type. */
const tlsTests: Readonly<Record<InternetNlKind, { readonly gate: string; readonly zeroRtt: string }>> = {
  web: { gate: 'web_https_http_available', zeroRtt: 'web_https_tls_0rtt' },
  mail: { gate: 'mail_starttls_tls_available', zeroRtt: 'mail_starttls_tls_0rtt' },
};

/** Gate outcomes meaning a server could not be reached or tested. */
const unreachableGate = new Set(['other', 'could-not-test']);

/** `starttls_exists` outcome → `mail_servers_testable_status`; every other outcome is `ok`. */
const mailServersStatus: Readonly<Record<string, InternetNlCustomResults['mail_servers_testable_status']>> = {
  'other-2': 'no_mx',
  other: 'unreachable',
  'could-not-test': 'untestable',
};

function judged(verdicts: readonly Verdict[], name: string): Verdict | undefined {
  const verdict = verdicts.find((candidate) => candidate.internetnl?.name === name);
  if (verdict === undefined || verdict.error !== undefined || verdict.outcome === 'not-tested') return undefined;
  return verdict;
}

/** `tls_1_3_support`: `no` when a server lacks TLS or TLS 1.3 (0-RTT `na`) or there are none. */
function tls13Support(verdicts: readonly Verdict[], kind: InternetNlKind): InternetNlCustomResults['tls_1_3_support'] {
  const gate = judged(verdicts, tlsTests[kind].gate);
  if (gate === undefined) return undefined;
  if (unreachableGate.has(gate.outcome)) return 'undetermined';
  if (gate.outcome !== 'good') return 'no';
  const zeroRtt = judged(verdicts, tlsTests[kind].zeroRtt);
  if (zeroRtt === undefined) return undefined;
  const outcomes = [zeroRtt.outcome, ...(zeroRtt.subjects ?? []).map((subject) => subject.outcome)];
  return outcomes.includes('na') ? 'no' : 'yes';
}

/** The custom results pastoe can derive for one report; undefined when it can derive none. */
export function customResults(verdicts: readonly Verdict[], kind: InternetNlKind): InternetNlCustomResults | undefined {
  const custom: { -readonly [K in keyof InternetNlCustomResults]: InternetNlCustomResults[K] } = {};
  if (kind === 'mail') {
    // Internet.nl's DKIM exemption and this key are one rule: DKIM says `no-email` exactly then.
    const dkim = judged(verdicts, 'mail_auth_dkim_exist');
    if (dkim !== undefined) custom.mail_non_sending_domain = dkim.outcome === 'no-email';
    const gate = judged(verdicts, tlsTests.mail.gate);
    if (gate !== undefined) custom.mail_servers_testable_status = mailServersStatus[gate.outcome] ?? 'ok';
  }
  const tls = tls13Support(verdicts, kind);
  if (tls !== undefined) custom.tls_1_3_support = tls;
  return Object.keys(custom).length === 0 ? undefined : custom;
}
