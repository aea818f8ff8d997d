/**
 * component-streams.ts, reading components from disk: a file is parsed only when its code can
 * open a stream, the parse is kept per path until the file's modification time changes, and a
 * resolver answers once per file for the lint of one file.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import { componentStreamResolver, importedComponent } from '../../src/analysis/templates/component-streams.js';
import { scratchFolder } from '../support/scratch-folders.js';
import { parsedVue, vue } from './vue-files.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const STREAMING_ROW = "<script setup>\nconst props = defineProps(['id']);\nconst source = new EventSource('/rows/' + props.id);\n</script>\n";
const PLAIN_ROW = "<script setup>\ndefineProps(['id']);\n</script>\n";

/** `file` written with `text` and the modification time `seconds` after the epoch. */
function write(file: string, text: string, seconds: number): void {
  writeFileSync(file, text);
  utimesSync(file, seconds, seconds);
}

/** A fresh directory with `Row.vue` holding `text`; the row's path. */
function row(text: string): string {
  const file = path.join(scratchFolder('cstreams-cache'), 'Row.vue');
  write(file, text, 1_000_000);
  return file;
}

/** The rule context of linting `List.vue` beside `row` with `languageOptions`. */
function listContext(rowFile: string, languageOptions: Record<string, unknown>): Context {
  const filename = path.join(path.dirname(rowFile), 'List.vue');
  const sourceCode = parsedVue(filename, '<template><ul></ul></template>\n');
  return { filename, physicalFilename: filename, cwd: path.dirname(rowFile), sourceCode, languageOptions } as unknown as Context;
}

describe('importedComponent', () => {
  it('gives nothing for a file whose text names a stream library in a comment only', () => {
    const file = row("<script setup>\n// like sse.js, but polled\nconst rows = [];\n</script>\n");
    // kills component-streams.ts:277 !sourceCode || (…) -> false
    // kills component-streams.ts:277 !sourceCode || (…) -> !sourceCode && …
    // kills component-streams.ts:277 !sourceMentionsStream(…) && !importsStreamModule(…) -> false
    expect(importedComponent(file, [], vue)).toBeNull();
  });

  it('reads the file again once its modification time changes', () => {
    const file = row(STREAMING_ROW);
    expect(importedComponent(file, [], vue)?.file).toBe(file);
    write(file, PLAIN_ROW, 2_000_000);
    // kills component-streams.ts:291 { mtimeMs = statSync(file).mtimeMs; } -> {}
    // kills component-streams.ts:298 cached.mtimeMs === mtimeMs -> true
    expect(importedComponent(file, [], vue)).toBeNull();
  });
});

describe('componentStreamResolver', () => {
  it('answers once per file for one lint, though the file changes on disk meanwhile', () => {
    const file = row(STREAMING_ROW);
    const streamOf = componentStreamResolver(listContext(file, { parser: vueParser, parserOptions: { parser: tsParser } }), [], 'vue-eslint-parser');
    const stream = { file, line: 3, stream: '`EventSource`', route: '' };
    expect(streamOf(file)).toEqual(stream);
    write(file, PLAIN_ROW, 2_000_000);
    // kills component-streams.ts:334 stream === undefined -> true
    expect(streamOf(file)).toEqual(stream);
  });

  it('reads no other file when no parser can be found, so a later lint with a parser still sees it', () => {
    const file = row(STREAMING_ROW);
    const streamOf = componentStreamResolver(listContext(file, {}), [], 'no-such-parser-for-sse');
    expect(streamOf(file)).toBeNull();
    // kills component-streams.ts:338 parse -> true (the file's parse would be cached as failed)
    expect(importedComponent(file, [], vue)?.file).toBe(file);
  });

  it('reads no composable of the linted file when no parser can be found, so a later lint with a parser still follows it', () => {
    const list = path.join(path.dirname(row(PLAIN_ROW)), 'List.vue');
    const composable = path.join(path.dirname(list), 'useRowFeed.ts');
    write(composable, 'export function useRowFeed(id) {\n  return new EventSource(`/rows/${id}`);\n}\n', 1_000_000);
    const text = "<script setup>\nimport { useRowFeed } from './useRowFeed';\nconst feed = useRowFeed(1);\n</script>\n";
    const context = (languageOptions: Record<string, unknown>) =>
      ({ ...listContext(list, languageOptions), sourceCode: parsedVue(list, text) }) as Context;
    expect(componentStreamResolver(context({}), [], 'no-such-parser-for-sse')(list)).toBeNull();
    const withParser = context({ parser: vueParser, parserOptions: { parser: tsParser } });
    expect(componentStreamResolver(withParser, [], 'vue-eslint-parser')(list)).toEqual({
      file: composable,
      line: 2,
      stream: '`EventSource`',
      route: ' through `useRowFeed()`',
    });
  });
});
