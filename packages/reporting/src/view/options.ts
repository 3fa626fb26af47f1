import type { Language } from '../messages/types.js';
import type { AdoptionSummary } from '../summary/types.js';

/** Options both `toMarkdown` and `toHtml` take. */
export interface ReportRenderOptions {
  /** The language of every text: `en` (the default) or `nl`. */
  readonly language?: Language;
  /** Adoption statistics over the reports (from `summarize`), shown as tables (and charts in HTML). */
  readonly summary?: AdoptionSummary;
  /** The report's title; by default "pastoe report", with the domain when there is one report. */
  readonly title?: string;
  /**
   * Which decision the report shows per domain: `internetnl` the Internet.nl scores only,
   * `streefbeeld` the target-state decision only. By default both.
   */
  readonly policy?: 'internetnl' | 'streefbeeld';
}

/** The headline decisions a report shows. */
export interface ShownDecisions {
  /** Internet.nl's scores. */
  readonly scores: boolean;
  /** The streefbeeld decision. */
  readonly streefbeeld: boolean;
}

/** Which decisions the options ask a report to show. */
export function shownDecisions(options: ReportRenderOptions): ShownDecisions {
  return { scores: options.policy !== 'streefbeeld', streefbeeld: options.policy !== 'internetnl' };
}
