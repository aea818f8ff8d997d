/**
 * Which safeguards an RxJS retry has: an attempt limit, a growing delay, jitter (the same
 * three as a hand-written reconnect, see `safeguards.ts`).
 *
 * `retry(...)` (RxJS 7):
 * - `retry()`, `retry(Infinity)`: immediately, forever. `retry(n)`: immediately, `n` times.
 *   A negative count retries forever in RxJS 6 (its documented `retry(-1)`) and not at all in
 *   7: it is taken as RxJS 6 meant it. `retry(0)` never retries.
 * - `retry({ count, delay, resetOnSuccess })`: no `count` is forever. A numeric `delay` waits
 *   the same time before every attempt. A `delay` function gets `(error, attempt)` and returns
 *   the observable to wait for; it may also stop (throw, `throwError(…)`, `EMPTY`), which is an
 *   attempt limit when a comparison of the attempt number with a finite limit guards it.
 * `retryWhen(errors => errors.pipe(…))` (deprecated in 7, still common): the notifier pipe
 * limits attempts with `take(n)`, `first()`, `takeWhile` comparing a counter, or a stop guarded
 * by a counter, where counters are the index operators pass to callbacks, a `scan` accumulator
 * seeded with a number and the values that `scan` passes on.
 *
 * A growing delay and jitter are looked for in the `delay` function or the notifier, as in a
 * hand-written reconnect (`delay-evidence.ts`), with those counters known to grow.
 *
 * Whatever the file does not show stays unknown and is never reported: a config or a notifier
 * from elsewhere, a `delay` helper imported from a library, an operator the analysis does not
 * know inside a notifier (`errors.pipe(myBackoff())`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from '../eslint-utils.js';
import { type FunctionNode, enclosingFunction, isFunctionNode } from '../functions.js';
import type { StreamOpeners } from '../stream-openers.js';
import { unwrapExpression } from './access-paths.js';
import { checksAttemptLimit, guardConditions } from './attempt-limit.js';
import { type Counters, parameterVariable } from './counters.js';
import { findDelayEvidence } from './delay-evidence.js';
import { resolveLocalFunction } from './local-functions.js';
import { findOption, objectLiteralArgument } from './object-options.js';
import type { RxjsExport, RxjsReferences } from './rxjs-references.js';
import { pipeCallOf } from './stream-observables.js';
import { walkTree } from './walk.js';

/** True or false when the file shows it; null when it cannot tell. */
type Fact = boolean | null;

export interface RetrySafeguards {
  attemptLimit: Fact;
  growingDelay: Fact;
  jitter: Fact;
}

export interface RetryContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  rxjs: RxjsReferences;
  /** The openers of the file the retry is in: their code is a re-open rather than its schedule (see `findDelayEvidence`). */
  openers: StreamOpeners;
}

/** What a retry that never waits has. */
const IMMEDIATE = { growingDelay: false, jitter: false } as const;

/** Operators that pass their callback the index of the value as second argument. */
const INDEXED: ReadonlySet<RxjsExport> = new Set([
  'map',
  'filter',
  'mergeMap',
  'flatMap',
  'concatMap',
  'switchMap',
  'exhaustMap',
  'delayWhen',
  'takeWhile',
]);

function staticValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { value: unknown } | null {
  return getStaticValue(node, sourceCode.getScope(node));
}

