/**
 * The Svelte set-up the README shows, as a user has it: a project with an `eslint.config.js`
 * that spreads eslint-plugin-svelte's `recommended` and adds `sse.configs.svelte`, linted
 * with ESLint's Node API. The project's `node_modules` is this repository's (a symlink), where
 * `eslint-plugin-sse` is the built package: run `npm run build` first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const project = mkdtempSync(path.join(tmpdir(), 'sse-svelte-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Exactly the README's "Svelte" configuration. */
const CONFIG = `import svelte from 'eslint-plugin-svelte';
import sse from 'eslint-plugin-sse';

export default [
  ...svelte.configs.recommended,
  sse.configs.svelte,
];
`;

describe('sse.configs.svelte after eslint-plugin-svelte recommended', () => {
  it('reports a row that opens a stream, rendered in {#each}, and an unclosed script stream', async () => {
    if (!existsSync(path.join(repository, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first.');
    symlinkSync(path.join(repository, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    writeFileSync(path.join(project, 'eslint.config.js'), CONFIG);
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
    mkdirSync(path.join(project, 'src'));
    writeFileSync(
      path.join(project, 'src/JobRow.svelte'),
      `<script>
  export let id;
  let status = '';
  const source = new EventSource('/jobs/' + id);
  source.onmessage = (event) => {
    status = event.data;
  };
</script>

<li>{id}: {status}</li>
`,
    );
    writeFileSync(
      path.join(project, 'src/JobList.svelte'),
      `<script>
  import JobRow from './JobRow.svelte';
  export let ids = [];
</script>

<ul>
  {#each ids as id (id)}
    <JobRow {id} />
  {/each}
</ul>
`,
    );

    const results = await new ESLint({ cwd: project }).lintFiles(['src']);
    const messages = results
      .flatMap((result) => result.messages.map((message) => ({ file: path.basename(result.filePath), ...message })))
      .filter((message) => message.ruleId?.startsWith('sse/') || message.fatal)
      .map(({ file, ruleId, messageId, line, column }) => ({ file, ruleId, messageId, line, column }));
    expect(messages).toEqual([
      { file: 'JobList.svelte', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItemAcrossFiles', line: 8, column: 5 },
      { file: 'JobRow.svelte', ruleId: 'sse/require-eventsource-close', messageId: 'notClosedOnUnmount', line: 4, column: 18 },
    ]);
  });
});
