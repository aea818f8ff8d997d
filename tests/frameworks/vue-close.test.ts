/**
 * require-eventsource-close in Vue single-file components parsed by vue-eslint-parser, with
 * typescript-eslint's parser for the scripts: what `<script setup>`, `setup()`, `onMounted`
 * and the Options API open must be closed when the component unmounts.
 */
import rule from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';
import { vue, vueLanguageOptions } from './vue-language.js';
import { ES } from '../support/rule-messages.js';

const VUE_OPTION_WHERE = 'in `beforeUnmount` (`beforeDestroy` in Vue 2)';
const SETUP_WHERE = 'in an `onBeforeUnmount` (or `onUnmounted`) callback of the same setup';

ruleTester.run('require-eventsource-close (Vue)', rule, {
  valid: [
    // Closed in onUnmounted, from <script setup>.
    vue(`<script setup lang="ts">
import { onUnmounted } from 'vue';
const es = new EventSource('/feed');
onUnmounted(() => es.close());
</script>
<template><div/></template>`),
    // Closed in onBeforeUnmount, the stream kept in a ref.
    vue(`<script setup lang="ts">
import { onBeforeUnmount, ref } from 'vue';
const source = ref<EventSource | null>(new EventSource('/feed'));
onBeforeUnmount(() => source.value?.close());
</script>`),
    // Opened in onMounted, closed in onUnmounted of the same <script setup>.
    vue(`<script setup lang="ts">
import { onMounted, onUnmounted } from 'vue';
let es: EventSource | undefined;
onMounted(() => { es = new EventSource('/feed'); });
onUnmounted(() => { es?.close(); });
</script>`),
    // A plain <script> runs once per page, not per instance: a module-level stream is shared.
    vue(`<script lang="ts">
export const feed = new EventSource('/feed');
</script>
<template><div/></template>`),
    // setup() of the options object, closed in its onUnmounted.
    vue(`<script lang="ts">
import { defineComponent, onUnmounted } from 'vue';
export default defineComponent({
  setup() {
    const es = new EventSource('/feed');
    onUnmounted(() => es.close());
    return {};
  },
});
</script>`),
    // Options API: opened in mounted, closed in beforeUnmount.
    vue(`<script>
export default {
  mounted() { this.es = new EventSource('/feed'); },
  beforeUnmount() { this.es.close(); },
};
</script>`),
    // Vue 2: opened in created, closed in beforeDestroy.
    vue(`<script>
export default {
  created() { this.es = new EventSource('/feed'); },
  beforeDestroy() { this.es.close(); },
};
</script>`),
    // Vue 2: closed in destroyed.
    vue(`<script>
export default {
  mounted() { this.source = new EventSource('/feed'); },
  destroyed() { this.source.close(); },
};
</script>`),
    // Options API unmounted.
    vue(`<script>
export default {
  mounted() { this.es = new EventSource('/feed'); },
  unmounted() { this.es.close(); },
};
</script>`),
    // Closed through a method that beforeUnmount calls.
    vue(`<script>
export default {
  mounted() { this.connect(); },
  beforeUnmount() { this.disconnect(); },
  methods: {
    connect() { this.es = new EventSource('/feed'); },
    disconnect() { this.es?.close(); },
  },
};
</script>`),
    // Closed in onScopeDispose (a composable-friendly teardown).
    vue(`<script setup lang="ts">
import { onScopeDispose } from 'vue';
const es = new EventSource('/feed');
onScopeDispose(() => es.close());
</script>`),
    // A local connect() called by <script setup>, closed in onUnmounted.
    vue(`<script setup lang="ts">
import { onUnmounted } from 'vue';
let es: EventSource | null = null;
function connect() { es = new EventSource('/feed'); }
connect();
onUnmounted(() => es?.close());
</script>`),
    // Opened by a click handler, not at mount: this rule leaves it to the user's handler.
    vue(`<script setup lang="ts">
function start() { const es = new EventSource('/once'); es.onmessage = () => es.close(); }
</script>
<template><button @click="start">Go</button></template>`),
    // Handed to a cleanup function declared in the same setup.
    vue(`<script setup lang="ts">
import { onBeforeUnmount } from 'vue';
const es = new EventSource('/feed');
function stop() { es.close(); }
onBeforeUnmount(stop);
</script>`),
    // Empty template, no script: nothing to read.
    vue(`<template></template>`),
    // A pug template is not read by these rules; the script's stream is closed.
    vue(`<template lang="pug">
div(v-for="row in rows")
</template>
<script setup lang="ts">
import { onUnmounted } from 'vue';
const es = new EventSource('/feed');
onUnmounted(() => es.close());
</script>`),
    // A stream closed in onUnmounted of a <script setup> written after the template.
    vue(`<template><p>{{ last }}</p></template>
<script setup lang="ts">
import { onUnmounted, ref } from 'vue';
const last = ref('');
const es = new EventSource('/ticks');
es.onmessage = (event) => { last.value = event.data; };
onUnmounted(() => es.close());
</script>`),
    // Both scripts: module-level in <script>, per instance closed in <script setup>.
    vue(`<script lang="ts">
export const shared = new EventSource('/shared');
</script>
<script setup lang="ts">
import { onUnmounted } from 'vue';
const mine = new EventSource('/mine');
onUnmounted(() => mine.close());
</script>`),
    // A Pinia setup store is not a component: what it opens lives as long as the page.
    vue(`<script lang="ts">
import { defineStore } from 'pinia';
export const useFeed = defineStore('feed', () => {
  const es = new EventSource('/feed');
  return { es };
});
</script>`),
    // In a plain JavaScript <script setup>.
    {
      code: `<script setup>
import { onUnmounted } from 'vue';
const es = new EventSource('/feed');
onUnmounted(() => es.close());
</script>`,
      filename: 'Plain.vue',
      languageOptions: { ...vueLanguageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
    },
    // Closed in onUnmounted through a returned helper of a composable-like local.
    vue(`<script setup lang="ts">
import { onUnmounted } from 'vue';
const sources: EventSource[] = [];
sources.push(new EventSource('/a'));
onUnmounted(() => sources.forEach((s) => s.close()));
</script>`),
    // onMounted + onBeforeUnmount with the stream in a ref.
    vue(`<script setup lang="ts">
import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
const es = shallowRef<EventSource>();
onMounted(() => { es.value = new EventSource('/feed'); });
onBeforeUnmount(() => es.value?.close());
</script>`),
    // TODO (known false negative): a stream handed to `shallowRef()` escapes into a call the rule
    // does not follow, so it is not reported although nothing closes it.
    vue(`<script setup lang="ts">
import { shallowRef } from 'vue';
const es = shallowRef(new EventSource('/feed'));
</script>`),
    // A weird but valid shape: a template with only a comment, and a script with no stream.
    vue(`<template><!-- nothing --></template><script setup lang="ts">const x = 1;</script>`),
    // Vue 2 `this.$once('hook:beforeDestroy')`.
    vue(`<script>
export default {
  mounted() {
    const es = new EventSource('/feed');
    this.$once('hook:beforeDestroy', () => es.close());
  },
};
</script>`),
    // A class-style component closing in beforeDestroy.
    vue(`<script lang="ts">
import Vue from 'vue';
export default class Feed extends Vue {
  es: EventSource | null = null;
  mounted() { this.es = new EventSource('/feed'); }
  beforeDestroy() { this.es?.close(); }
}
</script>`),
  ],
  invalid: [
    {
      ...vue(`<script setup lang="ts">
const es = new EventSource('/feed');
es.onmessage = (e) => console.log(e.data);
</script>
<template><div/></template>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 2, column: 12, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },

    // onMounted without any teardown.
    {
      ...vue(`<script setup lang="ts">
import { onMounted } from 'vue';
let es: EventSource;
onMounted(() => { es = new EventSource('/feed'); });
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: { stream: ES, lifecycle: 'this `onMounted` callback', where: SETUP_WHERE, example: '' } }],
    },
    // onUnmounted that closes something else.
    {
      ...vue(`<script setup lang="ts">
import { onUnmounted } from 'vue';
const es = new EventSource('/feed');
const timer = setInterval(() => {}, 1000);
onUnmounted(() => clearInterval(timer));
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // setup() of defineComponent without onUnmounted.
    {
      ...vue(`<script lang="ts">
import { defineComponent } from 'vue';
export default defineComponent({
  setup() {
    const es = new EventSource('/feed');
    es.onmessage = () => {};
    return {};
  },
});
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: { stream: ES, lifecycle: '`setup()`', where: SETUP_WHERE, example: '' } }],
    },
    // setup() of a default-exported options object in a .vue file.
    {
      ...vue(`<script>
export default {
  setup() {
    const source = new EventSource('/feed');
    source.onmessage = () => {};
  },
};
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: { stream: ES, lifecycle: '`setup()`', where: SETUP_WHERE, example: '' } }],
    },
    // Options API mounted without beforeUnmount.
    {
      ...vue(`<script>
export default {
  mounted() { this.es = new EventSource('/feed'); },
};
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: { stream: ES, lifecycle: '`mounted`', where: VUE_OPTION_WHERE, example: '' } }],
    },
    // Vue 2 created with a destroyed that does not close it.
    {
      ...vue(`<script>
export default {
  created() { this.es = new EventSource('/feed'); },
  destroyed() { this.es = null; },
};
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: { stream: ES, lifecycle: '`created`', where: VUE_OPTION_WHERE, example: '' } }],
    },
    // A local connect() called from <script setup>, never closed.
    {
      ...vue(`<script setup lang="ts">
let es: EventSource | null = null;
function connect() { es = new EventSource('/feed'); }
connect();
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 3, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // Template before the script; the stream updates a ref and is never closed.
    {
      ...vue(`<template><p>{{ last }}</p></template>
<script setup lang="ts">
import { ref } from 'vue';
const last = ref('');
const es = new EventSource('/ticks');
es.onmessage = (event) => { last.value = event.data; };
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // Two streams, one closed: the other is reported.
    {
      ...vue(`<script setup lang="ts">
import { onUnmounted } from 'vue';
const a = new EventSource('/a');
const b = new EventSource('/b');
onUnmounted(() => a.close());
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // A pug template does not hide the script's unclosed stream.
    {
      ...vue(`<template lang="pug">
div {{ last }}
</template>
<script setup lang="ts">
const es = new EventSource('/feed');
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // Plain JavaScript <script setup>.
    {
      code: `<script setup>
const es = new EventSource('/feed');
</script>`,
      filename: 'Plain.vue',
      languageOptions: { ...vueLanguageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
      errors: [{ messageId: 'notClosedOnUnmount', line: 2, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
    // Class component mounted without teardown.
    {
      ...vue(`<script lang="ts">
import Vue from 'vue';
export default class Feed extends Vue {
  es: EventSource | null = null;
  mounted() { this.es = new EventSource('/feed'); }
}
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: { stream: ES, lifecycle: '`mounted`', where: VUE_OPTION_WHERE, example: '' } }],
    },
    // onBeforeMount is a mount too.
    {
      ...vue(`<script setup lang="ts">
import { onBeforeMount } from 'vue';
let es: EventSource;
onBeforeMount(() => { es = new EventSource('/feed'); });
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, data: { stream: ES, lifecycle: 'this `onBeforeMount` callback', where: SETUP_WHERE, example: '' } }],
    },
    // Both scripts: the module-level one is shared, the per-instance one is not closed.
    {
      ...vue(`<script lang="ts">
export const shared = new EventSource('/shared');
</script>
<script setup lang="ts">
const mine = new EventSource('/mine');
</script>`),
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, data: { stream: ES, lifecycle: '`<script setup>`', where: SETUP_WHERE, example: '' } }],
    },
  ],
});
