/**
 * How no-eventsource-per-item reads the components a Vue template imports: only a file with a
 * `v-for` makes it look (the text prefilter runs before any template walk or parse), each
 * imported file is parsed once and cached by its modification time, and what changes on disk
 * is seen on the next lint.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ESLint, Linter } from 'eslint';
import * as vueParser from 'vue-eslint-parser';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-eventsource-per-item.js';
import { scratchFolder } from '../support/scratch-folders.js';

const dir = scratchFolder('vue');

const STREAMING_ROW = `<script setup lang="ts">
const props = defineProps<{ id: string }>();
const source = new EventSource('/rows/' + props.id);
</script>
<template><li>{{ id }}</li></template>`;
const PLAIN_ROW = `<script setup lang="ts">
defineProps<{ id: string }>();
</script>
<template><li>{{ id }}</li></template>`;

/** vue-eslint-parser, with every file it is asked to parse written down. */
function countingParser(parsed: string[]) {
  return {
    ...vueParser,
    parseForESLint(code: string, options: { filePath?: string }) {
      parsed.push(path.basename(options.filePath ?? ''));
      return vueParser.parseForESLint(code, options as never);
    },
  };
}

function lint(code: string, parsed: string[] = []): Linter.LintMessage[] {
  return new Linter({ configType: 'flat', cwd: dir }).verify(
    code,
    {
      files: ['**/*.vue'],
      languageOptions: { parser: countingParser(parsed), parserOptions: { parser: tsParser, sourceType: 'module' } },
      plugins: { sse: { rules: { 'no-eventsource-per-item': rule } } as unknown as ESLint.Plugin },
      rules: { 'sse/no-eventsource-per-item': 'error' },
    },
    { filename: path.join(dir, 'List.vue') },
  );
}

const LIST = `<script setup lang="ts">
import Row from './Row.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><Row v-for="id in ids" :key="id" :id="id" /></ul></template>`;

describe('imported Vue components', () => {
  it('does not read an imported component when the template has no v-for', () => {
    writeFileSync(path.join(dir, 'Row.vue'), STREAMING_ROW);
    const parsed: string[] = [];
    const messages = lint(LIST.replace(' v-for="id in ids" :key="id"', ''), parsed);
    expect(messages).toEqual([]);
    expect(parsed).toEqual(['List.vue']);
  });

  it('parses an imported component once, then answers from the cache until the file changes', () => {
    writeFileSync(path.join(dir, 'Row.vue'), STREAMING_ROW);
    utimesSync(path.join(dir, 'Row.vue'), new Date(1_000_000), new Date(1_000_000));
    const first: string[] = [];
    expect(lint(LIST, first).map((message) => [message.messageId, message.line, message.column])).toEqual([
      ['renderedPerItemAcrossFiles', 5, 15],
    ]);
    expect(first).toEqual(['List.vue', 'Row.vue']);

    const second: string[] = [];
    expect(lint(LIST, second)).toHaveLength(1);
    expect(second).toEqual(['List.vue']);

    // The row stops opening a stream: a new modification time, so it is read again.
    writeFileSync(path.join(dir, 'Row.vue'), PLAIN_ROW);
    utimesSync(path.join(dir, 'Row.vue'), new Date(2_000_000), new Date(2_000_000));
    const third: string[] = [];
    expect(lint(LIST, third)).toEqual([]);
    // Its text mentions no stream: the prefilter answers without parsing it.
    expect(third).toEqual(['List.vue']);
  });

  it('parses a row written in a .ts file once, and never a helper module the template renders no tag of', () => {
    writeFileSync(
      path.join(dir, 'ScriptRow.ts'),
      `import { defineComponent, h } from 'vue';
export default defineComponent({
  props: ['id'],
  setup(props) {
    const source = new EventSource('/rows/' + props.id);
    return () => h('li', props.id);
  },
});`,
    );
    writeFileSync(path.join(dir, 'follow.ts'), "export default (id: string) => new EventSource('/follow/' + id);");
    const list = `<script setup lang="ts">
import ScriptRow from './ScriptRow';
import follow from './follow';
defineProps<{ ids: string[] }>();
</script>
<template><ul><ScriptRow v-for="id in ids" :key="id" :id="id" @click="follow(id)" /></ul></template>`;
    const first: string[] = [];
    expect(lint(list, first).map((message) => [message.messageId, message.line, message.column])).toEqual([
      ['renderedPerItemAcrossFiles', 6, 15],
    ]);
    expect(first).toEqual(['List.vue', 'ScriptRow.ts']);
    const second: string[] = [];
    expect(lint(list, second)).toHaveLength(1);
    expect(second).toEqual(['List.vue']);
  });

  it('names the imported file relative to the working directory in the message', () => {
    writeFileSync(path.join(dir, 'Row.vue'), STREAMING_ROW);
    utimesSync(path.join(dir, 'Row.vue'), new Date(3_000_000), new Date(3_000_000));
    const [message] = lint(LIST);
    expect(message?.message).toBe(
      '`<Row>` (Row.vue) opens `EventSource` (Row.vue:3) and is rendered inside a `v-for` over `ids`, so every item holds its own connection, one of the ~6 the browser allows per origin; later fetches and POSTs queue behind them. Open one shared stream above the list and pass each item its events.',
    );
  });
});
