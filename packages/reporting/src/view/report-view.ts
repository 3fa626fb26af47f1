import {
  type CategoryStatus,
  type Finding,
  type PointsScoreResult,
  type ScanReport,
  type Verdict,
  type VerdictStatus,
  policies,
  score,
  subjectLabel,
} from '@pastoe/core';
import { type MeetsText, meetsText } from '../meets.js';
import { checkMessages, findingText, messageText } from '../messages/localize.js';
import type { Language } from '../messages/types.js';
import { ui, uiOr } from '../messages/ui.js';
import { factsText } from './facts.js';
import { type ProvenanceLine, provenanceLines } from './provenance.js';

/*
 * What a Markdown or HTML report shows of one scan report, with every text localised and
 * bounded. Both renderers read this model, so they cannot disagree on what a report says;
 * each only decides how it looks.
 */

/** The most findings a check shows; a hostile server can make a check find a great deal. */
const maxFindings = 20;
/** The most servers a check's evidence table shows. */
const maxEvidenceRows = 16;
/** The most characters one finding shows. */
const maxFindingChars = 400;

/** One row of a check's evidence table: a server (or the domain) and what was found there. */
export interface EvidenceRow {
  /** The server as reports label it, e.g. `example.nl (192.0.2.1:443)`, or the domain. */
  readonly server: string;
  /** The server's own status, for per-server checks. */
  readonly status?: VerdictStatus;
  /** The key facts, as one compact line. */
  readonly facts: string;
}

/** One check as a report shows it. */
export interface CheckView {
  /** The check id. */
  readonly check: string;
  /** Its status. */
  readonly status: VerdictStatus;
  /** The localised headline (the message id itself when the catalogue lacks it). */
  readonly title: string;
  /** The findings as text, identical texts joined with the servers they concern. */
  readonly findings: readonly string[];
  /** Findings left out of `findings` for length. */
  readonly moreFindings: number;
  /** The evidence per server. */
  readonly evidence: readonly EvidenceRow[];
  /** Servers left out of `evidence` for length. */
  readonly moreServers: number;
  /** False for `pass` and `not-applicable`: the checks a report explains. */
  readonly needsAttention: boolean;
  /** For an `error` verdict: why pastoe could not judge. */
  readonly error?: string;
  /** For a check that needs attention (not an error): what it tests. */
  readonly explanation?: string;
  /** For a check that needs attention (not an error): how to fix it. */
  readonly advice?: string;
  /** For a check that needs attention (not an error): what to ask a supplier. */
  readonly supplier?: string;
}

/** One Internet.nl category (or the checks outside them) as a report shows it. */
export interface CategoryView {
  /** The category id, e.g. `web_https`; `other` for checks without an Internet.nl category. */
  readonly id: string;
  /** The localised name. */
  readonly name: string;
  /** The category's Internet.nl score, when it has one. */
  readonly score?: { readonly percentage: number; readonly status: CategoryStatus };
  /** Its checks, in report order. */
  readonly checks: readonly CheckView[];
}

/** One suite's Internet.nl score. */
export interface SuiteScoreView {
  /** `web` or `mail`. */
  readonly suite: 'web' | 'mail';
  /** The localised label, e.g. "Internet.nl website test". */
  readonly label: string;
  /** The percentage, over what was tested. */
  readonly percentage: number;
  /** How many of the suite's tests the report lacks. */
  readonly missing: number;
}

/** The streefbeeld decision of one suite. */
export interface StreefbeeldSuiteView {
  /** The suite id. */
  readonly suite: string;
  /** The localised label. */
  readonly label: string;
  /** The decision. */
  readonly meets: MeetsText;
  /** The localised names of the standards it does not meet. */
  readonly unmet: readonly string[];
}

/** One scan report as a report shows it. */
export interface ReportView {
  /** The domain. */
  readonly domain: string;
  /** Internet.nl's score per suite the report has verdicts for. */
  readonly scores: readonly SuiteScoreView[];
  /** The streefbeeld decision for the domain, `undefined` when the report decides nothing. */
  readonly streefbeeld?: MeetsText;
  /** The streefbeeld decision per suite. */
  readonly streefbeeldSuites: readonly StreefbeeldSuiteView[];
  /** The categories with their checks, in Internet.nl's order, then checks outside it. */
  readonly categories: readonly CategoryView[];
  /** The provenance block. */
  readonly provenance: readonly ProvenanceLine[];
}

const suites = [
  { suite: 'web', policy: policies.internetnlWeb },
  { suite: 'mail', policy: policies.internetnlMail },
] as const;

