/**
 * Components that Svelte markup renders inside `{#each}`, and the stream each of their
 * instances opens: the component is the `.svelte` file its default import names, or this file
 * itself (`<svelte:self>`, or an import of its own file in Svelte 5).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StreamWrapper } from '../stream-sources.js';
import { type PerItemRender, componentStreamResolver, importedComponentFiles } from './component-streams.js';
import { mayRenderStreamingComponent } from './imported-components.js';
import { isSvelteFile } from './svelte-sfc.js';

/** The few fields of svelte-eslint-parser's nodes that are read here. */
interface SvelteNode {
  type: string;
  parent?: SvelteNode;
  range: [number, number];
  loc: TSESTree.SourceLocation;
}

interface SvelteElement extends SvelteNode {
  kind: 'html' | 'component' | 'special';
  name: { type: string; name?: string; range: [number, number] };
  startTag: { range: [number, number]; loc: TSESTree.SourceLocation };
}

interface SvelteEachBlock extends SvelteNode {
  expression: { range: [number, number] };
  else?: SvelteNode | null;
}

/** `from './Row.svelte'`: the only way markup gets another file's component that this rule can follow. */
const IMPORTS_SVELTE_FILE = /\.svelte['"]/;

/** The `{#each}` that repeats `node`: an enclosing one, unless `node` is in its `{:else}`, which renders once. */
function enclosingEach(node: SvelteNode): SvelteEachBlock | null {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === 'SvelteEachBlock' && (current as SvelteEachBlock).else !== child) return current as SvelteEachBlock;
  }
  return null;
}

/**
 * Listeners that call `report` for every component rendered inside `{#each}` whose instances
 * open a stream each, or null when the text shows that none can: the file is not a Svelte
 * component with an `{#each}`, or no `.svelte` file it imports (a Svelte 5 self-import is one)
 * names a stream, in its own text or its relative composables', and it does not render itself
 * (`<svelte:self>`) with one. Then no listener is added and no component is parsed.
 */
export function svelteEachVisitor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  wrappers: readonly StreamWrapper[],
  report: (render: PerItemRender) => void,
): TSESLint.RuleListener | null {
  const sourceCode = context.sourceCode;
  if (!isSvelteFile(sourceCode) || !sourceCode.text.includes('{#each')) return null;
  const filename = context.filename;
  const importedFiles = IMPORTS_SVELTE_FILE.test(sourceCode.text) ? importedComponentFiles(sourceCode, filename, '.svelte').values() : [];
  const rendersItself = () => sourceCode.text.includes('<svelte:self');
  if (!mayRenderStreamingComponent(sourceCode, filename, { importedFiles, rendersItself }, wrappers)) return null;
  const streamOfFile = componentStreamResolver(context, wrappers, 'svelte-eslint-parser');
  let imports: Map<string, string> | undefined;

  return {
    SvelteElement(node: unknown) {
      const element = node as SvelteElement;
      const self = element.kind === 'special' && element.name.name === 'svelte:self';
      if (element.kind !== 'component' && !self) return;
      const each = enclosingEach(element);
      if (!each) return;
      const tag = sourceCode.text.slice(element.name.range[0], element.name.range[1]);
      imports ??= importedComponentFiles(sourceCode, filename, '.svelte');
      const file = self ? filename : imports.get(tag);
      const stream = file ? streamOfFile(file) : null;
      if (!stream || !file) return;
      const over = sourceCode.text.slice(each.expression.range[0], each.expression.range[1]);
      report({
        node: element.startTag,
        component: tag,
        repetition: `an \`{#each}\` over \`${over}\``,
        stream,
        file,
        self: file === filename,
      });
    },
  } as TSESLint.RuleListener;
}
