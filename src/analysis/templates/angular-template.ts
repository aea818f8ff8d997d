/**
 * Components that an Angular template (parsed by @angular-eslint/template-parser) renders
 * under `@for`, `*ngFor` or `<ng-template ngFor>`, and the stream each of their instances
 * opens. The template's own component is the `.ts` file whose `templateUrl` names it (or,
 * for an inline `template:` that angular-eslint's `processInlineTemplates` hands over as a
 * virtual `.html` file, the component file it came from); an element is resolved to a class
 * through that component's standalone `imports: [...]` (relative modules, followed one level
 * through their re-exports, or classes of the same file), the `declarations` of the `NgModule`
 * that declares it, or to the component itself (a tree node that renders itself), by selector.
 * Without a TypeScript program: syntax only, read from disk like the Vue and Svelte imports.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StreamWrapper } from '../stream-sources.js';
import {
  type AngularComponent,
  angularComponents,
  exportedComponent,
  importSources,
  importedNames,
  matchingSelector,
  ngModuleDeclarations,
  templateUrlNames,
} from './angular-component.js';
import {
  type ComponentStream,
  type PerItemRender,
  importedComponent,
  resolveRelative,
  streamOpenedAtMount,
} from './component-streams.js';
import { providedServiceStream } from './angular-providers.js';
import { type ParseFile, parsedSourceCode, projectParser } from './parse-file.js';

/** The few fields of the template parser's nodes that are read here (Angular's compiler AST, with ESLint's `parent`). */
interface TemplateNode {
  type: string;
  parent?: TemplateNode;
}

interface SourceSpan {
  start: { offset: number; line: number; col: number };
  end: { offset: number; line: number; col: number };
}

interface Attribute {
  name: string;
  value?: { source?: string | null } | string;
}

interface AngularElement extends TemplateNode {
  name: string;
  attributes: Attribute[];
  inputs: Attribute[];
  outputs: Attribute[];
  startSourceSpan: SourceSpan;
}

interface ForLoopBlock extends TemplateNode {
  expression: { source?: string | null };
}

interface NgTemplate extends TemplateNode {
  tagName: string | null;
  templateAttrs: Attribute[];
  inputs: Attribute[];
}

/** What a template is rendered from: the component file, its parsed source and the component's class. */
interface Owner {
  file: string;
  sourceCode: Readonly<TSESLint.SourceCode>;
  component: AngularComponent;
  /** Whether the template is the component's inline `template:` (the report lands in the same file). */
  inline: boolean;
}

/** A component the template can render, once its file is read. */
interface Candidate {
  file: string;
  sourceCode: Readonly<TSESLint.SourceCode>;
  component: AngularComponent;
}

/** Whether the file was parsed by @angular-eslint/template-parser: its program holds template nodes. */
export function isAngularTemplate(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return Array.isArray((sourceCode.ast as unknown as { templateNodes?: unknown }).templateNodes);
}

function sourceOf(attribute: Attribute): string | null {
  return typeof attribute.value === 'object' ? (attribute.value.source ?? null) : null;
}

/** "an `@for` over `jobs`", "an `*ngFor` over `jobs`": the repetition that renders `element` per item, or null. */
export function enclosingRepetition(element: TemplateNode): string | null {
  let child = element;
  for (let current = element.parent; current; child = current, current = current.parent) {
    // `@empty` renders once, when the collection is empty.
    if (current.type === 'ForLoopBlock' && child.type !== 'ForLoopBlockEmpty') {
      const over = (current as ForLoopBlock).expression.source;
      return over ? `an \`@for\` over \`${over}\`` : 'an `@for`';
    }
    if (current.type !== 'Template') continue;
    const template = current as NgTemplate;
    const structural = template.templateAttrs.find((attribute) => attribute.name === 'ngForOf');
    const explicit = template.inputs.find((attribute) => attribute.name === 'ngForOf');
    const ngFor = structural ?? explicit;
    if (!ngFor) continue;
    const over = sourceOf(ngFor);
    const form = structural ? '`*ngFor`' : '`<ng-template ngFor>`';
    return over ? `an ${form} over \`${over}\`` : `an ${form}`;
  }
  return null;
}

