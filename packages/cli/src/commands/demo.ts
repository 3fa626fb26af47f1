import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type Meets, type ScanReport, policies, scanMany, score } from '@pastoe/core';
import { startLab } from '@pastoe/lab';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { renderReports } from '../output/formats.js';
import { renderTable } from '../table.js';
import { UsageError } from '../usage-error.js';
import type { CommandRuntime } from './runtime.js';
import { demoMail } from './demo-mail.js';
import { demoWeb } from './demo-web.js';

function statusOf(report: ScanReport, check: string): string {
  const verdict = report.verdicts.find((v) => v.check === check);
  return verdict === undefined ? '-' : `${verdict.status} (${verdict.outcome})`;
}

function categoryPercentage(report: ScanReport, suite: 'web' | 'mail', category: string): string {
  const result = score(report, suite === 'web' ? policies.internetnlWeb : policies.internetnlMail);
  const value = result.suites[0]?.categories.find((c) => c.id === category)?.percentage;
  return value === undefined ? '-' : `${value}%`;
}

function meetsText(meets: Meets | undefined): string {
  if (meets === true) return 'yes';
  if (meets === false) return 'no';
  return meets ?? '-';
}

/** A suite's whole Internet.nl score, marked when subtests are missing (pastoe lacks their checks). */
function suiteScore(report: ScanReport, suite: 'web' | 'mail'): string {
  const result = score(report, suite === 'web' ? policies.internetnlWeb : policies.internetnlMail);
  const scored = result.suites[0];
  if (scored === undefined) return '-';
  return scored.complete ? `${scored.percentage}%` : `${scored.percentage}% (partial)`;
}

/** The streefbeeld answer for the whole domain: `unknown` while standards are untested. */
function streefbeeldOverall(report: ScanReport): string {
  return meetsText(score(report, policies.streefbeeld).meets);
}

function streefbeeldDnssec(report: ScanReport): string {
  const result = score(report, policies.streefbeeld);
  const decisions = result.suites.map((suite) => suite.standards.find((s) => s.standard === 'dnssec')?.meets);
  return decisions.map(meetsText).join(' / ');
}

/** Says how much of Internet.nl's tests the scores above rest on, from the score's own `missing` list. */
function coverageNote(report: ScanReport | undefined): string {
  if (report === undefined) return '';
  const result = score(report, policies.internetnl);
  if (result.complete) return '';
  const tested = result.suites.reduce(
    (sum, suite) => sum + suite.categories.reduce((n, c) => n + c.tests.filter((t) => t.present).length, 0),
    0,
  );
  const total = tested + result.missing.length;
  return (
    `Scores marked (partial) rest on the subtests pastoe has: ${result.missing.length} of Internet.nl's ${total} subtests ` +
    "are not tested yet (see docs/status.md), and streefbeeld answers 'unknown' for standards never tested.\n"
  );
}

/**
 * `pastoe demo`: starts the lab on loopback and scans its demo domains with every check pastoe
 * has, printing the verdicts, Internet.nl's category scores and the target-state decision.
 */
