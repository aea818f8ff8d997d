/**
 * Components that a Vue template renders under `v-for`, and the stream each of their
 * instances opens: the template is reached through vue-eslint-parser's template visitor, the
 * component by the name the template uses (`<JobRow>`, `<job-row>`): this file itself (a tree
 * node that renders itself), or a `.vue` file imported by `<script setup>` or registered in
 * `components: { … }`.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StreamWrapper } from '../stream-sources.js';
import { type ComponentStream, type PerItemRender, componentStreamResolver, importedComponentFiles } from './component-streams.js';
import { mayRenderStreamingComponent } from './imported-components.js';
import { componentNameOfTag, isVueFile } from './vue-sfc.js';

/** The few fields of vue-eslint-parser's template nodes that are read here. */
export interface VueElement {
  type: 'VElement';
  rawName: string;
  range: [number, number];
  loc: TSESTree.SourceLocation;
  parent: VueElement | { type: string };
  startTag: { range: [number, number]; loc: TSESTree.SourceLocation; attributes: VueAttribute[] };
}

interface VueAttribute {
  directive: boolean;
  key: { type: string; name: string | { name: string }; argument?: unknown };
  value: { range: [number, number]; expression?: { type: string; right?: { range: [number, number] } } | null } | null;
}

interface TemplateServices {
  defineTemplateBodyVisitor: (
    templateVisitor: Record<string, (node: never) => void>,
    scriptVisitor?: TSESLint.RuleListener,
  ) => TSESLint.RuleListener;
}

function directiveName(attribute: VueAttribute): string | null {
  if (!attribute.directive) return null;
  const name = attribute.key.name;
  return typeof name === 'string' ? name : name.name;
}

/** The `v-for` that repeats `element`: its own, or an enclosing element's (a `<template v-for>` included). */
export function enclosingVFor(element: VueElement): VueAttribute | null {
  for (let current: VueElement['parent'] = element; current.type === 'VElement'; current = (current as VueElement).parent) {
    // A `v-for` without a value is a template error, which repeats nothing.
    const vFor = (current as VueElement).startTag.attributes.find(
      (attribute) => directiveName(attribute) === 'for' && attribute.value?.expression,
    );
    if (vFor) return vFor;
  }
  return null;
}

/** "a `v-for` over `rows`", for messages. */
export function describeVFor(sourceCode: Readonly<TSESLint.SourceCode>, vFor: VueAttribute): string {
  const right = vFor.value?.expression?.type === 'VForExpression' ? vFor.value.expression.right : undefined;
  return right ? `a \`v-for\` over \`${sourceCode.text.slice(right.range[0], right.range[1])}\`` : 'a `v-for`';
}

const fileComponentName = (filename: string) => componentNameOfTag(path.basename(filename, path.extname(filename)));

/** How this component calls itself: its `name` option, `defineOptions({ name })`, or its file name. */
function ownNames(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): Set<string> {
  const names = new Set([fileComponentName(filename)]);
  for (const match of sourceCode.text.matchAll(/\bname\s*:\s*['"]([\w-]+)['"]/g)) names.add(componentNameOfTag(match[1]!));
  return names;
}

/** `MyRow` → `my-row`: the other way a template may write a component's name. */
const kebabCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Whether the text has a tag with one of this component's own names: `<TreeNode`, `<tree-node`. */
function rendersItself(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  const text = sourceCode.text;
  const hasTag = (name: string) => text.includes(`<${name}`) || text.includes(`<${kebabCase(name)}`);
  // Asked of every list with a `v-for`: the file's own name first, a plain search; the `name`
  // options only when the text has one.
  if (hasTag(fileComponentName(filename))) return true;
  return /\bname\s*:/.test(text) && [...ownNames(sourceCode, filename)].some(hasTag);
}

/** `from './Row.vue'`: the only way a template gets another file's component that this rule can follow. */
const IMPORTS_VUE_FILE = /\.vue['"]/;

/** Template names (in PascalCase) of the components this file imports from `.vue` files, with the file. */
function importedVueComponents(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): Map<string, string> {
  const byLocal = importedComponentFiles(sourceCode, filename, '.vue');
  const byTag = new Map(byLocal);
  // `components: { JobRow: Row }` registers an import under another name.
  for (const match of sourceCode.text.matchAll(/\b([A-Za-z_$][\w$-]*|'[\w-]+'|"[\w-]+")\s*:\s*([A-Za-z_$][\w$]*)\b/g)) {
    const file = byLocal.get(match[2]!);
    if (file) byTag.set(componentNameOfTag(match[1]!.replace(/['"]/g, '')), file);
  }
  return byTag;
}

/**
 * The template visitor that calls `report` for every component rendered under `v-for` whose
 * instances open a stream each, or null when the text shows that none can: the file is not a
 * Vue component with a `v-for`, or no `.vue` file it imports names a stream (in its own text
 * or its relative composables') and it does not render itself with one. Then the template is
 * never walked and no component is parsed.
 */
export function vueTemplateVisitor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  wrappers: readonly StreamWrapper[],
  report: (render: PerItemRender) => void,
): Record<string, (node: never) => void> | null {
  const sourceCode = context.sourceCode;
  if (!isVueFile(sourceCode) || !sourceCode.text.includes('v-for')) return null;
  const filename = context.filename;
  const importedFiles = IMPORTS_VUE_FILE.test(sourceCode.text) ? importedComponentFiles(sourceCode, filename, '.vue').values() : [];
  if (!mayRenderStreamingComponent(sourceCode, filename, { importedFiles, rendersItself: () => rendersItself(sourceCode, filename) }, wrappers)) {
    return null;
  }
  const streamOfFile = componentStreamResolver(context, wrappers, 'vue-eslint-parser');
  let imports: Map<string, string> | undefined;
  let names: Set<string> | undefined;

  function streamOf(tag: string): { stream: ComponentStream; file: string; self: boolean } | null {
    imports ??= importedVueComponents(sourceCode, filename);
    names ??= ownNames(sourceCode, filename);
    // An import wins over a `name: '…'` that may belong to some object other than the options.
    const file = imports.get(tag) ?? (names.has(tag) ? filename : undefined);
    const stream = file ? streamOfFile(file) : null;
    return stream && file ? { stream, file, self: file === filename } : null;
  }

  return {
    VElement(node: never) {
      const element = node as VueElement;
      // Native elements are lower case without a dash; components are PascalCase or kebab-case.
      if (!/^[A-Z]/.test(element.rawName) && !element.rawName.includes('-')) return;
      const vFor = enclosingVFor(element);
      if (!vFor) return;
      const tag = componentNameOfTag(element.rawName);
      const found = streamOf(tag);
      if (!found) return;
      report({ node: element.startTag, component: element.rawName, repetition: describeVFor(sourceCode, vFor), ...found });
    },
  };
}

/** `listeners` plus the template visitor, through vue-eslint-parser's services. */
export function withTemplateVisitor(
  sourceCode: Readonly<TSESLint.SourceCode>,
  listeners: TSESLint.RuleListener,
  templateVisitor: Record<string, (node: never) => void> | null,
): TSESLint.RuleListener {
  if (!templateVisitor) return listeners;
  const services = sourceCode.parserServices as unknown as TemplateServices;
  return services.defineTemplateBodyVisitor(templateVisitor, listeners);
}
