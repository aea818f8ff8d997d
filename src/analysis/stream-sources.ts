/**
 * What counts as "a stream": a call or `new` that opens a Server-Sent Events connection.
 * Every rule (and later the codemod) asks this module, so that they agree on it.
 *
 * Names are resolved through scope analysis (the `ReferenceTracker` of
 * `@eslint-community/eslint-utils`, re-exported with TSESTree types by
 * `@typescript-eslint/utils`): `new EventSource()` counts only when `EventSource` is the
 * global (bare, through `window.`/`globalThis.`/`self.`, or an alias of it), and a library's
 * export counts only when it is imported or required from that library, under any local
 * name. A local class that merely shares the name is not a stream.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker } from './eslint-utils.js';
import { referencesAnyModule } from './module-references.js';
import { type ClientRead, mayLeadToSubclass, subclassOpenings } from './stream-subclasses.js';
import { includesEventSource } from './text-search.js';
import { isVueUseEventSource, opensWhenCalled } from './vueuse-event-source.js';
import { PerWrappersCache, wrappersKey } from './wrappers-cache.js';


export type OpeningKind = 'construct' | 'call';

export interface StreamSource {
  /** The module the opener comes from; `null` for the browser's global `EventSource`. */
  module: string | null;
  /** The export name (`default` for a default export or a CommonJS `module.exports`). */
  exportName: string;
  /** How messages name it, in Markdown: `` `EventSource` `` or `` `fetchEventSource` from `@microsoft/fetch-event-source` ``. */
  label: string;
  /** Whether it opens with `new` or with a plain call. */
  kind: OpeningKind;
  /** True for a source the user declared in the `wrappers` option. */
  userDefined: boolean;
  /** The class of the file that extends the client and is constructed here (`stream-subclasses.ts`); the other fields are its base's. */
  subclass?: string;
}

export interface StreamOpening {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  source: StreamSource;
}

/** A user's own stream opener, declared in a rule's `wrappers` option. */
export interface StreamWrapper {
  module: string;
  export: string;
}

interface KnownLibrary {
  module: string;
  exports: Record<string, OpeningKind>;
}

/** The client libraries we recognise, with what each export does when invoked. */
export const KNOWN_STREAM_LIBRARIES: readonly KnownLibrary[] = [
  // v3+ exports `{ EventSource }`; v1/v2 were `module.exports = EventSource`.
  { module: 'eventsource', exports: { EventSource: 'construct', default: 'construct' } },
  { module: 'reconnecting-eventsource', exports: { default: 'construct' } },
  {
    module: 'event-source-polyfill',
    exports: { EventSourcePolyfill: 'construct', NativeEventSource: 'construct', EventSource: 'construct' },
  },
  { module: 'extended-eventsource', exports: { EventSource: 'construct' } },
  { module: 'eventsource-client', exports: { createEventSource: 'call' } },
  { module: '@microsoft/fetch-event-source', exports: { fetchEventSource: 'call' } },
  // `SSE` is a named export since sse.js 2; older releases exported it as the default.
  { module: 'sse.js', exports: { SSE: 'construct', default: 'construct' } },
  { module: '@sanity/eventsource', exports: { default: 'construct' } },
  { module: 'launchdarkly-eventsource', exports: { EventSource: 'construct' } },
  { module: 'react-native-sse', exports: { default: 'construct' } },
  // VueUse's composable: one `EventSource` per call, closed when the caller's scope is disposed.
  { module: '@vueuse/core', exports: { useEventSource: 'call' } },
];

/** Names of the global object through which code reaches the global `EventSource` (`window.EventSource`). */
export const GLOBAL_OBJECT_NAMES = ['window', 'globalThis', 'self', 'global'];

export const GLOBAL_EVENT_SOURCE: StreamSource = {
  module: null,
  exportName: 'EventSource',
  label: '`EventSource`',
  kind: 'construct',
  userDefined: false,
};

export { mentionsStream, streamNeedles } from './stream-mentions.js';

/**
 * A library whose every export names `EventSource` (`useEventSource`, `fetchEventSource`) is
 * opened only by a file whose text contains that name, which the prefilter tests anyway. Its
 * import alone proves nothing, and `@vueuse/core` is imported by most files of a Vue app for
 * other composables.
 */
