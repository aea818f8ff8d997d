/**
 * The Svelte set-up the README shows, as a user has it: a project with an `eslint.config.js`
 * that spreads eslint-plugin-svelte's `recommended` and adds `sse.configs.svelte`, linted
 * with ESLint's Node API. The project's `node_modules` is this repository's (a symlink), where
 * `eslint-plugin-sse` is the built package: run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { lintConfigProject } from './support/config-project.js';

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
    const JobRow = `<script>
  export let id;
  let status = '';
  const source = new EventSource('/jobs/' + id);
  source.onmessage = (event) => {
    status = event.data;
  };
</script>

<li>{id}: {status}</li>
`;
    const JobList = `<script>
  import JobRow from './JobRow.svelte';
  export let ids = [];
</script>

<ul>
  {#each ids as id (id)}
    <JobRow {id} />
  {/each}
</ul>
`;

    const { findings } = await lintConfigProject('sse-svelte-project-', CONFIG, { 'JobRow.svelte': JobRow, 'JobList.svelte': JobList });
    expect(findings).toEqual([
      { file: 'JobList.svelte', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItemAcrossFiles', line: 8, column: 5 },
      { file: 'JobRow.svelte', ruleId: 'sse/require-eventsource-close', messageId: 'notClosedOnUnmount', line: 4, column: 18 },
    ]);
  });
});
