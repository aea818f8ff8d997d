/**
 * Where a Vue template or Svelte markup renders a component: the elements that name it, and
 * whether each is repeated (`v-for` on it or around it, inside an `{#each}` but not its
 * `{:else}`). What `renderSites` and `findRepetition` answer for JSX, for the report's counts.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { type VueElement, componentNameOfTag, enclosingVFor } from 'eslint-plugin-sse/detection';

export interface TemplateUse {
  line: number;
  perItem: boolean;
}

interface MarkupNode {
  type: string;
  loc: { start: { line: number } };
  [key: string]: unknown;
}

function isNode(value: unknown): value is MarkupNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The children of a node of either parser, without its `parent` (the walk goes down only). */
function childrenOf(node: MarkupNode): MarkupNode[] {
  const children: MarkupNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'tokens' || key === 'comments' || key === 'errors') continue;
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) children.push(child);
  }
  return children;
}

function vueUses(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TemplateUse[] {
  const template = (sourceCode.ast as unknown as { templateBody?: MarkupNode | null }).templateBody;
  const uses: TemplateUse[] = [];
  const visit = (node: MarkupNode): void => {
    if (node.type === 'VElement') {
      const rawName = node.rawName as string;
      // Native elements are lower case without a dash; components are PascalCase or kebab-case.
      if ((/^[A-Z]/.test(rawName) || rawName.includes('-')) && componentNameOfTag(rawName) === name) {
        uses.push({ line: node.loc.start.line, perItem: enclosingVFor(node as unknown as VueElement) !== null });
      }
    }
    if (node.type === 'VElement' || node.type === 'VDocumentFragment') for (const child of (node.children as MarkupNode[] | undefined) ?? []) visit(child);
  };
  if (template) visit(template);
  return uses;
}

function svelteUses(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TemplateUse[] {
  const uses: TemplateUse[] = [];
  const visit = (node: MarkupNode, perItem: boolean): void => {
    if (node.type === 'SvelteElement' && node.kind === 'component') {
      const tag = node.name as { range: [number, number] };
      if (sourceCode.text.slice(tag.range[0], tag.range[1]) === name) uses.push({ line: node.loc.start.line, perItem });
    }
    for (const child of childrenOf(node)) {
      // An `{#each}` repeats its body; its `{:else}` renders once, when the list is empty.
      const repeats = node.type === 'SvelteEachBlock' && child !== node.else && child !== node.expression;
      visit(child, perItem || repeats);
    }
  };
  for (const statement of sourceCode.ast.body as unknown as MarkupNode[]) if (statement.type !== 'SvelteScriptElement') visit(statement, false);
  return uses;
}

/** The places the component's markup renders the component imported as `localName`. */
export function templateUses(sourceCode: Readonly<TSESLint.SourceCode>, localName: string, extension: string): TemplateUse[] {
  if (extension === '.vue') return vueUses(sourceCode, componentNameOfTag(localName));
  if (extension === '.svelte') return svelteUses(sourceCode, localName);
  return [];
}