function either(a: Fact, b: Fact): Fact {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

/** The config object literal of `retry({ … })`, also through a `const` that holds one. */
function configObject(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node): TSESTree.ObjectExpression | null {
  const literal = objectLiteralArgument(argument);
  if (literal) return literal;
  const node = unwrapExpression(argument);
  if (node.type !== 'Identifier') return null;
  const variable = findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return null;
  return objectLiteralArgument(definition.node.init);
}

type StopVerdict = 'never retries' | 'limited' | 'unlimited';

/**
 * Whether code that decides about each retry stops after a number of attempts: a throw,
 * `throwError(…)` or `EMPTY` guarded by a comparison of a counter with a finite limit. A stop
 * in `root`'s own code that nothing guards means it never retries at all.
 */
function stopVerdict(context: RetryContext, root: FunctionNode, counters: Counters): StopVerdict {
  const { sourceCode, rxjs } = context;
  let verdict: StopVerdict = 'unlimited';
  walkTree(root.body, sourceCode.visitorKeys, (node) => {
    if (verdict !== 'unlimited') return false;
    const isStop =
      node.type === 'ThrowStatement' ||
      (node.type === 'CallExpression' && rxjs.calls.get(node) === 'throwError') ||
      rxjs.empties.has(node);
    if (!isStop) return true;
    const owner = enclosingFunction(node) ?? root;
    const conditions = guardConditions(sourceCode, owner, node);
    if (conditions.length === 0 && owner === root) verdict = 'never retries';
    else if (conditions.some((condition) => checksAttemptLimit(sourceCode, condition, counters))) verdict = 'limited';
    return false;
  });
  return verdict;
}

/** What the `delay` of a retry config adds: its wait, and maybe a limit of its own. */
function delaySafeguards(context: RetryContext, delay: TSESTree.Node): RetrySafeguards | 'never retries' {
  const { sourceCode } = context;
  // A number waits the same time before every attempt; `null` or `undefined` does not wait.
  const known = staticValue(sourceCode, delay);
  if (known && (typeof known.value === 'number' || known.value == null)) return { attemptLimit: false, ...IMMEDIATE };
  const fn = resolveLocalFunction(sourceCode, delay);
  if (fn) {
    const attempt = parameterVariable(sourceCode, fn, 1);
    const counters: Counters = new Set(attempt ? [attempt] : []);
    const stops = stopVerdict(context, fn, counters);
    if (stops === 'never retries') return stops;
    const evidence = findDelayEvidence(sourceCode, [fn], context.openers, counters);
    return { attemptLimit: stops === 'limited', growingDelay: evidence.grows, jitter: evidence.jittered };
  }
  // `delay: 1000 + Math.random() * 1000` computes a number; a name or a call may be a function from elsewhere.
  const node = unwrapExpression(delay);
  if (node.type === 'BinaryExpression' || node.type === 'UnaryExpression') {
    const evidence = findDelayEvidence(sourceCode, [node], context.openers);
    return { attemptLimit: false, growingDelay: evidence.grows, jitter: evidence.jittered };
  }
  return { attemptLimit: null, growingDelay: null, jitter: null };
}

/** `retry({ count, delay })`. */
function retryConfigSafeguards(context: RetryContext, config: TSESTree.ObjectExpression): RetrySafeguards | null {
  const { sourceCode } = context;
  const count = findOption(config, 'count');
  let countLimit: Fact;
  if (count.kind === 'absent') countLimit = false;
  else if (count.kind === 'unknown') countLimit = null;
  else {
    const value = staticValue(sourceCode, count.property.value);
    if (!value) countLimit = true; // A count the file does not fix (an option, a constant from elsewhere) is still a count.
    else if (value.value === undefined) countLimit = false;
    else if (typeof value.value !== 'number' || Number.isNaN(value.value)) return null;
    else if (value.value <= 0) return null; // Never retries.
    else countLimit = Number.isFinite(value.value);
  }
  const delay = findOption(config, 'delay');
  if (delay.kind === 'unknown') return { attemptLimit: either(countLimit, null), growingDelay: null, jitter: null };
  if (delay.kind === 'absent') return { attemptLimit: countLimit, ...IMMEDIATE };
  const waits = delaySafeguards(context, delay.property.value);
  if (waits === 'never retries') return null;
  return { ...waits, attemptLimit: either(countLimit, waits.attemptLimit) };
}

/** `retry()`, `retry(n)`, `retry({ … })`. Null when it never retries or the file does not show how it does. */
function retrySafeguards(context: RetryContext, call: TSESTree.CallExpression): RetrySafeguards | null {
  const argument = call.arguments[0];
  if (argument?.type === 'SpreadElement') return null;
  const known = argument && staticValue(context.sourceCode, argument);
  // `retry()` and `retry(undefined)` take the default: forever.
  if (!argument || (known && known.value === undefined)) return { attemptLimit: false, ...IMMEDIATE };
  const config = configObject(context.sourceCode, argument);
  if (config) return retryConfigSafeguards(context, config);
  const count = known?.value;
  // A value from elsewhere may be a count or a whole config.
  if (typeof count !== 'number' || count === 0 || Number.isNaN(count)) return null;
  return { attemptLimit: count > 0 && Number.isFinite(count), ...IMMEDIATE };
}

/** The notifier of `retryWhen(notifier)`: a local function, or one that a local factory returns (`retryWhen(backoff(3))`). */
function notifierFunction(sourceCode: Readonly<TSESLint.SourceCode>, argument: TSESTree.Node | undefined): FunctionNode | null {
  if (!argument || argument.type === 'SpreadElement') return null;
  let notifier = resolveLocalFunction(sourceCode, argument);
  const node = unwrapExpression(argument);
  const factory = !notifier && node.type === 'CallExpression' ? resolveLocalFunction(sourceCode, node.callee) : null;
  for (const value of factory ? returnedValues(sourceCode, factory) : []) {
    notifier ??= resolveLocalFunction(sourceCode, value);
  }
  // An async or generator notifier returns a promise or an iterator, which retries on another plan.
  return notifier && !notifier.async && !notifier.generator ? notifier : null;
}

/** The values a function returns: its expression body, or the arguments of its own `return`s. */
export function returnedValues(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: TSESTree.Node[] = [];
  walkTree(fn.body, sourceCode.visitorKeys, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === 'ReturnStatement' && node.argument) values.push(node.argument);
    return true;
  });
  return values;
}

