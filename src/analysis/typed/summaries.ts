/**
 * Per-declaration summaries: "calling (constructing, rendering) this opens a stream, which one,
 * and where", computed on the TypeScript AST of the declaration, whichever file holds it, and
 * cached for the lifetime of the `ts.Program`, which typescript-eslint keeps for a whole lint
 * run. A typed lint of a large project thus reads each declaration's body once, however many
 * files call it.
 *
 * A summary follows what the code runs (`execution.ts`) and the functions, hooks and classes it
 * invokes (`invocations.ts`, `declarations.ts`), across files. Only openings kept by the code that
 * opened them count: a module-level singleton (`shared-storage.ts`) is one stream for the page.
 * Components rendered by a component (`<Child />`) are not followed, as within one file: that
 * is rendering, reported where it repeats.
 *
 * Cycles (a function that reaches itself through others) end at the declaration already in
 * progress. A "no stream" answer that depended on a declaration still in progress is not kept,
 * so a later question about a member of the cycle is answered afresh once the cycle's first
 * declaration is known; a "stream" answer is always final.
 *
 * Limits, so that a huge or generated call graph cannot hang a lint: a chain is followed at most
 * `MAX_DEPTH` declarations deep, and at most `MAX_INVOCATIONS` invocations of one body are
 * resolved. What lies beyond is treated as opening no stream (a false negative, never a report).
 */
import type * as ts from 'typescript';
import type { StreamSource, StreamWrapper } from '../stream-sources.js';
import { PerWrappersCache } from '../wrappers-cache.js';
import { type Callable, resolveCallables } from './declarations.js';
import { someRunningNode } from './execution.js';
import { invocationAt } from './invocations.js';
import { isKeptForThePage } from './shared-storage.js';
import { type StreamSourceLookup, streamClassSource, streamSourceLookup, streamSourceOf } from './stream-openings.js';
import { declarationName } from './ts-syntax.js';
import type { TypeInformation } from './type-information.js';
import { typescript } from './typescript-module.js';

/** How deep a chain of calls is followed from the declaration first asked about. */
export const MAX_DEPTH = 24;
/** How many invocations of one body are resolved through the checker. */
export const MAX_INVOCATIONS = 400;

/** What a summary is about: calling a function, constructing a class, or rendering a component (function or class). */
export type SummaryMode = 'call' | 'construct' | 'render';

export interface ReachedOpening {
  source: StreamSource;
  /** The file that opens the stream (absolute, as the program names it). */
  fileName: string;
  /** Where, 1-based. */
  line: number;
  column: number;
  /** The functions and classes invoked on the way, nearest first, by name; empty when the declaration opens it itself. */
  via: readonly string[];
}

type ByMode<T> = Record<SummaryMode, Map<ts.Node, T>>;

interface Store {
  results: ByMode<ReachedOpening | null>;
  /** Declarations being summarised, with their depth on the stack. */
  inProgress: ByMode<number>;
  /** Cycle members found to open nothing so far, with the depth of the declaration their answer waits for. */
  provisional: ByMode<number>;
  pending: { node: ts.Node; mode: SummaryMode }[];
  /** How many times each declaration's body was read, by mode: the cost a run pays. */
  walks: Map<ts.Node, number>;
  lookup: StreamSourceLookup;
}

function byMode<T>(): ByMode<T> {
  return { call: new Map(), construct: new Map(), render: new Map() };
}

const stores = new PerWrappersCache<ts.Program, Store>();

function storeFor(program: ts.Program, wrappers: readonly StreamWrapper[]): Store {
  return stores.get(program, wrappers, () => ({
    results: byMode(),
    inProgress: byMode(),
    provisional: byMode(),
    pending: [],
    walks: new Map(),
    lookup: streamSourceLookup(wrappers),
  }));
}

/** A summary under construction: the opening found, and the shallowest declaration in progress it depended on. */
interface Outcome {
  opening: ReachedOpening | null;
  /** Stack depth of the shallowest in-progress declaration this answer relied on; Infinity when none. */
  dependsOn: number;
}

/** The code that runs for `mode`: a function's body; a class's constructor and instance fields (and for rendering, every instance member). */
function runningRoots(information: TypeInformation, node: Callable, mode: SummaryMode): { roots: ts.Node[]; base: ts.Expression | null } {
  const { ts } = information;
  if (!ts.isClassLike(node)) return { roots: node.body ? [node.body] : [], base: null };
  const roots: ts.Node[] = [];
  let hasConstructor = false;
  for (const member of node.members) {
    const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
    if (isStatic) continue;
    if (ts.isConstructorDeclaration(member) && member.body) {
      hasConstructor = true;
      roots.push(member.body);
    } else if (ts.isPropertyDeclaration(member) && member.initializer) {
      roots.push(member.initializer);
    } else if (mode === 'render' && (ts.isMethodDeclaration(member) || ts.isAccessor(member)) && member.body) {
      roots.push(member.body);
    }
  }
  // Without a constructor of its own, `new Derived()` runs the base class's.
  const clause = node.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
  const base = !hasConstructor && clause?.types[0] ? clause.types[0].expression : null;
  return { roots, base };
}

function locate(node: ts.Node): Pick<ReachedOpening, 'fileName' | 'line' | 'column'> {
  const file = node.getSourceFile();
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return { fileName: file.fileName, line: line + 1, column: character + 1 };
}

