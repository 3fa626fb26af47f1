import { performance } from 'node:perf_hooks';

/** How far a run that fills a measurement is, after each domain it committed. */
export interface MeasurementProgress {
  /** Domains committed (reports and failures), those an earlier run of a resumed measurement committed included. */
  readonly done: number;
  /** Domains the run is for. */
  readonly total: number;
  /** Domains that could not be scanned or stored, of those this run committed. */
  readonly failed: number;
  /** Domains this run committed per second so far; 0 before the first. */
  readonly ratePerSecond: number;
  /** Seconds left at that rate; undefined until there is a rate. */
  readonly etaSeconds: number | undefined;
  /** The domain just committed; absent on the first report, made before any. */
  readonly domain?: string;
}

/** Counts what a run commits and reports its {@link MeasurementProgress}. */
export interface ProgressCounter {
  /** Reports made so far this run. */
  readonly scanned: number;
  /** Failures recorded so far this run. */
  readonly failed: number;
  /** Counts a committed report of `domain` and reports progress. */
  scannedOne(domain: string): void;
  /** Counts a recorded failure of `domain` and reports progress. */
  failedOne(domain: string): void;
  /** Reports progress without a new domain (the first report, before any). */
  report(): void;
}

/**
 * A progress counter for a run over `total` domains of which `alreadyDone` were committed before
 * (a resumed measurement). The rate counts this run's domains only, over the time since the
 * counter was made.
 */
export function progressCounter(
  total: number,
  alreadyDone: number,
  onProgress: ((progress: MeasurementProgress) => void) | undefined,
): ProgressCounter {
  let scanned = 0;
  let failed = 0;
  const started = performance.now();
  const report = (domain?: string): void => {
    if (onProgress === undefined) return;
    const seconds = (performance.now() - started) / 1000;
    const thisRun = scanned + failed;
    const rate = thisRun === 0 || seconds <= 0 ? 0 : thisRun / seconds;
    const done = alreadyDone + thisRun;
    onProgress({
      done,
      total,
      failed,
      ratePerSecond: rate,
      etaSeconds: rate === 0 ? undefined : (total - done) / rate,
      ...(domain === undefined ? {} : { domain }),
    });
  };
  return {
    get scanned() {
      return scanned;
    },
    get failed() {
      return failed;
    },
    scannedOne(domain) {
      scanned += 1;
      report(domain);
    },
    failedOne(domain) {
      failed += 1;
      report(domain);
    },
    report: () => report(),
  };
}
