/**
 * What a real report would show untranslated: a verdict title or a finding without text in a
 * language, or a text whose placeholders the finding's parameters left unfilled. The lab e2e tests
 * run it over every report they scan, so the catalogue is checked against what checks really emit.
 */
import type { Finding, ScanReport } from '@pastoe/core';
import { findingMessageId, languages, messageText } from '@pastoe/reporting';

const unfilled = /\{[A-Za-z][A-Za-z0-9_-]*\}/;

/** Every gap in the texts of a report's verdict titles and findings, one line each, without repeats. */
export function untranslatedTexts(report: ScanReport): string[] {
  const gaps = new Set<string>();
  const domain = report.target.domain;
  for (const verdict of report.verdicts) {
    const findings: Finding[] = [...verdict.findings, ...(verdict.subjects ?? []).flatMap((subject) => subject.findings ?? [])];
    for (const language of languages) {
      if (messageText(verdict.title, language) === undefined) gaps.add(`${domain} ${verdict.check}: no ${language} title ${verdict.title}`);
      for (const finding of findings) {
        const id = findingMessageId(verdict.check, finding);
        const text = messageText(id, language, finding.params);
        if (text === undefined) gaps.add(`${domain} ${verdict.check}: no ${language} text for ${id}`);
        else if (unfilled.test(text)) gaps.add(`${domain} ${verdict.check}: ${id} leaves a placeholder unfilled in ${language}: ${text}`);
      }
    }
  }
  return [...gaps];
}