interface ParsedFile {
  mtimeMs: number;
  sourceCode: Readonly<TSESLint.SourceCode> | null;
}

/** Component and module files parsed to find a template's owner and its siblings, which need no stream of their own to be read. */
const ownerFiles = new Map<string, ParsedFile>();

/** `file` parsed when its text has `marker` (`@Component`, `@NgModule`, a re-export), cached per path and modification time. */
function parsedComponentFile(file: string, parse: ParseFile, marker: string | RegExp = '@Component'): Readonly<TSESLint.SourceCode> | null {
  try {
    const { mtimeMs } = statSync(file);
    const key = `${String(marker)}\0${file}`;
    const cached = ownerFiles.get(key);
    if (cached && cached.mtimeMs === mtimeMs) return cached.sourceCode;
    const text = readFileSync(file, 'utf8');
    const marked = typeof marker === 'string' ? text.includes(marker) : marker.test(text);
    const sourceCode = marked ? parsedSourceCode(parse, file, text) : null;
    ownerFiles.set(key, { mtimeMs, sourceCode });
    return sourceCode;
  } catch {
    // A component file that cannot be read or parsed names no owner; the template is still linted.
    return null;
  }
}

function mentions(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(text);
  } catch {
    return false;
  }
}

/**
 * `…/list.component.ts/2_inline-template-list.component.ts-2.component.html`: the name ESLint
 * gives (block index, then angular-eslint's own name) to the second inline template of a file.
 */
const INLINE_TEMPLATE = /^(.+\.[cm]?ts)[\\/](?:\d+_)?inline-template-.+-(\d+)\.component\.html$/;

/** The component an inline template belongs to: the n-th one of its file with a `template:` and no `templateUrl`, as the processor counts. */
function inlineOwner(file: string, index: number, parse: ParseFile): Owner | null {
  const sourceCode = parsedComponentFile(file, parse);
  const withTemplates = sourceCode ? angularComponents(sourceCode.ast).filter((c) => c.hasInlineTemplate && !c.templateUrl) : [];
  const component = withTemplates[index - 1];
  return sourceCode && component ? { file, sourceCode, component, inline: true } : null;
}

/** The names in a directory; none when it cannot be read. */
function directoryEntries(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

/** The component whose `templateUrl` names `template`: in the `.ts` file of the same name first, then in the other `.ts` files beside it. */
function externalOwner(template: string, parse: ParseFile): Owner | null {
  const directory = path.dirname(template);
  const sameName = template.replace(/\.html$/, '.ts');
  const siblings = directoryEntries(directory)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(directory, name))
    .filter((file) => file !== sameName);
  for (const file of [sameName, ...siblings]) {
    if (file !== sameName && !mentions(file, path.basename(template))) continue;
    const sourceCode = parsedComponentFile(file, parse);
    const component = sourceCode
      ? angularComponents(sourceCode.ast).find((c) => c.templateUrl !== null && templateUrlNames(file, c.templateUrl, template))
      : undefined;
    if (sourceCode && component) return { file, sourceCode, component, inline: false };
  }
  return null;
}

/** A component file that lists `providers`, whose services may open a stream per instance. */
function providingComponent(file: string, parse: ParseFile): { file: string; sourceCode: Readonly<TSESLint.SourceCode> } | null {
  const sourceCode = mentions(file, 'providers') ? parsedComponentFile(file, parse) : null;
  return sourceCode ? { file, sourceCode } : null;
}

/** How many directories up from a component an `NgModule` that declares it is looked for. */
const MODULE_SEARCH_DEPTH = 3;

/**
 * The other components that the `NgModule` declaring a non-standalone component declares
 * (`declarations: [JobListComponent, JobRowComponent]`), each with the module file its import
 * is relative to: the `*.module.ts` files of the component's directory and those above it
 * that name the component. None for a component with `imports` of its own (standalone).
 */
