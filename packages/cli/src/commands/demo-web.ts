import { webPreset } from '@pastoe/checks-web';
import { type ScanReport, type Verdict, policies, scanMany, score } from '@pastoe/core';
import { expectedWebVerdicts, type Lab, verdictMismatches } from '@pastoe/lab';
import { renderTable } from '../table.js';

/** The web categories in Internet.nl's report order, with the column heading each gets. */
const categories: readonly (readonly [string, string])[] = [
  ['web_ipv6', 'IPv6'],
  ['web_dnssec', 'DNSSEC'],
  ['web_https', 'HTTPS'],
  ['web_appsecpriv', 'security options'],
  ['web_rpki', 'RPKI'],
];

/** A subtest's short name for the table: the Internet.nl name without its `web_` prefix, else the check id. */
function shortName(verdict: Verdict): string {
  return verdict.internetnl?.name.replace(/^web_/, '') ?? verdict.check;
}

/** The subtests that did not pass, as `name: status`. */
function notPassing(report: ScanReport): string {
  const names = report.verdicts
    .filter((verdict) => verdict.status !== 'pass' && verdict.status !== 'not-applicable')
    .map((verdict) => `${shortName(verdict)}: ${verdict.status}`);
  return names.length === 0 ? '-' : names.join(', ');
}

/** Whether every verdict is the one the lab's scenario data expects: `yes`, or what differs. */
function asExpected(report: ScanReport, domain: string): string {
  const differ = verdictMismatches(report.verdicts, expectedWebVerdicts(domain)).filter((mismatch) => mismatch.actual !== undefined);
  return differ.length === 0 ? 'yes' : `no: ${differ.map((mismatch) => mismatch.subtest.replace(/^web_/, '')).join(', ')}`;
}

/** A category cell: its percentage when Internet.nl scores it, else its status. */
function categoryCell(report: ScanReport, id: string): string {
  const category = score(report, policies.internetnlWeb).suites[0]?.categories.find((c) => c.id === id);
  if (category === undefined) return '-';
  return category.included ? `${category.percentage}%` : category.status;
}

function suiteCell(report: ScanReport): string {
  const suite = score(report, policies.internetnlWeb).suites[0];
  if (suite === undefined) return '-';
  return suite.complete ? `${suite.percentage}%` : `${suite.percentage}% (partial)`;
}

/**
 * The website part of `pastoe demo`: scans every lab web scenario with the whole web preset over
 * the lab's transports and prints, per domain, Internet.nl's web score and category scores, the
 * subtests that did not pass, and whether every verdict is the one the scenario is built to give.
 */
export async function demoWeb(
  lab: Lab,
  signal: AbortSignal | undefined,
): Promise<{ table: string; domains: number; millis: number; failures: string[]; reports: ScanReport[] }> {
  const started = performance.now();
  const domains = lab.web.map((scenario) => scenario.domain);
  const reports = new Map<string, ScanReport>();
  const failures: string[] = [];
  for await (const result of scanMany(domains, {
    preset: webPreset,
    transports: lab.transports(),
    vantage: lab.vantage,
    domainConcurrency: 4,
    ...(signal === undefined ? {} : { signal }),
  })) {
    if (result.ok) reports.set(result.input, result.report);
    else failures.push(`${result.input}: ${result.error.message}`);
  }
  const rows: string[][] = [['domain', 'web score', ...categories.map(([, heading]) => heading), 'as built', 'not passing']];
  for (const domain of domains) {
    const report = reports.get(domain);
    if (report === undefined) continue;
    rows.push([
      domain,
      suiteCell(report),
      ...categories.map(([id]) => categoryCell(report, id)),
      asExpected(report, domain),
      notPassing(report),
    ]);
  }
  return {
    table: renderTable(rows),
    domains: reports.size,
    millis: Math.round(performance.now() - started),
    failures,
    reports: [...reports.values()],
  };
}
