/**
 * The Vue set-up the README shows, as a user has it: a project with an `eslint.config.js`
 * that spreads eslint-plugin-vue's `flat/recommended` and adds `sse.configs.vue`, linted with
 * ESLint's Node API. The project's `node_modules` is this repository's (a symlink), where
 * `eslint-plugin-sse` is the built package: run `npm run build` first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const project = mkdtempSync(path.join(tmpdir(), 'sse-vue-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

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
    if (!existsSync(path.join(repository, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first.');
    symlinkSync(path.join(repository, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    writeFileSync(path.join(project, 'eslint.config.js'), CONFIG);
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
    mkdirSync(path.join(project, 'src'));
    writeFileSync(
      path.join(project, 'src/JobRow.vue'),
      `<script setup>
const props = defineProps({ id: { type: String, required: true } });
const source = new EventSource('/jobs/' + props.id);
</script>

<template>
  <li>{{ id }}</li>
</template>
`,
    );
    writeFileSync(
      path.join(project, 'src/JobList.vue'),
      `<script setup>
import JobRow from './JobRow.vue';
defineProps({ ids: { type: Array, required: true } });
</script>

<template>
  <ul>
    <JobRow v-for="id in ids" :id="id" :key="id" />
  </ul>
</template>
`,
    );

    const results = await new ESLint({ cwd: project }).lintFiles(['src']);
    const messages = results
      .flatMap((result) => result.messages.map((message) => ({ file: path.basename(result.filePath), ...message })))
      .filter((message) => message.ruleId?.startsWith('sse/'))
      .map(({ file, ruleId, messageId, line, column }) => ({ file, ruleId, messageId, line, column }));
    expect(messages).toEqual([
      { file: 'JobList.vue', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItemAcrossFiles', line: 8, column: 5 },
      { file: 'JobRow.vue', ruleId: 'sse/require-eventsource-close', messageId: 'notClosedOnUnmount', line: 3, column: 16 },
    ]);
    // eslint-plugin-vue's own rules ran on the same files: the plugin sits beside them, not instead.
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
  });
});