function moduleSiblings(owner: Owner, parse: ParseFile): { from: string; module: string | null; exported: string }[] {
  const name = owner.component.name;
  if (!name || owner.component.imports.length > 0) return [];
  let directory = path.dirname(owner.file);
  for (let depth = 0; depth < MODULE_SEARCH_DEPTH; depth++, directory = path.dirname(directory)) {
    for (const entry of directoryEntries(directory).filter((file) => file.endsWith('.module.ts'))) {
      const file = path.join(directory, entry);
      const sourceCode = mentions(file, name) ? parsedComponentFile(file, parse, '@NgModule') : null;
      const declarations = sourceCode ? ngModuleDeclarations(sourceCode.ast).find((names) => names.includes(name)) : undefined;
      if (!sourceCode || !declarations) continue;
      const sources = importSources(sourceCode);
      return declarations.flatMap((declared) => {
        const source = declared === name ? undefined : sources.get(declared);
        return source ? [{ from: file, ...source }] : [];
      });
    }
  }
  return [];
}

/**
 * The components a template can render: its own (rendering itself), those its `imports` name
 * from relative modules or its own file, and those its `NgModule` declares beside it.
 */
function candidatesOf(owner: Owner, wrappers: readonly StreamWrapper[], parse: ParseFile): Candidate[] {
  const candidates: Candidate[] = [{ file: owner.file, sourceCode: owner.sourceCode, component: owner.component }];
  const declared = angularComponents(owner.sourceCode.ast);
  const imported = importedNames(owner.sourceCode, owner.component).map((name) => ({ from: owner.file, ...name }));
  for (const { from, module, exported } of [...imported, ...moduleSiblings(owner, parse)]) {
    if (module === null) {
      const component = declared.find((c) => c.name === exported);
      if (component && component !== owner.component) candidates.push({ file: owner.file, sourceCode: owner.sourceCode, component });
      continue;
    }
    const file = resolveRelative(from, module);
    const candidate = file ? exportedCandidate(file, exported, wrappers, parse) : null;
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/** The component that the relative module `file` exports as `exported`, read from the file that declares it. */
function exportedCandidate(file: string, exported: string, wrappers: readonly StreamWrapper[], parse: ParseFile): Candidate | null {
  for (const target of exportSources(file, exported, parse)) {
    // Prefiltered by text: a component file that cannot open a stream, itself or through a
    // service it provides, is never parsed.
    const source = importedComponent(target.file, wrappers, parse) ?? providingComponent(target.file, parse);
    const component = source ? exportedComponent(source.sourceCode.ast, target.exported) : null;
    if (source && component) return { file: source.file, sourceCode: source.sourceCode, component };
  }
  return null;
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

/** `export {` and `export *`: the text of a re-export, without which a module is not parsed to look for one. */
const RE_EXPORT = /\bexport\s*[{*]/;

/** Whether an `export` without `from` exports `name` (`export class RowComponent`, `export { RowComponent }`). */
function exportsItself(statement: TSESTree.ExportNamedDeclaration, name: string): boolean {
  const declaration = statement.declaration;
  const declared = declaration && 'id' in declaration && declaration.id?.type === 'Identifier' ? declaration.id.name : null;
  return declared === name || statement.specifiers.some((specifier) => exportName(specifier.exported) === name);
}

/**
 * Where the module `file` may take `exported` from, one level deep: the module named by its
 * re-export of that name (a barrel, `shared/index.ts`, or a library's `public-api.ts`:
 * `export { JobRowComponent } from './job-row.component'`), or else the module itself, then
 * those of its `export * from`, which pass on neither `default` nor a name the module exports itself.
 */
function exportSources(file: string, exported: string, parse: ParseFile): { file: string; exported: string }[] {
  const sourceCode = parsedComponentFile(file, parse, RE_EXPORT);
  const sources = [{ file, exported }];
  for (const statement of sourceCode?.ast.body ?? []) {
    if (statement.type === 'ExportAllDeclaration' && !statement.exported && exported !== 'default') {
      const target = resolveRelative(file, statement.source.value);
      if (target) sources.push({ file: target, exported });
    }
    if (statement.type !== 'ExportNamedDeclaration') continue;
    if (!statement.source) {
      if (exportsItself(statement, exported)) return [{ file, exported }];
      continue;
    }
    for (const specifier of statement.specifiers) {
      if (exportName(specifier.exported) !== exported) continue;
      const target = resolveRelative(file, statement.source.value);
      return target ? [{ file: target, exported: exportName(specifier.local) }] : [];
    }
  }
  return sources;
}

function elementAttributes(element: AngularElement): string[] {
  return [...element.attributes, ...element.inputs, ...element.outputs].map((attribute) => attribute.name);
}

/** How messages name what the template renders: `app-job-row`, `tr[app-job-row]`. */
function renderedName(element: AngularElement, selector: string): string {
  return /^[a-zA-Z]/.test(selector) ? selector : `${element.name}${selector}`;
}

/**
 * Listeners that call `report` for every component rendered under `@for` or `ngFor` whose
 * instances open a stream each, or null when the file is not an Angular template with one
 * (the text prefilter). The owning component and its imports are read on the first repeated
 * element, once per lint.
 */
export function angularTemplateVisitor(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  wrappers: readonly StreamWrapper[],
  report: (render: PerItemRender) => void,
): TSESLint.RuleListener | null {
  const sourceCode = context.sourceCode;
  if (!isAngularTemplate(sourceCode) || !(sourceCode.text.includes('@for') || sourceCode.text.includes('ngFor'))) return null;
  let candidates: Candidate[] | undefined;
  let owner: Owner | null = null;
  let parse: ParseFile | null = null;
  const streams = new Map<AngularComponent, ComponentStream | null>();

  function templateCandidates(): Candidate[] {
    if (candidates) return candidates;
    candidates = [];
    // The components are TypeScript, whatever parses the template.
    parse = projectParser(context, '@typescript-eslint/parser') ?? projectParser(context, 'typescript-eslint');
    if (!parse) return candidates;
    const inline = INLINE_TEMPLATE.exec(context.filename);
    owner = inline ? inlineOwner(inline[1]!, Number(inline[2]), parse) : externalOwner(context.filename, parse);
    if (owner) candidates = candidatesOf(owner, wrappers, parse);
    return candidates;
  }

  function streamOf(candidate: Candidate): ComponentStream | null {
    let stream = streams.get(candidate.component);
    if (stream === undefined) {
      const opening = streamOpenedAtMount(candidate.sourceCode, wrappers, candidate.component.node);
      stream = opening
        ? { file: candidate.file, line: opening.node.loc.start.line, stream: opening.source.label, route: '' }
        : parse && providedServiceStream(candidate, wrappers, parse);
      streams.set(candidate.component, stream);
    }
    return stream;
  }

  return {
    Element(node: unknown) {
      const element = node as AngularElement;
      const repetition = enclosingRepetition(element);
      if (!repetition) return;
      const target = { name: element.name, attributes: elementAttributes(element) };
      for (const candidate of templateCandidates()) {
        const selector = candidate.component.selector && matchingSelector(candidate.component.selector, target);
        const stream = selector ? streamOf(candidate) : null;
        if (!selector || !stream) continue;
        const { start, end } = element.startSourceSpan;
        report({
          node: {
            loc: { start: { line: start.line + 1, column: start.col }, end: { line: end.line + 1, column: end.col } },
            range: [start.offset, end.offset],
          },
          component: renderedName(element, selector),
          repetition,
          stream,
          file: candidate.file,
          self: owner?.inline === true && candidate.file === owner.file,
        });
        return;
      }
    },
  } as TSESLint.RuleListener;
}
