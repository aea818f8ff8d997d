/**
 * Every rule on odd but parseable single-file components: each file is linted with all the
 * rules, under the framework's parser, and what they report is pinned (nothing where there is
 * no stream), so a rule that throws on a node shape of vue-eslint-parser or svelte-eslint-parser
 * fails here with the rule's stack instead of in a user's editor.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURES = path.dirname(fileURLToPath(import.meta.url));
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`sse/${name}`, 'error' as const]));

function lint(code: string, filename: string): string[] {
  const parser = filename.endsWith('.vue') ? vueParser : svelteParser;
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.vue', '**/*.svelte'],
      languageOptions: { parser, parserOptions: { parser: tsParser, sourceType: 'module' } },
      plugins: { sse: plugin as unknown as ESLint.Plugin },
      rules: allRules,
    },
    { filename: path.join(FIXTURES, 'fixtures', filename) },
  );
  return messages.map((message) => (message.fatal ? `fatal: ${message.message}` : `${message.ruleId}:${message.messageId}@${message.line}`));
}

const VUE: [string, string, string[]][] = [
  ['an empty file', '', []],
  ['an empty template', '<template></template>', []],
  ['a template without a script, with v-for', '<template><p v-for="n in 3" :key="n">{{ n }}</p></template>', []],
  ['a style block only', '<style scoped>p { color: red }</style>', []],
  ['a pug template', '<template lang="pug">\nJobRow(v-for="id in ids")\n</template>', []],
  ['a custom block', '<i18n lang="json">{ "en": { "hi": "Hi" } }</i18n>\n<template><p>hi</p></template>', []],
  ['a generic <script setup>', '<script setup lang="ts" generic="T extends string">\ndefineProps<{ items: T[] }>();\n</script>\n<template><p v-for="item in items" :key="item">{{ item }}</p></template>', []],
  ['v-for over a dynamic component', '<script setup lang="ts">\nimport JobRow from "./vue/JobRow.vue";\n</script>\n<template><component :is="JobRow" v-for="n in 3" :key="n" /></template>', []],
  ['v-for with no expression', '<script setup lang="ts">\nimport JobRow from "./vue/JobRow.vue";\n</script>\n<template><JobRow v-for /></template>', []],
  ['a self-closing unknown kebab tag under v-for', '<template><my-widget v-for="n in 3" :key="n" /></template>', []],
  ['an import of a .vue file that is a directory', '<script setup lang="ts">\nimport Row from "./vue";\n</script>\n<template><Row v-for="n in 3" :key="n" /></template>', []],
  [
    'a stream and a loop in <script setup>',
    '<script setup lang="ts">\nconst ids = ["a", "b"];\nfor (const id of ids) new EventSource("/rows/" + id);\n</script>',
    // Opened per element by setup code that keeps none of them: two rules, two findings.
    ['sse/no-eventsource-in-loop:streamInLoop@3', 'sse/require-eventsource-close:notKeptOnMount@3'],
  ],
];

const SVELTE: [string, string, string[]][] = [
  ['an empty file', '', []],
  ['markup only', '<p>Hello</p>', []],
  ['a style block only', '<style>p { color: red }</style>', []],
  ['an {#each} without a script', '{#each [1, 2] as n}<p>{n}</p>{/each}', []],
  ['snippets and render tags', '{#snippet row(id)}<p>{id}</p>{/snippet}\n{#each ["a"] as id}{@render row(id)}{/each}', []],
  ['svelte:component under {#each}', '<script>\nimport Row from "./svelte/JobRow.svelte";\n</script>\n{#each [1] as n}<svelte:component this={Row} />{/each}', []],
  ['a member-expression component', '<script>\nimport * as UI from "./ui";\n</script>\n{#each [1] as n}<UI.Row />{/each}', []],
  ['svelte:options and svelte:head', '<svelte:options immutable />\n<svelte:head><title>x</title></svelte:head>', []],
  [
    'an {#each} over a streaming row and an unclosed stream',
    '<script>\nimport JobRow from "./svelte/JobRow.svelte";\nconst es = new EventSource("/feed");\n</script>\n{#each [1] as n}<JobRow id={n} />{/each}',
    ['sse/require-eventsource-close:notClosedOnUnmount@3', 'sse/no-eventsource-per-item:renderedPerItemAcrossFiles@5'],
  ],
];

describe('every rule on odd Vue components', () => {
  for (const [name, code, expected] of VUE) {
    it(name, () => expect(lint(code, 'Odd.vue')).toEqual(expected));
  }
});

describe('every rule on odd Svelte components', () => {
  for (const [name, code, expected] of SVELTE) {
    it(name, () => expect(lint(code, 'Odd.svelte')).toEqual(expected));
  }
});
