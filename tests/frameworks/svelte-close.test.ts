/**
 * require-eventsource-close in Svelte components parsed by svelte-eslint-parser (Svelte 4 and
 * 5): what the instance script or `onMount` opens must be closed in `onDestroy` or in the
 * cleanup that `onMount` or `$effect` returns.
 */
import rule from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';
import { svelte } from './svelte-language.js';
import { ES } from '../support/rule-messages.js';

const SCRIPT_WHERE = 'in `onDestroy`, or in the cleanup that an `onMount` or `$effect` callback returns';
const ON_MOUNT_WHERE = 'in a cleanup function that the `onMount` callback returns, or in `onDestroy`';
const EFFECT_WHERE = 'in a cleanup function that the callback returns';
const script = (lifecycle = 'the component script') => ({ stream: ES, lifecycle, where: SCRIPT_WHERE, example: '' });

ruleTester.run('require-eventsource-close (Svelte)', rule, {
  valid: [
    // Svelte 4: opened in the script, closed in onDestroy.
    svelte(`<script>
  import { onDestroy } from 'svelte';
  const source = new EventSource('/feed');
  onDestroy(() => source.close());
</script>`),
    // onMount returning its cleanup.
    svelte(`<script>
  import { onMount } from 'svelte';
  let last = '';
  onMount(() => {
    const source = new EventSource('/feed');
    source.onmessage = (event) => { last = event.data; };
    return () => source.close();
  });
</script>
<p>{last}</p>`),
    // Svelte 5: $effect returning its cleanup.
    svelte(`<script lang="ts">
  let { id } = $props();
  let last = $state('');
  $effect(() => {
    const source = new EventSource('/jobs/' + id);
    source.onmessage = (event) => { last = event.data; };
    return () => source.close();
  });
</script>
<p>{last}</p>`),
    // The module script runs once per page: a shared stream.
    svelte(`<script context="module">
  export const feed = new EventSource('/feed');
</script>`),
    // Svelte 5's <script module>.
    svelte(`<script module>
  export const feed = new EventSource('/feed');
</script>`),
    // Opened in onMount, kept in a script variable, closed in onDestroy.
    svelte(`<script>
  import { onDestroy, onMount } from 'svelte';
  let source;
  onMount(() => { source = new EventSource('/feed'); });
  onDestroy(() => source?.close());
</script>`),
    // Opened in the script, closed by the cleanup onMount returns.
    svelte(`<script>
  import { onMount } from 'svelte';
  const source = new EventSource('/feed');
  onMount(() => () => source.close());
</script>`),
    // Opened by a button, closed when it ends: not a mount.
    svelte(`<script>
  function follow() {
    const source = new EventSource('/once');
    source.addEventListener('end', () => source.close());
  }
</script>
<button on:click={follow}>Follow</button>`),
    // Derived from KK92-Inc/KKApp (App.Frontend/src/routes/(app)/events/+page.svelte): opened
    // in onMount, closed by the cleanup it returns (closing on error too does not matter).
    svelte(`<script lang="ts">
  import { onMount } from 'svelte';
  let messages = $state<string[]>([]);
  let es: EventSource;
  onMount(() => {
    es = new EventSource('/events');
    es.onmessage = (event) => { messages = [...messages, event.data]; };
    return () => { if (es) es.close(); };
  });
</script>
{#each messages as message}<p>{message}</p>{/each}`),
    // $effect.pre returning its cleanup.
    svelte(`<script lang="ts">
  let { topic } = $props();
  $effect.pre(() => {
    const source = new EventSource('/topics/' + topic);
    return () => source.close();
  });
</script>`),
    // Kept in $state, closed in onDestroy.
    svelte(`<script lang="ts">
  import { onDestroy } from 'svelte';
  let source = $state<EventSource | null>(null);
  source = new EventSource('/feed');
  onDestroy(() => source?.close());
</script>`),
    // A local connect() called by the script, closed in onDestroy.
    svelte(`<script>
  import { onDestroy } from 'svelte';
  let source;
  function connect() { source = new EventSource('/feed'); }
  connect();
  onDestroy(() => source?.close());
</script>`),
    // A readable store in a plain module: the store's stop function closes it (not a component).
    {
      code: `import { readable } from 'svelte/store';
export const ticks = readable('', (set) => {
  const source = new EventSource('/ticks');
  source.onmessage = (event) => set(event.data);
  return () => source.close();
});`,
      filename: 'ticks.ts',
    },
    // Svelte 5 <script module> plus an instance script that closes its own stream.
    svelte(`<script module>
  export const shared = new EventSource('/shared');
</script>
<script>
  import { onDestroy } from 'svelte';
  const mine = new EventSource('/mine');
  onDestroy(() => mine.close());
</script>`),
    // A closing function handed to onDestroy by name.
    svelte(`<script>
  import { onDestroy } from 'svelte';
  const source = new EventSource('/feed');
  function stop() { source.close(); }
  onDestroy(stop);
</script>`),
    // Markup with an {#await}, and a script without streams.
    svelte(`<script>
  let promise = Promise.resolve(1);
</script>
{#await promise}<p>…</p>{:then value}<p>{value}</p>{/await}`),
    // Markup only.
    svelte(`<p>Hello</p>`),
    // An empty file.
    svelte(``),
  ],
  invalid: [
    {
      ...svelte(`<script>
  let last = '';
  const source = new EventSource('/feed');
  source.onmessage = (event) => { last = event.data; };
</script>
<p>{last}</p>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, column: 18, data: script() }],
    },
    // onMount without a returned cleanup.
    {
      ...svelte(`<script>
  import { onMount } from 'svelte';
  let source;
  onMount(() => { source = new EventSource('/feed'); });
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: { stream: ES, lifecycle: 'this `onMount` callback', where: ON_MOUNT_WHERE, example: ' (`return () => source.close();`)' } }],
    },
    // $effect without a cleanup.
    {
      ...svelte(`<script lang="ts">
  let { id } = $props();
  $effect(() => {
    const source = new EventSource('/jobs/' + id);
    source.onmessage = () => {};
  });
</script>`),
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          data: { stream: ES, lifecycle: 'this `$effect` callback', where: EFFECT_WHERE, example: ' (`return () => source.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => source.close();' },
              output: `<script lang="ts">
  let { id } = $props();
  $effect(() => {
    const source = new EventSource('/jobs/' + id);
    source.onmessage = () => {};
    return () => source.close();
  });
</script>`,
            },
          ],
        },
      ],
    },
    // onDestroy that closes something else.
    {
      ...svelte(`<script>
  import { onDestroy } from 'svelte';
  const source = new EventSource('/feed');
  const timer = setInterval(() => {}, 1000);
  onDestroy(() => clearInterval(timer));
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: script() }],
    },
    // Module script shared, instance script not closed.
    {
      ...svelte(`<script context="module">
  export const shared = new EventSource('/shared');
</script>
<script>
  const mine = new EventSource('/mine');
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: script() }],
    },
    // Derived from ragavpr/eg-sveltekit (src/routes/+page.svelte): opened in the component
    // script behind a browser check, never closed, so each visit of the page adds a connection.
    {
      ...svelte(`<script lang="ts">
  import { browser } from '$app/environment';
  import { writable } from 'svelte/store';
  const messages = writable<string[]>([]);
  if (browser) {
    const source = new EventSource('/sse-source');
    source.onmessage = (event) => messages.update((all) => [...all, event.data]);
  }
</script>
{#each $messages as message}<p>{message}</p>{/each}`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 6, data: script() }],
    },
    // Kept in $state and never closed.
    {
      ...svelte(`<script lang="ts">
  let source = $state<EventSource | null>(null);
  source = new EventSource('/feed');
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: script() }],
    },
    // A local connect() called by the script, never closed.
    {
      ...svelte(`<script>
  let source;
  function connect() { source = new EventSource('/feed'); }
  connect();
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: script() }],
    },
    // Two streams, one closed in onDestroy.
    {
      ...svelte(`<script>
  import { onDestroy } from 'svelte';
  const a = new EventSource('/a');
  const b = new EventSource('/b');
  onDestroy(() => a.close());
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: script() }],
    },
    // The script after the markup.
    {
      ...svelte(`<p>{last}</p>
<script>
  let last = '';
  const source = new EventSource('/ticks');
  source.onmessage = (event) => { last = event.data; };
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: script() }],
    },
    // Svelte 5 <script module> is shared; the instance script's is not closed.
    {
      ...svelte(`<script module>
  export const shared = new EventSource('/shared');
</script>
<script lang="ts">
  const mine = new EventSource('/mine');
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: script() }],
    },
  ],
});
