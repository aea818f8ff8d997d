/**
 * RxJS reconnects: a `retry(…)`, `retryWhen(…)` or re-subscribing `catchError(…)` in the `.pipe(…)` of an observable that
 * opens a stream each time it is subscribed to (`stream-observables.ts`). Every retry
 * re-subscribes, so every retry opens a new connection; what the retry lacks to be bounded
 * comes from `rxjs-retry-safeguards.ts`.
 *
 * The search starts from the file's RxJS `retry`/`retryWhen` calls, which scope analysis
 * finds without visiting the tree, and walks back from each to the observable it retries:
 * a file has a handful of them at most, while it may hold many observables that nobody retries.
 *
 * With type information (`following`), what the linted file imports is read in the file that
 * declares it: an observable or a factory of one (`stream-observables.ts`), and a retry helper,
 * a function that returns a retry operator (`pipe(reconnecting())` where `reconnecting()` is
 * `retry({ delay: 2000 })`), whose safeguards are judged where it is written.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipTransparentParents } from '../functions.js';
import { type StreamOpeners, getStreamOpeners } from '../stream-openers.js';
import { type StreamOpening, getStreamOpenings } from '../stream-sources.js';
import { unwrapExpression } from './access-paths.js';
import { resolveLocalFunction } from './local-functions.js';
import { type RetryContext, catchErrorSafeguards, returnedValues, rxjsRetrySafeguards } from './rxjs-retry-safeguards.js';
import { type RxjsReferences, getRxjsReferences } from './rxjs-references.js';
import type { MissingSafeguard, SafeguardRequirements } from './safeguards.js';
import {
  type ImportFollowing,
  StreamObservables,
  declaredName,
  fileOfImportedOpening,
  isImportedName,
  pipeCallOf,
} from './stream-observables.js';
import { walkTree } from './walk.js';

export interface UnboundedRxjsRetry {
  /** The `retry(…)`, `retryWhen(…)` or `catchError(…)` call, or the call of an imported helper that returns one. */
  call: TSESTree.CallExpression;
  operator: RetryOperator;
  /** A stream that each re-subscription opens. */
  opening: StreamOpening;
  /** The file the opening was read in, when it was reached through an import. */
  openingFile: string | undefined;
  /** The imported helper that returns the operator, and where that operator is written. */
  helper: { name: string; fileName: string; line: number } | undefined;
  missing: MissingSafeguard[];
}

type RetryOperator = 'retry' | 'retryWhen' | 'catchError';

const RETRY_OPERATORS: ReadonlySet<string> = new Set<RetryOperator>(['retry', 'retryWhen', 'catchError']);

/** The `x.pipe(…)` call that `operator` is an argument of, and its position there. */
function enclosingPipe(operator: TSESTree.CallExpression): { pipe: TSESTree.CallExpression; index: number } | null {
  const outer = skipTransparentParents(operator);
  const pipe = outer.parent;
  if (pipe?.type !== 'CallExpression' || !pipeCallOf(pipe)) return null;
  const index = pipe.arguments.indexOf(outer as TSESTree.CallExpressionArgument);
  return index === -1 ? null : { pipe, index };
}

/** The retry operator an imported helper returns, with what judging it in its own file needs. */
interface HelperOperator {
  call: TSESTree.CallExpression;
  operator: RetryOperator;
  context: RetryContext;
  fileName: string;
}

function retryContext(sourceCode: Readonly<TSESLint.SourceCode>, rxjs: RxjsReferences, openers: StreamOpeners): RetryContext {
  return { sourceCode, rxjs, openers };
}

