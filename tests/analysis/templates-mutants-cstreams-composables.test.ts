/**
 * component-streams.ts, which stream an instance of a component opens: its own at mount (within
 * one class of the file, for Angular), or one opened per call by a function it imports from a
 * relative module and calls at setup.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { componentStream, streamOpenedAtMount } from '../../src/analysis/templates/component-streams.js';
import { scratchProject } from '../support/scratch-folders.js';
import { parsedVue, vue } from './vue-files.js';

/** A fresh directory holding `files` (relative path → text); its path. */
const project = (files: Record<string, string>) => scratchProject('cstreams-composables', files);
const parsed = parsedVue;

/** The `<script setup>` component `script` as the file `name` of `root`: the stream its instances open. */
function streamOf(root: string, name: string, script: string) {
  const file = path.join(root, name);
  return componentStream({ file, sourceCode: parsed(file, `<script setup>\n${script}\n</script>\n`) }, [], vue);
}

/** `useJob` opens a stream per call (line 2); `formatJob` opens none. */
const USE_JOB = [
  'export function useJob(id) {',
  '  const source = new EventSource(`/jobs/${id}`);',
  '  return { close: () => source.close() };',
  '}',
  'export function formatJob(job) {',
  '  return String(job);',
  '}',
  '',
].join('\n');
/** `createFeed` opens a stream per call (line 2). */
const CREATE_FEED = USE_JOB.replace('useJob', 'createFeed');

describe('streamOpenedAtMount within one node of the file', () => {
  const file = path.join(project({}), 'Row.vue');
  const sourceCode = parsed(file, "<script setup>\nconst ready = true;\nconst source = new EventSource('/a');\n</script>\n");
  const opening = streamOpenedAtMount(sourceCode, [])!;

  it('finds the stream when the node is exactly the opening, and not when it ends before it', () => {
    expect(opening.node.range).toEqual([50, 71]);
    // kills component-streams.ts:51 within.range[0] <= opening.node.range[0] -> within.range[0] < opening.node.range[0]
    // kills component-streams.ts:51 opening.node.range[1] <= within.range[1] -> opening.node.range[1] < within.range[1]
    expect(streamOpenedAtMount(sourceCode, [], opening.node as TSESTree.Node)?.node).toBe(opening.node);
    const first = (sourceCode.ast.body[0] as TSESTree.Node);
    expect(first.type).toBe('VariableDeclaration');
    // kills component-streams.ts:51 opening.node.range[1] <= within.range[1] -> true
    expect(streamOpenedAtMount(sourceCode, [], first)).toBeNull();
  });
});

