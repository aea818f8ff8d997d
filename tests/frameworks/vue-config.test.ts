/**
 * The Vue set-up the README shows, as a user has it: a project with an `eslint.config.js`
 * that spreads eslint-plugin-vue's `flat/recommended` and adds `sse.configs.vue`, linted with
 * ESLint's Node API. The project's `node_modules` is this repository's (a symlink), where
 * `eslint-plugin-sse` is the built package: run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { lintConfigProject } from './support/config-project.js';

/** Exactly the README's "Vue" configuration. */
const CONFIG = `import pluginVue from 'eslint-plugin-vue';
import sse from 'eslint-plugin-sse';

export default [
  ...pluginVue.configs['flat/recommended'],
  sse.configs.vue,
];
`;

describe('sse.configs.vue after eslint-plugin-vue flat/recommended', () => {
  it('reports a row that opens a stream, rendered under v-for, and an unclosed <script setup> stream', async () => {
    const JobRow = `<script setup>
const props = defineProps({ id: { type: String, required: true } });
const source = new EventSource('/jobs/' + props.id);
</script>

<template>
  <li>{{ id }}</li>
</template>
`;
    const JobList = `<script setup>
import JobRow from './JobRow.vue';
defineProps({ ids: { type: Array, required: true } });
</script>

<template>
  <ul>
    <JobRow v-for="id in ids" :id="id" :key="id" />
  </ul>
</template>
`;

    const { results, findings } = await lintConfigProject('sse-vue-project-', CONFIG, { 'JobRow.vue': JobRow, 'JobList.vue': JobList });
    expect(findings).toEqual([
      { file: 'JobList.vue', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItemAcrossFiles', line: 8, column: 5 },
      { file: 'JobRow.vue', ruleId: 'sse/require-eventsource-close', messageId: 'notClosedOnUnmount', line: 3, column: 16 },
    ]);
    // eslint-plugin-vue's own rules ran on the same files: the plugin sits beside them, not instead.
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
  });
});
