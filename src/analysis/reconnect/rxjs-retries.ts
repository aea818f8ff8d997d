/**
 * RxJS reconnects: a `retry(…)`, `retryWhen(…)` or re-subscribing `catchError(…)` in the `.pipe(…)` of an observable that
 * opens a stream each time it is subscribed to (`stream-observables.ts`). Every retry
 * re-subscribes, so every retry opens a new connection; what the retry lacks to be bounded
 * comes from `rxjs-retry-safeguards.ts`.
 *
 * The search starts from the file's RxJS `retry`/`retryWhen` calls, which scope analysis
 * finds without visiting the tree, and walks back from each to the observable it retries:
 * a file has a handful of them at most, while it may hold many observables that nobody retries.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipTransparentParents } from '../functions.js';
import type { StreamOpeners } from '../stream-openers.js';
import type { StreamOpening } from '../stream-sources.js';
import { type RetryContext, catchErrorSafeguards, rxjsRetrySafeguards } from './rxjs-retry-safeguards.js';
import { getRxjsReferences } from './rxjs-references.js';
import type { MissingSafeguard, SafeguardRequirements } from './safeguards.js';
import { StreamObservables, pipeCallOf } from './stream-observables.js';

export interface UnboundedRxjsRetry {
  /** The `retry(…)`, `retryWhen(…)` or `catchError(…)` call. */
  call: TSESTree.CallExpression;
  operator: RetryOperator;
  /** A stream that each re-subscription opens. */
  opening: StreamOpening;
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

/** Every RxJS retry of a stream-opening observable that lacks a required safeguard, in source order. */
export function findUnboundedRxjsRetries(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
  requirements: SafeguardRequirements,
): UnboundedRxjsRetry[] {
  const rxjs = getRxjsReferences(sourceCode);
  const found: UnboundedRxjsRetry[] = [];
  let observables: StreamObservables | undefined;
  const context: RetryContext = { sourceCode, rxjs, opensStream: (fn) => openers.byFunction.has(fn) };
  for (const [call, name] of rxjs.calls) {
    if (!RETRY_OPERATORS.has(name) || call.type !== 'CallExpression') continue;
    const site = enclosingPipe(call);
    if (!site) continue;
    observables ??= new StreamObservables(sourceCode, openings, openers, rxjs);
    const opening = observables.openingBeforeOperator(site.pipe, site.index);
    if (!opening) continue;
    const operator = name as RetryOperator;
    const safeguards =
      operator === 'catchError' ? catchErrorSafeguards(context, call) : rxjsRetrySafeguards(context, call, operator);
    if (!safeguards) continue;
    const missing: MissingSafeguard[] = [];
    if (requirements.attemptLimit && safeguards.attemptLimit === false) missing.push('no attempt limit');
    if (requirements.backoff && safeguards.growingDelay === false) missing.push('no growing delay');
    if (requirements.jitter && safeguards.jitter === false) missing.push('no jitter');
    if (missing.length > 0) found.push({ call, operator, opening, missing });
  }
  return found.sort((a, b) => a.call.range[0] - b.call.range[0]);
}
