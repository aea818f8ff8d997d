/**
 * no-eventsource-per-item in Svelte components: a component rendered inside `{#each}` whose
 * every instance opens a stream, found in the `.svelte` file it is imported from (the
 * fixtures beside this test) or in this very file (`<svelte:self>`, a self-import).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { svelte, svelteLanguageOptions } from './svelte-language.js';
import { ES } from '../support/rule-messages.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'svelte');
/** Linted as a file beside the fixtures, so that `./JobRow.svelte` resolves. */
const list = (code: string, name = 'JobList.svelte') => svelte(code, path.join(FIXTURES, name));
/** How messages name a fixture: relative to ESLint's working directory, which the rule tester leaves at the root. */
const fixture = (name: string) => path.relative(path.parse(FIXTURES).root, path.join(FIXTURES, name)).split(path.sep).join('/');
const across = (component: string, file: string, line: number, over: string) => ({
  component,
  file: fixture(file),
  stream: ES,
  opening: `${fixture(file)}:${line}`,
  route: '',
  repetition: `an \`{#each}\` over \`${over}\``,
});

ruleTester.run('no-eventsource-per-item (Svelte)', rule, {
  valid: [
    // Derived from KK92-Inc/KKApp (App.Frontend/src/routes/(app)/events/+page.svelte): one
    // stream for the page, opened in onMount, its messages rendered by {#each} as markup.
    list(`<script lang="ts">
  import { onMount } from 'svelte';
  let messages = $state<string[]>([]);
  onMount(() => {
    const source = new EventSource('/events');
    source.onmessage = (event) => { messages = [...messages, event.data]; };
    return () => source.close();
  });
</script>
<ul>{#each messages as message, i (i)}<li>{message}</li>{/each}</ul>`),
    // One stream in the parent, each row gets its job as a prop.
    list(`<script lang="ts">
  import PlainRow from './PlainRow.svelte';
  let jobs = $state<{ id: string; status: string }[]>([]);
  $effect(() => {
    const source = new EventSource('/jobs/events');
    source.onmessage = (event) => { jobs = JSON.parse(event.data); };
    return () => source.close();
  });
</script>
{#each jobs as job (job.id)}<PlainRow {job} />{/each}`),
    // A streaming row rendered once.
    list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
</script>
<JobRow id="main" />`),
    // In the {:else} branch, which renders once when the list is empty.
    list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<p>{id}</p>{:else}<JobRow id="placeholder" />{/each}`),
    // Rows that open a stream only on a click.
    list(`<script lang="ts">
  import ClickRow from './ClickRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<ClickRow {id} />{/each}`),
    // A component from a package is not followed.
    list(`<script lang="ts">
  import { Badge } from 'some-ui-kit';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<Badge>{id}</Badge>{/each}`),
    // A missing file.
    list(`<script lang="ts">
  import Missing from './Missing.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<Missing {id} />{/each}`),
    // A file that does not parse.
    list(`<script lang="ts">
  import Broken from './Broken.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<Broken {id} />{/each}`),
    // Markup only.
    list(`<ul>{#each [1, 2, 3] as n}<li>{n}</li>{/each}</ul>`),
    // An empty file.
    list(``),
    // A self-rendering node that opens nothing.
    list(`<script>
  export let node;
</script>
<div>{#each node.children as child}<svelte:self node={child} />{/each}</div>`, 'Folder.svelte'),
    // A module-script stream is once per page, even in a component that renders itself.
    list(`<script context="module">
  export const feed = new EventSource('/feed');
</script>
<script>
  export let node;
</script>
<div>{#each node.children as child}<svelte:self node={child} />{/each}</div>`, 'Shared.svelte'),
    // A plain-JavaScript parent (espree for the script).
    {
      code: `<script>
  import PlainRow from './PlainRow.svelte';
  export let jobs = [];
</script>
{#each jobs as job}<PlainRow {job} />{/each}`,
      filename: path.join(FIXTURES, 'Plain.svelte'),
      languageOptions: { ...svelteLanguageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
    },
    // Rows that call a `.svelte.ts` module's function only in a click handler: no stream at mount.
    list(`<script lang="ts">
  import ClickFeedRow from './ClickFeedRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id (id)}<ClickFeedRow {id} />{/each}`),
    // Rows that call a `.svelte.ts` module's function returning its page-wide stream: one connection.
    list(`<script lang="ts">
  import SharedFeedRow from './SharedFeedRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id (id)}<SharedFeedRow {id} />{/each}`),
    // TODO (known false negative): the row's stream opens in `createJobFeed()` of a plain `.ts`
    // module (`./jobs.store`, jobs.store.ts). The import is followed, but svelte-eslint-parser
    // parses only `.svelte.js`/`.svelte.ts` files as scripts: jobs.store.ts is read as a
    // component's markup and opens nothing. A plain `./jobs` (jobs.ts) is missed the same way.
    list(`<script lang="ts">
  import StoreFeedRow from './StoreFeedRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id (id)}<StoreFeedRow {id} />{/each}`),
  ],
  invalid: [
    // Svelte 5: the row opens its stream in $effect.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
<ul>
  {#each ids as id (id)}
    <JobRow {id} />
  {/each}
</ul>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 7, column: 5, endLine: 7, endColumn: 20, data: across('JobRow', 'JobRow.svelte', 6, 'ids') }],
    },
    // Svelte 4: the row opens its stream in the component script.
    {
      ...list(`<script>
  import LegacyRow from './LegacyRow.svelte';
  export let rows = [];
</script>
{#each rows as row}<LegacyRow id={row.id} />{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 20, data: across('LegacyRow', 'LegacyRow.svelte', 6, 'rows') }],
    },
    // Nested inside markup of the each block.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { groups }: { groups: { id: string }[] } = $props();
</script>
{#each groups as group}<section><h2>{group.id}</h2><JobRow id={group.id} /></section>{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 52, data: across('JobRow', 'JobRow.svelte', 6, 'groups') }],
    },
    // Inside an {#if} inside the each block.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { jobs }: { jobs: { id: string; live: boolean }[] } = $props();
</script>
{#each jobs as job}{#if job.live}<JobRow id={job.id} />{/if}{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 34, data: across('JobRow', 'JobRow.svelte', 6, 'jobs') }],
    },
    // Svelte 4's <svelte:self>: a tree node that opens a stream and renders its children.
    {
      ...list(`<script>
  import { onDestroy } from 'svelte';
  export let node;
  const source = new EventSource('/nodes/' + node.id);
  onDestroy(() => source.close());
</script>
<div>{#each node.children as child}<svelte:self node={child} />{/each}</div>`, 'TreeNode.svelte'),
      errors: [{ messageId: 'renderedPerItem', line: 7, column: 36, data: { component: 'svelte:self', stream: ES, line: 4, repetition: 'an `{#each}` over `node.children`' } }],
    },
    // <svelte:self> whose stream opens in `createJobFeed()` from a `.svelte.ts` module: the
    // text prefilter of the file itself must let a relative import through, not only use* names.
    {
      ...list(`<script>
  import { createJobFeed } from './jobs.svelte';
  export let node;
  const feed = createJobFeed(node.id);
</script>
<div>{#each node.children as child}<svelte:self node={child} />{/each}</div>`, 'FeedTree.svelte'),
      errors: [{ messageId: 'renderedPerItem', line: 6, column: 36, data: { component: 'svelte:self', stream: ES, line: 5, repetition: 'an `{#each}` over `node.children`' } }],
    },
    // Svelte 5: the component imports itself to recurse.
    {
      ...list(`<script lang="ts">
  import Comment from './Comment.svelte';
  let { comment }: { comment: { id: string; replies: { id: string }[] } } = $props();
  $effect(() => {
    const source = new EventSource('/comments/' + comment.id);
    return () => source.close();
  });
</script>
{#each comment.replies as reply (reply.id)}<Comment comment={reply} />{/each}`, 'Comment.svelte'),
      errors: [{ messageId: 'renderedPerItem', line: 9, column: 44, data: { component: 'Comment', stream: ES, line: 5, repetition: 'an `{#each}` over `comment.replies`' } }],
    },
    // Two each blocks of the same row.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { running, queued }: { running: string[]; queued: string[] } = $props();
</script>
{#each running as id}<JobRow {id} />{/each}
{#each queued as id}<JobRow {id} />{/each}`),
      errors: [
        { messageId: 'renderedPerItemAcrossFiles', line: 5, data: across('JobRow', 'JobRow.svelte', 6, 'running') },
        { messageId: 'renderedPerItemAcrossFiles', line: 6, data: across('JobRow', 'JobRow.svelte', 6, 'queued') },
      ],
    },
    // A plain-JavaScript parent.
    {
      code: `<script>
  import JobRow from './JobRow.svelte';
  export let ids = [];
</script>
{#each ids as id}<JobRow {id} />{/each}`,
      filename: path.join(FIXTURES, 'Plain.svelte'),
      languageOptions: { ...svelteLanguageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, data: across('JobRow', 'JobRow.svelte', 6, 'ids') }],
    },
    // Destructuring in the each block.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { jobs }: { jobs: { id: string }[] } = $props();
</script>
{#each jobs as { id }}<JobRow {id} />{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 23, data: across('JobRow', 'JobRow.svelte', 6, 'jobs') }],
    },
    // With an index and a key.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id, index (id)}<JobRow {id} />{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 30, data: across('JobRow', 'JobRow.svelte', 6, 'ids') }],
    },
    // Nested each blocks: the innermost names the repetition.
    {
      ...list(`<script lang="ts">
  import JobRow from './JobRow.svelte';
  let { groups }: { groups: { jobs: string[] }[] } = $props();
</script>
{#each groups as group}{#each group.jobs as id}<JobRow {id} />{/each}{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 48, data: across('JobRow', 'JobRow.svelte', 6, 'group.jobs') }],
    },
    // Imported from the parent directory.
    {
      ...list(`<script lang="ts">
  import JobRow from '../JobRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id}<JobRow {id} />{/each}`, 'pages/Jobs.svelte'),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 18, data: across('JobRow', 'JobRow.svelte', 6, 'ids') }],
    },
    // Inside a {#key} block inside the each block.
    {
      ...list(`<script>
  import LegacyRow from './LegacyRow.svelte';
  export let rows = [];
</script>
{#each rows as row}{#key row.version}<LegacyRow id={row.id} />{/key}{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 38, data: across('LegacyRow', 'LegacyRow.svelte', 6, 'rows') }],
    },
    // A parent that opens its own closed stream too: the rows are still reported.
    {
      ...list(`<script lang="ts">
  import { onDestroy } from 'svelte';
  import JobRow from './JobRow.svelte';
  let { ids }: { ids: string[] } = $props();
  const summary = new EventSource('/jobs/summary');
  onDestroy(() => summary.close());
</script>
{#each ids as id}<JobRow {id} />{/each}`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 8, column: 18, data: across('JobRow', 'JobRow.svelte', 6, 'ids') }],
    },
    // A store opening one stream per id into a map, without looking first (svelte/store's writable).
    {
      code: `import { writable } from 'svelte/store';
const sources = new Map<string, EventSource>();
export function follow(id: string) {
  const status = writable('queued');
  sources.set(id, new EventSource(\`/jobs/\${id}\`));
  return status;
}`,
      filename: 'jobs.ts',
      errors: [{ messageId: 'storedPerKey', line: 5, data: { stream: ES, storage: 'sources.set(id, …)' } }],
    },
    // Svelte 5: the row's stream opens in `createJobFeed()` from a `.svelte.ts` module (the shape
    // Svelte's docs recommend for runes outside components), called in the instance script.
    {
      ...list(`<script lang="ts">
  import FeedRow from './FeedRow.svelte';
  let { ids }: { ids: string[] } = $props();
</script>
{#each ids as id (id)}<FeedRow {id} />{/each}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 5,
          column: 23,
          data: {
            ...across('FeedRow', 'FeedRow.svelte', 5, 'ids'),
            opening: `${fixture('jobs.svelte.ts')}:5`,
            route: ' through `createJobFeed()`',
          },
        },
      ],
    },
  ],
});