/** `reconnecting()` in a pipe, where the imported `reconnecting` returns `retry(…)`, `retryWhen(…)` or `catchError(…)`. */
function helperOperator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Identifier,
  following: ImportFollowing,
): HelperOperator | null {
  if (!isImportedName(sourceCode, callee)) return null;
  const declared = following.resolve(sourceCode, callee);
  const there = declared?.sourceCode;
  const fn = there && resolveLocalFunction(there, declaredName(declared));
  if (!there || !fn || fn.async || fn.generator) return null;
  const rxjs = getRxjsReferences(there);
  // Only a helper that always returns one retry operator is one: a helper that picks between a
  // retry and something else depends on its arguments, which the linted file's call decides.
  const returned = returnedValues(there, fn).map((node) => unwrapExpression(node));
  const first = returned[0];
  const operator = first?.type === 'CallExpression' ? rxjs.calls.get(first) : undefined;
  if (!first || first.type !== 'CallExpression' || !operator || !RETRY_OPERATORS.has(operator) || returned.length !== 1) return null;
  const openers = getStreamOpeners(there, getStreamOpenings(there, following.wrappers));
  return { call: first, operator: operator as RetryOperator, context: retryContext(there, rxjs, openers), fileName: declared.fileName };
}

/** What the safeguards of a retry lack of those `requirements` asks for; null when they cannot be told. */
function missingSafeguards(context: RetryContext, call: TSESTree.CallExpression, operator: RetryOperator, requirements: SafeguardRequirements): MissingSafeguard[] | null {
  const safeguards = operator === 'catchError' ? catchErrorSafeguards(context, call) : rxjsRetrySafeguards(context, call, operator);
  if (!safeguards) return null;
  const missing: MissingSafeguard[] = [];
  if (requirements.attemptLimit && safeguards.attemptLimit === false) missing.push('no attempt limit');
  if (requirements.backoff && safeguards.growingDelay === false) missing.push('no growing delay');
  if (requirements.jitter && safeguards.jitter === false) missing.push('no jitter');
  return missing;
}

/** Every `x.pipe(…)` call of the file. */
function pipeCalls(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const pipes: TSESTree.CallExpression[] = [];
  walkTree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === 'CallExpression' && pipeCallOf(node)) pipes.push(node);
    return true;
  });
  return pipes;
}

/**
 * Every RxJS retry of a stream-opening observable that lacks a required safeguard, in source
 * order. `following` (type information) also follows what the file imports.
 */
export function findUnboundedRxjsRetries(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
  requirements: SafeguardRequirements,
  following?: ImportFollowing,
): UnboundedRxjsRetry[] {
  const rxjs = getRxjsReferences(sourceCode);
  const found: UnboundedRxjsRetry[] = [];
  let observables: StreamObservables | undefined;
  const context = retryContext(sourceCode, rxjs, openers);
  for (const [call, name] of rxjs.calls) {
    if (!RETRY_OPERATORS.has(name) || call.type !== 'CallExpression') continue;
    const site = enclosingPipe(call);
    if (!site) continue;
    observables ??= new StreamObservables(sourceCode, openings, openers, rxjs, following);
    const opening = observables.openingBeforeOperator(site.pipe, site.index);
    if (!opening) continue;
    const operator = name as RetryOperator;
    const missing = missingSafeguards(context, call, operator, requirements);
    if (missing && missing.length > 0) found.push({ call, operator, opening, openingFile: fileOfImportedOpening(opening), helper: undefined, missing });
  }
  // A helper's call is no RxJS reference of this file: the pipes are searched for it, in
  // type-aware mode only, and only in a file that spells `pipe` (`feed$.pipe(`, `feed$['pipe'](`).
  if (following && sourceCode.text.includes('pipe')) {
    for (const pipe of pipeCalls(sourceCode)) {
      pipe.arguments.forEach((argument, index) => {
        const call = unwrapExpression(argument);
        const callee = call.type === 'CallExpression' ? unwrapExpression(call.callee) : null;
        if (call.type !== 'CallExpression' || callee?.type !== 'Identifier' || rxjs.calls.has(call)) return;
        const helper = helperOperator(sourceCode, callee, following);
        if (!helper) return;
        observables ??= new StreamObservables(sourceCode, openings, openers, rxjs, following);
        const opening = observables.openingBeforeOperator(pipe, index);
        const missing = opening && missingSafeguards(helper.context, helper.call, helper.operator, requirements);
        if (!opening || !missing || missing.length === 0) return;
        found.push({
          call,
          operator: helper.operator,
          opening,
          openingFile: fileOfImportedOpening(opening),
          helper: { name: callee.name, fileName: helper.fileName, line: helper.call.loc.start.line },
          missing,
        });
      });
    }
  }
  return found.sort((a, b) => a.call.range[0] - b.call.range[0]);
}
