/**
 * How long the server waits before reconnecting a failed upstream: capped exponential
 * backoff with full jitter, so that a restarted app is not hit by every topic of every
 * client at the same instant, and never sooner than the upstream's own `retry:`.
 */

export interface BackoffPolicy {
  /** Base of the exponential growth. */
  initialDelayMs: number;
  /** Cap on the exponential growth (the upstream's `retry:` floor may exceed it). */
  maxDelayMs: number;
  /** Consecutive failed attempts after which the topic is closed. */
  maxAttempts: number;
}

export const DEFAULT_UPSTREAM_BACKOFF: BackoffPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 8,
};

/**
 * `failedAttempts` counts the failures in a row, starting at 1 for the first one;
 * `random` returns a number in [0, 1).
 */
export function reconnectDelay(policy: BackoffPolicy, failedAttempts: number, floorMs: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.max(floorMs, Math.floor(random() * ceiling));
}

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
