/**
 * Pins `svelteEachVisitor` of `src/analysis/templates/svelte-template.ts` (issue 17), so that the
 * mutants StrykerJS left alive there fail a test: it adds no listener (returns null) for a Svelte
 * component without `{#each}`, nor for a list whose imported `.svelte` files cannot open a stream
 * and that does not render itself (`<svelte:self>`), even when it imports a code module that names
 * one; and when the configured parser cannot parse other files, it loads svelte-eslint-parser
 * from the project to read the row.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import * as svelteParser from 'svelte-eslint-parser';
import { describe, expect, it } from 'vitest';
import type { PerItemRender } from '../../src/analysis/templates/component-streams.js';
import { svelteEachVisitor } from '../../src/analysis/templates/svelte-template.js';
import { folderPerCase } from '../support/scratch-folders.js';
import { lintWithProbeRule, type ProbeContext } from './probe.js';

// A fresh folder per case: imported files are cached by path and modification time.
const folder = folderPerCase('vuesv-svelte');
const write = folder.write;

interface Outcome {
  /** Whether the visitor added listeners (false: it returned null). */
  listens: boolean;
  /** What it reported: `component repetition file:line`. */
  reports: string[];
}

/**
 * Lints `code` as `filename` in the case's folder with svelte-eslint-parser, through a probe rule
 * that hands the visitor the rule context, or `asContext(context)` in its place.
 */
function visit(code: string, filename: string, asContext: (context: ProbeContext) => ProbeContext = (context) => context): Outcome {
  const outcome: Outcome = { listens: false, reports: [] };
  const languageOptions = { parser: filename.endsWith('.svelte') ? svelteParser : tsParser, parserOptions: { parser: tsParser, sourceType: 'module' } };
  lintWithProbeRule(code, { cwd: folder.path, filename: path.join(folder.path, filename), files: ['**/*.svelte', '**/*.ts'], languageOptions }, (context) => {
    const report = (render: PerItemRender) =>
      outcome.reports.push(`${render.component} ${render.repetition} ${path.basename(render.stream.file)}:${render.stream.line}`);
    const listeners = svelteEachVisitor(asContext(context), [], report);
    outcome.listens = listeners !== null;
    return listeners ?? {};
  });
  return outcome;
}

/** A row that opens a stream of its own when it mounts (Svelte 5). */
const STREAMING_ROW = `<script>
  let { id } = $props();
  const source = new EventSource('/rows/' + id);
</script>
<li>{id}</li>
`;
/** A row that opens nothing. */
const PLAIN_ROW = `<script>
  let { id } = $props();
</script>
<li>{id}</li>
`;

describe('svelteEachVisitor: when it adds no listener', () => {
  it('adds none to a component without `{#each}`, though it renders a streaming row', () => {
    write('Row.svelte', STREAMING_ROW);
    const single = `<script>
  import Row from './Row.svelte';
</script>
<Row id="main" />
`;
    // kills svelte-template.ts:56 !isSvelteFile(sourceCode) || !sourceCode.text.includes('{#each') -> false
    // kills svelte-template.ts:56 || -> && (a Svelte file without `{#each}`)
    // kills svelte-template.ts:56 '{#each' -> ""
    expect(visit(single, 'Single.svelte')).toEqual({ listens: false, reports: [] });
  });

  it('adds listeners, and reports the row, once the same component repeats it in `{#each}`', () => {
    write('Row.svelte', STREAMING_ROW);
    const list = `<script>
  import Row from './Row.svelte';
  let { ids } = $props();
</script>
{#each ids as id}<Row {id} />{/each}
`;
    expect(visit(list, 'List.svelte')).toEqual({ listens: true, reports: ['Row an `{#each}` over `ids` Row.svelte:3'] });
  });

  it('adds none when the imported rows cannot open a stream, though a code module it imports names one', () => {
    write('Row.svelte', PLAIN_ROW);
    write('feed.js', "export default function feed(id) { return new EventSource('/feed/' + id); }\n");
    const list = `<script>
  import Row from './Row.svelte';
  import feed from './feed.js';
  let { ids } = $props();
</script>
<button onclick={() => feed('all')}>all</button>
{#each ids as id}<Row {id} />{/each}
`;
    // kills svelte-template.ts:58 '.svelte' -> "" (feed.js taken for a component file)
    // kills svelte-template.ts:60 !mayRenderStreamingComponent(…) -> false
    expect(visit(list, 'List.svelte')).toEqual({ listens: false, reports: [] });
  });

  it('adds none to a list that opens a stream itself but does not render itself', () => {
    const list = `<script>
  let { ids } = $props();
  const source = new EventSource('/ids');
</script>
{#each ids as id}<li>{id}</li>{/each}
`;
    // kills svelte-template.ts:59 '<svelte:self' -> ""
    expect(visit(list, 'List.svelte')).toEqual({ listens: false, reports: [] });
  });

  it('adds listeners to a list that opens a stream itself and renders itself with `<svelte:self>`', () => {
    const tree = `<script>
  let { node } = $props();
  const source = new EventSource('/nodes/' + node.id);
</script>
<li>{node.id}<ul>{#each node.children as child}<svelte:self node={child} />{/each}</ul></li>
`;
    expect(visit(tree, 'Tree.svelte')).toEqual({ listens: true, reports: ['svelte:self an `{#each}` over `node.children` Tree.svelte:3'] });
  });
});

describe('svelteEachVisitor: reading the row', () => {
  it('loads svelte-eslint-parser from the project when the configured parser cannot parse other files', () => {
    write('Row.svelte', STREAMING_ROW);
    const list = `<script>
  import Row from './Row.svelte';
  let { ids } = $props();
</script>
{#each ids as id}<Row {id} />{/each}
`;
    // The configured parser offers `parse` only: the rule has to find svelte-eslint-parser itself,
    // in the project's node_modules.
    symlinkSync(path.resolve('node_modules'), path.join(folder.path, 'node_modules'), 'dir');
    const parser = { parse: (code: string) => svelteParser.parseForESLint(code).ast };
    const parseOnly = (context: ProbeContext): ProbeContext => Object.create(context, { languageOptions: { value: { parser, parserOptions: {} } } }) as ProbeContext;
    // kills svelte-template.ts:61 'svelte-eslint-parser' -> ""
    expect(visit(list, 'List.svelte', parseOnly)).toEqual({ listens: true, reports: ['Row an `{#each}` over `ids` Row.svelte:3'] });
  });
});
