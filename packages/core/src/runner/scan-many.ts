import { setMaxListeners } from 'node:events';
import type { AnyCheck } from '../model/check.js';
import type { Transports } from '../model/probe.js';
import type { ScanReport } from '../model/report.js';
import { listenerBudget } from '../util/abort.js';
import { type ScanCaches, createScanCaches } from './caches.js';
import { resolveTransports } from './default-transports.js';
import { boundedNumber, defaultProbeSettings, runnerDefaults, type ScanOptions } from './options.js';
import { addressSelection, bindScan, ScanInputError } from './input.js';
import { scan, validateVantageOption } from './scan.js';
import { VantageError, vantageBlocksScans, vantageForChecks } from './vantage.js';
import type { VantageReport } from '../model/vantage.js';

/** Options for {@link scanMany}: those of `scan`, plus how many domains run at once. */
export interface ScanManyOptions extends Omit<ScanOptions, 'caches'> {
  /** Domains scanned at once. Default 4. */
  readonly domainConcurrency?: number;
  /** Caches shared by all scans of this run; a fresh set by default. */
  readonly caches?: ScanCaches;
}

/**
 * One item of a bulk run: the report, or why the domain could not be scanned. A scan cut short by
 * the caller's signal has `error.code` `aborted` and carries the signal's `reason`.
 */
export type ScanManyResult =
  | { readonly ok: true; readonly index: number; readonly input: string; readonly report: ScanReport }
  | {
      readonly ok: false;
      readonly index: number;
      readonly input: string;
      readonly error: { readonly code: 'invalid-input' | 'internal' | 'aborted'; readonly message: string };
      /**
       * With `aborted`: the abort reason of the caller's signal (for `AbortSignal.timeout`, its
       * `TimeoutError`), as `scan` rejects with it.
       */
      readonly reason?: unknown;
    };

/**
 * Scans many domains with bounded concurrency, yielding each result as it completes (so the
 * order is completion order; `index` is the input position). The input is read lazily, so a
 * list of a million domains is never held in memory. Caches are shared across all scans. A bad
 * domain yields an `invalid-input` result and the run goes on. Breaking out of the loop aborts the
 * scans in flight; the caller's signal stops the run, and the scans it cut short yield `aborted`
 * results with the signal's reason.
 *
 * pastoe's own vantage point is checked once per run, before the first domain is read (see
 * `checkVantage`). When it fails, the generator throws a {@link VantageError} carrying the report
 * instead of marking every domain `error`; when only its IPv6 fails, the run goes on and each
 * scan judges the IPv4 parts, its IPv6 parts being `error`.
 */
export async function* scanMany(
  domains: Iterable<string> | AsyncIterable<string>,
  options: ScanManyOptions,
): AsyncGenerator<ScanManyResult, void, undefined> {
  const { checks } = bindScan(options);
  validateVantageOption(options.vantage);
  addressSelection(options.addresses);
  const width = boundedNumber('domainConcurrency', options.domainConcurrency, 4, runnerDefaults.maxConcurrency);
  const caches = options.caches ?? createScanCaches();
  // One set of transports for the whole run, so that DNS and DNSSEC caches serve every domain.
  const resolved = resolveTransports(options.transports, caches, { ...defaultProbeSettings, ...options.settings });
  const stop = new AbortController();
  setMaxListeners(listenerBudget, stop.signal);
  const onOuterAbort = (): void => stop.abort(options.signal?.reason);
  if (options.signal?.aborted === true) stop.abort(options.signal.reason);
  else options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const inFlight = new Map<number, Promise<{ readonly id: number; readonly result: ScanManyResult }>>();
  const iterator = toAsyncIterator(domains);
  let index = 0;
  let exhausted = false;

  try {
    // One vantage check serves every scan of the run; each scan is given its report.
    const vantage = await runVantage(options, checks, resolved.transports, stop.signal);
    // A failed `ipv6` step alone does not stop the run: the IPv4 parts are judged, the IPv6 ones are `error`.
    if (vantage !== undefined && vantageBlocksScans(vantage)) throw new VantageError(vantage);
    const scanOptions: ScanOptions = {
      ...options,
      caches,
      transports: resolved.transports,
      signal: stop.signal,
      vantage: vantage ?? 'skip',
    };
    const start = (input: string, position: number): void => {
      const run = scanOne(input, position, scanOptions).then((result) => ({ id: position, result }));
      inFlight.set(position, run);
    };
    // The next input is raced against the scans in flight: a live source (a job queue) may have
    // nothing to give for a while, and the results already finished must not wait for it.
    let nextInput: Promise<{ readonly input: IteratorResult<string> }> | undefined;
    while (true) {
      const wantInput = !exhausted && inFlight.size < width && !stop.signal.aborted;
      if (wantInput) nextInput ??= iterator.next().then((input) => ({ input }));
      if (!wantInput && inFlight.size === 0) break;
      const event = await Promise.race([
        ...(wantInput && nextInput !== undefined ? [nextInput] : []),
        ...(inFlight.size > 0 ? [Promise.race(inFlight.values()).then((finished) => ({ finished }))] : []),
      ]);
      if ('input' in event) {
        nextInput = undefined;
        if (event.input.done === true) exhausted = true;
        else {
          start(String(event.input.value), index);
          index += 1;
        }
        continue;
      }
      inFlight.delete(event.finished.id);
      yield event.finished.result;
    }
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (inFlight.size > 0) {
      stop.abort(new Error('scanMany was stopped by its consumer'));
      await Promise.allSettled(inFlight.values());
    }
    await iterator.return?.();
    await resolved.dispose();
  }
}

/** The run's vantage report: the caller's, a fresh check, or none (skipped, or no probe needs one). */
async function runVantage(
  options: ScanManyOptions,
  checks: readonly AnyCheck[],
  transports: Transports,
  signal: AbortSignal,
): Promise<VantageReport | undefined> {
  return vantageForChecks(options.vantage, checks, transports, { signal, ...(options.now === undefined ? {} : { now: options.now }) });
}

async function scanOne(input: string, index: number, options: ScanOptions): Promise<ScanManyResult> {
  try {
    const report = await scan(input, options);
    return { ok: true, index, input, report };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ScanInputError) return { ok: false, index, input, error: { code: 'invalid-input', message } };
    if (options.signal?.aborted === true)
      return { ok: false, index, input, error: { code: 'aborted', message }, reason: options.signal.reason };
    return { ok: false, index, input, error: { code: 'internal', message } };
  }
}

function toAsyncIterator(source: Iterable<string> | AsyncIterable<string>): AsyncIterator<string> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return {
    next: () => Promise.resolve(sync.next()),
    return: () => Promise.resolve(sync.return?.() ?? { done: true as const, value: undefined }),
  };
}