async function runDemo(io: CliIo, signal: AbortSignal | undefined, out: string): Promise<number> {
  const htmlFile = resolve(out);
  const started = performance.now();
  const lab = await startLab(signal === undefined ? {} : { signal });
  try {
    const labMs = Math.round(performance.now() - started);
    io.out(`pastoe demo: the lab runs on loopback (started in ${labMs} ms); scanning ${lab.domains.length} demo domains\n\n`);
    const checks = [...webPreset.checks, ...mailPreset.checks];
    const probes = [...webPreset.probes, ...mailPreset.probes];
    const reports = new Map<string, ScanReport>();
    const failures: string[] = [];
    for await (const result of scanMany(
      lab.domains.map((d) => d.name),
      {
        checks,
        probes,
        transports: lab.transports(),
        vantage: lab.vantage,
        domainConcurrency: 4,
        ...(signal === undefined ? {} : { signal }),
      },
    )) {
      if (result.ok) reports.set(result.input, result.report);
      else failures.push(`${result.input}: ${result.error.message}`);
    }
    // Stopped (the reader of the output went away): the scans that did not finish are not failures to report.
    signal?.throwIfAborted();
    const rows: string[][] = [
      [
        'domain',
        'web DNSSEC valid',
        'mail DNSSEC (MX) valid',
        'Internet.nl DNSSEC web/mail',
        'Internet.nl web/mail',
        'streefbeeld DNSSEC web/mail',
        'streefbeeld',
        'shows',
      ],
    ];
    for (const domain of lab.domains) {
      const report = reports.get(domain.name);
      if (report === undefined) continue;
      rows.push([
        domain.name,
        statusOf(report, 'web-dnssec-valid'),
        statusOf(report, 'mail-dnssec-mx-valid'),
        `${categoryPercentage(report, 'web', 'web_dnssec')} / ${categoryPercentage(report, 'mail', 'mail_dnssec')}`,
        `${suiteScore(report, 'web')} / ${suiteScore(report, 'mail')}`,
        streefbeeldDnssec(report),
        streefbeeldOverall(report),
        domain.description,
      ]);
    }
    io.out(`${renderTable(rows)}\n`);
    const totalMs = Math.round(performance.now() - started);
    io.out(`\n${reports.size} domains scanned in ${totalMs} ms with pastoe's own DNSSEC validation from the lab's root trust anchor.\n`);
    io.out(coverageNote(reports.values().next().value));
    // The web and mail parts scan different servers: run them side by side.
    const [web, mail] = await Promise.all([demoWeb(lab, signal), demoMail(lab, signal)]);
    signal?.throwIfAborted();
    failures.push(...web.failures, ...mail.failures);
    io.out(
      `\nThe website test of the lab's web scenarios (Internet.nl's subtests; TLS on the first IPv6 and IPv4 address, worst of the two):\n\n${web.table}\n`,
    );
    io.out(
      `\n${web.domains} web scenarios scanned in ${web.millis} ms. "as built": every verdict is the one the scenario's data expects.\n`,
    );
    io.out(
      `\nThe mail test of the lab's mail scenarios (Internet.nl's subtests; STARTTLS is the category verdict, DANE per MX):\n\n${mail.table}\n`,
    );
    io.out(
      `\n${mail.domains} mail scenarios scanned in ${mail.millis} ms, as one bulk run: a hosted MX shared by several domains is scanned once.\n`,
    );
    if (mail.partial)
      io.out(
        '* a partial score: pastoe could not measure some subtests (a test error, shown in its column), so the score rests on the others.\n',
      );
    await writeHtmlReport(io, htmlFile, [...reports.values(), ...web.reports, ...mail.reports]);
    for (const failure of failures) io.err(`could not scan ${failure}\n`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await lab.close();
  }
}

/** Writes the HTML report of every domain the demo scanned, and says where. */
async function writeHtmlReport(io: CliIo, file: string, reports: readonly ScanReport[]): Promise<void> {
  const html = renderReports(reports, 'html', {
    language: 'en',
    policy: 'internetnl',
    colour: false,
    title: "pastoe demo: the lab's domains",
  });
  try {
    await writeFile(file, html);
  } catch (error) {
    throw new UsageError(`cannot write --out ${JSON.stringify(file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.out(`\nThe HTML report of these ${reports.length} scans: ${file}\n`);
}

/** Adds `pastoe demo`. */
export function addDemoCommand(program: Command, runtime: CommandRuntime): void {
  program
    .command('demo')
    .description("scan the lab's demo domains on loopback and write an HTML report")
    .option('--out <file>', 'where the HTML report goes', './pastoe-demo.html')
    .addHelpText(
      'after',
      `
Starts the lab, a simulated internet on loopback, and scans its demo domains with every check
pastoe has: DNSSEC verdicts, Internet.nl's category scores and the streefbeeld decision, then the
website test of every lab web scenario (its Internet.nl web score, category scores and the
subtests that did not pass) and the mail test of every lab mail scenario (its Internet.nl mail
score, STARTTLS, DANE, SPF, DMARC and DKIM), and writes the HTML report of every scan to --out.
No traffic leaves loopback.
`,
    )
    .action(async (flags: { readonly out: string }) => runtime.exit(await runDemo(runtime.io, runtime.signal, flags.out)));
}
