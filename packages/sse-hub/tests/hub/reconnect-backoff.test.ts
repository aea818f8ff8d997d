import { describe, expect, it } from 'vitest';
import { DEFAULT_RECONNECT_POLICY } from '../../src/hub/options.js';
import { ReconnectBackoff } from '../../src/hub/reconnect-backoff.js';
import { seededRandom } from './support/fake-clock.js';

function drain(backoff: ReconnectBackoff, count: number): (number | undefined)[] {
  return Array.from({ length: count }, () => backoff.nextDelay());
}

describe('ReconnectBackoff', () => {
  it('doubles the jitter window from the initial delay up to the cap', () => {
    // random() = 0.5 picks the middle of each window: half of 1000, 2000, 4000, ... capped at 30000.
    const backoff = new ReconnectBackoff(DEFAULT_RECONNECT_POLICY, () => 0.5, () => 0);
    expect(drain(backoff, 10)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000, 15000]);
  });

  it('draws each delay uniformly from [0, min(cap, initial * 2^attempt)) with the injected random source', () => {
    const backoff = new ReconnectBackoff({ ...DEFAULT_RECONNECT_POLICY, maxAttempts: 8 }, seededRandom(7), () => 0);
    const replay = seededRandom(7);
    const expected = Array.from({ length: 8 }, (_, attempt) => Math.floor(replay() * Math.min(30_000, 1000 * 2 ** attempt)));
    expect(drain(backoff, 8)).toEqual(expected);
    // The seed really spreads the delays: no two equal, each within its window.
    expect(new Set(expected).size).toBe(8);
    expected.forEach((delay, attempt) => expect(delay).toBeLessThan(Math.min(30_000, 1000 * 2 ** attempt)));
  });

  it('never waits less than the server retry value', () => {
    const backoff = new ReconnectBackoff(DEFAULT_RECONNECT_POLICY, () => 0.5, () => 0);
    backoff.setFloor(3000);
    expect(drain(backoff, 4)).toEqual([3000, 3000, 3000, 4000]);
  });

  it('lets a server retry value above the cap win', () => {
    const backoff = new ReconnectBackoff({ ...DEFAULT_RECONNECT_POLICY, maxDelayMs: 2000 }, () => 0.99, () => 0);
    backoff.setFloor(45_000);
    expect(drain(backoff, 2)).toEqual([45_000, 45_000]);
  });

  it('gives up after maxAttempts failures in a row', () => {
    const backoff = new ReconnectBackoff({ ...DEFAULT_RECONNECT_POLICY, maxAttempts: 3 }, () => 0, () => 0);
    expect(drain(backoff, 4)).toEqual([0, 0, 0, undefined]);
  });

  it('resets the counter only after the connection stayed open for healthyAfterMs', () => {
    let now = 0;
    const backoff = new ReconnectBackoff({ ...DEFAULT_RECONNECT_POLICY, healthyAfterMs: 10_000 }, () => 0.5, () => now);
    expect(drain(backoff, 3)).toEqual([500, 1000, 2000]);
    // Open for 9999 ms: not healthy, the window keeps growing.
    backoff.connected();
    now += 9_999;
    expect(backoff.nextDelay()).toBe(4000);
    // Open for exactly 10000 ms: healthy, back to the first window.
    backoff.connected();
    now += 10_000;
    expect(backoff.nextDelay()).toBe(500);
  });

  it('counts a healthy period only for the connection that just failed', () => {
    let now = 0;
    const backoff = new ReconnectBackoff(DEFAULT_RECONNECT_POLICY, () => 0.5, () => now);
    backoff.connected();
    now += 60_000;
    expect(backoff.nextDelay()).toBe(500);
    // A failure without a new connection in between does not reuse the old open time.
    expect(backoff.nextDelay()).toBe(1000);
  });

  it('keeps retrying forever with maxAttempts Infinity', () => {
    const backoff = new ReconnectBackoff({ ...DEFAULT_RECONNECT_POLICY, maxAttempts: Infinity }, () => 0.5, () => 0);
    expect(drain(backoff, 200).at(-1)).toBe(15000);
  });
});
