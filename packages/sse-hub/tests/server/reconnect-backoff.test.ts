import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableDelay } from '../../src/server/reconnect-backoff.js';

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