interface NotifierOperator {
  call: TSESTree.CallExpression;
  name: RxjsExport;
}

/**
 * The RxJS operators that the notifier applies to the error stream, in order, when every
 * value it returns is `errors.pipe(…)` (possibly piped again) of known RxJS operators; null
 * for anything else, which the analysis cannot judge.
 */
function notifierOperators(context: RetryContext, notifier: FunctionNode): NotifierOperator[] | null {
  const { sourceCode, rxjs } = context;
  const errors = parameterVariable(sourceCode, notifier, 0);
  if (!errors) return null;
  const chainOf = (expression: TSESTree.Node): NotifierOperator[] | null => {
    const node = unwrapExpression(expression);
    if (node.type === 'Identifier') {
      return findVariable(sourceCode.getScope(node), node) === errors ? [] : null;
    }
    const member = node.type === 'CallExpression' ? pipeCallOf(node) : null;
    if (!member || node.type !== 'CallExpression') return null;
    const before = chainOf(member.object);
    if (!before) return null;
    const operators = [...before];
    for (const argument of node.arguments) {
      const call = unwrapExpression(argument);
      const name = call.type === 'CallExpression' ? rxjs.calls.get(call) : undefined;
      if (!name || call.type !== 'CallExpression') return null;
      operators.push({ call, name });
    }
    return operators;
  };
  const values = returnedValues(sourceCode, notifier);
  if (values.length === 0) return null;
  const operators: NotifierOperator[] = [];
  for (const value of values) {
    const chain = chainOf(value);
    if (!chain) return null;
    operators.push(...chain);
  }
  return operators;
}

/** Counters in a notifier pipe: operator indexes, a numeric `scan` accumulator, and what `scan` passes on. */
function notifierCounters(sourceCode: Readonly<TSESLint.SourceCode>, operators: readonly NotifierOperator[]): Counters {
  const counters = new Set<TSESLint.Scope.Variable>();
  const add = (fn: FunctionNode, index: number): void => {
    const variable = parameterVariable(sourceCode, fn, index);
    if (variable) counters.add(variable);
  };
  let countsDownstream = false;
  for (const { call, name } of operators) {
    const first = call.arguments[0];
    const callback = first && first.type !== 'SpreadElement' ? resolveLocalFunction(sourceCode, first) : null;
    if (!callback) continue;
    if (countsDownstream) add(callback, 0);
    if (INDEXED.has(name)) add(callback, 1);
    if (name === 'scan') {
      const seed = call.arguments[1];
      add(callback, 2);
      if (seed && typeof staticValue(sourceCode, seed)?.value === 'number') {
        add(callback, 0);
        countsDownstream = true;
      }
    }
  }
  return counters;
}

