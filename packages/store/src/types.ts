import type { ScanReport } from '@pastoe/core';

/** One domain of a measurement's input list. */
export interface MeasuredDomain {
  /** The domain, as the bulk run scans it (normalised). */
  readonly domain: string;
  /** Its group label (`gemeenten`, `rijk`, …), when the input list has one. */
  readonly group?: string;
}

/** What {@link ResultStore.startMeasurement} records about a new bulk run. */
export interface StartMeasurementInput {
  /** The input list, in order; each domain at most once. */
  readonly domains: readonly MeasuredDomain[];
  /** The scoring policy the run is read with, e.g. `internetnl` or `streefbeeld`. */
  readonly policy: string;
  /** The vantage settings or report the run scans from (stored as JSON). */
  readonly vantage?: unknown;
  /** A free label, e.g. `najaar 2026`. */
  readonly label?: string;
  /**
   * The versions of the rulesets the checks follow, by name (e.g. `{ dmarc: 'rfc7489' }`).
   * Default: this pastoe's `rulesetVersions` (NCSC TLS, Internet.nl, its batch API, streefbeeld);
   * the pastoe version is recorded apart.
   */
  readonly rulesets?: Readonly<Record<string, string>>;
}

/** One bulk run, as the store records it. */
export interface Measurement {
  /** Its id, unique in the file and never reused. */
  readonly id: number;
  /** When it started (ISO 8601). */
  readonly startedAt: string;
  /** When it finished (ISO 8601); absent while it is unfinished (running, interrupted). */
  readonly finishedAt?: string;
  /** The pastoe version that started it. */
  readonly pastoeVersion: string;
  /** The scoring policy it is read with. */
  readonly policy: string;
  /** The ruleset versions, by name. */
  readonly rulesets: Readonly<Record<string, string>>;
  /** The vantage it was given, as stored. */
  readonly vantage?: unknown;
  /** Its label. */
  readonly label?: string;
  /** The input list, in order. */
  readonly domains: readonly MeasuredDomain[];
}

/** A stored report with the group label of its domain. */
export interface StoredReport {
  /** The report, whole (with its evidence). */
  readonly report: ScanReport;
  /** The group label: the one given to `saveReport`, else the input list's. */
  readonly group?: string;
}

/** Why a domain could not be scanned. */
export interface ScanFailure {
  /** A stable code, e.g. `invalid-input` or `internal`. */
  readonly code: string;
  /** A one-line reason. */
  readonly message: string;
}

/**
 * pastoe's results store: bulk measurements in one SQLite file. Every write is its own
 * transaction, so what returned is on disk and survives the process being killed. Calls are
 * synchronous (SQLite in this process); every call after {@link ResultStore.close} throws.
 */
export interface ResultStore {
  /** The file. */
  readonly file: string;
  /** Records a new measurement with its input list, the pastoe version and the start time. */
  startMeasurement(input: StartMeasurementInput): Measurement;
  /** The most recent measurement that has not finished, if any. */
  latestUnfinished(): Measurement | undefined;
  /** The measurement with this id, if any. */
  measurement(id: number): Measurement | undefined;
  /** Every measurement, oldest first (each with its input list). */
  measurements(): Measurement[];
  /**
   * Saves a domain's report in one transaction: the whole report as JSON and a row per verdict.
   * A second report for the same domain replaces the first, and a report replaces a failure.
   */
  saveReport(measurementId: number, report: ScanReport, group?: string): void;
  /** Records that a domain could not be scanned; a later report replaces it. */
  saveFailure(measurementId: number, domain: string, error: ScanFailure): void;
  /** The domains that have a report or a recorded failure: those a resumed run skips. */
  finishedDomains(measurementId: number): Set<string>;
  /** The failures of a measurement, in input order, streamed. */
  failures(measurementId: number): Iterable<{ readonly domain: string; readonly error: ScanFailure }>;
  /**
   * The reports of a measurement in input order, read row by row as the loop asks for them, so
   * a run of any size is never held in memory. Other calls may not write to the store while a
   * loop over it is open (SQLite's rule for one connection).
   */
  reports(measurementId: number): Iterable<StoredReport>;
  /** Marks the measurement finished now (unless it already is). */
  finishMeasurement(id: number): void;
  /** Closes the file; a second call does nothing. */
  close(): void;
}

/** Options for {@link openStore}. */
export interface OpenStoreOptions {
  /** Open for reading only: the file must exist and be at the current schema version. Default false. */
  readonly readonly?: boolean;
  /** The largest report accepted, in bytes of JSON; a larger one is refused with `too-large`. Default 16 MiB. */
  readonly maxReportBytes?: number;
}
