/**
 * Whether one instance of a single-file component opens a stream of its own: at mount (its
 * `<script setup>`, `setup()`, `onMounted`, `mounted`, Svelte's instance script or `onMount`),
 * directly, through local functions, or through a composable it imports from a relative
 * module. Asked of the linted file (a component that renders itself) and of the components
 * and composables its template imports, which are read from disk, prefiltered by text, parsed
 * with the user's own parser, and cached per path and modification time.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { mountContextOf } from '../lifecycle/mount-context.js';
import { isOneShotStream } from '../one-shot.js';
import { runsOnConstruction } from '../stream-consumers.js';
import { type StreamOpening, type StreamWrapper, getStreamOpenings, mentionsStream, sourceMentionsStream } from '../stream-sources.js';
import { streamStorage } from '../stream-storage.js';
import { wrappersKey } from '../wrappers-cache.js';
import { FileTextVerdicts } from './file-verdicts.js';
import { type ParseFile, parsedSourceCode, userParser } from './parse-file.js';
import { importDeclarations, isInSvelteInstanceScript } from './svelte-sfc.js';
import { isInScriptSetup } from './vue-sfc.js';

/** Where an instance's stream opens, for messages. */
export interface ComponentStream {
  /** The file that opens it (the component's, or its composable's). */
  file: string;
  line: number;
  stream: string;
  /** ` through \`useJob()\``, or ''. */
  route: string;
}

function isPerInstance(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  const storage = streamStorage(sourceCode, opening.node);
  // `<script setup>` and Svelte instance-script variables are module-scoped to the scope
  // analyser, but belong to one instance.
  const instanceScript = (node: TSESTree.Node) => isInScriptSetup(sourceCode, node) || isInSvelteInstanceScript(sourceCode, node);
  if (storage.kind === 'shared' && !instanceScript(storage.node)) return false;
  return storage.kind !== 'per-key' && !isOneShotStream(sourceCode, opening);
}

/**
 * The first stream that each instance of the component in `sourceCode` opens when it mounts;
 * `within` narrows it to one class of a file that declares several (Angular components).
 */
export function streamOpenedAtMount(
  sourceCode: Readonly<TSESLint.SourceCode>,
  wrappers: readonly StreamWrapper[],
  within?: TSESTree.Node,
): StreamOpening | null {
  for (const opening of getStreamOpenings(sourceCode, wrappers)) {
    if (within && !(within.range[0] <= opening.node.range[0] && opening.node.range[1] <= within.range[1])) continue;
    if (mountContextOf(sourceCode, opening.node) && isPerInstance(sourceCode, opening)) return opening;
  }
  return null;
}

/** The function or class `name` that `sourceCode` exports: `export function useX`, `export const useX = () =>`, `export class X`. */
function exportedFunction(program: TSESTree.Program, name: string): TSESTree.Node | null {
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === name) return declaration;
    if (declaration?.type === 'ClassDeclaration' && declaration.id?.name === name) return declaration;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== name) continue;
      // A function runs per call; anything else was built once when the module loaded: Pinia's
      // `export const useJobsStore = defineStore('jobs', () => …)` runs its setup once per app.
      const init = declarator.init;
      return init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression' ? init : null;
    }
  }
  return null;
}

/** What `useX()` or `new X()`, exported by `sourceCode`, opens per call: a stream kept by the call, not a page-wide one. */
function streamOpenedPerCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
  wrappers: readonly StreamWrapper[],
): StreamOpening | null {
  const fn = exportedFunction(sourceCode.ast, name);
  if (!fn) return null;
  for (const opening of getStreamOpenings(sourceCode, wrappers)) {
    // A class's methods run when something calls them; `new X()` runs its construction only.
    const inside =
      fn.type === 'ClassDeclaration'
        ? runsOnConstruction(sourceCode, opening.node, fn)
        : fn.range[0] <= opening.node.range[0] && opening.node.range[1] <= fn.range[1];
    if (inside && streamStorage(sourceCode, opening.node).kind === 'instance' && !isOneShotStream(sourceCode, opening)) {
      return opening;
    }
  }
  return null;
}

