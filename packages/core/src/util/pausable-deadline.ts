import { setMaxListeners } from 'node:events';
import { listenerBudget } from './abort.js';

/** A time limit whose clock can stop, tied to a parent signal. */
export interface PausableDeadline {
  /** Aborts when the parent aborts (with its reason) or the running time passes the limit. */
  readonly signal: AbortSignal;
  /**
   * Stops the clock until the returned function is called (once). Pauses nest: the clock runs
   * again when the last one ends.
   */
  pause(): () => void;
  /** Clears the timer and detaches from the parent. */
  dispose(): void;
}

/**
 * A deadline that counts only the time it is not paused. A probe's plan gets one, paused while
 * it waits for other probes' evidence: those have limits of their own, and a plan that waits in
 * the queue behind them has not used its time.
 */
export function pausableDeadline(parent: AbortSignal, timeoutMs: number, timeoutReason: () => unknown): PausableDeadline {
  const controller = new AbortController();
  setMaxListeners(listenerBudget, controller.signal);
  let left = timeoutMs;
  let runningSince = 0;
  let pauses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    runningSince = performance.now();
    timer = setTimeout(() => controller.abort(timeoutReason()), Math.max(0, left));
  };
  const onParentAbort = (): void => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else {
    parent.addEventListener('abort', onParentAbort, { once: true });
    run();
  }
  return {
    signal: controller.signal,
    pause() {
      if (pauses === 0 && timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        left -= performance.now() - runningSince;
      }
      pauses += 1;
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        pauses -= 1;
        if (pauses === 0 && !controller.signal.aborted) run();
      };
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      // A resume after dispose must not start the clock again.
      pauses = Number.POSITIVE_INFINITY;
      parent.removeEventListener('abort', onParentAbort);
    },
  };
}
