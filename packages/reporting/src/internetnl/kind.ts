import type { Verdict } from '@pastoe/core/model';
import type { InternetNlKind } from './types.js';

/** What kind inference needs of a report. */
export interface KindSource {
  /** The verdicts. */
  readonly verdicts: readonly Pick<Verdict, 'internetnl'>[];
}

/**
 * The Internet.nl test the reports were scanned for, from the batch categories of their verdicts
 * (`web_…` or `mail_…`). Throws a `TypeError` when the reports hold both (a scan with both
 * presets) or neither, since a batch request is one or the other: pass `kind` then.
 */
export function inferKind(reports: readonly KindSource[]): InternetNlKind {
  const kinds = new Set<InternetNlKind>();
  for (const report of reports) {
    for (const verdict of report.verdicts) {
      const category = verdict.internetnl?.category;
      if (category?.startsWith('web_') === true) kinds.add('web');
      else if (category?.startsWith('mail_') === true) kinds.add('mail');
    }
  }
  const [only, ...rest] = kinds;
  if (only === undefined || rest.length > 0) {
    const found = only === undefined ? 'no Internet.nl test' : 'both the website and the email test';
    throw new TypeError(`toInternetNl: the reports hold ${found}; pass { kind: 'web' } or { kind: 'mail' }`);
  }
  return only;
}
