/**
 * Pins how `no-duplicate-stream` lists the consumers of other files and what it notes and
 * builds (issue 17): the other files in file-name order whatever order the program holds them
 * in, each consumer of another file once however many openings it has there, the openings each
 * report is noted with for `sse-codemod`, and no program index built for a file whose openings
 * no consumer keeps open.
 */
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-duplicate-stream.js';
import { programIndexStatistics } from '../../src/analysis/typed/program-stream-index.js';
import { lintWithRule, reportsWithOpenings, ruleTester } from '../rule-tester.js';
import { fixtureProject } from './typed/fixture-projects.js';

const duplicates = fixtureProject('loopdup-duplicates');
const oneShot = fixtureProject('loopdup-one-shot');

ruleTester.run('no-duplicate-stream (consumers of other files)', rule, {
  valid: [],
  invalid: [
    {
      // `a-panel.ts` imports `z-store.ts`, so the program holds `z-store.ts` first; the message
      // still lists the files by name. `ZStore` opens the URL twice (lines 5 and 8): listed once,
      // with its first opening.
      // kills no-duplicate-stream.ts:98 the .sort(...) removed,
      // no-duplicate-stream.ts:100 (a, b) => ... -> () => undefined, the comparator -> true, -> false
      // kills no-duplicate-stream.ts:120 seen.has(id) -> false
      ...duplicates.typedCase('src/m-feed.ts'),
      errors: [
        {
          messageId: 'duplicateStream',
          line: 5,
          column: 19,
          data: {
            stream: '`EventSource`',
            url: '/api/live',
            consumer: 'service `MFeed`',
            others: `service \`APanel\` (${duplicates.display('src/a-panel.ts')}:7) and service \`ZStore\` (${duplicates.display('src/z-store.ts')}:5)`,
          },
        },
      ],
    },
  ],
});

describe('the openings each report of no-duplicate-stream is noted with', () => {
  it('notes each report with the opening it sits at', () => {
    const code = `export function Feed() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return null;
}
export function Bell() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return null;
}`;
    // kills no-duplicate-stream.ts:128 'duplicateStream' -> "", [opening] -> []
    expect(reportsWithOpenings(lintWithRule('no-duplicate-stream', rule, code))).toEqual([
      ['duplicateStream', 3, 20, [3]],
      ['duplicateStream', 10, 20, [10]],
    ]);
  });
});

/** A rule that only records the program each file was linted with. */
function programProbe(programs: Set<ts.Program>): ESLint.Plugin {
  return {
    rules: {
      program: {
        meta: { type: 'problem', schema: [] },
        create(context) {
          const program = (context.sourceCode as { parserServices?: { program?: ts.Program | null } }).parserServices?.program;
          if (program) programs.add(program);
          return {};
        },
      },
    },
  };
}

describe('a typed lint of a file whose only opening is a one-shot stream', () => {
  it('reports nothing and leaves the program index unbuilt', async () => {
    const programs = new Set<ts.Program>();
    const parser = (await import('@typescript-eslint/parser')) as unknown as Linter.Parser;
    const eslint = new ESLint({
      cwd: oneShot.directory,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: oneShot.directory } },
          plugins: { sse: { rules: { 'no-duplicate-stream': rule } } as unknown as ESLint.Plugin, probe: programProbe(programs) },
          rules: { 'sse/no-duplicate-stream': 'error', 'probe/program': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles([path.join('src', 'deploy.ts')]);
    expect(results.map((result) => result.messages)).toEqual([[]]);
    expect(programs.size).toBe(1);
    const [program] = programs;
    // kills no-duplicate-stream.ts:95 standing.length === 0 -> false
    expect(programIndexStatistics(program!)).toEqual({ builds: 0, files: [] });
  }, 30_000);
});
