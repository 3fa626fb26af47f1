import { defaultUserAgent } from '../http/client.js';
import type { AddressSelection } from '../model/check.js';
import type { ProbeSettings, Transports } from '../model/probe.js';
import type { VantageReport, VantageSettings } from '../model/vantage.js';
import type { ScanCaches } from './caches.js';
import type { ScanEventListener } from './events.js';
import type { ScanSelection } from './input.js';

/**
 * Options for `scan`: what to run, as `preset` (e.g. `webPreset`) or as `checks` with the
 * `probes` that implement their declarations (or both: a preset with some probes swapped). The
 * defaults of everything else suit real use.
 */
export interface ScanOptions extends ScanSelection {
  /**
   * Transports; each one missing is built from those given, or its default: the Node network, a DoH
   * resolver, a validator over the resolver, Mozilla's roots as `trust`, and an HTTP client over
   * the network and `trust` with `settings.userAgent`. What the scan built, it closes at the end.
   */
  readonly transports?: Partial<Transports>;
  /**
   * Stops the scan: `scan` then rejects with the signal's reason (for `AbortSignal.timeout`, a
   * `TimeoutError`), as `fetch` does. The scan's own `timeoutMs` does not reject: it makes the
   * checks whose probes ran out of time `error`.
   */
  readonly signal?: AbortSignal;
  /** Time limit for the whole scan in milliseconds. Default 120 000. */
  readonly timeoutMs?: number;
  /** Default time limit per probe run in milliseconds (a probe may set its own). Default 30 000. */
  readonly probeTimeoutMs?: number;
  /** The most probe runs at once within this scan. Default 8. */
  readonly concurrency?: number;
  /** Receives progress events. */
  readonly onEvent?: ScanEventListener;
  /** Wire settings (EHLO name, User-Agent). */
  readonly settings?: Partial<ProbeSettings>;
  /** Caches to share with other scans; `scanMany` passes its own. */
  readonly caches?: ScanCaches;
  /** The clock. Default `() => new Date()`. */
  readonly now?: () => Date;
  /**
   * The check of pastoe's own vantage point (resolver, trust anchors, TCP egress) that runs before
   * any probe: settings for it (default `{}`), a report made earlier with `checkVantage` (reused
   * as it is), or `'skip'` to trust the vantage point unchecked. Probes whose needs it failed do
   * not run, and their checks become `error` with outcome `vantage`.
   */
  readonly vantage?: VantageSettings | VantageReport | 'skip';
  /**
   * Which addresses of a server per-address checks judge: `first` (default; Internet.nl's first
   * IPv6 and first IPv4 address, for comparable scores) or `all` (every address; the worst
   * decides). The probes scan every address either way.
   */
  readonly addresses?: AddressSelection;
}

/** The default wire settings. */
export const defaultProbeSettings: ProbeSettings = Object.freeze({
  ehloName: 'pastoe.invalid',
  userAgent: defaultUserAgent,
  tlsSharing: 'address',
});

/** Bounds and defaults of the runner. */
export const runnerDefaults = Object.freeze({
  timeoutMs: 120_000,
  probeTimeoutMs: 30_000,
  concurrency: 8,
  maxConcurrency: 256,
  maxTimeoutMs: 3_600_000,
});

/** Checks a positive number option and clamps it into range, with a clear message when it is not a number. */
export function boundedNumber(name: string, value: number | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive number, got ${String(value)}`);
  }
  return Math.min(value, max);
}
