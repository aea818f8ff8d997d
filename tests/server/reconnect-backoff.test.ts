import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableDelay, reconnectDelay } from '../../src/server/reconnect-backoff.js';

const POLICY = { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8 };

describe('reconnectDelay', () => {
  it('draws uniformly below a ceiling that doubles per failure', () => {
    expect([1, 2, 3, 4].map((failures) => reconnectDelay(POLICY, failures, 0, () => 0.5))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelay(POLICY, 3, 0, () => 0)).toBe(0);
    expect(reconnectDelay(POLICY, 3, 0, () => 0.999_999)).toBe(3999);
  });

  it('caps the ceiling at maxDelayMs', () => {
    expect(reconnectDelay(POLICY, 20, 0, () => 0.5)).toBe(15_000);
    expect(reconnectDelay(POLICY, 1000, 0, () => 0.999_999)).toBe(29_999);
  });

  it("never goes below the upstream's retry floor, even above the cap", () => {
    expect(reconnectDelay(POLICY, 1, 2500, () => 0.5)).toBe(2500);
    expect(reconnectDelay(POLICY, 20, 45_000, () => 0.5)).toBe(45_000);
    expect(reconnectDelay(POLICY, 4, 100, () => 0.5)).toBe(4000);
  });
});

describe('abortableDelay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after the delay', async () => {
    let done = false;
    void abortableDelay(1000, new AbortController().signal).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('resolves at once on abort and leaves no timer behind', async () => {
    const controller = new AbortController();
    let done = false;
    void abortableDelay(60_000, controller.signal).then(() => {
      done = true;
    });
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
