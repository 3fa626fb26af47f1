import { type Meets, policies, type ScanReport, score, type Verdict } from '@pastoe/core';
import { findingText, type Language, messageText } from '@pastoe/reporting';
import type { PolicyName } from '../scan-setup.js';
import { type Painter, painter, printable, statusStyle } from './colour.js';

/** The fixed words of the text summary, in both languages. */
const words = {
  en: {
    scores: 'Internet.nl score',
    partial: 'partial',
    streefbeeld: 'streefbeeld (target state)',
    notMet: 'standards not met',
    unknown: 'standards not decided',
    notPassing: 'not passing',
    allPass: 'every check passes or does not apply',
    of: 'of',
    checks: 'checks',
    yes: 'yes',
    no: 'no',
  },
  nl: {
    scores: 'Internet.nl-score',
    partial: 'gedeeltelijk',
    streefbeeld: 'streefbeeld',
    notMet: 'standaarden niet gehaald',
    unknown: 'standaarden onbeslist',
    notPassing: 'niet geslaagd',
    allPass: 'elke test slaagt of is niet van toepassing',
    of: 'van',
    checks: 'tests',
    yes: 'ja',
    no: 'nee',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** The most findings shown under one check; the JSON report has them all. */
const maxFindings = 3;

/** How a text summary is written. */
export interface TextReportOptions {
  /** The language of titles, findings and labels. */
  readonly language: Language;
  /** The policy shown first. */
  readonly policy: PolicyName;
  /** ANSI colours. */
  readonly colour: boolean;
}

/**
 * A terminal summary per domain: Internet.nl's score per test and category, the streefbeeld
 * decision with the standards not met, and the checks not passing with their localised titles
 * and findings.
 */
export function textReport(reports: readonly ScanReport[], options: TextReportOptions): string {
  const paint = painter(options.colour);
  return reports.map((report) => domainSummary(report, options, paint)).join('\n');
}

function domainSummary(report: ScanReport, options: TextReportOptions, paint: Painter): string {
  const w = words[options.language];
  const blocks = [internetnlBlock(report, w, paint), streefbeeldBlock(report, w, paint)];
  if (options.policy === 'streefbeeld') blocks.reverse();
  return [paint('bold', report.target.domain), ...blocks, failingBlock(report, options.language, paint)].join('\n').concat('\n');
}

type Words = (typeof words)[Language];

function internetnlBlock(report: ScanReport, w: Words, paint: Painter): string {
  const result = score(report, policies.internetnl);
  const lines = [`  ${w.scores}`];
  for (const suite of result.suites) {
    const partial = suite.complete ? '' : ` (${w.partial})`;
    const categories = suite.categories.map((category) => {
      const value = category.included ? `${category.percentage}%` : category.verdict;
      return `${category.id.replace(/^(web|mail)_/, '')} ${paint(statusStyle(category.status), value)}`;
    });
    lines.push(`    ${suite.id.padEnd(5)} ${paint('bold', `${suite.percentage}%`)}${partial}   ${categories.join('  ')}`);
  }
  return lines.join('\n');
}

function meetsWord(meets: Meets | undefined, w: Words, paint: Painter): string {
  if (meets === true) return paint(statusStyle('meets'), w.yes);
  if (meets === false) return paint(statusStyle('not-met'), w.no);
  return paint(statusStyle('unknown'), meets ?? '-');
}

function streefbeeldBlock(report: ScanReport, w: Words, paint: Painter): string {
  const result = score(report, policies.streefbeeld);
  const suites = result.suites.map((suite) => `${suite.id} ${meetsWord(suite.meets, w, paint)}`).join(', ');
  const lines = [`  ${w.streefbeeld}: ${meetsWord(result.meets, w, paint)}${suites === '' ? '' : ` (${suites})`}`];
  const standards = result.suites.flatMap((suite) => suite.standards.map((standard) => ({ suite: suite.id, standard })));
  const notMet = standards
    .filter(({ standard }) => standard.meets === false)
    .map(({ suite, standard }) => `${standard.standard} (${suite})`);
  const undecided = standards
    .filter(({ standard }) => standard.meets === 'unknown')
    .map(({ suite, standard }) => `${standard.standard} (${suite})`);
  if (notMet.length > 0) lines.push(`    ${w.notMet}: ${notMet.join(', ')}`);
  if (undecided.length > 0) lines.push(`    ${w.unknown}: ${undecided.join(', ')}`);
  return lines.join('\n');
}

function isPassing(verdict: Verdict): boolean {
  return verdict.status === 'pass' || verdict.status === 'not-applicable';
}

/** A verdict's headline in the language: its localised title, else its message id. */
function headline(verdict: Verdict, language: Language): string {
  return messageText(verdict.title, language) ?? messageText(`${verdict.check}.title`, language) ?? verdict.title;
}

function failingBlock(report: ScanReport, language: Language, paint: Painter): string {
  const w = words[language];
  const failing = report.verdicts.filter((verdict) => !isPassing(verdict));
  if (failing.length === 0) return `  ${paint('green', w.allPass)}`;
  const lines = [`  ${w.notPassing} (${failing.length} ${w.of} ${report.verdicts.length} ${w.checks})`];
  for (const verdict of failing) {
    const name = verdict.internetnl?.name ?? verdict.check;
    lines.push(
      `    ${paint(statusStyle(verdict.status), verdict.status.padEnd(10))} ${printable(name)}: ${printable(headline(verdict, language))}`,
    );
    for (const finding of verdict.findings.slice(0, maxFindings)) {
      const where =
        finding.subject === undefined
          ? ''
          : ` [${finding.subject.name}${finding.subject.ip === undefined ? '' : ` ${finding.subject.ip}`}]`;
      lines.push(`               ${paint('dim', printable(`${findingText(verdict.check, finding, language)}${where}`))}`);
    }
    if (verdict.findings.length > maxFindings) lines.push(`               ${paint('dim', `… +${verdict.findings.length - maxFindings}`)}`);
  }
  return lines.join('\n');
}
