import { setMaxListeners } from 'node:events';

/** How many listeners a scan-wide signal may have before Node warns: far above any real fan-out. */
export const listenerBudget = 10_000;

/**
 * The reason given when a controller is aborted only to release what still listens on its signal
 * after the work settled. Any reason avoids the DOMException (with its stack trace) that a bare
 * `abort()` creates, which a bulk run would otherwise pay for on every DNS exchange.
 */
export const workSettled: unique symbol = Symbol('the work settled');

/** The reason a resolver's queries in flight are aborted when the resolver is closed (no DOMException, as above). */
export const resolverClosed: unique symbol = Symbol('the resolver was closed');

/** A signal tied to a parent signal and an optional time limit, with its resources released on dispose. */
export interface LinkedSignal {
  /** Aborts when the parent aborts or the time limit passes; its `reason` says which. */
  readonly signal: AbortSignal;
  /** Clears the timer and detaches from the parent. Call it when the guarded work ends. */
  dispose(): void;
}

/**
 * Links a new signal to `parent` and to a time limit. Built by hand rather than with
 * `AbortSignal.any`/`AbortSignal.timeout` so that the timer and the parent listener are released
 * as soon as the work ends: a bulk scan creates millions of these.
 */
export function linkSignal(parent: AbortSignal | undefined, timeoutMs: number | undefined, timeoutReason: () => unknown): LinkedSignal {
  const controller = new AbortController();
  // Every probe, query and wait of a scan listens on its signal at once; that is by design, not a leak.
  setMaxListeners(listenerBudget, controller.signal);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onParentAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted === true) {
    controller.abort(parent.reason);
  } else {
    parent?.addEventListener('abort', onParentAbort, { once: true });
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      timer = setTimeout(() => controller.abort(timeoutReason()), Math.max(0, timeoutMs));
    }
  }
  return {
    signal: controller.signal,
    dispose(): void {
      if (timer !== undefined) clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/** A promise that rejects with the signal's reason when it aborts, and a way to stop listening. */
export function abortPromise(signal: AbortSignal): { readonly promise: Promise<never>; dispose(): void } {
  let onAbort: (() => void) | undefined;
  const promise = new Promise<never>((_, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The race may be won by the work; the losing rejection must not surface as unhandled.
  promise.catch(() => undefined);
  return {
    promise,
    dispose(): void {
      if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
    },
  };
}
