/**
 * What a file uses from RxJS, found by scope analysis (`ReferenceTracker`) so that only the
 * library's own exports count, under any local name: `import { retry as r } from 'rxjs'`,
 * `import * as rx from 'rxjs'` then `rx.retry()`, `const { retry } = require('rxjs/operators')`.
 * A local function that happens to be called `retry` is not RxJS's.
 *
 * Only the exports whose meaning the reconnect analysis relies on are tracked: those that
 * create an observable, combine or flatten observables, retry, stop, count, or wait.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker, findVariable } from '../eslint-utils.js';
import { referencesAnyModule } from '../module-references.js';
import { scopeWithImplicitGlobals } from '../stream-sources.js';


/** RxJS 6 and 7 export operators from both; creation functions come from `rxjs`. */
export const RXJS_MODULES: ReadonlySet<string> = new Set(['rxjs', 'rxjs/operators']);

/** Creation functions, combinators and operators that are called. */
const CALLED_EXPORTS = [
  // Creation: the observables that run code of the file when subscribed.
  'defer',
  'using',
  // Combinators: subscribing to them subscribes to every argument.
  'merge',
  'concat',
  'race',
  'combineLatest',
  'zip',
  'forkJoin',
  // Higher-order operators: they subscribe to what their callback returns.
  'mergeMap',
  'flatMap',
  'concatMap',
  'switchMap',
  'exhaustMap',
  'mergeWith',
  'concatWith',
  'mergeMapTo',
  'concatMapTo',
  'switchMapTo',
  // Retrying, also by hand: `catchError((error, caught) => caught)` subscribes to the source again.
  'retry',
  'retryWhen',
  'catchError',
  // What a retry notifier is made of: stopping, counting, waiting, passing values on.
  'take',
  'first',
  'takeWhile',
  'scan',
  'reduce',
  'delay',
  'delayWhen',
  'timer',
  'throwError',
  'map',
  'filter',
  'tap',
] as const;

export type RxjsExport = (typeof CALLED_EXPORTS)[number] | 'Observable' | 'Observable.create' | 'EMPTY';

export interface RxjsReferences {
  /** Calls and `new`s of the tracked RxJS exports, with the export's name. */
  calls: ReadonlyMap<TSESTree.Node, RxjsExport>;
  /** Reads of `EMPTY`, which completes at once. */
  empties: ReadonlySet<TSESTree.Node>;
}

const NONE: RxjsReferences = { calls: new Map(), empties: new Set() };

type TraceMap = Parameters<InstanceType<typeof ReferenceTracker>['iterateEsmReferences']>[0];

function moduleTraceEntry(): Record<string | symbol, unknown> {
  const entry: Record<string | symbol, unknown> = {
    Observable: { [ReferenceTracker.CONSTRUCT]: 'Observable', create: { [ReferenceTracker.CALL]: 'Observable.create' } },
    EMPTY: { [ReferenceTracker.READ]: 'EMPTY' },
  };
  for (const name of CALLED_EXPORTS) entry[name] = { [ReferenceTracker.CALL]: name };
  return entry;
}

function traceMaps(): { esm: TraceMap; cjs: TraceMap } {
  const esm: Record<string, unknown> = {};
  const cjs: Record<string, unknown> = {};
  for (const module of RXJS_MODULES) {
    esm[module] = { [ReferenceTracker.ESM]: true, ...moduleTraceEntry() };
    cjs[module] = moduleTraceEntry();
  }
  return { esm: esm as unknown as TraceMap, cjs: cjs as unknown as TraceMap };
}

const TRACE_MAPS = traceMaps();

/**
 * Where a constant is read. The tracker reports a read of a name that the file binds (`import
 * { EMPTY }`, `const { EMPTY } = require('rxjs')`) once, at the binding: its uses are the
 * reads of that binding. A read through a namespace (`rx.EMPTY`) is reported where it is.
 */
function readsOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
  let binding: TSESTree.Node;
  if (node.type === 'ImportSpecifier') binding = node.local;
  else if (node.type === 'Property' && node.parent.type === 'ObjectPattern') binding = node.value;
  else return [node];
  if (binding.type !== 'Identifier') return [];
  const variable = findVariable(sourceCode.getScope(binding), binding);
  return (variable?.references ?? []).filter((reference) => reference.isRead()).map((reference) => reference.identifier);
}

function findReferences(sourceCode: Readonly<TSESLint.SourceCode>): RxjsReferences {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope || !referencesAnyModule(sourceCode, RXJS_MODULES)) return NONE;
  const tracker = new ReferenceTracker(scopeWithImplicitGlobals(globalScope, ['require']));
  const calls = new Map<TSESTree.Node, RxjsExport>();
  const empties = new Set<TSESTree.Node>();
  for (const { node, info } of [...tracker.iterateEsmReferences(TRACE_MAPS.esm), ...tracker.iterateCjsReferences(TRACE_MAPS.cjs)]) {
    if (info === 'EMPTY') readsOf(sourceCode, node).forEach((read) => empties.add(read));
    else if (node.type === 'CallExpression' || node.type === 'NewExpression') calls.set(node, info as RxjsExport);
  }
  return { calls, empties };
}

const cache = new WeakMap<object, RxjsReferences>();

/** The file's uses of RxJS, computed once per file; empty when it neither imports nor requires RxJS. */
export function getRxjsReferences(sourceCode: Readonly<TSESLint.SourceCode>): RxjsReferences {
  let references = cache.get(sourceCode);
  if (!references) {
    references = findReferences(sourceCode);
    cache.set(sourceCode, references);
  }
  return references;
}
