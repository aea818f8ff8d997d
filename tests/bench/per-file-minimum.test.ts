/**
 * Per-file minimum-of-R timing, the lint benchmark's way to keep a busy moment of the machine
 * out of a rule's cost: the minimum is taken per file and per rule, then summed.
 */
import { describe, expect, it } from 'vitest';
import { PerFileMinimum, rankByCost, timesOfFile } from '../../scripts/bench/per-file-minimum.js';

describe('PerFileMinimum', () => {
  it('sums, over files, the lowest time each file had across repetitions', () => {
    const minimum = new PerFileMinimum(3);
    // Repetition 1 was slow on file 0 (a garbage collection, say), repetition 2 on file 2.
    [
      [9, 2, 3],
      [1, 4, 8],
    ].forEach((repetition) => repetition.forEach((ms, file) => minimum.record(file, 'rule-a', ms)));
    // Per-file minimum: 1 + 2 + 3; the lower of the two repetitions' sums would be 13.
    expect(minimum.totals()).toEqual({ 'rule-a': 6 });
  });

  it('keeps each rule apart, and adds nothing for a file a rule was never timed on', () => {
    const minimum = new PerFileMinimum(2);
    minimum.record(0, 'rule-a', 0.5);
    minimum.record(1, 'rule-a', 0.25);
    minimum.record(1, 'rule-b', 2);
    expect(minimum.totals()).toEqual({ 'rule-a': 0.75, 'rule-b': 2 });
  });
});

describe('timesOfFile', () => {
  it("adds parse and rule times over ESLint's passes", () => {
    const times = {
      passes: [
        { parse: { total: 3 }, rules: { 'no-loop-func': { total: 0.5 }, 'sse/no-eventsource-in-loop': { total: 0.25 } }, fix: { total: 0 }, total: 4 },
        { parse: { total: 2 }, rules: { 'no-loop-func': { total: 0.5 } }, fix: { total: 0 }, total: 3 },
      ],
    };
    expect(timesOfFile(times)).toEqual({ parse: 5, rules: { 'no-loop-func': 1, 'sse/no-eventsource-in-loop': 0.25 } });
  });

  it('reads a file ESLint did not lint (no stats) as no time', () => {
    expect(timesOfFile(undefined)).toEqual({ parse: 0, rules: {} });
  });
});

describe('rankByCost', () => {
  it('orders rules from the costliest, with µs per file', () => {
    expect(rankByCost({ 'no-await-in-loop': 4, 'react/jsx-key': 10, 'no-loop-func': 4 }, 2000)).toEqual([
      { rule: 'react/jsx-key', ms: 10, microsecondsPerFile: 5 },
      { rule: 'no-await-in-loop', ms: 4, microsecondsPerFile: 2 },
      { rule: 'no-loop-func', ms: 4, microsecondsPerFile: 2 },
    ]);
  });
});