/** `./useJob` → the file it names, trying the extensions a bundler would. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.js`]) {
    try {
      // No exception for a missing candidate (most specifiers omit the extension, and the
      // prefilter resolves them for every component a list renders); other errors still throw.
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    } catch {
      // Not this one (unreadable, or a path through a file).
    }
  }
  return null;
}

/** `use*`: a composable, which Vue and React code call at setup only. */
const COMPOSABLE_NAME = /\buse[A-Z0-9]/;

/** Whether the file's code calls or constructs (`new`) the imported `local` where it runs at mount (setup, the instance script, `onMount`). */
function calledAtMount(sourceCode: Readonly<TSESLint.SourceCode>, local: TSESTree.Identifier): boolean {
  const variable = sourceCode.getDeclaredVariables(local.parent)[0];
  return (variable?.references ?? []).some(({ identifier }) => {
    const call = identifier.parent;
    const invoked = call?.type === 'CallExpression' || call?.type === 'NewExpression';
    return invoked && call.callee === identifier && mountContextOf(sourceCode, call) !== null;
  });
}

/**
 * The functions a component's setup code calls from a relative module, with the module each
 * comes from: composables (`use*`), and any other imported function it calls or class it
 * constructs at mount. Svelte
 * 5's docs put state shared outside components in `.svelte.ts` modules of `create*` functions
 * (`const feed = createJobFeed(id)` in the instance script), which no `use` prefix marks.
 */
function importedSetupCalls(sourceCode: Readonly<TSESLint.SourceCode>): Map<string, string> {
  const imports = new Map<string, string>();
  for (const statement of importDeclarations(sourceCode)) {
    const specifier = statement.source.value;
    if (statement.importKind === 'type' || !(specifier.startsWith('./') || specifier.startsWith('../'))) continue;
    for (const imported of statement.specifiers) {
      if (imported.type === 'ImportNamespaceSpecifier' || (imported.type === 'ImportSpecifier' && imported.importKind === 'type')) continue;
      const name = imported.local.name;
      if (/^use[A-Z0-9]/.test(name) || calledAtMount(sourceCode, imported.local)) imports.set(name, specifier);
    }
  }
  return imports;
}

/** Whether `text` calls `callee` by name: `useJob(`, or with type arguments, `useJob<Job>(`. */
function callsByName(text: string, callee: string): boolean {
  return text.includes(`${callee}(`) || text.includes(`${callee}<`);
}

/** A component rendered per item whose instances open a stream each: what a rule reports. */
export interface PerItemRender {
  /** The element's start tag in the template, where the report goes. */
  node: { loc: TSESTree.SourceLocation; range: [number, number] };
  /** The name the template uses. */
  component: string;
  /** "a `v-for` over `rows`", "an `{#each}` over `rows`". */
  repetition: string;
  stream: ComponentStream;
  /** The component's file. */
  file: string;
  /** Whether the component is the linted file itself (the stream is in this file). */
  self: boolean;
}

/** Local names of the default imports of component files (`import Row from './Row.vue'`), with the file each names. */
export function importedComponentFiles(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  extension: string,
): Map<string, string> {
  const byLocal = new Map<string, string>();
  for (const statement of importDeclarations(sourceCode)) {
    const specifier = statement.source.value;
    if (!specifier.endsWith(extension) || !(specifier.startsWith('./') || specifier.startsWith('../'))) continue;
    const file = path.resolve(path.dirname(filename), specifier);
    for (const imported of statement.specifiers) {
      if (imported.type === 'ImportDefaultSpecifier') byLocal.set(imported.local.name, file);
    }
  }
  return byLocal;
}

