/**
 * The single-file component benchmark: its corpus must be what the page says it is (components
 * that parse, name no stream and draw no finding, each beside a `.ts` file of exactly its script
 * code), and the page must follow the figures: the target's verdict from the ratio of rule times.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { writeSfcCorpus } from '../../scripts/bench/sfc-corpus.js';
import { writeReport } from '../../scripts/bench/write-report.js';

const directory = mkdtempSync(path.join(tmpdir(), 'sfc-cost-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const PARSERS = { vue: vueParser, svelte: svelteParser };

describe.each(['vue', 'svelte'] as const)('the %s corpus', (framework) => {
  const corpus = writeSfcCorpus(path.join(directory, framework), { framework, count: 8, seed: 12 });

  it('writes a quarter of each kind, and a .ts file beside each component with exactly its script code', () => {
    expect(corpus.components.map((file) => path.basename(file))).toEqual(
      ['Card0', 'List0', 'Form0', 'Detail0', 'Card1', 'List1', 'Form1', 'Detail1'].map((name) => `${name}.${framework}`),
    );
    for (const [index, component] of corpus.components.entries()) {
      const text = readFileSync(component, 'utf8');
      const script = readFileSync(corpus.scripts[index]!, 'utf8');
      expect(corpus.scripts[index]).toBe(component.replace(/\.(vue|svelte)$/, '.ts'));
      expect(text).toContain(`lang="ts">\n${script}</script>`);
    }
  });

  it('renders an imported card per item in every list', () => {
    const loop = framework === 'vue' ? /<Card\d+ v-for="item in visible"/ : /\{#each visible as item \(item\.id\)\}<Card\d+ /;
    for (const list of corpus.components.filter((file) => path.basename(file).startsWith('List'))) {
      const text = readFileSync(list, 'utf8');
      expect(text).toMatch(loop);
      expect(text).toMatch(new RegExp(`import Card\\d+ from './Card\\d+\\.${framework}';`));
    }
  });

  it('parses, names no stream and draws no finding, as components and as .ts files', () => {
    const linter = new Linter({ configType: 'flat', cwd: path.join(directory, framework) });
    const sfcConfig = [
      { files: [`**/*.${framework}`], languageOptions: { parser: PARSERS[framework], parserOptions: { parser: tsParser, sourceType: 'module' } } },
      plugin.configs[framework],
    ];
    const tsConfig = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended];
    for (const [files, config] of [
      [corpus.components, sfcConfig],
      [corpus.scripts, tsConfig],
    ] as const) {
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(text).not.toMatch(/EventSource|eventsource|event-source|sse\.js/i);
        expect(linter.verify(text, config as Linter.Config[], { filename: file })).toEqual([]);
      }
    }
    expect(corpus.lines).toBeGreaterThan(8 * 15);
  });
});

describe('the page', () => {
  const figures = (median: number) => ({ median, min: median * 0.9, max: median * 1.1 });
  const framework = (sfcRules: number, tsRules: number) => ({
    lines: 4000,
    sfc: {
      plugin: { wallMs: figures(4000), parseMs: figures(3000), ruleMs: figures(sfcRules), byRule: { 'sse/no-eventsource-per-item': sfcRules - 10 } },
      off: { wallMs: figures(3900), parseMs: figures(3000) },
    },
    ts: {
      plugin: { wallMs: figures(1500), parseMs: figures(1000), ruleMs: figures(tsRules), byRule: { 'sse/no-eventsource-per-item': 1 } },
      off: { wallMs: figures(1480), parseMs: figures(1000) },
    },
    addedWallMs: { sfc: figures(100), ts: figures(20) },
    ruleRatio: sfcRules / tsRules,
  });
  const results = (vueRules: number) => ({
    machine: {
      date: '2026-12-04',
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGiB: 8,
      platform: 'linux 6',
      loadAverageAtStart: [1, 1, 1],
      loadAverageAtEnd: [1, 1, 1],
      versions: { Node: 'v20' },
    },
    sfcCost: {
      runs: 5,
      files: 200,
      seed: 12,
      measured: { date: '2026-12-04', loadAverageAtStart: [2, 2, 2], versions: { 'vue-eslint-parser': '10.4.2', 'svelte-eslint-parser': '1.10.1' } },
      frameworks: { vue: framework(vueRules, 20), svelte: framework(18, 20) },
      problems: [],
    },
  });

  function page(vueRules: number): string {
    const docs = mkdtempSync(path.join(directory, 'docs-'));
    writeReport(results(vueRules), { docs });
    return readFileSync(path.join(docs, 'benchmarks.md'), 'utf8');
  }

  it('meets the target when every framework costs the rules at most what its .ts scripts cost', () => {
    expect(page(19)).toContain(
      '| a component without a stream name costs the rules no more than a `.ts` file of the same script | .vue 0.95× (19.0 ms against 20.0 ms); .svelte 0.90× (18.0 ms against 20.0 ms) | **met** |',
    );
  });

  it('does not meet it when one framework costs more, and shows the figures and the command', () => {
    const text = page(60);
    expect(text).toContain('| .vue 3.00× (60.0 ms against 20.0 ms); .svelte 0.90× (18.0 ms against 20.0 ms) | **not met** |');
    expect(text).toContain('### Single-file components without a stream name');
    expect(text).toContain('| `.vue` (Vue components) | 60.0 (54.0–66.0) | 3,000 (2,700–3,300) | 4,000 (3,600–4,400) | 3,900 (3,510–4,290) | 100 (90–110) |');
    expect(text).toContain('`npm run bench -- sfc`');
    expect(text).toContain('Vue: the rules took 3.00× on the components what they took on the same scripts as `.ts`. `no-eventsource-per-item` took 50.0 ms of the 60.0, the other rules 10.0 ms, against 20.0 ms');
  });
});
