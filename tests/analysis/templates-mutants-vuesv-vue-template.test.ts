/**
 * Pins `vueTemplateVisitor` of `src/analysis/templates/vue-template.ts` (issue 17), so that the
 * mutants StrykerJS left alive there fail a test: it walks no template (returns null) of a
 * component without `v-for`, nor of a list whose imported `.vue` files cannot open a stream and
 * that does not render itself, even when it imports a code module that names one or has a `name:`
 * option of another name; it finds the component's own name in `name : '…'` and `name:'…'`, and
 * a registration `components: { JobRow : Row }` or `{ JobRow:Row }`, or under a quoted key
 * (`{ 'job-row': Row }`, `{"JobRow": Row}`); it follows a row written in a script module
 * (`Row.ts`) that the template renders as a tag, and reads no helper module it renders no tag
 * of; it takes native elements
 * (`<option>`, SVG's `<textPath>`) for no component; and when the configured parser cannot parse
 * other files, it loads vue-eslint-parser from the project to read the row.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import * as vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import type { PerItemRender } from '../../src/analysis/templates/component-streams.js';
import { vueTemplateVisitor, withTemplateVisitor } from '../../src/analysis/templates/vue-template.js';
import { folderPerCase } from '../support/scratch-folders.js';
import { lintWithProbeRule, type ProbeContext } from './probe.js';

// A fresh folder per case: imported files are cached by path and modification time.
const folder = folderPerCase('vuesv-vue');
const write = folder.write;

interface Outcome {
  /** Whether the template is walked (false: the visitor is null). */
  walks: boolean;
  /** What it reported: `component repetition file:line (self)`. */
  reports: string[];
}

/**
 * Lints `code` as `filename` in the case's folder with vue-eslint-parser, through a probe rule
 * that hands the visitor the rule context, or `asContext(context)` in its place.
 */
function visit(code: string, filename: string, asContext: (context: ProbeContext) => ProbeContext = (context) => context): Outcome {
  const outcome: Outcome = { walks: false, reports: [] };
  const languageOptions = { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } };
  lintWithProbeRule(code, { cwd: folder.path, filename: path.join(folder.path, filename), files: ['**/*.vue'], languageOptions }, (context) => {
    const report = (render: PerItemRender) =>
      outcome.reports.push(
        `${render.component} ${render.repetition} ${path.basename(render.stream.file)}:${render.stream.line}${render.self ? ' (self)' : ''}`,
      );
    const visitor = vueTemplateVisitor(asContext(context), [], report);
    outcome.walks = visitor !== null;
    return withTemplateVisitor(context.sourceCode, {}, visitor);
  });
  return outcome;
}

/** A row that opens a stream of its own when it mounts. */
const STREAMING_ROW = `<script setup>
const props = defineProps(['id']);
const source = new EventSource('/rows/' + props.id);
</script>
<template><li>{{ id }}</li></template>
`;
/** A row that opens nothing. */
const PLAIN_ROW = `<script setup>
defineProps(['id']);
</script>
<template><li>{{ id }}</li></template>
`;

describe('vueTemplateVisitor: when it walks no template', () => {
  it('walks none of a component without `v-for`, though it renders a streaming row', () => {
    write('Row.vue', STREAMING_ROW);
    const single = `<script setup>
import Row from './Row.vue';
</script>
<template><Row id="main" /></template>
`;
    // kills vue-template.ts:175 || -> && (a Vue file without `v-for`)
    // kills vue-template.ts:175 'v-for' -> ""
    expect(visit(single, 'Single.vue')).toEqual({ walks: false, reports: [] });
  });

  it('walks it, and reports the row, once the same component repeats it with `v-for`', () => {
    write('Row.vue', STREAMING_ROW);
    const list = `<script setup>
import Row from './Row.vue';
defineProps(['ids']);
</script>
<template><ul><Row v-for="id in ids" :key="id" :id="id" /></ul></template>
`;
    expect(visit(list, 'List.vue')).toEqual({ walks: true, reports: ['Row a `v-for` over `ids` Row.vue:3'] });
  });

  it('walks none when the imported rows cannot open a stream, though a code module it imports names one', () => {
    write('Row.vue', PLAIN_ROW);
    write('feed.js', "export default function feed(id) { return new EventSource('/feed/' + id); }\n");
    const list = `<script setup>
import Row from './Row.vue';
import feed from './feed.js';
defineProps(['ids']);
</script>
<template><button @click="feed('all')">all</button><Row v-for="id in ids" :key="id" :id="id" /></template>
`;
    // kills vue-template.ts:177 '.vue' -> "" (feed.js taken for a component file)
    expect(visit(list, 'List.vue')).toEqual({ walks: false, reports: [] });
  });

  it('walks none of a list that opens a stream itself and has a `name` option, but renders no tag of its names', () => {
    const list = `<script>
export default {
  name: 'JobTable',
  props: ['ids'],
  mounted() {
    this.source = new EventSource('/ids');
  },
};
</script>
<template><ul><li v-for="id in ids" :key="id">{{ id }}</li></ul></template>
`;
    // kills vue-template.ts:96 NAME_KEY.test(text) && … -> ||
    expect(visit(list, 'List.vue')).toEqual({ walks: false, reports: [] });
  });
});

