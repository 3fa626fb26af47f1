/** Where progress is written: standard error, or a fake terminal in tests. */
export interface ProgressStream {
  /** Writes text. */
  write(text: string): void;
  /** Whether it is a terminal: a bar redrawn in place; otherwise a plain line every few seconds. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns. Default 80. */
  readonly columns?: number;
}

/** How far a bulk run is (the bulk engine's `BulkProgress`). */
export interface ProgressState {
  /** Domains finished, failed ones included. */
  readonly done: number;
  /** Domains in the run. */
  readonly total: number;
  /** Domains that could not be scanned. */
  readonly failed: number;
  /** Domains finished per second, recently. */
  readonly ratePerSecond: number;
  /** Seconds until the run is expected to end; not finite while unknown. */
  readonly etaSeconds: number;
}

/** Options for {@link createProgress}. */
export interface ProgressOptions {
  /** The clock in milliseconds. Default `performance.now`. */
  readonly now?: () => number;
  /** Milliseconds between plain lines when the stream is not a terminal. Default 5000. */
  readonly lineIntervalMs?: number;
  /** Milliseconds between redraws of the bar on a terminal. Default 100. */
  readonly redrawMs?: number;
}

/** A progress display: `update` as the run goes, `finish` once at the end. */
export interface Progress {
  /** Shows the state, unless the last output is too recent. */
  update(state: ProgressState): void;
  /** Shows the last state and ends the display (the bar's line is ended). */
  finish(): void;
}

/** Seconds as `1h02m`, `3m05s` or `42s`; `?` while unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

/** The numbers of a state in one line: `120/1000 domains, 12.0/s, ETA 1m13s, 2 failed`. */
function progressText(state: ProgressState): string {
  const failed = state.failed > 0 ? `, ${state.failed} failed` : '';
  const rate = Number.isFinite(state.ratePerSecond) ? state.ratePerSecond.toFixed(1) : '?';
  return `${state.done}/${state.total} domains, ${rate}/s, ETA ${formatDuration(state.etaSeconds)}${failed}`;
}

/** A bar of `width` cells for a share from 0 to 1. */
function bar(share: number, width: number): string {
  const filled = Math.max(0, Math.min(width, Math.floor(share * width)));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/**
 * Shows a bulk run's progress on `stream`: on a terminal a bar with done/total, rate and ETA,
 * redrawn in place at most every `redrawMs`; otherwise a plain line every `lineIntervalMs`, so a
 * log file gets a readable record instead of a stream of carriage returns.
 */
export function createProgress(stream: ProgressStream, options: ProgressOptions = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const interval = tty ? (options.redrawMs ?? 100) : (options.lineIntervalMs ?? 5_000);
  let last: ProgressState | undefined;
  let shownAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let shown: ProgressState | undefined;

  const show = (state: ProgressState): void => {
    shown = state;
    const text = progressText(state);
    if (!tty) {
      stream.write(`${text}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - text.length - 3));
    const share = state.total === 0 ? 1 : state.done / state.total;
    // Carriage return and erase-line: the bar is redrawn where it stands.
    stream.write(`\r\u001b[K${bar(share, width)} ${text}`);
    drawn = true;
  };

  return {
    update(state) {
      last = state;
      const at = now();
      if (at - shownAt < interval) return;
      shownAt = at;
      show(state);
    },
    finish() {
      if (last !== undefined && last !== shown) show(last);
      if (tty && drawn) stream.write('\n');
    },
  };
}
