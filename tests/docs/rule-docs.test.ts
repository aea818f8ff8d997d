/**
 * Keeps the rule docs honest: every rule has a doc and a test file under its own name, the
 * doc's title matches the rule's metadata, and every example block marked ❌ reports the rule
 * while every block marked ✅ does not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = new URL('../../', import.meta.url);

interface ExampleBlock {
  verdict: 'incorrect' | 'correct';
  language: 'js' | 'jsx' | 'ts' | 'tsx' | 'vue' | 'svelte';
  code: string;
  line: number;
}

/** The fenced js/jsx/ts/tsx/vue/svelte blocks of a doc, each with the ❌/✅ marker line that precedes it. */
function exampleBlocks(markdown: string): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  const lines = markdown.split('\n');
  let verdict: ExampleBlock['verdict'] | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('❌')) verdict = 'incorrect';
    else if (line.startsWith('✅')) verdict = 'correct';
    const fence = /^```(js|jsx|ts|tsx|vue|svelte)\s*$/.exec(line);
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    if (verdict) {
      blocks.push({
        verdict,
        language: fence[1] as ExampleBlock['language'],
        code: lines.slice(start, end).join('\n'),
        line: start + 1,
      });
    }
    index = end;
  }
  return blocks;
}

function lint(block: ExampleBlock, ruleName: string): Linter.LintMessage[] {
  const typescript = block.language === 'ts' || block.language === 'tsx';
  // A Vue example is a whole single-file component: vue-eslint-parser, with typescript-eslint's parser for its scripts.
  const vue = { parser: vueParser as never, parserOptions: { parser: tsParser, sourceType: 'module' } } as const;
  const svelte = { parser: svelteParser as never, parserOptions: { parser: tsParser, sourceType: 'module' } } as const;
  const config: Linter.Config = {
    files: ['**/*.{js,jsx,ts,tsx,vue,svelte}'],
    plugins: { sse: plugin as never },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions:
      block.language === 'vue'
        ? vue
        : block.language === 'svelte'
          ? svelte
          : {
            ...(typescript ? { parser: tsParser as never } : {}),
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
    rules: { [`sse/${ruleName}`]: 'error' },
  };
  return new Linter({ configType: 'flat' }).verify(block.code, config, { filename: `example.${block.language}` });
}

for (const [name, rule] of Object.entries(plugin.rules)) {
  describe(`docs/rules/${name}.md`, () => {
    const docUrl = new URL(`docs/rules/${name}.md`, root);

    it('exists beside its test file', () => {
      expect(existsSync(docUrl), `docs/rules/${name}.md`).toBe(true);
      expect(existsSync(new URL(`tests/rules/${name}.test.ts`, root)), `tests/rules/${name}.test.ts`).toBe(true);
    });

    const markdown = existsSync(docUrl) ? readFileSync(docUrl, 'utf8') : '';

    it('has a title naming the rule and its description', () => {
      const title = markdown.split('\n', 1)[0];
      expect(title).toBe(`# ${rule.meta?.docs?.description} (\`sse/${name}\`)`);
    });

    it('links back from the rule metadata', () => {
      expect(rule.meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    });

    const blocks = exampleBlocks(markdown);

    it('shows both incorrect and correct examples', () => {
      expect(blocks.some((block) => block.verdict === 'incorrect')).toBe(true);
      expect(blocks.some((block) => block.verdict === 'correct')).toBe(true);
    });

    for (const block of blocks) {
      it(`${block.verdict === 'incorrect' ? '❌' : '✅'} block at line ${block.line} ${block.verdict === 'incorrect' ? 'reports' : 'passes'}`, () => {
        const messages = lint(block, name);
        // A parse error, or a config that matched nothing, has no rule id: the block was never checked.
        const unchecked = messages.filter((message) => message.ruleId === null);
        expect(unchecked, 'the example must parse and be linted').toEqual([]);
        const own = messages.filter((message) => message.ruleId === `sse/${name}`);
        if (block.verdict === 'incorrect') expect(own.length).toBeGreaterThan(0);
        else expect(own).toEqual([]);
      });
    }
  });
}
