/**
 * One RuleTester set-up for every rule test: vitest drives it, and each case can run under
 * typescript-eslint's parser (the default, for .ts/.tsx) or ESLint's own espree (for plain
 * .js/.jsx), since users run the rules under both and their scope managers differ.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { type ESLint, Linter } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { flaggedOpenings } from '../src/analysis/flagged-openings.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Parses `.ts` and `.tsx` (by the case's `filename`) with typescript-eslint; JSX is on for `.tsx`. */
export const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** Language options that make a case parse with espree as plain JavaScript with JSX. */
export const javascript = {
  parser: espree,
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
} as const;

/**
 * Lints `code` with one rule and the given options through ESLint's own `Linter`, which
 * validates them against the rule's schema: the way to test what users see for bad options.
 */
export function lintWithOptions(
  name: string,
  rule: unknown,
  options: unknown,
  code = 'new EventSource(url);',
): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.js'],
      plugins: { sse: { rules: { [name]: rule } } as unknown as ESLint.Plugin },
      rules: { [`sse/${name}`]: ['error', options] as Linter.RuleEntry },
    },
    { filename: 'file.js' },
  );
}

/** A lint of one file with one rule: what it reported, and the file's SourceCode. */
export interface OneRuleLint {
  messages: Linter.LintMessage[];
  sourceCode: object;
}

/**
 * Lints `code` as `filename` with the one rule `sse/<name>`, through ESLint's own `Linter` (so the
 * SourceCode the rule saw stays at hand), under espree with JSX unless other language options are given.
 */
export function lintWithRule(
  name: string,
  rule: unknown,
  code: string,
  { filename = 'file.jsx', languageOptions = javascript as Linter.LanguageOptions, cwd }: { filename?: string; languageOptions?: Linter.LanguageOptions; cwd?: string } = {},
): OneRuleLint {
  const linter = new Linter({ configType: 'flat', ...(cwd ? { cwd } : {}) });
  const messages = linter.verify(
    code,
    {
      files: ['**/*.{js,jsx,ts,tsx}'],
      languageOptions,
      plugins: { sse: { rules: { [name]: rule } } as unknown as ESLint.Plugin },
      rules: { [`sse/${name}`]: 'error' },
    },
    { filename },
  );
  return { messages, sourceCode: linter.getSourceCode() };
}

/**
 * Each report of the lint as `[messageId, line, column, lines]`, where `lines` are the lines of
 * the openings the report is noted with for `sse-codemod` (src/analysis/flagged-openings.ts).
 */
export function reportsWithOpenings({ messages, sourceCode }: OneRuleLint): [string | undefined, number, number, number[]][] {
  return messages.map((message) => [
    message.messageId,
    message.line,
    message.column,
    flaggedOpenings(sourceCode, message).map((opening) => opening.node.loc.start.line),
  ]);
}