describe('vueTemplateVisitor: the component’s own names', () => {
  const tree = (option: string) => `<script setup>
defineOptions({ ${option} });
const props = defineProps(['node']);
const source = new EventSource('/nodes/' + props.node.id);
</script>
<template><li>{{ node.id }}<ul><TreeItem v-for="child in node.children" :key="child.id" :node="child" /></ul></li></template>
`;

  it('finds a `name` option written with a space before the colon', () => {
    // kills vue-template.ts:73 \\s* -> \\S* (before the colon)
    // kills vue-template.ts:71 …"name")\\s*:/ -> …"name")\\S*:/ (NAME_KEY)
    expect(visit(tree("name : 'TreeItem'"), 'Item.vue')).toEqual({
      walks: true,
      reports: ['TreeItem a `v-for` over `node.children` Item.vue:4 (self)'],
    });
  });

  it('finds a `name` option written with no space after the colon', () => {
    // kills vue-template.ts:73 :\\s*['"] -> :\\s['"]
    expect(visit(tree("name:'TreeItem'"), 'Item.vue')).toEqual({
      walks: true,
      reports: ['TreeItem a `v-for` over `node.children` Item.vue:4 (self)'],
    });
  });
});

describe('vueTemplateVisitor: components registered under another name', () => {
  const list = (registration: string) => `<script>
import Row from './Row.vue';
export default { components: { ${registration} }, props: ['ids'] };
</script>
<template><ul><JobRow v-for="id in ids" :key="id" :id="id" /></ul></template>
`;

  it('follows `components: { JobRow : Row }`, with a space before the colon', () => {
    write('Row.vue', STREAMING_ROW);
    // kills vue-template.ts:110 …)\\s*:\\s*(… -> …)\\S*:\\s*(…
    expect(visit(list('JobRow : Row'), 'List.vue')).toEqual({ walks: true, reports: ['JobRow a `v-for` over `ids` Row.vue:3'] });
  });

  it('follows `components: { JobRow:Row }`, with no space after the colon', () => {
    write('Row.vue', STREAMING_ROW);
    // kills vue-template.ts:110 …:\\s*([A-Za-z_$]… -> …:\\s([A-Za-z_$]…
    expect(visit(list('JobRow:Row'), 'List.vue')).toEqual({ walks: true, reports: ['JobRow a `v-for` over `ids` Row.vue:3'] });
  });
});

describe('vueTemplateVisitor: components registered under a quoted key', () => {
  const list = (registration: string, tag: string) => `<script>
import Row from './Row.vue';
export default { components: ${registration}, props: ['ids'] };
</script>
<template><ul><${tag} v-for="id in ids" :key="id" :id="id" /></ul></template>
`;

  it('follows `{ \'job-row\': Row }`, a single-quoted key after a space', () => {
    write('Row.vue', STREAMING_ROW);
    expect(visit(list("{ 'job-row': Row }", 'job-row'), 'List.vue')).toEqual({ walks: true, reports: ['job-row a `v-for` over `ids` Row.vue:3'] });
  });

  it('follows `{"JobRow": Row}`, a double-quoted key right after the brace', () => {
    write('Row.vue', STREAMING_ROW);
    expect(visit(list('{"JobRow": Row}', 'JobRow'), 'List.vue')).toEqual({ walks: true, reports: ['JobRow a `v-for` over `ids` Row.vue:3'] });
  });

  it('follows `{ Other,\'job-row\':Row }`, a quoted key right after a comma', () => {
    write('Row.vue', STREAMING_ROW);
    expect(visit(list("{ Other,'job-row':Row }", 'job-row'), 'List.vue')).toEqual({ walks: true, reports: ['job-row a `v-for` over `ids` Row.vue:3'] });
  });

  it('follows no quoted key whose value is no import', () => {
    write('Row.vue', STREAMING_ROW);
    expect(visit(list("{ 'job-row': row }", 'job-row'), 'List.vue')).toEqual({ walks: true, reports: [] });
  });
});

