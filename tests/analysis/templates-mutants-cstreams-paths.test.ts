/**
 * component-streams.ts, the path and text questions: which relative specifier names which file,
 * which imports name component files, and the text prefilters that decide whether a component
 * or composable file is worth parsing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  importedComponentFiles,
  mayOpenStream,
  mayOpenStreamItself,
  resolveRelative,
} from '../../src/analysis/templates/component-streams.js';
import { scratchProject } from '../support/scratch-folders.js';
import { parsedVue } from './vue-files.js';

/** A fresh directory holding `files` (relative path → text); its path. */
const project = (files: Record<string, string>) => scratchProject('cstreams-paths', files);
const parsed = parsedVue;

const OPENS = "export function useJob(id) {\n  const es = new EventSource(`/jobs/${id}`);\n  return es;\n}\n";

describe('resolveRelative', () => {
  it('resolves only `./` and `../` specifiers, a bare name never, even where a file of that name exists', () => {
    const root = project({ 'feed.ts': OPENS, 'src/Row.vue': '' });
    const from = path.join(root, 'Row.vue');
    // kills component-streams.ts:93 !specifier.startsWith('./') && !specifier.startsWith('../') -> false
    // kills component-streams.ts:93 './' -> ""
    // kills component-streams.ts:93 '../' -> ""
    // kills component-streams.ts:93 !specifier.startsWith('../') -> specifier.startsWith('../')
    expect(resolveRelative(from, 'feed')).toBeNull();
    expect(resolveRelative(from, './feed')).toBe(path.join(root, 'feed.ts'));
    // kills component-streams.ts:93 specifier.startsWith('../') -> specifier.endsWith('../')
    expect(resolveRelative(path.join(root, 'src', 'Row.vue'), '../feed')).toBe(path.join(root, 'feed.ts'));
  });

  it('tries the `.js`, `.mjs` and `/index.js` files a bundler would', () => {
    const root = project({ 'a.js': '', 'b.mjs': '', 'c/index.js': '' });
    const from = path.join(root, 'Row.vue');
    // kills component-streams.ts:95 `${base}.js` -> ``
    expect(resolveRelative(from, './a')).toBe(path.join(root, 'a.js'));
    // kills component-streams.ts:95 `${base}.mjs` -> ``
    expect(resolveRelative(from, './b')).toBe(path.join(root, 'b.mjs'));
    // kills component-streams.ts:95 `${base}/index.js` -> ``
    expect(resolveRelative(from, './c')).toBe(path.join(root, 'c', 'index.js'));
  });
});

describe('importedComponentFiles', () => {
  it('takes the default imports of relative files with the extension only', () => {
    const root = project({});
    const file = path.join(root, 'src', 'List.vue');
    const text = [
      '<script setup>',
      "import Row from './Row.vue';",
      "import Cell from '../Cell.vue';",
      "import Script from './Script.js';",
      "import Packaged from 'ui-kit/Packaged.vue';",
      "import { Named } from './Named.vue';",
      '</script>',
      '',
    ].join('\n');
    const found = importedComponentFiles(parsed(file, text), file, '.vue');
    // kills component-streams.ts:163 !specifier.endsWith(extension) || !(…) -> false
    // kills component-streams.ts:163 || -> && (a relative `.js` import, a packaged `.vue` import)
    // kills component-streams.ts:163 specifier.startsWith('./') || specifier.startsWith('../') -> true
    // kills component-streams.ts:163 './' -> "", '../' -> ""
    // kills component-streams.ts:166 imported.type === 'ImportDefaultSpecifier' -> true
    expect([...found]).toEqual([
      ['Row', path.join(root, 'src', 'Row.vue')],
      ['Cell', path.join(root, 'Cell.vue')],
    ]);
  });
});