/** `take(n)`, `first()`, `takeWhile((_, i) => i < n)`: the notifier completes, and the retries end. */
function endsAfterCount(context: RetryContext, operator: NotifierOperator, counters: Counters): boolean {
  const { sourceCode } = context;
  const argument = operator.call.arguments[0];
  switch (operator.name) {
    case 'first':
      return true;
    case 'take': {
      if (!argument || argument.type === 'SpreadElement') return false;
      // A count the file does not fix is still a count; `take(Infinity)` is none.
      const known = staticValue(sourceCode, argument);
      return known === null || (typeof known.value === 'number' && Number.isFinite(known.value));
    }
    case 'takeWhile': {
      const predicate = argument && argument.type !== 'SpreadElement' ? resolveLocalFunction(sourceCode, argument) : null;
      return predicate !== null && checksAttemptLimit(sourceCode, predicate.body, counters);
    }
    default:
      return false;
  }
}

/** `retryWhen(errors => errors.pipe(…))`. Null when the notifier is not one the file shows and the analysis knows. */
function retryWhenSafeguards(context: RetryContext, call: TSESTree.CallExpression): RetrySafeguards | null {
  const { sourceCode } = context;
  const notifier = notifierFunction(sourceCode, call.arguments[0]);
  const operators = notifier && notifierOperators(context, notifier);
  if (!notifier || !operators) return null;
  const counters = notifierCounters(sourceCode, operators);
  const stops = stopVerdict(context, notifier, counters);
  if (stops === 'never retries') return null;
  const limited = stops === 'limited' || operators.some((operator) => endsAfterCount(context, operator, counters));
  const evidence = findDelayEvidence(sourceCode, [notifier], context.openers, counters);
  return { attemptLimit: limited, growingDelay: evidence.grows, jitter: evidence.jittered };
}

/**
 * The safeguards of an RxJS `retry(…)` or `retryWhen(…)` call; null when it never retries or
 * the file does not show enough to judge it.
 */
export function rxjsRetrySafeguards(
  context: RetryContext,
  call: TSESTree.CallExpression,
  operator: 'retry' | 'retryWhen',
): RetrySafeguards | null {
  return operator === 'retry' ? retrySafeguards(context, call) : retryWhenSafeguards(context, call);
}

/**
 * `catchError((error, caught) => …)`: a handler that returns `caught`, or an observable that
 * subscribes to it (`timer(5000).pipe(switchMap(() => caught))`, `concat(timer(5000), caught)`),
 * re-subscribes to the source: a retry written by hand. It is limited when a comparison of a
 * counter with a finite limit guards the use of `caught`, or guards a stop (`throw`,
 * `throwError(…)`, `EMPTY`). Null when the handler never uses `caught` (a fallback value, not a
 * retry) or the file does not show the handler.
 */
export function catchErrorSafeguards(context: RetryContext, call: TSESTree.CallExpression): RetrySafeguards | null {
  const { sourceCode } = context;
  const argument = call.arguments[0];
  const handler = argument && argument.type !== 'SpreadElement' ? resolveLocalFunction(sourceCode, argument) : null;
  const caught = handler && parameterVariable(sourceCode, handler, 1);
  if (!handler || !caught || handler.async || handler.generator) return null;
  const uses = caught.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier);
  if (uses.length === 0) return null;
  const stops = stopVerdict(context, handler, new Set());
  if (stops === 'never retries') return null;
  const guarded = uses.every((use) =>
    guardConditions(sourceCode, handler, use).some((condition) => checksAttemptLimit(sourceCode, condition)),
  );
  const evidence = findDelayEvidence(sourceCode, [handler], context.openers);
  return { attemptLimit: stops === 'limited' || guarded, growingDelay: evidence.grows, jitter: evidence.jittered };
}
