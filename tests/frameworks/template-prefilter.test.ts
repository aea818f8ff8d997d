/**
 * What no-eventsource-per-item does with a single-file component that names no stream: the
 * text decides before anything is walked or parsed. A Vue template is walked only when the
 * file has a `v-for` and a `.vue` file it imports can open a stream, or it can open one itself;
 * an imported component "can" when its text, or the text of a composable it imports by a
 * relative path, names a stream, and only then is it parsed. (Most components of an app import
 * helpers, composables and other components by relative paths and open nothing: they used to
 * be parsed for every list, and their lists' templates walked.)
 */
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { type ESLint, Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-eventsource-per-item.js';
import { folderPerCase } from '../support/scratch-folders.js';

// A fresh folder per case: imported files are cached by path and modification time.
const folder = folderPerCase('template-prefilter');

interface Calls {
  /** The files the parser was asked to parse, by name. */
  parsed: string[];
  /** How many times a rule asked vue-eslint-parser for a template walk. */
  templateWalks: number;
}

/** The framework's parser, with every file it parses and every template walk asked of it written down. */
function countingParser(parser: typeof vueParser | typeof svelteParser, calls: Calls) {
  return {
    ...parser,
    parseForESLint(code: string, options: { filePath?: string }) {
      calls.parsed.push(path.basename(options.filePath ?? ''));
      const result = parser.parseForESLint(code, options as never) as { services?: Record<string, unknown> };
      const define = result.services?.defineTemplateBodyVisitor as ((...args: unknown[]) => unknown) | undefined;
      if (define) {
        result.services!.defineTemplateBodyVisitor = (...args: unknown[]) => {
          calls.templateWalks++;
          return define(...args);
        };
      }
      return result;
    },
  };
}

function lint(framework: 'vue' | 'svelte', code: string, filename: string) {
  const calls: Calls = { parsed: [], templateWalks: 0 };
  const parser = countingParser(framework === 'vue' ? vueParser : svelteParser, calls);
  const messages = new Linter({ configType: 'flat', cwd: folder.path }).verify(
    code,
    {
      files: [`**/*.${framework}`],
      languageOptions: { parser, parserOptions: { parser: tsParser, sourceType: 'module' } },
      plugins: { sse: { rules: { 'no-eventsource-per-item': rule } } as unknown as ESLint.Plugin },
      rules: { 'sse/no-eventsource-per-item': 'error' },
    },
    { filename: path.join(folder.path, filename) },
  );
  return { messages: messages.map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`), ...calls };
}

const write = folder.write;

const FORMAT = "export const formatStatus = (status: string) => status.replace(/_/g, ' ');\n";
const QUIET_COMPOSABLE = `import { ref } from 'vue';
export function useStatus(initial: string) {
  return ref(initial);
}
`;
const STREAMING_COMPOSABLE = `import { onUnmounted, ref } from 'vue';
export function useStatus(id: string) {
  const status = ref('');
  const source = new EventSource('/jobs/' + id);
  source.onmessage = (event) => (status.value = event.data);
  onUnmounted(() => source.close());
  return status;
}
`;
/** A row that imports a helper and a composable by relative paths and opens no stream of its own. */
const ROW = `<script setup lang="ts">
import { formatStatus } from './format';
import { useStatus } from './useStatus';
const props = defineProps<{ id: string }>();
const status = useStatus(props.id);
</script>
<template><li>{{ id }}: {{ formatStatus(status) }}</li></template>
`;
const LIST = `<script setup lang="ts">
import Row from './Row.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><Row v-for="id in ids" :key="id" :id="id" /></ul></template>
`;

describe('Vue: before any template walk or parse', () => {
  it('walks no template of a file whose v-for repeats only elements, and that imports no .vue file and names no stream', () => {
    const form = `<script setup lang="ts">
import { ref } from 'vue';
import { formatStatus } from './format';
const roles = ['owner', 'viewer'];
const role = ref(roles[0]);
</script>
<template><select v-model="role"><option v-for="r in roles" :key="r">{{ formatStatus(r) }}</option></select></template>
`;
    write('format.ts', FORMAT);
    expect(lint('vue', form, 'Form.vue')).toEqual({ messages: [], parsed: ['Form.vue'], templateWalks: 0 });
  });

  it('neither walks the template nor parses an imported component whose text and whose composable name no stream', () => {
    write('format.ts', FORMAT);
    write('useStatus.ts', QUIET_COMPOSABLE);
    write('Row.vue', ROW);
    // Row.vue and useStatus.ts are read, not parsed: nothing in them can open a stream.
    expect(lint('vue', LIST, 'List.vue')).toEqual({ messages: [], parsed: ['List.vue'], templateWalks: 0 });
  });

  it('walks the template when one of several imported components can open a stream, and reports only that one', () => {
    write('format.ts', FORMAT);
    write('useStatus.ts', STREAMING_COMPOSABLE);
    write('Row.vue', ROW);
    write('Badge.vue', '<script setup lang="ts">defineProps<{ id: string }>();</script>\n<template><b>{{ id }}</b></template>\n');
    const list = `<script setup lang="ts">
import Badge from './Badge.vue';
import Row from './Row.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><template v-for="id in ids" :key="id"><Badge :id="id" /><Row :id="id" /></template></ul></template>
`;
    expect(lint('vue', list, 'List.vue')).toEqual({
      messages: ['6:71 renderedPerItemAcrossFiles'],
      parsed: ['List.vue', 'Row.vue', 'useStatus.ts'],
      templateWalks: 1,
    });
  });

  it('reads an imported component again once it changes on disk (an editor session), not before', () => {
    write('format.ts', FORMAT);
    write('useStatus.ts', QUIET_COMPOSABLE);
    write('Row.vue', ROW);
    const rowFile = path.join(folder.path, 'Row.vue');
    utimesSync(rowFile, 1_000, 1_000);
    expect(lint('vue', LIST, 'List.vue')).toMatchObject({ messages: [], templateWalks: 0 });
    const streamingRow = ROW.replace('const status = useStatus(props.id);', "const status = new EventSource('/jobs/' + props.id);");
    // Same modification time: the answer cached for this path stands.
    write('Row.vue', streamingRow);
    utimesSync(rowFile, 1_000, 1_000);
    expect(lint('vue', LIST, 'List.vue')).toMatchObject({ messages: [], templateWalks: 0 });
    utimesSync(rowFile, 2_000, 2_000);
    expect(lint('vue', LIST, 'List.vue')).toEqual({
      messages: ['5:15 renderedPerItemAcrossFiles'],
      parsed: ['List.vue', 'Row.vue'],
      templateWalks: 1,
    });
  });

  it('does not take a row that imports another composable from @vueuse/core for one that may open a stream', () => {
    // VueUse's module opens a stream only through useEventSource, whose name the text test finds.
    write('Row.vue', `<script setup lang="ts">
import { useStorage } from '@vueuse/core';
const props = defineProps<{ id: string }>();
const pinned = useStorage('pinned-' + props.id, false);
</script>
<template><li>{{ id }} {{ pinned }}</li></template>
`);
    expect(lint('vue', LIST, 'List.vue')).toEqual({ messages: [], parsed: ['List.vue'], templateWalks: 0 });
  });

  it('walks no template, and throws nothing, when the imported component file does not exist', () => {
    expect(lint('vue', LIST, 'List.vue')).toEqual({ messages: [], parsed: ['List.vue'], templateWalks: 0 });
  });

  it('parses it, and reports the row, when the composable it imports opens a stream per call', () => {
    write('format.ts', FORMAT);
    write('useStatus.ts', STREAMING_COMPOSABLE);
    write('Row.vue', ROW);
    expect(lint('vue', LIST, 'List.vue')).toEqual({
      messages: ['5:15 renderedPerItemAcrossFiles'],
      parsed: ['List.vue', 'Row.vue', 'useStatus.ts'],
      templateWalks: 1,
    });
  });

  it('walks the template of a file that imports no .vue file when it opens a stream itself (it may render itself)', () => {
    const tree = `<script setup lang="ts">
const props = defineProps<{ node: { id: string; children: { id: string }[] } }>();
const source = new EventSource('/nodes/' + props.node.id);
</script>
<template><li>{{ node.id }}<ul><TreeNode v-for="child in node.children" :key="child.id" :node="child" /></ul></li></template>
`;
    expect(lint('vue', tree, 'TreeNode.vue')).toEqual({ messages: ['5:32 renderedPerItem'], parsed: ['TreeNode.vue'], templateWalks: 1 });
  });

  it('walks no template of a file that opens a stream but renders no tag of its own name', () => {
    const log = `<script setup lang="ts">
import { ref } from 'vue';
const lines = ref<string[]>([]);
const source = new EventSource('/log');
source.onmessage = (event) => lines.value.push(event.data);
</script>
<template><ul><li v-for="line in lines" :key="line">{{ line }}</li></ul></template>
`;
    expect(lint('vue', log, 'LogView.vue')).toEqual({ messages: [], parsed: ['LogView.vue'], templateWalks: 0 });
  });

  it('walks the template of a file that renders itself by its kebab-case name', () => {
    const tree = `<script setup lang="ts">
const props = defineProps<{ node: { id: string; children: { id: string }[] } }>();
const source = new EventSource('/nodes/' + props.node.id);
</script>
<template><li><tree-node v-for="child in node.children" :key="child.id" :node="child" /></li></template>
`;
    expect(lint('vue', tree, 'TreeNode.vue')).toEqual({ messages: ['5:15 renderedPerItem'], parsed: ['TreeNode.vue'], templateWalks: 1 });
  });

  it('walks the template of a file that renders itself when only its relative composable names the stream', () => {
    write('useStatus.ts', STREAMING_COMPOSABLE);
    const tree = `<script setup lang="ts">
import { useStatus } from './useStatus';
const props = defineProps<{ node: { id: string; children: { id: string }[] } }>();
const status = useStatus(props.node.id);
</script>
<template><li>{{ status }}<ul><TreeNode v-for="child in node.children" :key="child.id" :node="child" /></ul></li></template>
`;
    const result = lint('vue', tree, 'TreeNode.vue');
    expect(result.templateWalks).toBe(1);
    expect(result.messages).toEqual(['6:31 renderedPerItem']);
  });
});

describe('Svelte: before any parse of an imported component', () => {
  const SVELTE_ROW = `<script lang="ts">
  import { formatStatus } from './format';
  import { useStatus } from './useStatus';
  let { id }: { id: string } = $props();
  const status = useStatus(id);
</script>
<li>{id}: {formatStatus(status.value)}</li>
`;
  const SVELTE_LIST = `<script lang="ts">
  import Row from './Row.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
<ul>{#each ids as id (id)}<Row {id} />{/each}</ul>
`;

  it('does not parse an imported component whose text and whose composable name no stream', () => {
    write('format.ts', FORMAT);
    write('useStatus.ts', QUIET_COMPOSABLE);
    write('Row.svelte', SVELTE_ROW);
    expect(lint('svelte', SVELTE_LIST, 'List.svelte')).toMatchObject({ messages: [], parsed: ['List.svelte'] });
  });

  it('parses it, and reports the row, when its own text opens a stream', () => {
    write('format.ts', FORMAT);
    write(
      'Row.svelte',
      `<script lang="ts">
  import { formatStatus } from './format';
  let { id }: { id: string } = $props();
  let status = $state('');
  $effect(() => {
    const source = new EventSource('/jobs/' + id);
    source.onmessage = (event) => (status = event.data);
    return () => source.close();
  });
</script>
<li>{id}: {formatStatus(status)}</li>
`,
    );
    expect(lint('svelte', SVELTE_LIST, 'List.svelte')).toMatchObject({
      messages: ['5:27 renderedPerItemAcrossFiles'],
      parsed: ['List.svelte', 'Row.svelte'],
    });
  });
});
