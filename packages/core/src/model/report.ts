import type { AddressSelection } from './check.js';
import type { Evidence } from './evidence.js';
import type { ScanProvenance } from './provenance.js';
import type { ScanTarget } from './target.js';
import type { VantageReport } from './vantage.js';
import type { Verdict } from './verdict.js';

/** The result schema identifier; bumped only on breaking changes. */
export const reportSchema = 'pastoe.report/1' as const;

/** The evidence gathered in one scan: enough to re-evaluate every check offline. */
export interface EvidenceBundle {
  /** The scan target. */
  readonly target: ScanTarget;
  /** When the scan started (ISO 8601); offline evaluation uses it as the clock. */
  readonly startedAt: string;
  /**
   * The ids of every probe that was asked for. A probe listed here without evidence planned no
   * subjects (a domain without MX has no mail servers to scan); one not listed never ran.
   */
  readonly probes: readonly string[];
  /** Every piece of evidence, grouped by probe in planning order. */
  readonly evidence: readonly Evidence<unknown>[];
  /** Which addresses per-address checks judged, when not Internet.nl's `first` (so re-evaluation agrees). */
  readonly addresses?: AddressSelection;
}

/** Counters of one scan. */
export interface ScanStats {
  /** Probe runs started (each probe once per subject). */
  readonly probeRuns: number;
  /** Probe runs that failed. */
  readonly probeFailures: number;
  /** Checks evaluated. */
  readonly checks: number;
}

/** The result of scanning one domain (result schema v1). */
export interface ScanReport extends EvidenceBundle {
  /** Always {@link reportSchema}. */
  readonly schema: typeof reportSchema;
  /** The tool that produced it. */
  readonly tool: { readonly name: 'pastoe'; readonly version: string };
  /** When the scan finished (ISO 8601). */
  readonly finishedAt: string;
  /** Wall time in milliseconds. */
  readonly durationMs: number;
  /** One verdict per check, in the order the checks were given. */
  readonly verdicts: readonly Verdict[];
  /** Counters. */
  readonly stats: ScanStats;
  /**
   * The check of pastoe's own vantage point the verdicts rest on; absent when it was skipped or
   * no probe needed it. When it failed, the verdicts that depend on it are `error` (`vantage`).
   */
  readonly vantage?: VantageReport;
  /** The release, rule sets, resolver and trust the verdicts rest on; absent in reports of pastoe before 0.3. */
  readonly provenance?: ScanProvenance;
}
