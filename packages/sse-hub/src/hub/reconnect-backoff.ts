import { fullJitterDelay } from '../sse/backoff.js';
import type { ResolvedReconnectPolicy } from './options.js';

/**
 * Decides how long to wait before the next reconnect of one physical stream (the package's
 * backoff formula, `../sse/backoff.ts`), and when to give up.
 */
export class ReconnectBackoff {
  /** Reconnects since the stream was last healthy. */
  #attempts = 0;
  /** The server's `retry:` value: a floor, because the server knows its own load best. */
  #floorMs = 0;
  #connectedAt: number | undefined;
  // Plain fields, not parameter properties: see delayed-call.ts.
  readonly #policy: ResolvedReconnectPolicy;
  readonly #random: () => number;
  readonly #now: () => number;

  constructor(policy: ResolvedReconnectPolicy, random: () => number, now: () => number) {
    this.#policy = policy;
    this.#random = random;
    this.#now = now;
  }

  setFloor(milliseconds: number): void {
    this.#floorMs = milliseconds;
  }

  connected(): void {
    this.#connectedAt = this.#now();
  }

  /** A new round of attempts: the page has a new reason to expect the network to work. */
  startOver(): void {
    this.#attempts = 0;
    this.#connectedAt = undefined;
  }

  /**
   * Called after a failure: the delay before the next attempt, or undefined to give up.
   * The counter resets only when the connection that just failed had stayed open for
   * `healthyAfterMs`: a server that accepts and drops at once must not be hammered.
   */
  nextDelay(): number | undefined {
    if (this.#connectedAt !== undefined && this.#now() - this.#connectedAt >= this.#policy.healthyAfterMs) {
      this.#attempts = 0;
    }
    this.#connectedAt = undefined;
    if (this.#attempts >= this.#policy.maxAttempts) return undefined;
    const delay = fullJitterDelay(this.#policy, this.#attempts, this.#floorMs, this.#random);
    this.#attempts++;
    return delay;
  }
}
