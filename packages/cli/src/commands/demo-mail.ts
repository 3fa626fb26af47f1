import { mailPreset } from '@pastoe/checks-mail';
import { type ScanReport, type Verdict, policies, scanMany, score } from '@pastoe/core';
import { expectedMailVerdicts, type Lab, verdictMismatches } from '@pastoe/lab';
import { renderTable } from '../table.js';

/**
 * Lab mail scenarios the demo leaves out, and why: the tarpit's 1.5 s banner delay before each of
 * the STARTTLS scan's dozens of connections would double the demo's time for one row.
 */
const leftOut: ReadonlySet<string> = new Set(['mail-tarpit.test']);

function verdictOf(report: ScanReport, name: string): Verdict | undefined {
  return report.verdicts.find((verdict) => verdict.internetnl?.name === name);
}

/** A verdict in a word or two: its status, with the outcome when that says more than the status. */
function brief(verdict: Verdict | undefined): string {
  if (verdict === undefined) return 'not yet';
  if (verdict.status === 'pass' || verdict.outcome === verdict.status || verdict.outcome === 'bad') return verdict.status;
  return `${verdict.status} (${verdict.outcome})`;
}

/** STARTTLS as Internet.nl's category verdict: passed, failed, unreachable, null-mx, no-mx, … */
function starttlsCell(report: ScanReport): string {
  const category = score(report, policies.internetnlMail).suites[0]?.categories.find((c) => c.id === 'mail_starttls');
  return category?.verdict ?? '-';
}

/** DANE of the mail servers: valid, invalid, bogus, none (no usable TLSA) or - (not tested). */
function daneCell(report: ScanReport): string {
  const exists = verdictOf(report, 'mail_starttls_dane_exist');
  if (exists === undefined || exists.status === 'not-tested' || exists.status === 'not-applicable') return '-';
  if (exists.status === 'pass') return verdictOf(report, 'mail_starttls_dane_valid')?.status === 'pass' ? 'valid' : 'invalid';
  return exists.outcome === 'bogus' ? 'bogus' : exists.status === 'error' ? 'error' : 'none';
}

/** SPF or DMARC: `none` without a record, else the policy verdict. */
function recordCell(report: ScanReport, exist: string, policy: string): string {
  const record = verdictOf(report, exist);
  if (record === undefined) return 'not yet';
  if (record.status !== 'pass') return record.status === 'fail' ? 'none' : brief(record);
  return brief(verdictOf(report, policy));
}

/** The Internet.nl mail score; `*` marks a score over a partial report (subtests pastoe could not measure). */
function scoreCell(report: ScanReport): string {
  const suite = score(report, policies.internetnlMail).suites[0];
  if (suite === undefined) return '-';
  return suite.complete ? `${suite.percentage}%` : `${suite.percentage}%*`;
}

/** Whether every verdict is the one the lab's scenario data expects: `yes`, or the subtests that differ. */
function asExpected(report: ScanReport, domain: string): string {
  const differ = verdictMismatches(report.verdicts, expectedMailVerdicts(domain)).filter((mismatch) => mismatch.actual !== undefined);
  return differ.length === 0 ? 'yes' : `no: ${differ.map((mismatch) => mismatch.subtest).join(', ')}`;
}

/**
 * The mail part of `pastoe demo`: scans the lab's mail scenarios with the mail preset over the
 * lab's transports, as one bulk run (a hosted MX shared by several domains is scanned once), and
 * prints per domain the Internet.nl mail score and the key verdicts: STARTTLS, DANE, SPF, DMARC
 * and DKIM, and whether every verdict is the one the scenario is built to give.
 */
export async function demoMail(
  lab: Lab,
  signal: AbortSignal | undefined,
): Promise<{ table: string; domains: number; millis: number; partial: boolean; failures: string[]; reports: ScanReport[] }> {
  const started = performance.now();
  const domains = lab.mail.map((scenario) => scenario.domain).filter((domain) => !leftOut.has(domain));
  const reports = new Map<string, ScanReport>();
  const failures: string[] = [];
  for await (const result of scanMany(domains, {
    preset: mailPreset,
    transports: lab.transports(),
    vantage: lab.vantage,
    domainConcurrency: 4,
    ...(signal === undefined ? {} : { signal }),
  })) {
    if (result.ok) reports.set(result.input, result.report);
    else failures.push(`${result.input}: ${result.error.message}`);
  }
  const rows: string[][] = [['domain', 'mail score', 'STARTTLS', 'DANE', 'SPF', 'DMARC', 'DKIM', 'as built']];
  let partial = false;
  for (const domain of domains) {
    const report = reports.get(domain);
    if (report === undefined) continue;
    partial ||= !score(report, policies.internetnlMail).complete;
    rows.push([
      domain,
      scoreCell(report),
      starttlsCell(report),
      daneCell(report),
      recordCell(report, 'mail_auth_spf_exist', 'mail_auth_spf_policy'),
      recordCell(report, 'mail_auth_dmarc_exist', 'mail_auth_dmarc_policy'),
      brief(verdictOf(report, 'mail_auth_dkim_exist')),
      asExpected(report, domain),
    ]);
  }
  return {
    table: renderTable(rows),
    domains: reports.size,
    millis: Math.round(performance.now() - started),
    partial,
    failures,
    reports: [...reports.values()],
  };
}
