/**
 * VueUse's `useEventSource` (`@vueuse/core`) in Vue single-file components: one stream per
 * call (so per row under a `v-for`, also through a composable that wraps it), none until
 * `open()` with `immediate: false`, and closed by VueUse itself when the component's scope is
 * disposed. The rows are the fixtures beside this test, in `fixtures/vueuse`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import perItem from '../../rules/no-eventsource-per-item.js';
import requireClose from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';
import { vue } from './vue-language.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'vueuse');
const USE_EVENT_SOURCE = '`useEventSource` from `@vueuse/core`';
/** Linted as a file beside the fixtures, so that `./JobStreamRow.vue` resolves. */
const list = (code: string, name = 'JobList.vue') => vue(code, path.join(FIXTURES, name));
/** How messages name a fixture: relative to ESLint's working directory, which the rule tester leaves at the root. */
const fixture = (name: string) => path.relative(path.parse(FIXTURES).root, path.join(FIXTURES, name)).split(path.sep).join('/');

ruleTester.run('no-eventsource-per-item (VueUse useEventSource)', perItem, {
  valid: [
    // VueUse useEventSource, called once by the list: the rows get the data as props.
    list(`<script setup lang="ts">
import { useEventSource } from '@vueuse/core';
import InjectedFeedRow from './InjectedFeedRow.vue';
const { data } = useEventSource('/jobs/events');
defineProps<{ ids: string[] }>();
</script>
<template><ul><InjectedFeedRow v-for="id in ids" :key="id" :id="id" :data="data" /></ul></template>`),
    // VueUse useEventSource in the app-level provider: the rows inject its data and open nothing.
    list(
      `<script setup lang="ts">
import { provide } from 'vue';
import { useEventSource } from '@vueuse/core';
import InjectedFeedRow from './InjectedFeedRow.vue';
const { data } = useEventSource('/api/events');
provide('feed', data);
defineProps<{ ids: string[] }>();
</script>
<template><InjectedFeedRow v-for="id in ids" :key="id" :id="id" /></template>`,
      'App.vue',
    ),
    // VueUse useEventSource with `immediate: false`: a row connects only when clicked, not when it mounts.
    list(`<script setup lang="ts">
import LazyJobRow from './LazyJobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><LazyJobRow v-for="id in ids" :key="id" :id="id" /></ul></template>`),
    // VueUse useEventSource in a Pinia setup store: \`defineStore\` runs the setup once per app,
    // so every row that calls useJobsStore() shares its one stream (reported per row before).
    list(`<script setup lang="ts">
import StoreJobRow from './StoreJobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><StoreJobRow v-for="id in ids" :key="id" :id="id" /></ul></template>`),
  ],
  invalid: [
    // VueUse useEventSource in the row's <script setup>, rendered under v-for: a connection per row.
    {
      ...list(`<script setup lang="ts">
import JobStreamRow from './JobStreamRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><JobStreamRow v-for="id in ids" :key="id" :id="id" /></ul></template>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 5,
          column: 15,
          data: {
            component: 'JobStreamRow',
            file: fixture('JobStreamRow.vue'),
            stream: USE_EVENT_SOURCE,
            opening: `${fixture('JobStreamRow.vue')}:6`,
            route: '',
            repetition: 'a `v-for` over `ids`',
          },
        },
      ],
    },
    // VueUse useEventSource wrapped in a composable (`useJobEvents(id)`) that each row calls.
    {
      ...list(`<script setup lang="ts">
import ComposableJobRow from './ComposableJobRow.vue';
defineProps<{ jobs: { id: string }[] }>();
</script>
<template><div><ComposableJobRow v-for="job in jobs" :key="job.id" :id="job.id" /></div></template>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 5,
          column: 16,
          data: {
            component: 'ComposableJobRow',
            file: fixture('ComposableJobRow.vue'),
            stream: USE_EVENT_SOURCE,
            opening: `${fixture('useJobEvents.ts')}:5`,
            route: ' through `useJobEvents()`',
            repetition: 'a `v-for` over `jobs`',
          },
        },
      ],
    },
  ],
});

ruleTester.run('require-eventsource-close (VueUse useEventSource)', requireClose, {
  valid: [
    // VueUse useEventSource in <script setup>, kept or not: VueUse closes it when the component's scope is disposed.
    vue(`<script setup lang="ts">
import { watch } from 'vue';
import { useEventSource } from '@vueuse/core';
useEventSource('/heartbeat');
const feed = useEventSource('/feed', ['update']);
watch(feed.data, (value) => console.log(value));
</script>
<template><p>{{ feed.status }}</p></template>`),
    // VueUse useEventSource in setup() of the options object.
    vue(`<script lang="ts">
import { defineComponent, watch } from 'vue';
import { useEventSource } from '@vueuse/core';
export default defineComponent({
  setup() {
    const feed = useEventSource('/feed');
    watch(feed.data, (value) => console.log(value));
    return {};
  },
});
</script>`),
    // VueUse useEventSource in a composable of the component, which its <script setup> calls.
    vue(`<script setup lang="ts">
import { watch } from 'vue';
import { useEventSource } from '@vueuse/core';
function useFeed(url: string) {
  const feed = useEventSource(url);
  watch(feed.data, (value) => console.log(value));
}
useFeed('/feed');
</script>`),
  ],
  invalid: [],
});