function textNamesEveryExport(library: KnownLibrary): boolean {
  return Object.keys(library.exports).every((exportName) => exportName !== 'default' && includesEventSource(exportName));
}

/** The modules whose import a file may open a stream through without naming `EventSource`: the other known libraries and the user's wrappers. */
function streamModules(wrappers: readonly StreamWrapper[]): ReadonlySet<string> {
  const libraries = KNOWN_STREAM_LIBRARIES.filter((library) => !textNamesEveryExport(library));
  return new Set([...libraries.map((library) => library.module), ...wrappers.map((w) => w.module)]);
}

const KNOWN_STREAM_MODULES = streamModules([]);

const mentionCache = new WeakMap<object, boolean>();
const mentionCacheByWrappers = new PerWrappersCache<object, boolean>();

/**
 * Whether a file being linted may open a stream; false proves it opens none. The global is
 * found by its name in the text (bare, `window.EventSource`, `self['EventSource']`…), as is
 * every library export with that name in it (`fetchEventSource`, `useEventSource`); any other
 * library opening needs an import or `require` of its module, which the syntax tree answers
 * without another pass over the text. The first thing every rule does on every
 * file, so it is answered once per file however many rules ask.
 */
export function sourceMentionsStream(
  sourceCode: Readonly<TSESLint.SourceCode>,
  wrappers: readonly StreamWrapper[] = [],
): boolean {
  // Without wrappers (the usual case) one WeakMap entry per file, no Map allocated per file.
  if (wrappers.length === 0) {
    let mentions = mentionCache.get(sourceCode);
    if (mentions === undefined) {
      mentions = includesEventSource(sourceCode.text) || referencesAnyModule(sourceCode, KNOWN_STREAM_MODULES);
      mentionCache.set(sourceCode, mentions);
    }
    return mentions;
  }
  return mentionCacheByWrappers.get(
    sourceCode,
    wrappers,
    () => includesEventSource(sourceCode.text) || referencesAnyModule(sourceCode, streamModules(wrappers)),
  );
}

type TraceMap = Parameters<InstanceType<typeof ReferenceTracker>['iterateEsmReferences']>[0];

/** What the tracker reports of a client: its invocations, and for a class every read too, where a subclass may extend it. */
function traceEntry(source: StreamSource): Record<symbol, StreamSource> {
  if (source.kind === 'call') return { [ReferenceTracker.CALL]: source };
  return { [ReferenceTracker.CONSTRUCT]: source, [ReferenceTracker.READ]: source };
}

function describeExport(module: string, exportName: string): string {
  return exportName === 'default' ? `the default export of \`${module}\`` : `\`${exportName}\` from \`${module}\``;
}

/** Every export that opens a stream: the known libraries' and the user's wrappers (both kinds for a wrapper). */
export function librarySources(wrappers: readonly StreamWrapper[]): StreamSource[] {
  const sources: StreamSource[] = [];
  for (const library of KNOWN_STREAM_LIBRARIES) {
    for (const [exportName, kind] of Object.entries(library.exports)) {
      const label = describeExport(library.module, exportName);
      sources.push({ module: library.module, exportName, label, kind, userDefined: false });
    }
  }
  for (const wrapper of wrappers) {
    // A wrapper may be a factory or a class; count both invocations.
    for (const kind of ['call', 'construct'] as const) {
      const label = describeExport(wrapper.module, wrapper.export);
      sources.push({ module: wrapper.module, exportName: wrapper.export, label, kind, userDefined: true });
    }
  }
  return sources;
}

function mergeEntry(target: Record<string, unknown>, key: string, entry: object): void {
  const existing = target[key] as Record<string | symbol, unknown> | undefined;
  target[key] = existing ? Object.assign(existing, entry) : { ...entry };
}

/**
 * A trace map level keyed by module and export names, which `wrappers` may spell `__proto__` or
 * `constructor`: without a prototype, such a name is a key like any other instead of reaching
 * (and writing into) `Object.prototype`.
 */
function nameTable<Value>(): Record<string, Value> {
  return Object.create(null) as Record<string, Value>;
}

