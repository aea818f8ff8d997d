/**
 * require-eventsource-close in Svelte components parsed by svelte-eslint-parser (Svelte 4 and
 * 5): what the instance script or `onMount` opens must be closed in `onDestroy` or in the
 * cleanup that `onMount` or `$effect` returns.
 */
import rule from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';
import { svelte } from './svelte-language.js';

const ES = '`EventSource`';
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
  ],
});
