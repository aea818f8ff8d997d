/**
 * One RuleTester set-up for every rule test: vitest drives it, and each case can run under
 * typescript-eslint's parser (the default, for .ts/.tsx) or ESLint's own espree (for plain
 * .js/.jsx), since users run the rules under both and their scope managers differ.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import { type ESLint, Linter } from 'eslint';
import { afterAll, describe, it } from 'vitest';

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