describe('vueTemplateVisitor: components written in script modules', () => {
  /** A row in a `.ts` file: `defineComponent` with a render function, a stream opened in `setup()`. */
  const SCRIPT_ROW = `import { defineComponent, h, onUnmounted } from 'vue';
export default defineComponent({
  props: ['id'],
  setup(props) {
    const source = new EventSource('/rows/' + props.id);
    onUnmounted(() => source.close());
    return () => h('li', props.id);
  },
});
`;
  const list = (specifier: string) => `<script setup>
import Row from '${specifier}';
defineProps(['ids']);
</script>
<template><ul><Row v-for="id in ids" :key="id" :id="id" /></ul></template>
`;

  it('follows `./Row`, resolved to Row.ts', () => {
    write('Row.ts', SCRIPT_ROW);
    expect(visit(list('./Row'), 'List.vue')).toEqual({ walks: true, reports: ['Row a `v-for` over `ids` Row.ts:5'] });
  });

  it('follows `./Row.js`, named with its extension', () => {
    write('Row.js', SCRIPT_ROW);
    expect(visit(list('./Row.js'), 'List.vue')).toEqual({ walks: true, reports: ['Row a `v-for` over `ids` Row.js:5'] });
  });

  it('walks none when a helper module that opens a stream is default-imported but rendered as no tag', () => {
    write('feed.ts', "export default function feed(id: string) { return new EventSource('/feed/' + id); }\n");
    const helper = `<script setup>
import feed from './feed';
defineProps(['ids']);
</script>
<template><ul><li v-for="id in ids" :key="id" @click="feed(id)">{{ id }}</li></ul></template>
`;
    expect(visit(helper, 'List.vue')).toEqual({ walks: false, reports: [] });
  });

  it('walks none for an import of a type, a style sheet or a package', () => {
    write('Row.ts', SCRIPT_ROW);
    write('Row.css', '/* new EventSource */\n');
    const imports = `<script setup lang="ts">
import type Row from './Row';
import Sheet from './Row.css';
import Lib from 'row-lib';
defineProps(['ids']);
</script>
<template><ul><Row v-for="id in ids" :key="id" /><Sheet v-for="id in ids" :key="id" /><Lib v-for="id in ids" :key="id" /></ul></template>
`;
    expect(visit(imports, 'List.vue')).toEqual({ walks: false, reports: [] });
  });

  it('follows a script-module row registered under a quoted key, in an Options API list', () => {
    write('Row.ts', SCRIPT_ROW);
    const options = `<script>
import Row from './Row';
export default { components: { 'job-row': Row }, props: ['ids'] };
</script>
<template><ul><job-row v-for="id in ids" :key="id" :id="id" /></ul></template>
`;
    expect(visit(options, 'List.vue')).toEqual({ walks: true, reports: ['job-row a `v-for` over `ids` Row.ts:5'] });
  });
});

describe('vueTemplateVisitor: native elements are no components', () => {
  it('takes `<option v-for>` in Option.vue, which opens a stream, for the native element, not itself', () => {
    const option = `<script setup>
const props = defineProps(['choices']);
const source = new EventSource('/choices');
</script>
<template><select><option v-for="choice in choices" :key="choice">{{ choice }}</option></select></template>
`;
    // kills vue-template.ts:200 !/^[A-Z]/.test(element.rawName) && !element.rawName.includes('-') -> false
    // kills vue-template.ts:200 '-' -> ""
    expect(visit(option, 'Option.vue')).toEqual({ walks: true, reports: [] });
  });

  it('takes SVG’s `<textPath v-for>` for the native element, not the imported TextPath component', () => {
    write('TextPath.vue', STREAMING_ROW);
    const chart = `<script setup>
import TextPath from './TextPath.vue';
defineProps(['paths']);
</script>
<template>
  <TextPath id="legend" />
  <svg><text><textPath v-for="p in paths" :key="p" :href="p">{{ p }}</textPath></text></svg>
</template>
`;
    // kills vue-template.ts:200 /^[A-Z]/ -> /[A-Z]/
    expect(visit(chart, 'Chart.vue')).toEqual({ walks: true, reports: [] });
  });
});

describe('vueTemplateVisitor: reading the row', () => {
  it('loads vue-eslint-parser from the project when the configured parser cannot parse other files', () => {
    write('Row.vue', STREAMING_ROW);
    const list = `<script setup>
import Row from './Row.vue';
defineProps(['ids']);
</script>
<template><ul><Row v-for="id in ids" :key="id" :id="id" /></ul></template>
`;
    // The configured parser offers `parse` only: the rule has to find vue-eslint-parser itself,
    // in the project's node_modules.
    symlinkSync(path.resolve('node_modules'), path.join(folder.path, 'node_modules'), 'dir');
    const parseOnly = (context: ProbeContext): ProbeContext =>
      Object.create(context, { languageOptions: { value: { parser: { parse: vueParser.parse }, parserOptions: {} } } }) as ProbeContext;
    // kills vue-template.ts:183 'vue-eslint-parser' -> ""
    expect(visit(list, 'List.vue', parseOnly)).toEqual({ walks: true, reports: ['Row a `v-for` over `ids` Row.vue:3'] });
  });
});