describe('mayOpenStreamItself', () => {
  it('is false for a component that names no stream, no composable and imports nothing relative', () => {
    const file = path.join(project({}), 'Plain.vue');
    const text = "<script setup>\nimport { ref } from 'vue';\nconst count = ref(0);\n</script>\n<template><p>{{ count }}</p></template>\n";
    // kills component-streams.ts:236 sourceMentionsStream(…) || COMPOSABLE_NAME.test(text) || … -> true
    expect(mayOpenStreamItself(parsed(file, text), [])).toBe(false);
    expect(mayOpenStreamItself(parsed(file, text.replace("from 'vue'", "from './state'")), [])).toBe(true);
  });
});

describe('mayOpenStream, through a relative import', () => {
  const root = project({
    'useJob.ts': OPENS,
    'useJob.jsx': OPENS,
    'feed.ts': OPENS,
    'feed.mjs': OPENS,
    'feed.js': OPENS,
    'jobFeed.service.ts': OPENS,
    'jobs.svelte.helpers.js': OPENS,
    // Code under the names of a component and a style sheet, to show that no file is looked for them.
    'Feed.vue.ts': OPENS,
    'theme.css.ts': OPENS,
    'Feed.svelte': "<script>\nconst es = new EventSource('/feed');\n</script>\n",
  });
  const component = path.join(root, 'Row.vue');
  const opens = (script: string) => mayOpenStream(component, `<script setup>\n${script}\n</script>\n`, []);

  it('skips a type-only import, but not an import list that names a type among values', () => {
    // kills component-streams.ts:255 /^type\b/.test(names!) -> false
    expect(opens("import type { useJob } from './useJob';")).toBe(false);
    // kills component-streams.ts:255 /^type\b/ -> /type\b/
    expect(opens("import { useJob, type Job } from './useJob';")).toBe(true);
  });

  it('follows a composable whatever its module’s extension', () => {
    // kills component-streams.ts:258 !composable -> composable
    expect(opens("import { useJob } from './useJob.jsx';")).toBe(true);
  });

  it('follows a plain function of a `.ts`, `.js` or `.mjs` module named with its extension', () => {
    // kills component-streams.ts:258 /…\.[cm]?[jt]s$/ -> /…\.[cm]?[^jt]s$/
    // kills component-streams.ts:258 /…\.[cm]?[jt]s$/ -> /…\.[cm][jt]s$/
    expect(opens("import { createFeed } from './feed.ts';")).toBe(true);
    expect(opens("import { createFeed } from './feed.js';")).toBe(true);
    // kills component-streams.ts:258 /…\.[cm]?[jt]s$/ -> /…\.[^cm]?[jt]s$/
    expect(opens("import { createFeed } from './feed.mjs';")).toBe(true);
  });

  it('follows a plain function of a module whose name has dots of its own, like the name without them', () => {
    expect(opens("import { createFeed } from './jobFeed.service';")).toBe(true);
    expect(opens("import { createFeed } from './jobs.svelte.helpers';")).toBe(true);
  });

  it('looks for no module behind a Vue component, a style sheet or an asset, with or without a query', () => {
    expect(opens("import { createFeed } from './Feed.vue';")).toBe(false);
    expect(opens("import { createFeed } from './theme.css';")).toBe(false);
    expect(opens("import { createFeed } from './theme.css?inline';")).toBe(false);
  });

  it('reads no component file for a plain import from it, and nothing for a module that does not exist', () => {
    // kills component-streams.ts:260 composable || CODE_MODULE.test(target) -> true
    // kills component-streams.ts:260 target && (…) -> true
    // kills component-streams.ts:260 target && (composable || …) -> target || composable || …
    expect(opens("import { feedOf } from './Feed.svelte';")).toBe(false);
    // kills component-streams.ts:260 target && (…) -> true (a missing module has no verdict to read)
    // kills component-streams.ts:260 target && (composable || …) -> target || composable || …
    expect(opens("import { useGone } from './useGone';")).toBe(false);
  });
});