const categoryOrder: readonly string[] = policies.internetnl.suites.flatMap((suite) => suite.categories.map((category) => category.id));

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Findings as text; identical texts (the same finding on several servers) become one line naming them. */
function findingLines(check: string, findings: readonly Finding[], language: Language): string[] {
  const servers = new Map<string, string[]>();
  for (const finding of findings) {
    const text = truncate(findingText(check, finding, language), maxFindingChars);
    let list = servers.get(text);
    if (list === undefined) {
      list = [];
      servers.set(text, list);
    }
    if (finding.subject !== undefined) list.push(subjectLabel(finding.subject));
  }
  return [...servers].map(([text, labels]) => (labels.length === 0 ? text : `${text} — ${[...new Set(labels)].join(', ')}`));
}

function evidenceRows(report: ScanReport, verdict: Verdict): EvidenceRow[] {
  if (verdict.subjects !== undefined && verdict.subjects.length > 0) {
    return verdict.subjects.map((result) => ({
      server: subjectLabel(result.subject),
      status: result.status,
      facts: factsText(result.facts),
    }));
  }
  const facts = factsText(verdict.facts);
  return facts === '' ? [] : [{ server: report.target.domain, facts }];
}

function checkView(report: ScanReport, verdict: Verdict, language: Language): CheckView {
  const findings = findingLines(verdict.check, verdict.findings, language);
  const evidence = evidenceRows(report, verdict);
  const needsAttention = verdict.status !== 'pass' && verdict.status !== 'not-applicable';
  const base = {
    check: verdict.check,
    status: verdict.status,
    title: messageText(verdict.title, language) ?? verdict.title,
    findings: findings.slice(0, maxFindings),
    moreFindings: Math.max(0, findings.length - maxFindings),
    evidence: evidence.slice(0, maxEvidenceRows),
    moreServers: Math.max(0, evidence.length - maxEvidenceRows),
    needsAttention,
  };
  if (verdict.status === 'error') {
    const reason =
      verdict.error === undefined ? verdict.outcome : `${verdict.error.message} (${verdict.error.source}: ${verdict.error.code})`;
    const error = messageText('runner.error', language, { reason }) ?? reason;
    return { ...base, error: truncate(error, maxFindingChars) };
  }
  if (!needsAttention) return base;
  const messages = checkMessages(verdict.check);
  if (messages === undefined) return base;
  return { ...base, explanation: messages.explanation[language], advice: messages.advice[language], supplier: messages.supplier[language] };
}

function categoryViews(report: ScanReport, scores: readonly PointsScoreResult[], language: Language): CategoryView[] {
  const byCategory = new Map<string, Verdict[]>();
  for (const verdict of report.verdicts) {
    const id = verdict.internetnl?.category ?? 'other';
    const list = byCategory.get(id);
    if (list === undefined) byCategory.set(id, [verdict]);
    else list.push(verdict);
  }
  const rank = (id: string) => {
    const index = categoryOrder.indexOf(id);
    return index === -1 ? (id === 'other' ? categoryOrder.length + 1 : categoryOrder.length) : index;
  };
  const scored = new Map(
    scores.flatMap((result) => result.suites.flatMap((suite) => suite.categories.map((category) => [category.id, category] as const))),
  );
  // A stable sort keeps unknown categories (a newer pastoe's) in report order, before `other`.
  return [...byCategory]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([id, verdicts]) => {
      const category = scored.get(id);
      return {
        id,
        name: uiOr(`category.${id}`, language, id),
        ...(category?.included === true ? { score: { percentage: category.percentage, status: category.status } } : {}),
        checks: verdicts.map((verdict) => checkView(report, verdict, language)),
      };
    });
}

/** The localised name of a streefbeeld standard: its suite-less standard name. */
function standardName(standard: string, language: Language): string {
  return uiOr(`standard.${standard}`, language, standard);
}

/** What a Markdown or HTML report shows of one scan report, in a language. */
export function reportView(report: ScanReport, language: Language): ReportView {
  const points = suites.map(({ policy }) => score(report, policy));
  const scores: SuiteScoreView[] = [];
  suites.forEach(({ suite }, index) => {
    const result = points[index]?.suites[0];
    if (result === undefined) return;
    scores.push({ suite, label: ui(`score.${suite}`, language), percentage: result.percentage, missing: result.missing.length });
  });
  const target = score(report, policies.streefbeeld);
  return {
    domain: report.target.domain,
    scores,
    ...(target.error === undefined ? { streefbeeld: meetsText(target.meets) } : {}),
    streefbeeldSuites: target.suites.map((suite) => ({
      suite: suite.id,
      label: uiOr(`streefbeeld.${suite.id}`, language, suite.id),
      meets: meetsText(suite.meets),
      unmet: suite.standards.filter((standard) => standard.meets === false).map((standard) => standardName(standard.standard, language)),
    })),
    categories: categoryViews(report, points, language),
    provenance: provenanceLines(report, language),
  };
}