export interface ComponentSource {
  file: string;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/**
 * The stream that each instance of a component opens: its own at mount, or the one a
 * composable it calls at setup opens per call (one import deep), read with `parse`.
 */
export function componentStream(
  component: ComponentSource,
  wrappers: readonly StreamWrapper[],
  parse: ParseFile | null,
): ComponentStream | null {
  const { sourceCode, file } = component;
  const own = streamOpenedAtMount(sourceCode, wrappers);
  if (own) return { file, line: own.node.loc.start.line, stream: own.source.label, route: '' };
  // Without a parser no composable is read, rather than cached as unreadable for a later lint that has one.
  if (!parse) return null;
  for (const [name, specifier] of importedSetupCalls(sourceCode)) {
    const called = callsByName(sourceCode.text, name);
    const target = called ? resolveRelative(file, specifier) : null;
    const imported = target ? cachedParse(target, wrappers, parse) : null;
    const opening = imported ? streamOpenedPerCall(imported, name, wrappers) : null;
    if (opening && target) {
      const call = callsByName(sourceCode.text, `new ${name}`) ? `new ${name}()` : `${name}()`;
      return { file: target, line: opening.node.loc.start.line, stream: opening.source.label, route: ` through \`${call}\`` };
    }
  }
  return null;
}

interface CachedFile {
  mtimeMs: number;
  sourceCode: Readonly<TSESLint.SourceCode> | null;
}

const parsedFiles = new Map<string, CachedFile>();

/**
 * Whether `text` names a stream: the global, an export or module name of a known library, or a
 * wrapper's module: the plugin's own text test. A module name alone would not do: every Vue file
 * that imports `useStorage` from `@vueuse/core` would be parsed.
 */
const textMentionsStream = mentionsStream;

/** `import { useJob } from './useJob'`, `import useJob from '../useJob'`: names imported from a relative module. */
const RELATIVE_IMPORT = /\bimport\s+([^;'"]*?)\s*from\s*['"](\.\.?\/[^'"]+)['"]/g;

/** A module of code (`./jobs.svelte` names `jobs.svelte.ts`), not a component, a style sheet or an asset. */
const CODE_MODULE = /\.[cm]?[jt]s$/;

/**
 * A specifier that names a Vue component, a style sheet or an asset by its extension (`?url`
 * and the like after it): no file is looked for. Any other dotted name may be a module
 * (`./jobFeed.service` names `jobFeed.service.ts`), which `CODE_MODULE` tells once resolved:
 * an extension missing here costs a file lookup, not a stream.
 */
const NOT_CODE_SPECIFIER = /\.(?:vue|css|scss|sass|less|styl|html|json|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf)(?:\?.*)?$/;

/**
 * The cheapest test of `mayOpenStream` for the linted file, with no file read: it names a
 * stream (the answer every rule shares), a composable, or imports from a relative module,
 * either of which may open one. False rules out a stream of this file's own.
 */
export function mayOpenStreamItself(sourceCode: Readonly<TSESLint.SourceCode>, wrappers: readonly StreamWrapper[]): boolean {
  const text = sourceCode.text;
  return sourceMentionsStream(sourceCode, wrappers) || COMPOSABLE_NAME.test(text) || RELATIVE_IMPORT_START.test(text);
}

/** `from './jobs.svelte'`: a relative import, which may bring a `create*` function that opens a stream. */
const RELATIVE_IMPORT_START = /\bfrom\s*['"]\.\.?\//;

/**
 * Whether the component or composable in `file` can open a stream, read from text alone: it
 * names one itself, or it imports a composable (`use*`) or a function of a code module (a
 * `.svelte.ts` module's `create*`) from a relative module whose text names one
 * (`componentStream` looks one import deep, no further). Most components of an app import
 * helpers and components by relative paths and open no stream: they are never parsed.
 */
export function mayOpenStream(file: string, text: string, wrappers: readonly StreamWrapper[]): boolean {
  return textMentionsStream(text, wrappers) || importsStreamModule(file, text, wrappers);
}

function importsStreamModule(file: string, text: string, wrappers: readonly StreamWrapper[]): boolean {
  for (const [, names, specifier] of text.matchAll(RELATIVE_IMPORT)) {
    if (/^type\b/.test(names!)) continue;
    const composable = COMPOSABLE_NAME.test(names!);
    // A component, a style sheet or an asset exports no function that opens a stream: no file read for it.
    if (!composable && NOT_CODE_SPECIFIER.test(specifier!)) continue;
    const target = resolveRelative(file, specifier!);
    if (target && (composable || CODE_MODULE.test(target)) && composableMentionsStream(target, wrappers)) return true;
  }
  return false;
}

/**
 * Whether a composable's file names a stream, per path, wrappers and modification time: the
 * composables of an app are few and imported by many components, which were each reading them.
 */
const composableVerdicts = new FileTextVerdicts((_file, text, wrappers) => textMentionsStream(text, wrappers));
const composableMentionsStream = (file: string, wrappers: readonly StreamWrapper[]) => composableVerdicts.get(file, wrappers);

/** The file parsed, when its text can open a stream itself or through an import; throws what reading and parsing throw. */
function readSourceCode(file: string, wrappers: readonly StreamWrapper[], parse: ParseFile): TSESLint.SourceCode | null {
  const text = readFileSync(file, 'utf8');
  if (!mayOpenStream(file, text, wrappers)) return null;
  const sourceCode = parsedSourceCode(parse, file, text);
  if (!sourceCode || (!sourceMentionsStream(sourceCode, wrappers) && !importsStreamModule(file, text, wrappers))) return null;
  return sourceCode;
}

/**
 * A file from disk as a `SourceCode`, or null when it cannot mention a stream (the text
 * prefilter, before any parse), cannot be read or parsed. Cached per path, wrappers and mtime.
 */
function cachedParse(
  file: string,
  wrappers: readonly StreamWrapper[],
  parse: ParseFile,
): Readonly<TSESLint.SourceCode> | null {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const key = `${wrappersKey(wrappers)}\0${file}`;
  const cached = parsedFiles.get(key);
  if (cached && cached.mtimeMs === mtimeMs) return cached.sourceCode;
  let sourceCode: Readonly<TSESLint.SourceCode> | null;
  try {
    sourceCode = readSourceCode(file, wrappers, parse);
  } catch {
    // A file that cannot be read or parsed says nothing about streams; the linted file is still linted.
    sourceCode = null;
  }
  parsedFiles.set(key, { mtimeMs, sourceCode });
  return sourceCode;
}

/** The component in another file, as a `SourceCode` (null: it cannot open a stream, or cannot be read). */
export function importedComponent(
  file: string,
  wrappers: readonly StreamWrapper[],
  parse: ParseFile,
): ComponentSource | null {
  const sourceCode = cachedParse(file, wrappers, parse);
  return sourceCode ? { file, sourceCode } : null;
}

/**
 * The stream each instance of the component in `file` opens, answered once per file per lint
 * of the linted file: the linted file itself, or another one parsed with the linted file's
 * parser (or `parserModule` from the user's project). Nothing is parsed until asked.
 */
export function componentStreamResolver(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  wrappers: readonly StreamWrapper[],
  parserModule: string,
): (file: string) => ComponentStream | null {
  const streams = new Map<string, ComponentStream | null>();
  let parse: ParseFile | null | undefined;
  return (file) => {
    let stream = streams.get(file);
    if (stream === undefined) {
      parse ??= userParser(context, parserModule);
      let source: ComponentSource | null = null;
      if (file === context.filename) source = { file, sourceCode: context.sourceCode };
      else if (parse) source = importedComponent(file, wrappers, parse);
      stream = source ? componentStream(source, wrappers, parse) : null;
      streams.set(file, stream);
    }
    return stream;
  };
}
