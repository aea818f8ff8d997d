import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { median, waitUntilSettled, withTimeout } from '../../scripts/proof/bounded.js';

describe('median', () => {
  it('takes the middle of an odd count, in sorted order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('ranks a stalled POST (null) above every number', () => {
    expect(median([3, null, 5])).toBe(5);
    expect(median([null])).toBeNull();
    expect(median([3, null, null])).toBeNull();
  });

  it('is null when one of the two middle values of an even count stalled', () => {
    expect(median([1, null])).toBeNull();
  });

  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('waitUntilSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('settles once the value has been unchanged for the quiet period', async () => {
    const values = [1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    let reads = 0;
    const waiting = waitUntilSettled(() => values[Math.min(reads++, values.length - 1)], {
      quietMs: 300,
      limitMs: 5_000,
      intervalMs: 100,
    });
    await vi.runAllTimersAsync();
    // The value last changed on the third read (at 200 ms); 300 ms later it counts as settled.
    await expect(waiting).resolves.toEqual({ settled: true, value: 3, waitedMs: 500 });
  });

  it('gives up at the limit when the value keeps changing, and says so', async () => {
    let reads = 0;
    const waiting = waitUntilSettled(() => reads++, { quietMs: 300, limitMs: 1_000, intervalMs: 100 });
    await vi.runAllTimersAsync();
    const outcome = await waiting;
    expect(outcome.settled).toBe(false);
    expect(outcome.waitedMs).toBe(1_000);
    expect(outcome.value).toBe(10);
  });

  it('does not count a value that is not ready as settled, however long it stays', async () => {
    const waiting = waitUntilSettled(() => ({ rows: 0 }), {
      quietMs: 200,
      limitMs: 1_000,
      intervalMs: 100,
      ready: (value) => value.rows > 0,
    });
    await vi.runAllTimersAsync();
    await expect(waiting).resolves.toEqual({ settled: false, value: { rows: 0 }, waitedMs: 1_000 });
  });

  it('compares snapshots by value, so a fresh but equal object is no change', async () => {
    const waiting = waitUntilSettled(() => ({ streams: 1, rows: [20] }), { quietMs: 200, limitMs: 1_000, intervalMs: 100 });
    await vi.runAllTimersAsync();
    await expect(waiting).resolves.toMatchObject({ settled: true, waitedMs: 200 });
  });
});

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes the value through when the promise settles in time', async () => {
    await expect(withTimeout(Promise.resolve('closed'), 1_000, 'closing')).resolves.toBe('closed');
  });

  it('rejects with the label once the limit has passed', async () => {
    const never = new Promise<never>(() => {});
    const bounded = withTimeout(never, 1_000, 'closing Chromium');
    const assertion = expect(bounded).rejects.toThrow('closing Chromium did not finish within 1000 ms');
    await vi.advanceTimersByTimeAsync(1_000);
    await assertion;
  });
});
