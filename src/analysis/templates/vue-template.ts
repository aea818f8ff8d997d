/**
 * Components that a Vue template renders under `v-for`, and the stream each of their
 * instances opens: the template is reached through vue-eslint-parser's template visitor, the
 * component by the name the template uses (`<JobRow>`, `<job-row>`): this file itself (a tree
 * node that renders itself), or a file imported by `<script setup>` or registered in
 * `components: { … }`: a `.vue` file, or a `.js`/`.ts` one (`defineComponent({ … })`, an
 * options object) that the template renders as a tag.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StreamWrapper } from '../stream-sources.js';
import { type ComponentStream, type PerItemRender, componentStreamResolver, importedComponentFiles, resolveRelative } from './component-streams.js';
import { mayRenderStreamingComponent } from './imported-components.js';
import { importDeclarations } from './svelte-sfc.js';
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

/**
 * `name:`, `'name':`, `"name":`: the key of a `name` option. A word boundary before it cannot
 * find the quoted keys (it falls between the quote and `name`, and the closing quote is no
 * colon); a quote before `name` alone would take `'data-name':` for one.
 */
const NAME_KEY = /(?:\bname|'name'|"name")\s*:/;
/** `name: 'TreeItem'` and the quoted keys of `NAME_KEY`, with the name. */
const NAME_OPTION = /(?:\bname|'name'|"name")\s*:\s*['"]([\w-]+)['"]/g;

/** How this component calls itself: its `name` option, `defineOptions({ name })`, or its file name. */
function ownNames(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): Set<string> {
  const names = new Set([fileComponentName(filename)]);
  for (const match of sourceCode.text.matchAll(NAME_OPTION)) names.add(componentNameOfTag(match[1]!));
  return names;
}

/** `MyRow` → `my-row`: the other way a template may write a component's name. */
const kebabCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Whether the text has a tag of the component `name`: `<JobRow`, `<job-row` (a prefilter: `<JobRowGroup` counts too). */
function hasTag(text: string, name: string): boolean {
  return text.includes(`<${name}`) || text.includes(`<${kebabCase(name)}`);
}

/** Whether the text has a tag with one of this component's own names: `<TreeNode`, `<tree-node`. */
function rendersItself(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): boolean {
  const text = sourceCode.text;
  // Asked of every list with a `v-for`: the file's own name first, a plain search; the `name`
  // options only when the text has one.
  if (hasTag(text, fileComponentName(filename))) return true;
  return NAME_KEY.test(text) && [...ownNames(sourceCode, filename)].some((name) => hasTag(text, name));
}

/** `from './Row.vue'`: a component file. */
const IMPORTS_VUE_FILE = /\.vue['"]/;

/** `./Row.ts`, `./Row.js`, `./Row` (which resolves to one): a script module, where a component is an options object. */
const SCRIPT_MODULE = /\.[cm]?[jt]s$|(^|\/)[^.]*$/;

/**
 * `components: { JobRow: Row }`, `{ 'job-row': Row }`, `{ "JobRow": Row }`: an import registered
 * under another name. The word boundary goes before an identifier only: none stands between a
 * quote and the space, `{` or `,` before it.
 */
const REGISTRATION = /(\b[A-Za-z_$][\w$-]*|'[\w-]+'|"[\w-]+")\s*:\s*([A-Za-z_$][\w$]*)\b/g;

/** `byLocal` keyed by template name (in PascalCase): each import's own, and those `components: { … }` gives it. */
function byTemplateName<T>(text: string, byLocal: Map<string, T>): Map<string, T> {
  const byTag = new Map(byLocal);
  for (const match of text.matchAll(REGISTRATION)) {
    const imported = byLocal.get(match[2]!);
    if (imported) byTag.set(componentNameOfTag(match[1]!.replace(/['"]/g, '')), imported);
  }
  return byTag;
}

/** Local names of the default imports of script modules, with the specifier, not yet resolved. */
function importedScriptModules(sourceCode: Readonly<TSESLint.SourceCode>): Map<string, string> {
  const byLocal = new Map<string, string>();
  for (const statement of importDeclarations(sourceCode)) {
    const specifier = statement.source.value;
    if (statement.importKind === 'type' || !SCRIPT_MODULE.test(specifier)) continue;
    for (const imported of statement.specifiers) {
      if (imported.type === 'ImportDefaultSpecifier') byLocal.set(imported.local.name, specifier);
    }
  }
  return byLocal;
}

/**
 * Template names (in PascalCase) of the components this file imports from script modules
 * (`import Row from './Row'`, `defineComponent({ … })` in `Row.ts`), with the file. Asked of
 * every list with a `v-for`, before the prefilter reads any file: only an import the template
 * has a tag of is resolved (up to six `stat`s; a package's is not) and its text read once per
 * modification time; a helper module (`import api from './api'`) costs two `includes` on the
 * list's text, and is neither read nor parsed.
 */
function renderedScriptComponents(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): Map<string, string> {
  const text = sourceCode.text;
  const byTag = new Map<string, string>();
  const modules = importedScriptModules(sourceCode);
  // Most lists import no default from a script module: no search for registrations then.
  if (modules.size === 0) return byTag;
  for (const [name, specifier] of byTemplateName(text, modules)) {
    const file = hasTag(text, name) ? resolveRelative(filename, specifier) : null;
    if (file) byTag.set(name, file);
  }
  return byTag;
}

/** Template names (in PascalCase) of the components this file imports from `.vue` files, with the file. */
function importedVueComponents(sourceCode: Readonly<TSESLint.SourceCode>, filename: string): Map<string, string> {
  return byTemplateName(sourceCode.text, importedComponentFiles(sourceCode, filename, '.vue'));
}

/**
 * The template visitor that calls `report` for every component rendered under `v-for` whose
 * instances open a stream each, or null when the text shows that none can: the file is not a
 * Vue component with a `v-for`, or no component file it imports (a `.vue` file, or a script
 * module it has a tag of) names a stream (in its own text or its relative composables') and it
 * does not render itself with one. Then the template is
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
  const vueFiles = IMPORTS_VUE_FILE.test(sourceCode.text) ? importedComponentFiles(sourceCode, filename, '.vue').values() : [];
  const scriptComponents = renderedScriptComponents(sourceCode, filename);
  const importedFiles = [...vueFiles, ...scriptComponents.values()];
  if (!mayRenderStreamingComponent(sourceCode, filename, { importedFiles, rendersItself: () => rendersItself(sourceCode, filename) }, wrappers)) {
    return null;
  }
  const streamOfFile = componentStreamResolver(context, wrappers, 'vue-eslint-parser');
  let imports: Map<string, string> | undefined;
  let names: Set<string> | undefined;

  function streamOf(tag: string): { stream: ComponentStream; file: string; self: boolean } | null {
    imports ??= new Map([...scriptComponents, ...importedVueComponents(sourceCode, filename)]);
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
