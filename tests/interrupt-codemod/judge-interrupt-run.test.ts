/**
 * The interrupt test must fail when it interrupted nothing: a full run that changed no file,
 * kills that found the codemod already exited, or kills that all missed the writes.
 */
import { describe, expect, it } from 'vitest';
import {
  MINIMUM_FILES_CHANGED,
  MINIMUM_MID_WRITE_SHARE,
  judgeInterruptRun,
  landedMidWrite,
} from '../../scripts/interrupt-codemod/judge-interrupt-run.js';

const filesChanged = 51;
const midWrite = { hitLiveProcess: true, newFiles: 20, intact: true };
const beforeWriting = { hitLiveProcess: true, newFiles: 0, intact: true };
const afterWriting = { hitLiveProcess: true, newFiles: filesChanged, intact: true };
const exited = { hitLiveProcess: false, newFiles: filesChanged, intact: true };

/** 20 kills as the test makes them: half anywhere (here before writing), half mid-write. */
const twentyKills = () => Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? beforeWriting : midWrite));

describe('judgeInterruptRun', () => {
  it('passes 20 kills of a live codemod, half of them mid-write, every file old or new', () => {
    expect(judgeInterruptRun({ filesChanged, kills: twentyKills() })).toEqual({ passed: true, midWrite: 10, problems: [] });
  });

  it('fails when the full run changed no file: there was nothing to tear', () => {
    const verdict = judgeInterruptRun({ filesChanged: 0, kills: Array(20).fill(beforeWriting) });
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toContain(
      `the full run changed 0 files, fewer than the ${MINIMUM_FILES_CHANGED} required: there is no write phase to interrupt`,
    );
  });

  it('fails when the full run changed fewer files than the minimum', () => {
    const kills = Array.from({ length: 20 }, () => ({ hitLiveProcess: true, newFiles: 1, intact: true }));
    const verdict = judgeInterruptRun({ filesChanged: MINIMUM_FILES_CHANGED - 1, kills });
    expect(verdict.problems).toEqual([
      `the full run changed ${MINIMUM_FILES_CHANGED - 1} files, fewer than the ${MINIMUM_FILES_CHANGED} required: there is no write phase to interrupt`,
    ]);
  });

  it('fails when no kill was made', () => {
    expect(judgeInterruptRun({ filesChanged, kills: [] }).problems).toEqual([
      'no kill was made',
      '0 of 0 kills landed mid-write, fewer than the 1 required (25%)',
    ]);
  });

  it('fails when a kill found the codemod already exited, even with every file intact', () => {
    const kills = twentyKills();
    kills[0] = exited;
    expect(judgeInterruptRun({ filesChanged, kills }).problems).toEqual(['1 of 20 kills found the codemod no longer running']);
    expect(judgeInterruptRun({ filesChanged, kills: Array(20).fill(exited) }).passed).toBe(false);
  });

  it('fails when no kill landed in the write phase: all before the first write or after the last', () => {
    const kills = Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? beforeWriting : afterWriting));
    expect(judgeInterruptRun({ filesChanged, kills }).problems).toEqual([
      `0 of 20 kills landed mid-write, fewer than the ${Math.ceil(MINIMUM_MID_WRITE_SHARE * 20)} required (25%)`,
    ]);
  });

  it('passes at the stated share of mid-write kills and fails one below it', () => {
    const required = Math.ceil(MINIMUM_MID_WRITE_SHARE * 20);
    const kills = (mid: number) => Array.from({ length: 20 }, (_, index) => (index < mid ? midWrite : beforeWriting));
    expect(judgeInterruptRun({ filesChanged, kills: kills(required) }).passed).toBe(true);
    expect(judgeInterruptRun({ filesChanged, kills: kills(required - 1) }).passed).toBe(false);
  });

  it('fails when a kill left a torn file or a rerun that did not finish', () => {
    const kills = twentyKills();
    kills[1] = { ...midWrite, intact: false };
    expect(judgeInterruptRun({ filesChanged, kills }).problems).toEqual([
      '1 of 20 kills left a file neither old nor new, or a rerun that did not finish the job',
    ]);
  });
});

describe('landedMidWrite', () => {
  it('needs some of the changed files written and some not', () => {
    expect(landedMidWrite({ hitLiveProcess: true, newFiles: 0, intact: true }, 51)).toBe(false);
    expect(landedMidWrite({ hitLiveProcess: true, newFiles: 1, intact: true }, 51)).toBe(true);
    expect(landedMidWrite({ hitLiveProcess: true, newFiles: 50, intact: true }, 51)).toBe(true);
    expect(landedMidWrite({ hitLiveProcess: true, newFiles: 51, intact: true }, 51)).toBe(false);
  });
});