function nameOf(information: TypeInformation, node: Callable): string {
  return declarationName(information.ts, node) ?? (information.ts.isClassLike(node) ? 'an anonymous class' : 'an anonymous function');
}

function summarize(information: TypeInformation, store: Store, node: Callable, mode: SummaryMode, depth: number): Outcome {
  const { ts } = information;
  const results = store.results[mode];
  const known = results.get(node);
  if (known !== undefined) return { opening: known, dependsOn: Infinity };
  const active = store.inProgress[mode].get(node) ?? store.provisional[mode].get(node);
  if (active !== undefined) return { opening: null, dependsOn: active };
  // Too deep: the rest of the chain is not followed.
  if (depth >= MAX_DEPTH) return { opening: null, dependsOn: Infinity };

  store.inProgress[mode].set(node, depth);
  store.walks.set(node, (store.walks.get(node) ?? 0) + 1);
  const pendingStart = store.pending.length;
  let opening: ReachedOpening | null = null;
  let dependsOn = Infinity;
  let resolved = 0;

  const follow = (target: ts.Expression, targetMode: 'call' | 'construct'): boolean => {
    for (const callee of resolveCallables(information, target)) {
      // Calling a class without `new` throws; it opens nothing.
      if (ts.isClassLike(callee) && targetMode === 'call') continue;
      const outcome = summarize(information, store, callee, ts.isClassLike(callee) ? 'construct' : 'call', depth + 1);
      dependsOn = Math.min(dependsOn, outcome.dependsOn);
      if (outcome.opening) {
        opening = { ...outcome.opening, via: [nameOf(information, callee), ...outcome.opening.via] };
        return true;
      }
    }
    return false;
  };

  /** Looks at one node of running code; true stops the walk (an opening found, or the fan-out limit reached). */
  const visit = (running: ts.Node): boolean => {
    if (ts.isCallExpression(running) || ts.isNewExpression(running)) {
      const source = streamSourceOf(information, running, store.lookup);
      if (source) {
        if (isKeptForThePage(information, running)) return false;
        opening = { source, ...locate(running), via: [] };
        return true;
      }
    }
    const invocation = invocationAt(information, running);
    if (!invocation) return false;
    // Past the fan-out limit the rest of the body is not examined.
    if (++resolved > MAX_INVOCATIONS) return true;
    return follow(invocation.target, invocation.mode);
  };

  const { roots, base } = runningRoots(information, node, mode);
  const extent = mode === 'render' ? 'instance' : 'call';
  for (const root of roots) {
    if (someRunningNode(ts, root, visit, extent)) break;
  }
  if (!opening && base && resolved <= MAX_INVOCATIONS) {
    // Without a constructor of its own, a class that extends a client class passes its arguments to the client's.
    const source = streamClassSource(information, base, store.lookup);
    if (source) opening = { source, ...locate(base), via: [] };
    else follow(base, 'construct');
  }
  store.inProgress[mode].delete(node);

  if (opening) {
    results.set(node, opening);
    // Cycle members that waited on this walk reach this declaration, so they open a stream too;
    // asked again, they find it at once.
    for (const member of store.pending.splice(pendingStart)) store.provisional[member.mode].delete(member.node);
    return { opening, dependsOn: Infinity };
  }
  if (dependsOn < depth) {
    // Part of a cycle that closes above: "no stream so far" holds until the cycle's first declaration is done.
    store.provisional[mode].set(node, dependsOn);
    store.pending.push({ node, mode });
    return { opening: null, dependsOn };
  }
  // Nothing found and nothing left open: this answer is final, and so are those of the cycle members it was waiting for.
  results.set(node, null);
  for (const member of store.pending.splice(pendingStart)) {
    store.provisional[member.mode].delete(member.node);
    store.results[member.mode].set(member.node, null);
  }
  return { opening: null, dependsOn: Infinity };
}

/** What invoking `node` the `mode` way reaches: the first stream it opens and keeps per invocation, or null. */
export function summaryOf(
  information: TypeInformation,
  wrappers: readonly StreamWrapper[],
  node: Callable,
  mode: SummaryMode,
): ReachedOpening | null {
  return summarize(information, storeFor(information.program, wrappers), node, mode, 0).opening;
}

export interface SummarisedDeclaration {
  fileName: string;
  line: number;
  /** The declaration's name, or null for an anonymous one. */
  name: string | null;
  /** How many times its body was read (once per mode it was asked about, unless a cycle made an answer wait). */
  walks: number;
}

export interface SummaryStatistics {
  /** Answers known, one per declaration and mode. */
  summarised: number;
  /** Declaration bodies read, in all. */
  walks: number;
  /** Each declaration read. */
  declarations: SummarisedDeclaration[];
}

/** What the summaries of one program (and wrapper list) cost so far: for tests and the benchmark. */
export function summaryStatistics(program: ts.Program, wrappers: readonly StreamWrapper[] = []): SummaryStatistics {
  const store = stores.peek(program, wrappers);
  if (!store) return { summarised: 0, walks: 0, declarations: [] };
  const declarations = [...store.walks].map(([node, walks]) => ({
    ...locate(node),
    name: declarationName(typescript(), node),
    walks,
  }));
  return {
    summarised: Object.values(store.results).reduce((sum, results) => sum + results.size, 0),
    walks: declarations.reduce((sum, declaration) => sum + declaration.walks, 0),
    declarations: declarations.map(({ column: _column, ...declaration }) => declaration),
  };
}