function buildModuleTraceMaps(sources: readonly StreamSource[]): { esm: TraceMap; cjs: TraceMap } {
  const esm = nameTable<Record<string | symbol, unknown>>();
  const cjs = nameTable<Record<string | symbol, unknown>>();
  for (const source of sources) {
    const module = source.module!;
    esm[module] ??= Object.assign(nameTable(), { [ReferenceTracker.ESM]: true });
    cjs[module] ??= nameTable();
    mergeEntry(esm[module], source.exportName, traceEntry(source));
    if (source.exportName === 'default') {
      // `const ES = require('m')` is the module object itself.
      Object.assign(cjs[module], traceEntry(source));
      // ...and transpiled ESM reaches the default through `require('m').default`.
      mergeEntry(cjs[module], 'default', traceEntry(source));
    } else {
      mergeEntry(cjs[module], source.exportName, traceEntry(source));
    }
  }
  return { esm: esm as unknown as TraceMap, cjs: cjs as unknown as TraceMap };
}

const traceMapsByWrappers = new Map<string, { esm: TraceMap; cjs: TraceMap }>();

/** The trace maps for a wrapper list, built once: every file that mentions a stream is traced with them. */
function moduleTraceMaps(wrappers: readonly StreamWrapper[]): { esm: TraceMap; cjs: TraceMap } {
  const key = wrappersKey(wrappers);
  let maps = traceMapsByWrappers.get(key);
  if (!maps) {
    maps = buildModuleTraceMaps(librarySources(wrappers));
    traceMapsByWrappers.set(key, maps);
  }
  return maps;
}

/** Whether every declaration of a variable is ambient (`declare const EventSource: …`): it names the global. */
function isAmbient(variable: TSESLint.Scope.Variable): boolean {
  return (
    variable.defs.length > 0 &&
    variable.defs.every((definition) => {
      const declaration: TSESTree.Node | null | undefined = definition.parent ?? definition.node;
      return declaration != null && 'declare' in declaration && declaration.declare === true;
    })
  );
}

/**
 * The global scope's variables seen through a few stand-ins: a view, not a copy. Under
 * typescript-eslint the global scope declares every name of the project's `lib` (thousands, with
 * `lib.dom.d.ts`), and copying them for each file cost more than the rest of the search.
 * `ReferenceTracker` and `findVariable` only look names up (`get`, `has`); iterating the view
 * yields the stand-ins alone.
 */
class VariablesWithStandIns extends Map<string, TSESLint.Scope.Variable> {
  constructor(private readonly declared: ReadonlyMap<string, TSESLint.Scope.Variable>) {
    super();
  }

  override get(name: string): TSESLint.Scope.Variable | undefined {
    return super.get(name) ?? this.declared.get(name);
  }

  override has(name: string): boolean {
    return super.has(name) || this.declared.has(name);
  }
}

/**
 * The tracker finds globals only through variables of the global scope, which exist only
 * for names the user's config declares (`globals.browser`). Many TypeScript configs declare
 * none, so a name that is read but declared nowhere gets a stand-in variable made of its
 * unresolved references: it is still the global, since nothing in the file declares it.
 * A TypeScript module's `declare const EventSource: …` only tells the compiler that the
 * global exists, so its references join the stand-in too.
 */
export function scopeWithImplicitGlobals(globalScope: TSESLint.Scope.Scope, names: readonly string[]): TSESLint.Scope.Scope {
  const moduleScope = globalScope.childScopes.find((scope) => scope.type === 'module');
  const set = new VariablesWithStandIns(globalScope.set as ReadonlyMap<string, TSESLint.Scope.Variable>);
  let changed = false;
  for (const name of names) {
    const ambient = moduleScope?.set.get(name);
    const ambientReferences = ambient && isAmbient(ambient) ? ambient.references : [];
    const declared = globalScope.set.get(name);
    if (declared && ambientReferences.length === 0) continue;
    const references = [
      ...(declared ? declared.references : globalScope.through.filter((reference) => reference.identifier.name === name)),
      ...ambientReferences,
    ];
    if (references.length === 0) continue;
    const standIn = { name, defs: declared?.defs ?? [], identifiers: declared?.identifiers ?? [], references, scope: globalScope };
    set.set(name, standIn as unknown as TSESLint.Scope.Variable);
    changed = true;
  }
  return changed ? Object.assign(Object.create(globalScope) as TSESLint.Scope.Scope, { set }) : globalScope;
}

