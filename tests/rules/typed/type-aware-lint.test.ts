/**
 * Type-aware mode through ESLint itself, as a user runs it: the `recommended-type-checked`
 * config on a fixture project, and what the run pays for summaries (each declaration's body is
 * read once, however many files render or call it). Read through `summaryStatistics`, never timed.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import type * as ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { summaryStatistics } from '../../../src/analysis/typed/summaries.js';
import plugin from '../../../src/index.js';
import { lintWithOptions } from '../../rule-tester.js';
import { fixtureProject } from './fixture-projects.js';

const components = fixtureProject('components');
const LISTS = ['direct', 'barrel', 'memo', 'hook-chain', 'local-component'].map((name) => `src/lists/${name}.tsx`);

/** A rule that only records the program each file was linted with. */
function programProbe(programs: Set<ts.Program>): ESLint.Plugin {
  return {
    rules: {
      program: {
        meta: { type: 'problem', schema: [] },
        create(context) {
          const services = (context.sourceCode as { parserServices?: { program?: ts.Program | null } }).parserServices;
          const program = services?.program;
          if (program) programs.add(program);
          return {};
        },
      },
    },
  };
}

describe('recommended-type-checked', () => {
  const config = plugin.configs['recommended-type-checked'];

  it('turns on the recommended rules', () => {
    expect(config.rules).toEqual(plugin.configs.recommended.rules);
    expect(config.plugins?.sse).toBe(plugin);
    expect(config.name).toBe('sse/recommended-type-checked');
  });

  it('lints TypeScript files with typescript-eslint’s project service', () => {
    expect(config.files).toEqual(['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']);
    expect((config.languageOptions?.parser as { meta?: { name?: string } } | undefined)?.meta?.name).toBe('typescript-eslint/parser');
    expect(config.languageOptions?.parserOptions).toEqual({ projectService: true });
  });

  it('is listed with the other configs and built once', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['all', 'angular', 'disable-type-checked', 'recommended', 'recommended-type-checked', 'svelte', 'vue']);
    expect(plugin.configs['recommended-type-checked']).toBe(config);
  });
});

describe('the typeAware option', () => {
  it.each(['no-eventsource-in-loop', 'no-eventsource-per-item'] as const)('%s refuses a value that is not a boolean', (name) => {
    expect(() => lintWithOptions(name, plugin.rules[name], { typeAware: 'yes' })).toThrow(
      `Key "rules": Key "sse/${name}":\n\tValue "yes" should be boolean.`,
    );
  });
});

describe('a typed lint of a fixture project', () => {
  const programs = new Set<ts.Program>();
  let results: ESLint.LintResult[] = [];

  beforeAll(async () => {
    const eslint = new ESLint({
      cwd: components.directory,
      overrideConfigFile: true,
      overrideConfig: [
        plugin.configs['recommended-type-checked'] as Linter.Config,
        {
          files: ['**/*.tsx'],
          languageOptions: { parserOptions: { tsconfigRootDir: components.directory } },
          plugins: { probe: programProbe(programs) },
          rules: { 'probe/program': 'error' },
        },
      ],
    });
    results = await eslint.lintFiles(LISTS);
  }, 60_000);

  it('reports each component rendered per item, naming files from the working directory', () => {
    const reports = results.flatMap((result) =>
      result.messages.map((message) => `${path.relative(components.directory, result.filePath)}:${message.line} ${message.messageId}`),
    );
    expect(reports.sort()).toEqual([
      'src/lists/barrel.tsx:10 renderedPerItemAcrossFiles',
      'src/lists/barrel.tsx:7 renderedPerItemAcrossFiles',
      'src/lists/barrel.tsx:9 renderedPerItemAcrossFiles',
      'src/lists/direct.tsx:4 renderedPerItemAcrossFiles',
      'src/lists/hook-chain.tsx:4 renderedPerItemAcrossFiles',
      'src/lists/local-component.tsx:9 renderedPerItemAcrossFiles',
      'src/lists/memo.tsx:5 renderedPerItemAcrossFiles',
    ]);
    const direct = results.find((result) => result.filePath.endsWith('direct.tsx'))!;
    expect(direct.messages[0]!.message).toMatch(/^`<Row>` \(src\/row\.tsx\) opens `EventSource` \(src\/row\.tsx:6\) and is rendered/);
  });

  it('summarises each declaration once, however many files render or call it', () => {
    expect(programs.size).toBe(1);
    const [program] = programs;
    const statistics = summaryStatistics(program!);
    const walked = statistics.declarations.map((declaration) => [
      `${path.relative(components.directory, declaration.fileName).split(path.sep).join('/')} ${declaration.name}`,
      declaration.walks,
    ]);
    // `Row` is rendered by three of the files, `Card` by two, `useTicker` called by two components.
    expect(walked.sort()).toEqual([
      ['src/badge.tsx Badge', 1],
      ['src/card.tsx Card', 1],
      ['src/hooks/use-ticker.ts useTicker', 1],
      ['src/lib/ticker.ts openTicker', 1],
      ['src/lists/local-component.tsx Ticker', 1],
      ['src/price.tsx Price', 1],
      ['src/row.tsx Row', 1],
    ]);
    expect(statistics.walks).toBe(7);
    expect(statistics.summarised).toBe(7);
  });
});
