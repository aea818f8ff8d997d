/**
 * `sse-codemod --write` on a Vue and Svelte project (issue 12), through the built CLI: it finds
 * the `.vue` and `.svelte` files, rewrites the streams their instances open, writes the helper in
 * the project's language (TypeScript: a `<script lang="ts">` under a tsconfig without `allowJs`),
 * leaves a component whose script does not parse byte for byte, and a second run changes nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initRepository, makeTemporaryDirectory, removeTree, snapshotTree, writeTree } from './support/temporary-tree.js';

const run = promisify(execFile);
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const withoutParsers = fileURLToPath(new URL('support/without-framework-parsers.mjs', import.meta.url));

const JOB_ROW = `<template>
  <li>{{ status }}</li>
</template>

<script setup lang="ts">
import { onMounted, onUnmounted, ref } from 'vue';
import { label } from './label';

const props = defineProps<{ id: string }>();
const status = ref(label('pending'));
let source: EventSource | undefined;
onMounted(() => {
  source = new EventSource(\`/jobs/\${props.id}\`);
  source.onmessage = (event) => (status.value = event.data);
});
onUnmounted(() => source?.close());
</script>
`;

const FEED = `<script>
  import { onMount } from 'svelte';
  let last = '';
  onMount(() => {
    const feed = new EventSource('/feed');
    feed.onmessage = (event) => (last = event.data);
    return () => feed.close();
  });
</script>

<p>{last}</p>
`;

const BROKEN = `<template><p>broken</p></template>

<script setup lang="ts">
onMounted(() => { new EventSource('/x' });
</script>
`;

interface JsonResult {
  files: { path: string; status: string; sites: { line: number; action: string }[]; reason?: string }[];
}

async function codemod(root: string, ...args: string[]): Promise<JsonResult> {
  return codemodWith([], root, ...args);
}

async function codemodWith(nodeOptions: string[], root: string, ...args: string[]): Promise<JsonResult> {
  const { stdout } = await run(process.execPath, [...nodeOptions, cliPath, '--json', ...args, 'src'], { cwd: root, encoding: 'utf8' }).catch(
    // A failed file makes the exit code 1; the JSON still says what happened.
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  );
  return JSON.parse(stdout) as JsonResult;
}

describe('sse-codemod --write on Vue and Svelte components', () => {
  let root: string;
  let first: JsonResult;
  let second: JsonResult;
  let afterFirst: Record<string, string>;

  beforeAll(async () => {
    if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` before these tests.`);
    root = makeTemporaryDirectory('components');
    writeTree(root, {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] }),
      'src/label.ts': 'export const label = (text: string) => text;\n',
      'src/JobRow.vue': JOB_ROW,
      'src/Feed.svelte': FEED,
      'src/Broken.vue': BROKEN,
    });
    initRepository(root);
    first = await codemod(root, '--write', '--endpoint', '/sse');
    afterFirst = snapshotTree(root);
    // The first run's changes are not committed: the second run must still find nothing to do.
    second = await codemod(root, '--write', '--allow-dirty', '--endpoint', '/sse');
  }, 120_000);

  afterAll(() => removeTree(root));

  it('rewrites the Vue component and imports the TypeScript helper in its <script setup>, as the block imports its modules', () => {
    expect(first.files.find((file) => file.path === 'src/JobRow.vue')).toMatchObject({ status: 'changed', sites: [{ line: 13, action: 'rewritten' }] });
    expect(readFileSync(path.join(root, 'src/JobRow.vue'), 'utf8')).toBe(
      JOB_ROW.replace("import { label } from './label';\n", "import { label } from './label';\nimport { sharedEventSource } from './sse-hub';\n").replace(
        'new EventSource(',
        'sharedEventSource(',
      ),
    );
    expect(existsSync(path.join(root, 'src/sse-hub.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'src/sse-hub.js'))).toBe(false);
  });

  it('rewrites the Svelte component, with the import indented as its script', () => {
    expect(readFileSync(path.join(root, 'src/Feed.svelte'), 'utf8')).toBe(
      FEED.replace("  import { onMount } from 'svelte';\n", "  import { onMount } from 'svelte';\n  import { sharedEventSource } from './sse-hub';\n").replace(
        'new EventSource(',
        'sharedEventSource(',
      ),
    );
  });

  it('leaves a component whose script does not parse as it was, and says where', () => {
    expect(first.files.find((file) => file.path === 'src/Broken.vue')).toEqual({
      path: 'src/Broken.vue',
      status: 'failed',
      sites: [],
      reason: "syntax error: ',' expected. (4:39)",
    });
    expect(readFileSync(path.join(root, 'src/Broken.vue'), 'utf8')).toBe(BROKEN);
  });

  it('changes nothing on a second run', () => {
    expect(second.files.filter((file) => file.status === 'changed')).toEqual([]);
    expect(snapshotTree(root)).toEqual(afterFirst);
  });
});

describe('sse-codemod in a project without the framework parsers', () => {
  let root: string;
  let result: JsonResult;

  beforeAll(async () => {
    root = makeTemporaryDirectory('components-no-parsers');
    writeTree(root, {
      'src/JobRow.vue': JOB_ROW,
      'src/Feed.svelte': FEED,
      'src/rows.js': 'export const rows = (ids) => ids.map((id) => new EventSource(`/rows/${id}`));\n',
    });
    result = await codemodWith(['--import', pathToFileURL(withoutParsers).href], root, '--write', '--allow-dirty', '--endpoint', '/sse');
  }, 120_000);

  afterAll(() => removeTree(root));

  it('fails each component with what to install, leaves it as it was, and still converts the other files', () => {
    expect(result.files.map((file) => [file.path, file.status, file.reason ?? ''])).toEqual([
      ['src/Feed.svelte', 'failed', '.svelte files need svelte-eslint-parser, which is not installed in this project'],
      ['src/JobRow.vue', 'failed', '.vue files need vue-eslint-parser, which is not installed in this project'],
      ['src/rows.js', 'changed', ''],
    ]);
    expect(readFileSync(path.join(root, 'src/JobRow.vue'), 'utf8')).toBe(JOB_ROW);
    expect(readFileSync(path.join(root, 'src/Feed.svelte'), 'utf8')).toBe(FEED);
    expect(readFileSync(path.join(root, 'src/rows.js'), 'utf8')).toContain('sharedEventSource(`/rows/${id}`)');
  });
});