/** Every invocation of a stream client in the file, in source order, whether it connects at once or later. */
function findInvocations(sourceCode: Readonly<TSESLint.SourceCode>, wrappers: readonly StreamWrapper[]): StreamOpening[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const scope = scopeWithImplicitGlobals(globalScope, ['EventSource', 'require', ...GLOBAL_OBJECT_NAMES]);
  const tracker = new ReferenceTracker(scope, { globalObjectNames: GLOBAL_OBJECT_NAMES });
  const { esm, cjs } = moduleTraceMaps(wrappers);

  const seen = new Set<TSESTree.Node>();
  const openings: StreamOpening[] = [];
  const reads: ClientRead[] = [];
  const found = [
    ...tracker.iterateGlobalReferences({ EventSource: traceEntry(GLOBAL_EVENT_SOURCE) } as unknown as TraceMap),
    ...tracker.iterateEsmReferences(esm),
    ...tracker.iterateCjsReferences(cjs),
  ];
  for (const { node, type, info } of found) {
    // A read is no opening (the tracker reports `require('eventsource')` itself as one), but a subclass may extend it.
    if (type === ReferenceTracker.READ) {
      if (mayLeadToSubclass(node)) reads.push({ node, source: info as StreamSource });
      continue;
    }
    if ((node.type !== 'NewExpression' && node.type !== 'CallExpression') || seen.has(node)) continue;
    seen.add(node);
    openings.push({ node, source: info as StreamSource });
  }
  // A subclass is no client itself, so its `new`s are none of the tracker's.
  if (reads.length > 0) openings.push(...subclassOpenings(sourceCode, reads));
  return openings.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

interface FileStreams {
  /** Invocations that connect as they run. */
  openings: readonly StreamOpening[];
  /** Invocations that make a client which connects only when told, or may (`useEventSource(url, [], { immediate: false })`). */
  deferred: readonly StreamOpening[];
}

const NO_STREAMS: FileStreams = { openings: [], deferred: [] };

function opensWhenInvoked(sourceCode: Readonly<TSESLint.SourceCode>, invocation: StreamOpening): boolean {
  return !isVueUseEventSource(invocation) || opensWhenCalled(sourceCode, invocation);
}

const streamsCache = new PerWrappersCache<object, FileStreams>();

/** The file's stream invocations, split by whether they connect where they run; once per file and wrapper list. */
function fileStreams(sourceCode: Readonly<TSESLint.SourceCode>, wrappers: readonly StreamWrapper[]): FileStreams {
  return streamsCache.get(sourceCode, wrappers, () => {
    if (!sourceMentionsStream(sourceCode, wrappers)) return NO_STREAMS;
    const openings: StreamOpening[] = [];
    const deferred: StreamOpening[] = [];
    for (const invocation of findInvocations(sourceCode, wrappers)) {
      (opensWhenInvoked(sourceCode, invocation) ? openings : deferred).push(invocation);
    }
    return { openings, deferred };
  });
}

/**
 * Every place in the file that opens a stream, in source order. Computed once per file and
 * wrapper list, however many rules ask; empty at once when the text mentions no stream.
 */
export function getStreamOpenings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  wrappers: readonly StreamWrapper[] = [],
): readonly StreamOpening[] {
  return fileStreams(sourceCode, wrappers).openings;
}

/**
 * The invocations that make a stream client without connecting it there (VueUse's
 * `useEventSource` with `immediate: false`, or options the file does not show): no rule counts
 * them as openings, but how the client reconnects once connected is still theirs.
 */
export function getDeferredStreamOpenings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  wrappers: readonly StreamWrapper[] = [],
): readonly StreamOpening[] {
  return fileStreams(sourceCode, wrappers).deferred;
}

/** The URL argument of an opening (the first argument of every supported opener). */
export function streamUrlArgument(opening: StreamOpening): TSESTree.Expression | null {
  const first = opening.node.arguments[0];
  return first && first.type !== 'SpreadElement' ? first : null;
}

export function isNativeEventSource(opening: StreamOpening): boolean {
  return opening.source.module === null;
}
