/** The crash run must fail when it linted too little to prove anything, not only when a rule throws. */
import { describe, expect, it } from 'vitest';
import {
  MINIMUM_PARSED,
  MINIMUM_PARSED_IN_AUDIT_SNAPSHOTS,
  judgeCrashRun,
  languageOf,
  minimumsFor,
} from '../../scripts/lint-node-modules/judge-crash-run.js';

describe('judgeCrashRun', () => {
  const enough = { ...MINIMUM_PARSED };

  it('passes a run that parsed the minimum of each language and crashed nothing', () => {
    expect(judgeCrashRun({ parsedByLanguage: enough, crashes: [] })).toEqual({ passed: true, problems: [] });
  });

  it('fails a run that found no files at all: no crash in nothing proves nothing', () => {
    expect(judgeCrashRun({ parsedByLanguage: { javascript: 0, typescript: 0, vue: 0, svelte: 0 }, crashes: [] })).toEqual({
      passed: false,
      problems: [
        `0 javascript files parsed, fewer than the ${MINIMUM_PARSED.javascript} required`,
        `0 typescript files parsed, fewer than the ${MINIMUM_PARSED.typescript} required`,
        `0 vue files parsed, fewer than the ${MINIMUM_PARSED.vue} required`,
        `0 svelte files parsed, fewer than the ${MINIMUM_PARSED.svelte} required`,
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

describe('single-file components', () => {
  const snapshots = minimumsFor('audit-snapshots');

  it('holds node_modules (the component libraries installed for the run) and the audit snapshots to a minimum of .vue and of .svelte files', () => {
    expect(minimumsFor('node_modules')).toEqual(MINIMUM_PARSED);
    expect(MINIMUM_PARSED.vue).toBeGreaterThanOrEqual(100);
    expect(MINIMUM_PARSED.svelte).toBeGreaterThanOrEqual(100);
    expect(snapshots).toEqual(MINIMUM_PARSED_IN_AUDIT_SNAPSHOTS);
    expect(snapshots.vue).toBeGreaterThan(0);
    expect(snapshots.svelte).toBeGreaterThan(0);
  });

  it('fails a run of node_modules that parsed every script but no component (a parser that rejects them all, a walk that skips them)', () => {
    const scriptsOnly = { javascript: 9_999, typescript: 9_999, vue: 0, svelte: 0 };
    expect(judgeCrashRun({ parsedByLanguage: scriptsOnly, crashes: [] }, minimumsFor('node_modules'))).toEqual({
      passed: false,
      problems: [
        `0 vue files parsed, fewer than the ${MINIMUM_PARSED.vue} required`,
        `0 svelte files parsed, fewer than the ${MINIMUM_PARSED.svelte} required`,
      ],
    });
  });

  it('fails a run of the snapshots that parsed no .vue file, or no .svelte file, whatever else it parsed', () => {
    const enough = { ...snapshots };
    expect(judgeCrashRun({ parsedByLanguage: enough, crashes: [] }, snapshots)).toEqual({ passed: true, problems: [] });
    expect(judgeCrashRun({ parsedByLanguage: { ...enough, vue: 0 }, crashes: [] }, snapshots)).toEqual({
      passed: false,
      problems: [`0 vue files parsed, fewer than the ${snapshots.vue} required`],
    });
    expect(judgeCrashRun({ parsedByLanguage: { ...enough, svelte: 0 }, crashes: [] }, snapshots)).toEqual({
      passed: false,
      problems: [`0 svelte files parsed, fewer than the ${snapshots.svelte} required`],
    });
  });

  it('with --languages vue,svelte, holds the run to those minimums alone, and still fails it when it found none', () => {
    for (const corpus of ['node_modules', 'audit-snapshots']) {
      const all = minimumsFor(corpus);
      const components = minimumsFor(corpus, ['vue', 'svelte']);
      expect(components).toEqual({ vue: all.vue, svelte: all.svelte });
      expect(judgeCrashRun({ parsedByLanguage: { vue: all.vue, svelte: all.svelte }, crashes: [] }, components).passed).toBe(true);
      expect(judgeCrashRun({ parsedByLanguage: { javascript: 9_999 }, crashes: [] }, components)).toEqual({
        passed: false,
        problems: [`0 vue files parsed, fewer than the ${all.vue} required`, `0 svelte files parsed, fewer than the ${all.svelte} required`],
      });
    }
  });
});

describe('minimumsFor', () => {
  it('asks at least one file of a language the corpus has no minimum for: --languages javascript over the snapshots fails on none', () => {
    expect(minimumsFor('audit-snapshots', ['javascript', 'vue'])).toEqual({ javascript: 1, vue: MINIMUM_PARSED_IN_AUDIT_SNAPSHOTS.vue });
    expect(judgeCrashRun({ parsedByLanguage: { javascript: 0 }, crashes: [] }, minimumsFor('audit-snapshots', ['javascript']))).toEqual({
      passed: false,
      problems: ['0 javascript files parsed, fewer than the 1 required'],
    });
  });
});

describe('languageOf', () => {
  it('counts every TypeScript extension as TypeScript and the rest as JavaScript', () => {
    expect(['a.ts', 'a.d.ts', 'a.mts', 'a.cts', 'a.tsx'].map(languageOf)).toEqual(Array(5).fill('typescript'));
    expect(['a.js', 'a.mjs', 'a.cjs', 'a.jsx'].map(languageOf)).toEqual(Array(4).fill('javascript'));
  });

  it('counts single-file components by their framework, not by the language of their script', () => {
    expect(['Row.vue', 'Row.svelte', 'store.svelte.ts'].map(languageOf)).toEqual(['vue', 'svelte', 'typescript']);
  });
});
