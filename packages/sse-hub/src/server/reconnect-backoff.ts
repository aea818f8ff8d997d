/**
 * How the server waits before reconnecting a failed upstream: the package's backoff
 * formula (`../sse/backoff.ts`), so that a restarted app is not hit by every topic of every
 * client at the same instant, plus how many failures in a row end a topic.
 */
import type { BackoffCurve } from '../sse/backoff.js';

export interface BackoffPolicy extends BackoffCurve {
  /** Consecutive failed attempts after which the topic is closed. */
  maxAttempts: number;
}

export const DEFAULT_UPSTREAM_BACKOFF: BackoffPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 8,
};

/** Resolves after `ms`, or at once when `signal` aborts (callers check the signal afterwards). */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
