/**
 * Test cases as `.vue` files: vue-eslint-parser for the component, typescript-eslint's parser
 * for its scripts, as eslint-plugin-vue's TypeScript set-up configures them.
 */
import tsParser from '@typescript-eslint/parser';
import type { ValidTestCase } from '@typescript-eslint/rule-tester';
import * as vueParser from 'vue-eslint-parser';

type LanguageOptions = NonNullable<ValidTestCase<unknown[]>['languageOptions']>;

export const vueLanguageOptions = {
  parser: vueParser,
  parserOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest', extraFileExtensions: ['.vue'] },
  // The rule tester's type knows typescript-eslint's parser options only.
} as unknown as LanguageOptions;

/** A case linted as the component `filename` (a `.vue` file). */
export function vue(code: string, filename = 'Component.vue') {
  return { code, filename, languageOptions: vueLanguageOptions };
}
