#!/usr/bin/env node
/**
 * `npm start`: lints the bundled example app with the plugin's recommended config (and its
 * Vue page, `src/vue/`, with vue-eslint-parser and `sse.configs.vue`) and prints what it
 * finds, the way a user's editor or CI would show it.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import * as vueParser from 'vue-eslint-parser';
import plugin from '../dist/src/index.js';

const exampleRoot = fileURLToPath(new URL('../examples/live-dashboard/', import.meta.url));

const eslint = new ESLint({
  cwd: exampleRoot,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{js,jsx,ts,tsx}'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
    plugin.configs.recommended,
    // As eslint-plugin-vue's flat config sets it up: vue-eslint-parser, with typescript-eslint's
    // parser for `<script lang="ts">`.
    { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } },
    plugin.configs.vue,
  ],
});

const results = await eslint.lintFiles(['src', 'public']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const perRule = new Map();
for (const result of results) {
  for (const message of result.messages) {
    const key = message.ruleId ?? '(parse error)';
    perRule.set(key, (perRule.get(key) ?? 0) + 1);
  }
}
console.log('Findings by rule:');
for (const name of Object.keys(plugin.rules)) {
  console.log(`  sse/${name}: ${perRule.get(`sse/${name}`) ?? 0}`);
}
const parseErrors = perRule.get('(parse error)') ?? 0;
if (parseErrors > 0) {
  console.error(`${parseErrors} file(s) of the example failed to parse.`);
  process.exitCode = 1;
}
