/** The crash run must fail when it linted too little to prove anything, not only when a rule throws. */
import { describe, expect, it } from 'vitest';
import { MINIMUM_PARSED, judgeCrashRun, languageOf } from '../../scripts/lint-node-modules/judge-crash-run.js';

describe('judgeCrashRun', () => {
  const enough = { javascript: MINIMUM_PARSED.javascript, typescript: MINIMUM_PARSED.typescript };

  it('passes a run that parsed the minimum of each language and crashed nothing', () => {
    expect(judgeCrashRun({ parsedByLanguage: enough, crashes: [] })).toEqual({ passed: true, problems: [] });
  });

  it('fails a run that found no files at all: no crash in nothing proves nothing', () => {
    expect(judgeCrashRun({ parsedByLanguage: { javascript: 0, typescript: 0 }, crashes: [] })).toEqual({
      passed: false,
      problems: [
        `0 javascript files parsed, fewer than the ${MINIMUM_PARSED.javascript} required`,
        `0 typescript files parsed, fewer than the ${MINIMUM_PARSED.typescript} required`,
      ],
    });
    expect(judgeCrashRun({ parsedByLanguage: {}, crashes: [] }).passed).toBe(false);
  });

  it('fails a run in which one language went missing (a parser or config that reads none of it)', () => {
    const verdict = judgeCrashRun({ parsedByLanguage: { ...enough, typescript: MINIMUM_PARSED.typescript - 1 }, crashes: [] });
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toEqual([`${MINIMUM_PARSED.typescript - 1} typescript files parsed, fewer than the ${MINIMUM_PARSED.typescript} required`]);
  });

  it('fails on a crash however many files parsed', () => {
    const verdict = judgeCrashRun({ parsedByLanguage: enough, crashes: [{ file: 'a.js', error: 'TypeError' }] });
    expect(verdict).toEqual({ passed: false, problems: ['1 file crashed a rule or went unlinted'] });
  });

  it('takes the minimums it is given', () => {
    expect(judgeCrashRun({ parsedByLanguage: { javascript: 1 }, crashes: [] }, { javascript: 1 }).passed).toBe(true);
  });
});

describe('languageOf', () => {
  it('counts every TypeScript extension as TypeScript and the rest as JavaScript', () => {
    expect(['a.ts', 'a.d.ts', 'a.mts', 'a.cts', 'a.tsx'].map(languageOf)).toEqual(Array(5).fill('typescript'));
    expect(['a.js', 'a.mjs', 'a.cjs', 'a.jsx'].map(languageOf)).toEqual(Array(4).fill('javascript'));
  });
});