describe('componentStream, through an imported function', () => {
  it('finds nothing, and does not fail, where the module exports the name as a variable with no value', () => {
    const root = project({ 'useJob.ts': "export let useJob;\nexport const page = new EventSource('/page');\n" });
    // kills component-streams.ts:68 init?.type -> init.type (both of the line)
    expect(streamOf(root, 'Row.vue', "import { useJob } from './useJob';\nconst job = useJob();")).toBeNull();
  });

  it('follows a plain function the setup calls, even when code that never runs at mount calls it too', () => {
    const root = project({ 'feed.ts': CREATE_FEED });
    const script = "import { createFeed } from './feed';\nconst feed = createFeed(1);\nfunction later() {\n  createFeed(2);\n}";
    // kills component-streams.ts:113 (…).some(…) -> (…).every(…)
    expect(streamOf(root, 'Row.vue', script)).toEqual({
      file: path.join(root, 'feed.ts'),
      line: 2,
      stream: '`EventSource`',
      route: ' through `createFeed()`',
    });
  });

  it('follows a class the setup constructs to what its construction runs, not to its other methods', () => {
    const root = project({
      'feeds.ts': [
        'export class FieldFeed {',
        '  source = new EventSource(`/jobs`);',
        '}',
        'export class ConnectingFeed {',
        '  constructor() {',
        '    this.connect();',
        '  }',
        '  connect() {',
        '    this.source = new EventSource(`/jobs`);',
        '  }',
        '}',
        'export class LazyFeed {',
        '  connect() {',
        '    this.source = new EventSource(`/jobs`);',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const through = (name: string, line: number) => ({ file: path.join(root, 'feeds.ts'), line, stream: '`EventSource`', route: ` through \`new ${name}()\`` });
    expect(streamOf(root, 'Row.vue', "import { FieldFeed } from './feeds';\nconst feed = new FieldFeed();")).toEqual(through('FieldFeed', 2));
    expect(streamOf(root, 'Row.vue', "import { ConnectingFeed } from './feeds';\nconst feed = new ConnectingFeed();")).toEqual(through('ConnectingFeed', 9));
    expect(streamOf(root, 'Row.vue', "import { LazyFeed } from './feeds';\nconst feed = new LazyFeed();")).toBeNull();
  });

  it('follows a constructor function the setup calls with `new`, not one it constructs on a click only', () => {
    const root = project({ 'feed.ts': 'export function Feed(id) {\n  this.source = new EventSource(`/jobs/${id}`);\n}\n' });
    expect(streamOf(root, 'Row.vue', "import { Feed } from './feed';\nconst feed = new Feed(1);")).toEqual({
      file: path.join(root, 'feed.ts'),
      line: 2,
      stream: '`EventSource`',
      route: ' through `new Feed()`',
    });
    expect(streamOf(root, 'Row.vue', "import { Feed } from './feed';\nfunction follow() {\n  return new Feed(1);\n}")).toBeNull();
  });

  it('follows a call or a construction with type arguments, not a name in a type', () => {
    const root = project({ 'useJob.ts': USE_JOB, 'feed.ts': 'export class Feed {\n  source = new EventSource(`/jobs`);\n}\n' });
    const typed = (name: string, script: string) => {
      const file = path.join(root, name);
      const text = `<script setup lang="ts">\n${script}\n</script>\n`;
      return componentStream({ file, sourceCode: parsed(file, text) }, [], vue)?.route ?? null;
    };
    expect(typed('Row.vue', "import { useJob } from './useJob';\nconst job = useJob<number>(1);")).toBe(' through `useJob()`');
    expect(typed('Row.vue', "import { Feed } from './feed';\nconst feed = new Feed<number>();")).toBe(' through `new Feed()`');
    expect(typed('Row.vue', "import { useJob } from './useJob';\ndefineProps<{ job: ReturnType<typeof useJob> }>();")).toBeNull();
  });

  it('follows a composable by its name, wherever the component calls it', () => {
    const root = project({ 'useJob.ts': USE_JOB });
    // kills component-streams.ts:133 /^use[A-Z0-9]/ -> /^use[^A-Z0-9]/
    expect(streamOf(root, 'Row.vue', "import { useJob } from './useJob';\nfunction select(id) {\n  return useJob(id);\n}")).toEqual({
      file: path.join(root, 'useJob.ts'),
      line: 2,
      stream: '`EventSource`',
      route: ' through `useJob()`',
    });
  });

  it('follows a composable of a parent directory', () => {
    const root = project({ 'useJob.ts': USE_JOB });
    // kills component-streams.ts:129 specifier.startsWith('../') -> specifier.endsWith('../')
    expect(streamOf(root, 'rows/Row.vue', "import { useJob } from '../useJob';\nconst job = useJob(1);")).toEqual({
      file: path.join(root, 'useJob.ts'),
      line: 2,
      stream: '`EventSource`',
      route: ' through `useJob()`',
    });
  });

  it('does not follow a type-only import, a namespace import or a type specifier, whatever the text says', () => {
    const root = project({ 'useJob.ts': USE_JOB });
    // Each component names `useJob(` in a comment only: it never calls the composable.
    // kills component-streams.ts:129 statement.importKind === 'type' || !(…) -> false
    // kills component-streams.ts:129 statement.importKind === 'type' -> false
    // kills component-streams.ts:129 statement.importKind === 'type' || … -> statement.importKind === 'type' && …
    // kills component-streams.ts:129 'type' -> ""
    expect(streamOf(root, 'TypeRow.vue', "import type { useJob } from './useJob';\n// the page calls useJob() once")).toBeNull();
    // kills component-streams.ts:131 imported.type === 'ImportNamespaceSpecifier' || (…) -> false
    // kills component-streams.ts:131 imported.type === 'ImportNamespaceSpecifier' -> false
    // kills component-streams.ts:131 … || (…) -> … && …
    // kills component-streams.ts:131 'ImportNamespaceSpecifier' -> ""
    expect(streamOf(root, 'NamespaceRow.vue', "import * as useJob from './useJob';\n// not useJob(): its formatter only\nconst label = useJob.formatJob(1);")).toBeNull();
    // kills component-streams.ts:131 imported.type === 'ImportSpecifier' && imported.importKind === 'type' -> false
    // kills component-streams.ts:131 imported.type === 'ImportSpecifier' -> imported.type !== 'ImportSpecifier'
    // kills component-streams.ts:131 'ImportSpecifier' -> ""
    // kills component-streams.ts:131 'type' -> ""
    // kills component-streams.ts:131 … || (…) -> … && …
    expect(streamOf(root, 'SpecifierRow.vue', "import { type useJob, formatJob } from './useJob';\n// not useJob(): its formatter only\nconst label = formatJob(1);")).toBeNull();
  });
});
