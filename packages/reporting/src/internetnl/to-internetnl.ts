import { domainToUnicode } from 'node:url';
import type { ScanReport } from '@pastoe/core/model';
import { batchDomainResult } from './domain.js';
import { inferKind } from './kind.js';
import type { InternetNlBatchResults, InternetNlDomainResult, InternetNlKind } from './types.js';

/** The batch API version whose `results` shape {@link toInternetNl} writes (Internet.nl at cec0e01d). */
export const internetnlApiVersion = '2.7.0';

/** What {@link toInternetNl} reads of a report: a full `ScanReport` fits. */
export type InternetNlSourceReport = Pick<ScanReport, 'target' | 'startedAt' | 'finishedAt' | 'verdicts'>;

/** Options for {@link toInternetNl}. */
export interface InternetNlOptions {
  /**
   * The Internet.nl test to report: `web` (scored with `policies.internetnlWeb`) or `mail`
   * (`policies.internetnlMail`). Default: inferred from the verdicts' batch categories; give it
   * for reports that hold both (a scan with the web and the mail preset).
   */
  readonly kind?: InternetNlKind;
  /** The request name. Default `pastoe`. */
  readonly name?: string;
  /** The request id: 32 lowercase hex characters. Default: a random UUID without dashes. */
  readonly requestId?: string;
  /** The submission time. Default: the earliest report start (now, with no reports). */
  readonly submitDate?: Date;
  /** The finishing time. Default: the latest report end (now, with no reports). */
  readonly finishedDate?: Date;
  /** A link per domain (A-label form) to a human-readable report; without it `report` is left out. */
  readonly reportUrl?: (domain: string) => string;
}

const requestIdPattern = /^[0-9a-f]{32}$/;

/** Python's `isoformat()` of an aware UTC datetime, as Internet.nl writes its dates. */
function isoDate(date: Date): string {
  return date.toISOString().replace(/Z$/, '+00:00');
}

function extremeDate(values: readonly string[], pick: (a: number, b: number) => number): Date | undefined {
  const times = values.map((value) => Date.parse(value)).filter((time) => Number.isFinite(time));
  return times.length === 0 ? undefined : new Date(times.reduce((a, b) => pick(a, b)));
}

/**
 * Writes scan reports as Internet.nl's batch API v2 `results` body (spec §7.3), so a dashboard
 * built on Internet.nl reads pastoe's output unchanged. Pass the result to `JSON.stringify`.
 *
 * - Each domain is scored with `score` and `policies.internetnlWeb` or `internetnlMail`:
 *   `scoring.percentage` is the suite percentage, categories carry Internet.nl's status and text
 *   verdict, tests their status and verdict word (spec §5, §7.2).
 * - Domains are keyed by their Unicode name; the last report of a domain wins.
 * - `results.custom` holds the custom results (`tls_1_3_support`; for mail also
 *   `mail_non_sending_domain`, `mail_servers_testable_status`) that the verdicts decide.
 * - What pastoe cannot know is left out: a category the reports have no check for, `report.url`
 *   without `reportUrl`, a custom result without its verdicts. A test pastoe could not judge (its own
 *   network, resolver or clock failed) is `error` with verdict `not-tested`, and so is its
 *   category; a domain with nothing scorable is `{ "status": "error" }`.
 *
 * Throws a `TypeError` for a `requestId` that is not 32 lowercase hex characters, or when `kind`
 * is not given and the reports hold both tests or neither.
 */
export function toInternetNl(reports: readonly InternetNlSourceReport[], options: InternetNlOptions = {}): InternetNlBatchResults {
  const kind = options.kind ?? inferKind(reports);
  const requestId = options.requestId ?? globalThis.crypto.randomUUID().replaceAll('-', '');
  if (!requestIdPattern.test(requestId)) throw new TypeError('toInternetNl: requestId must be 32 lowercase hex characters');

  const now = new Date();
  const submitDate =
    options.submitDate ??
    extremeDate(
      reports.map((report) => report.startedAt),
      Math.min,
    ) ??
    now;
  const finishedDate =
    options.finishedDate ??
    extremeDate(
      reports.map((report) => report.finishedAt),
      Math.max,
    ) ??
    now;

  const domains: Record<string, InternetNlDomainResult> = {};
  for (const report of reports) {
    const domain = report.target.domain;
    const name = domainToUnicode(domain) || domain;
    domains[name] = batchDomainResult(report, kind, options.reportUrl?.(domain));
  }

  return {
    api_version: internetnlApiVersion,
    request: {
      name: options.name ?? 'pastoe',
      submit_date: isoDate(submitDate),
      finished_date: isoDate(finishedDate),
      request_type: kind,
      status: 'done',
      request_id: requestId,
    },
    domains,
  };
}
