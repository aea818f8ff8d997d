import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../src/sse/backoff.js';

const CURVE = { initialDelayMs: 1000, maxDelayMs: 30_000 };

describe('fullJitterDelay', () => {
  it('draws uniformly below a ceiling that doubles per retry', () => {
    expect([1, 2, 3, 4].map((failures) => fullJitterDelay(CURVE, failures - 1, 0, () => 0.5))).toEqual([500, 1000, 2000, 4000]);
    expect(fullJitterDelay(CURVE, 2, 0, () => 0)).toBe(0);
    expect(fullJitterDelay(CURVE, 2, 0, () => 0.999_999)).toBe(3999);
  });

  it('caps the ceiling at maxDelayMs', () => {
    expect(fullJitterDelay(CURVE, 19, 0, () => 0.5)).toBe(15_000);
    expect(fullJitterDelay(CURVE, 999, 0, () => 0.999_999)).toBe(29_999);
  });

  it("never goes below the server's retry floor, even above the cap", () => {
    expect(fullJitterDelay(CURVE, 0, 2500, () => 0.5)).toBe(2500);
    expect(fullJitterDelay(CURVE, 19, 45_000, () => 0.5)).toBe(45_000);
    expect(fullJitterDelay(CURVE, 3, 100, () => 0.5)).toBe(4000);
  });
});
