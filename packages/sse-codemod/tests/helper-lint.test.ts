/**
 * The helper files pass ESLint's and typescript-eslint's recommended rules with no directive in
 * them. The trial behind issue 13 found the old `/* eslint-disable *\/` header reported as an
 * unused directive, and `eslint --fix` then edited the "do not edit" file to remove it.
 */
import js from '@eslint/js';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { helperFiles } from '../src/helper-module.js';

const eslint = new ESLint({
  // The files are linted from memory, as if they sat in a project at /project.
  cwd: '/project',
  overrideConfigFile: true,
  overrideConfig: [
    js.configs.recommended,
    ...(tseslint.configs.recommended as ESLint.Options['overrideConfig'][]),
    {
      // The browser globals the hub uses, as `globals.browser` in a user's config would declare them.
      languageOptions: {
        globals: Object.fromEntries(
          ['AbortController', 'DOMException', 'EventSource', 'EventTarget', 'TextDecoder', 'TextEncoder', 'URL', 'queueMicrotask'].map((name) => [name, 'readonly']),
        ),
      },
      linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
    },
  ].flat() as ESLint.Options['overrideConfig'],
});

describe('the helper under the recommended lint rules', () => {
  const files = [...helperFiles('/project/src/sse-hub.js'), ...helperFiles('/project/src/sse-hub.ts')];

  it.each(files.map((file) => [file.path.split('/').pop()!, file.text]))('%s: no problem and no directive', async (name, text) => {
    const [result] = await eslint.lintText(text, { filePath: `/project/src/${name}` });
    expect(result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`)).toEqual([]);
    expect(text).not.toMatch(/eslint-disable|eslint-enable|@ts-nocheck|@ts-ignore/);
  });
});
