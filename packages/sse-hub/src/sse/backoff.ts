/**
 * Capped exponential backoff with full jitter: the one reconnect formula of the package,
 * used by the browser hub for its streams and by the server multiplexer for the upstreams
 * it proxies. Full jitter spreads a fleet that lost its connections at the same moment over
 * the whole window instead of bringing it back in lockstep.
 */

export interface BackoffCurve {
  /** Base of the exponential growth. */
  initialDelayMs: number;
  /** Cap on the exponential growth (a server's `retry:` floor may exceed it). */
  maxDelayMs: number;
}

/**
 * The wait before retry number `retryIndex` (0 for the first): uniform in
 * `[0, min(maxDelayMs, initialDelayMs · 2^retryIndex))`, but never below `floorMs`, the
 * server's own `retry:`, because the server knows its load best. `random` returns [0, 1).
 */
export function fullJitterDelay(curve: BackoffCurve, retryIndex: number, floorMs: number, random: () => number): number {
  const ceiling = Math.min(curve.maxDelayMs, curve.initialDelayMs * 2 ** retryIndex);
  return Math.max(floorMs, Math.floor(random() * ceiling));
}
