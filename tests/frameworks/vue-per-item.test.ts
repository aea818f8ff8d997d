/**
 * no-eventsource-per-item in Vue single-file components: a component rendered under `v-for`
 * whose every instance opens a stream, found in the file it is imported from (the fixtures
 * beside this test), in this very file (a component that renders itself), or in a composable
 * the component calls. The template is reached through vue-eslint-parser's template visitor.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { vue } from './vue-language.js';
import { ES } from '../support/rule-messages.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'vue');
/** Linted as a file beside the fixtures, so that `./JobRow.vue` resolves. */
const list = (code: string, name = 'JobList.vue') => vue(code, path.join(FIXTURES, name));
/** How messages name a fixture: relative to ESLint's working directory, which the rule tester leaves at the root. */
const fixture = (name: string) => path.relative(path.parse(FIXTURES).root, path.join(FIXTURES, name)).split(path.sep).join('/');

ruleTester.run('no-eventsource-per-item (Vue)', rule, {
  valid: [
    // One stream in the parent, whose rows get the data as props: the shape the rule asks for.
    list(`<script setup lang="ts">
import { onUnmounted, reactive } from 'vue';
import PlainRow from './PlainRow.vue';
const jobs = reactive(new Map<string, { id: string; status: string }>());
const source = new EventSource('/jobs/events');
source.onmessage = (event) => { const job = JSON.parse(event.data); jobs.set(job.id, job); };
onUnmounted(() => source.close());
</script>
<template><ul><PlainRow v-for="job in jobs.values()" :key="job.id" :job="job" /></ul></template>`),
    // A row that opens a stream, rendered once (no v-for).
    list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
</script>
<template><JobRow id="main" /></template>`),
    // v-for over native elements only.
    list(`<script setup lang="ts">
const rows = [1, 2, 3];
</script>
<template><ul><li v-for="row in rows" :key="row">{{ row }}</li></ul></template>`),
    // Rows that share the page-wide stream of a composable (a lazy module-level singleton).
    list(`<script setup lang="ts">
import SharedFeedRow from './SharedFeedRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><SharedFeedRow v-for="id in ids" :key="id" /></template>`),
    // Options API rows that keep the stream in a module-level variable of their plain <script>
    // (not <script setup>): stored once for every row, so not a stream per row.
    list(`<script>
import SharedOptionsRow from './SharedOptionsRow.vue';
export default { components: { SharedOptionsRow }, props: ['ids'] };
</script>
<template><SharedOptionsRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Options API rows that keep a stream per key in a module-level Map: one per job id, not one per row.
    list(`<script>
import KeyedOptionsRow from './KeyedOptionsRow.vue';
export default { components: { KeyedOptionsRow }, props: ['ids'] };
</script>
<template><KeyedOptionsRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows calling a composable that opens nothing, though the module opens a stream after it (moreJobStreams.ts).
    list(`<script setup lang="ts">
import TitleRow from './TitleRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><TitleRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // TODO (known false negative): a composable called through an alias (`const openLog = useLogJob`)
    // is not followed, because the text prefilter looks for `useLogJob(`.
    list(`<script setup lang="ts">
import AliasComposableRow from './AliasComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><AliasComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows calling, on a click only, an imported function with `use` inside its name (`reuseJob`): not a
    // composable (`use` + capital starts the name), and not called at mount.
    list(`<script setup lang="ts">
import ReopenRow from './ReopenRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ReopenRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows that open a stream only on a click, not when they mount.
    list(`<script setup lang="ts">
import ClickRow from './ClickRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ClickRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // A component imported from a package, not a file of the project: not followed.
    list(`<script setup lang="ts">
import { RouterLink } from 'vue-router';
defineProps<{ ids: string[] }>();
</script>
<template><RouterLink v-for="id in ids" :key="id" :to="'/jobs/' + id" /></template>`),
    // An imported .vue file that does not exist: skipped, not a crash.
    list(`<script setup lang="ts">
import Missing from './Missing.vue';
defineProps<{ ids: string[] }>();
</script>
<template><Missing v-for="id in ids" :key="id" /></template>`),
    // An imported .vue file that does not parse: skipped, not a crash.
    list(`<script setup lang="ts">
import Broken from './Broken.vue';
defineProps<{ ids: string[] }>();
</script>
<template><Broken v-for="id in ids" :key="id" /></template>`),
    // Empty template.
    list(`<template></template>`),
    // No script at all.
    list(`<template><div v-for="n in 3" :key="n">{{ n }}</div></template>`),
    // A pug template is not read: its v-for cannot be followed.
    list(`<template lang="pug">
JobRow(v-for="id in ids" :id="id")
</template>
<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>`),
    // The recursive component, but this file is another one: TreeNode.vue is not this file.
    list(`<script setup lang="ts">
import PlainRow from './PlainRow.vue';
const job = { id: '1', status: 'ok' };
</script>
<template><PlainRow v-for="n in 3" :key="n" :job="job" /></template>`, 'Tree.vue'),
    // A component that renders itself but opens nothing.
    list(`<script setup lang="ts">
defineProps<{ node: { id: string; children: { id: string }[] } }>();
</script>
<template><div><Folder v-for="child in node.children" :key="child.id" :node="child" /></div></template>`, 'Folder.vue'),
    // A tree node that renders itself and only reads a shared stream passed down as a prop.
    list(`<script setup lang="ts">
defineProps<{ node: { id: string; children: { id: string }[] }; feed: EventSource }>();
</script>
<template><div><Category v-for="child in node.children" :key="child.id" :node="child" :feed="feed" /></div></template>`, 'Category.vue'),
    // A self-rendering node whose stream is opened by a click, not at mount.
    list(`<script setup lang="ts">
const props = defineProps<{ node: { id: string; children: { id: string }[] } }>();
function follow() { const es = new EventSource('/nodes/' + props.node.id); es.addEventListener('end', () => es.close()); }
</script>
<template><div @click="follow"><Branch v-for="child in node.children" :key="child.id" :node="child" /></div></template>`, 'Branch.vue'),
    // Derived from zhujiansamuel/Yamaguchi-platform (dashboard/frontend/src/stores/tasks.js): a
    // Pinia setup store that opens one stream for the page behind a guard.
    {
      code: `import { defineStore } from 'pinia';
export const useTasks = defineStore('tasks', () => {
  let source: EventSource | null = null;
  function start() {
    if (source) return;
    source = new EventSource('/api/tasks/stream');
  }
  return { start };
});`,
      filename: 'tasks.ts',
    },
    // A store that dedupes: one stream per URL, looked up before it opens another, shared by
    // every component that follows the same job. (Keyed by the bare id instead, the rule keeps
    // counting it per key, as docs/rules/no-eventsource-per-item.md explains.)
    {
      code: `import { defineStore } from 'pinia';
export const useJobs = defineStore('jobs', {
  state: () => ({ sources: new Map<string, EventSource>() }),
  actions: {
    follow(id: string) {
      const url = \`/jobs/\${id}\`;
      if (!this.sources.has(url)) this.sources.set(url, new EventSource(url));
      return this.sources.get(url);
    },
  },
});`,
      filename: 'jobs.ts',
    },
    // A parent's own stream in a plain <script>: module level, once per page.
    list(`<script lang="ts">
export const feed = new EventSource('/feed');
</script>
<template><ul><li v-for="n in 3" :key="n">{{ n }}</li></ul></template>`),
    // A component registered in the Options API whose file opens nothing.
    list(`<script>
import PlainRow from './PlainRow.vue';
export default { components: { PlainRow }, props: ['jobs'] };
</script>
<template><PlainRow v-for="job in jobs" :key="job.id" :job="job" /></template>`),
    // kebab-case of a row that opens nothing.
    list(`<script setup lang="ts">
import PlainRow from './PlainRow.vue';
defineProps<{ jobs: { id: string; status: string }[] }>();
</script>
<template><plain-row v-for="job in jobs" :key="job.id" :job="job" /></template>`),
    // A <component :is> under v-for names no component the rule can follow.
    list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><component :is="JobRow" v-for="id in ids" :key="id" :id="id" /></template>`),
    // A JavaScript parent with the default script parser (espree).
    {
      code: `<script setup>
import PlainRow from './PlainRow.vue';
defineProps({ jobs: Array });
</script>
<template><PlainRow v-for="job in jobs" :key="job.id" :job="job" /></template>`,
      filename: path.join(FIXTURES, 'Plain.vue'),
      languageOptions: { ...vue('').languageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
    },
    // A template with only text and comments.
    list(`<template><!-- a list will go here --> nothing yet </template>`),
    // A v-for on a <template> wrapper around native elements.
    list(`<script setup lang="ts">
const ids = ['a', 'b'];
</script>
<template><template v-for="id in ids" :key="id"><dt>{{ id }}</dt><dd>-</dd></template></template>`),
    // A `name: 'PlainRow'` in some data object does not make this file the row: the import wins.
    list(`<script setup lang="ts">
import { onUnmounted } from 'vue';
import PlainRow from './PlainRow.vue';
const columns = [{ name: 'PlainRow', width: 10 }];
const source = new EventSource('/jobs');
onUnmounted(() => source.close());
</script>
<template><PlainRow v-for="job in jobs" :key="job.id" :job="job" /></template>`),
    // v-if without v-for around a streaming row: one row.
    list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
const shown = true;
</script>
<template><div v-if="shown"><JobRow id="latest" /></div></template>`),
    // Rows that call a factory function returning the page-wide stream: one connection.
    list(`<script setup lang="ts">
import SharedFactoryRow from './SharedFactoryRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><SharedFactoryRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // A row registered under a quoted kebab-case key whose file opens nothing.
    list(`<script>
import PlainRow from './PlainRow.vue';
export default { components: { 'plain-row': PlainRow }, props: ['jobs'] };
</script>
<template><ul><plain-row v-for="job in jobs" :key="job.id" :job="job" /></ul></template>`),
    // A row written in a .ts file (`./PlainScriptRow` resolves to it) that opens nothing.
    list(`<script setup lang="ts">
import PlainScriptRow from './PlainScriptRow';
defineProps<{ jobs: { id: string; status: string }[] }>();
</script>
<template><ul><PlainScriptRow v-for="job in jobs" :key="job.id" :job="job" /></ul></template>`),
    // A helper module that opens a stream, default-imported and called on a click: a function,
    // not a component the template renders per item.
    list(`<script setup lang="ts">
import followJob from './followJob';
import PlainRow from './PlainRow.vue';
defineProps<{ jobs: { id: string; status: string }[] }>();
</script>
<template><ul><PlainRow v-for="job in jobs" :key="job.id" :job="job" @click="followJob(job.id)" /></ul></template>`),
    // A quoted key that ends in `name` (`'data-name'`) is no `name` option: Panel.vue does not render itself.
    list(`<script setup lang="ts">
const props = defineProps<{ panel: { id: string; children: { id: string }[] } }>();
const attrs = { 'data-name': 'SubPanel' };
const es = new EventSource('/panels/' + props.panel.id);
</script>
<template><div v-bind="attrs"><SubPanel v-for="child in panel.children" :key="child.id" :panel="child" /></div></template>`, 'Panel.vue'),
    // A streaming row in a .ts file, rendered once (no v-for).
    list(`<script setup lang="ts">
import ScriptRow from './ScriptRow';
</script>
<template><ScriptRow id="main" /></template>`),
    // The same from a module of a dotted name (`./jobFeed.service`): followed, and still one connection.
    list(`<script setup lang="ts">
import SharedServiceRow from './SharedServiceRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><SharedServiceRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows that construct a feed at setup whose class opens its stream only in a method, on a click.
    list(`<script setup lang="ts">
import LazyFeedRow from './LazyFeedRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><LazyFeedRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows that construct the streaming feed only on a click, not when they mount.
    list(`<script setup lang="ts">
import ClickConstructedRow from './ClickConstructedRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ClickConstructedRow v-for="id in ids" :key="id" :id="id" /></template>`),
    // Rows that name the composable in a type only, its stream coming from the parent as a prop.
    list(`<script setup lang="ts">
import TypedComposableRow from './TypedComposableRow.vue';
defineProps<{ feeds: { id: string; feed: unknown }[] }>();
</script>
<template><TypedComposableRow v-for="row in feeds" :key="row.id" :id="row.id" :feed="row.feed" /></template>`),
  ],
  invalid: [
    // Derived from losredoe132/buzzer_game_frontend (src/pages/GamePage.vue), a component that
    // opens its stream in setup: here each row of a list does so for its own job.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template>
  <ul>
    <JobRow v-for="id in ids" :key="id" :id="id" />
  </ul>
</template>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 52,
          data: {
            component: 'JobRow',
            file: fixture('JobRow.vue'),
            stream: ES,
            opening: `${fixture('JobRow.vue')}:7`,
            route: '',
            repetition: 'a `v-for` over `ids`',
          },
        },
      ],
    },
    // kebab-case in the template maps to the PascalCase import.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ul><job-row v-for="id in ids" :key="id" :id="id" /></ul></template>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 5,
          column: 15,
          data: {
            component: 'job-row',
            file: fixture('JobRow.vue'),
            stream: ES,
            opening: `${fixture('JobRow.vue')}:7`,
            route: '',
            repetition: 'a `v-for` over `ids`',
          },
        },
      ],
    },
    // Under a v-for of an enclosing element.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ groups: { id: string }[] }>();
</script>
<template><section v-for="group in groups" :key="group.id"><JobRow :id="group.id" /></section></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 60, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `groups`' } }],
    },
    // A <template v-for> wrapper.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><template v-for="id in ids" :key="id"><JobRow :id="id" /></template></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 49, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `ids`' } }],
    },
    // Options API parent with local registration under another name.
    {
      ...list(`<script>
import OptionsRow from './OptionsRow.vue';
export default { components: { LiveRow: OptionsRow }, props: ['rows'] };
</script>
<template><div><LiveRow v-for="row in rows" :key="row.id" :id="row.id" /></div></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 16, data: { component: 'LiveRow', file: fixture('OptionsRow.vue'), stream: ES, opening: `${fixture('OptionsRow.vue')}:7`, route: '', repetition: 'a `v-for` over `rows`' } }],
    },
    // Options API parent registering the row under a quoted kebab-case key.
    {
      ...list(`<script>
import OptionsRow from './OptionsRow.vue';
export default { components: { 'live-row': OptionsRow }, props: ['rows'] };
</script>
<template><ul><live-row v-for="row in rows" :key="row.id" :id="row.id" /></ul></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 15, data: { component: 'live-row', file: fixture('OptionsRow.vue'), stream: ES, opening: `${fixture('OptionsRow.vue')}:7`, route: '', repetition: 'a `v-for` over `rows`' } }],
    },
    // ... and under a double-quoted PascalCase key, written right after the brace.
    {
      ...list(`<script>
import OptionsRow from './OptionsRow.vue';
export default { components: {"LiveRow": OptionsRow}, props: ['rows'] };
</script>
<template><ul><LiveRow v-for="row in rows" :key="row.id" :id="row.id" /></ul></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 15, data: { component: 'LiveRow', file: fixture('OptionsRow.vue'), stream: ES, opening: `${fixture('OptionsRow.vue')}:7`, route: '', repetition: 'a `v-for` over `rows`' } }],
    },
    // A row written in a .ts file with `defineComponent` and a render function, imported without
    // its extension (as Vite and TypeScript resolve `./ScriptRow`).
    {
      ...list(`<script setup lang="ts">
import ScriptRow from './ScriptRow';
defineProps<{ ids: string[] }>();
</script>
<template><ul><ScriptRow v-for="id in ids" :key="id" :id="id" /></ul></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 15, data: { component: 'ScriptRow', file: fixture('ScriptRow.ts'), stream: ES, opening: `${fixture('ScriptRow.ts')}:8`, route: '', repetition: 'a `v-for` over `ids`' } }],
    },
    // An Options API row in a .js file, imported with its extension and registered in kebab-case.
    {
      ...list(`<script>
import OptionsScriptRow from './OptionsScriptRow.js';
export default { components: { 'options-script-row': OptionsScriptRow }, props: ['rows'] };
</script>
<template><div><options-script-row v-for="row in rows" :key="row.id" :id="row.id" /></div></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 16, data: { component: 'options-script-row', file: fixture('OptionsScriptRow.js'), stream: ES, opening: `${fixture('OptionsScriptRow.js')}:8`, route: '', repetition: 'a `v-for` over `rows`' } }],
    },
    // Options API parent, registered under its own name, the child opening in mounted.
    {
      ...list(`<script>
import OptionsRow from './OptionsRow.vue';
export default { components: { OptionsRow }, props: ['rows'] };
</script>
<template><div><options-row v-for="row in rows" :key="row.id" :id="row.id" /></div></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 16, data: { component: 'options-row', file: fixture('OptionsRow.vue'), stream: ES, opening: `${fixture('OptionsRow.vue')}:7`, route: '', repetition: 'a `v-for` over `rows`' } }],
    },
    // Derived from Valish1977/vue3 (src/compositions/app_sse_composition.ts), a composable that
    // opens a stream for its caller: each row calls it, so each row holds a connection.
    {
      ...list(`<script setup lang="ts">
import ComposableRow from './ComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'ComposableRow', file: fixture('ComposableRow.vue'), stream: ES, opening: `${fixture('useJobStream.ts')}:6`, route: ' through `useJobStream()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // The composable called with a type argument, `useJobStream<string>(props.id)`.
    {
      ...list(`<script setup lang="ts">
import GenericComposableRow from './GenericComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><GenericComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'GenericComposableRow', file: fixture('GenericComposableRow.vue'), stream: ES, opening: `${fixture('useJobStream.ts')}:6`, route: ' through `useJobStream()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // Composables in the other shapes a module exports a function: an arrow in the second
    // declarator of an exported `const`, and a function expression exported by name.
    {
      ...list(`<script setup lang="ts">
import ArrowComposableRow from './ArrowComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ArrowComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'ArrowComposableRow', file: fixture('ArrowComposableRow.vue'), stream: ES, opening: `${fixture('moreJobStreams.ts')}:9`, route: ' through `useArrowJob()`', repetition: 'a `v-for` over `ids`' } }],
    },
    {
      ...list(`<script setup lang="ts">
import LogComposableRow from './LogComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><LogComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'LogComposableRow', file: fixture('LogComposableRow.vue'), stream: ES, opening: `${fixture('moreJobStreams.ts')}:19`, route: ' through `useLogJob()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // An expression-bodied arrow composable, `(id) => new EventSource(…)`: the stream is the whole body.
    {
      ...list(`<script setup lang="ts">
import BareComposableRow from './BareComposableRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><BareComposableRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'BareComposableRow', file: fixture('BareComposableRow.vue'), stream: ES, opening: `${fixture('moreJobStreams.ts')}:31`, route: ' through `useBareJob()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // The recursive tree node: TreeNode.vue renders <TreeNode> per child, each opening a stream.
    {
      ...vue(
        `<script setup lang="ts">
import { onUnmounted } from 'vue';
const props = defineProps<{ node: { id: string; children: { id: string }[] } }>();
const source = new EventSource(\`/nodes/\${props.node.id}\`);
onUnmounted(() => source.close());
</script>
<template>
  <div><TreeNode v-for="child in node.children" :key="child.id" :node="child" /></div>
</template>`,
        path.join(FIXTURES, 'TreeNode.vue'),
      ),
      errors: [{ messageId: 'renderedPerItem', line: 8, column: 8, data: { component: 'TreeNode', stream: ES, line: 4, repetition: 'a `v-for` over `node.children`' } }],
    },
    // Recursive by its own `name` option rather than its file name, in kebab-case.
    {
      ...vue(
        `<script>
export default {
  name: 'comment-thread',
  props: ['comment'],
  mounted() { this.es = new EventSource('/comments/' + this.comment.id); },
  beforeUnmount() { this.es.close(); },
};
</script>
<template><div><comment-thread v-for="reply in comment.replies" :key="reply.id" :comment="reply" /></div></template>`,
        path.join(FIXTURES, 'Thread.vue'),
      ),
      errors: [{ messageId: 'renderedPerItem', line: 9, column: 16, data: { component: 'comment-thread', stream: ES, line: 5, repetition: 'a `v-for` over `comment.replies`' } }],
    },
    // Recursive by a quoted `'name'` key, in an Options API component.
    {
      ...vue(
        `<script>
export default {
  'name': 'reply-thread',
  props: ['comment'],
  mounted() { this.es = new EventSource('/comments/' + this.comment.id); },
  beforeUnmount() { this.es.close(); },
};
</script>
<template><div><reply-thread v-for="reply in comment.replies" :key="reply.id" :comment="reply" /></div></template>`,
        path.join(FIXTURES, 'Replies.vue'),
      ),
      errors: [{ messageId: 'renderedPerItem', line: 9, column: 16, data: { component: 'reply-thread', stream: ES, line: 5, repetition: 'a `v-for` over `comment.replies`' } }],
    },
    // ... and by a double-quoted one, through defineOptions.
    {
      ...vue(
        `<script setup lang="ts">
defineOptions({ "name": "SubMenu" });
const props = defineProps<{ item: { id: string; items: { id: string }[] } }>();
const es = new EventSource('/menu/' + props.item.id);
</script>
<template><li><SubMenu v-for="sub in item.items" :key="sub.id" :item="sub" /></li></template>`,
        path.join(FIXTURES, 'Nav.vue'),
      ),
      errors: [{ messageId: 'renderedPerItem', line: 6, column: 15, data: { component: 'SubMenu', stream: ES, line: 4, repetition: 'a `v-for` over `item.items`' } }],
    },
    // Recursive through defineOptions({ name }).
    {
      ...vue(
        `<script setup lang="ts">
defineOptions({ name: 'MenuItem' });
const props = defineProps<{ item: { id: string; items: { id: string }[] } }>();
const es = new EventSource('/menu/' + props.item.id);
</script>
<template><li><MenuItem v-for="sub in item.items" :key="sub.id" :item="sub" /></li></template>`,
        path.join(FIXTURES, 'Menu.vue'),
      ),
      errors: [{ messageId: 'renderedPerItem', line: 6, column: 15, data: { component: 'MenuItem', stream: ES, line: 4, repetition: 'a `v-for` over `item.items`' } }],
    },
    // Both a streaming and a plain row in the same list: only the streaming one.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
import PlainRow from './PlainRow.vue';
defineProps<{ jobs: { id: string; status: string }[] }>();
</script>
<template><div v-for="job in jobs" :key="job.id"><PlainRow :job="job" /><JobRow :id="job.id" /></div></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 6, column: 73, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `jobs`' } }],
    },
    // Two lists of the same row: two reports.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ running: string[]; queued: string[] }>();
</script>
<template>
  <JobRow v-for="id in running" :key="id" :id="id" />
  <JobRow v-for="id in queued" :key="id" :id="id" />
</template>`),
      errors: [
        { messageId: 'renderedPerItemAcrossFiles', line: 6, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `running`' } },
        { messageId: 'renderedPerItemAcrossFiles', line: 7, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `queued`' } },
      ],
    },
    // A numeric range: v-for="n in 10".
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
</script>
<template><JobRow v-for="n in 10" :key="n" :id="String(n)" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 4, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `10`' } }],
    },
    // With an index and destructuring: (job, index) in jobs.
    {
      ...list(`<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ jobs: { id: string }[] }>();
</script>
<template><JobRow v-for="({ id }, index) in jobs" :key="index" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `jobs`' } }],
    },
    // A JavaScript parent (espree for the script).
    {
      code: `<script setup>
import JobRow from './JobRow.vue';
defineProps({ ids: Array });
</script>
<template><JobRow v-for="id of ids" :key="id" :id="id" /></template>`,
      filename: path.join(FIXTURES, 'Plain.vue'),
      languageOptions: { ...vue('').languageOptions, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `ids`' } }],
    },
    // A parent that also opens its own stream: the row is still reported.
    {
      ...list(`<script setup lang="ts">
import { onUnmounted } from 'vue';
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
const summary = new EventSource('/jobs/summary');
onUnmounted(() => summary.close());
</script>
<template><JobRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 8, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `ids`' } }],
    },
    // Template before the script.
    {
      ...list(`<template><JobRow v-for="id in ids" :key="id" :id="id" /></template>
<script setup lang="ts">
import JobRow from './JobRow.vue';
defineProps<{ ids: string[] }>();
</script>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 1, column: 11, data: { component: 'JobRow', file: fixture('JobRow.vue'), stream: ES, opening: `${fixture('JobRow.vue')}:7`, route: '', repetition: 'a `v-for` over `ids`' } }],
    },
    // A composable of the component that opens its own stream per call, called twice.
    {
      ...list(`<script setup lang="ts">
import { onUnmounted } from 'vue';
function useJob(id: string) {
  const source = new EventSource('/jobs/' + id);
  onUnmounted(() => source.close());
  return source;
}
const build = useJob('build');
const deploy = useJob('deploy');
</script>
<template><p>{{ build.readyState }} {{ deploy.readyState }}</p></template>`, 'Pipeline.vue'),
      errors: [{ messageId: 'hookOpensStream', line: 4, data: { hook: 'useJob', stream: ES, route: '' } }],
    },
    // A Pinia store that opens a stream per id and keeps them in a map, without checking for one.
    {
      code: `import { defineStore } from 'pinia';
export const useJobs = defineStore('jobs', {
  state: () => ({ sources: new Map<string, EventSource>() }),
  actions: {
    follow(id: string) {
      this.sources.set(id, new EventSource(\`/jobs/\${id}\`));
    },
  },
});`,
      filename: 'jobs.ts',
      errors: [{ messageId: 'storedPerKey', line: 6, data: { stream: ES, storage: 'this.sources.set(id, …)' } }],
    },
    // A factory function (not named use*) that opens a stream per caller, called in each row's setup.
    {
      ...list(`<script setup lang="ts">
import FactoryRow from './FactoryRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><FactoryRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'FactoryRow', file: fixture('FactoryRow.vue'), stream: ES, opening: `${fixture('jobFeed.ts')}:6`, route: ' through `createJobFeed()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // The factory in a module of a dotted name, `./jobFeed.service` (jobFeed.service.ts), as
    // layered apps name their modules: resolved like `./jobFeed`, not skipped as an asset.
    {
      ...list(`<script setup lang="ts">
import ServiceFactoryRow from './ServiceFactoryRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ServiceFactoryRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'ServiceFactoryRow', file: fixture('ServiceFactoryRow.vue'), stream: ES, opening: `${fixture('jobFeed.service.ts')}:6`, route: ' through `createJobFeed()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // A constructor function called with `new` in each row's setup: each row opens its stream.
    {
      ...list(`<script setup lang="ts">
import ConstructedFeedRow from './ConstructedFeedRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ConstructedFeedRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'ConstructedFeedRow', file: fixture('ConstructedFeedRow.vue'), stream: ES, opening: `${fixture('feedConstructors.ts')}:4`, route: ' through `new JobFeed()`', repetition: 'a `v-for` over `ids`' } }],
    },
    // A class whose constructor opens the stream, instantiated in each row's setup.
    {
      ...list(`<script setup lang="ts">
import ClientFeedRow from './ClientFeedRow.vue';
defineProps<{ ids: string[] }>();
</script>
<template><ClientFeedRow v-for="id in ids" :key="id" :id="id" /></template>`),
      errors: [{ messageId: 'renderedPerItemAcrossFiles', line: 5, column: 11, data: { component: 'ClientFeedRow', file: fixture('ClientFeedRow.vue'), stream: ES, opening: `${fixture('feedConstructors.ts')}:10`, route: ' through `new JobFeedClient()`', repetition: 'a `v-for` over `ids`' } }],
    },
  ],
});
