/**
 * Test cases as `.svelte` files: svelte-eslint-parser for the component, typescript-eslint's
 * parser for `<script lang="ts">`, as eslint-plugin-svelte's TypeScript set-up configures them.
 */
import tsParser from '@typescript-eslint/parser';
import type { ValidTestCase } from '@typescript-eslint/rule-tester';
import * as svelteParser from 'svelte-eslint-parser';

type LanguageOptions = NonNullable<ValidTestCase<unknown[]>['languageOptions']>;

export const svelteLanguageOptions = {
  parser: svelteParser,
  parserOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest', extraFileExtensions: ['.svelte'] },
  // The rule tester's type knows typescript-eslint's parser options only.
} as unknown as LanguageOptions;

/** A case linted as the component `filename` (a `.svelte` file). */
export function svelte(code: string, filename = 'Component.svelte') {
  return { code, filename, languageOptions: svelteLanguageOptions };
}
