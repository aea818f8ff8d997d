/**
 * Streams re-opened from an error handler without closing the one that failed. After a
 * network error the native `EventSource` (and most client libraries) is still `CONNECTING`
 * and reconnects by itself, so a handler that opens another stream without `close()` adds a
 * connection on every error, each of which keeps reconnecting too.
 *
 * The failed stream counts as closed before a re-open when the handler (or a function on
 * the way from the handler to the opening, such as `connect()`) closes it first: under one
 * of the names it is held (`es.close()`, `this.es?.close()`), as the event's target
 * (`event.target.close()`, `(e.target as EventSource).close()`), or as `this` in a
 * `function` handler. A re-open that only runs when the stream is `CLOSED`
 * (`if (es.readyState === EventSource.CLOSED) connect();`) is fine: the browser gave up on it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, argumentParameters, isFunctionNode } from '../functions.js';
import { staticPropertyName, unwrapExpression } from '../reconnect/access-paths.js';
import { type ErrorHandler, findErrorHandlers, streamHolder } from '../reconnect/error-handlers.js';
import { findOption, objectLiteralArgument } from '../reconnect/object-options.js';
import { type ReopenPoint, reopenPointsIn, reopenSteps } from '../reconnect/reopen-points.js';
import type { StreamOpeners } from '../stream-openers.js';
import type { StreamOpening } from '../stream-sources.js';
import type { CloseTargets } from './closing.js';
import { testsReadyState, testsStream } from './guards.js';
import { type HolderPath, includesHolder } from './holder-paths.js';
import { type PrecedingQuestions, precedingVerdict } from './preceding-code.js';
import { closeMethodsOf, isFetchEventSource, streamHolding } from './stream-holders.js';

export interface UnclosedReopen {
  handler: ErrorHandler & { region: FunctionNode };
  point: ReopenPoint;
  /** The names of the stream that failed. */
  failed: CloseTargets;
}

/** `es.onerror = fn` or `es.addEventListener('error', fn)`: the stream's own error event. */
function isStreamErrorEvent(registration: TSESTree.Node): boolean {
  if (registration.type === 'AssignmentExpression') return true;
  if (registration.type !== 'CallExpression') return false;
  const callee = unwrapExpression(registration.callee);
  return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'addEventListener';
}

/**
 * Whether the client keeps reconnecting after an error by itself, so that a second stream
 * doubles it. `fetchEventSource` is closed by aborting its signal, not here; sse.js reconnects
 * only with `autoReconnect: true`.
 */
function reconnectsByItself(opening: StreamOpening): boolean {
  if (isFetchEventSource(opening)) return false;
  if (opening.source.module !== 'sse.js') return true;
  const options = objectLiteralArgument(opening.node.arguments[1]);
  const option = options && findOption(options, 'autoReconnect');
  if (option?.kind !== 'found') return false;
  const value = unwrapExpression(option.property.value);
  return !(value.type === 'Literal' && value.value === false);
}

/** The names under which a handler can reach the stream that failed. */
function failedStreamTargets(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler & { region: FunctionNode },
): CloseTargets {
  const paths: HolderPath[] = [];
  const add = (path: HolderPath | null): void => {
    if (path && !includesHolder(paths, path)) paths.push(path);
  };
  add(streamHolder(sourceCode, handler.opening));
  const holding = streamHolding(sourceCode, handler.opening);
  if (holding.kind === 'held') holding.paths.forEach(add);
  // `(event) => event.target.close()`
  const parameter = argumentParameters(handler.region)[0];
  if (parameter?.type === 'Identifier') {
    const variable = sourceCode.scopeManager?.getDeclaredVariables(handler.region).find((v) => v.name === parameter.name);
    if (variable) {
      add({ root: variable, properties: ['target'] });
      add({ root: variable, properties: ['currentTarget'] });
    }
  }
  const selfFunction = handler.region.type === 'ArrowFunctionExpression' ? null : handler.region;
  return { paths, close: closeMethodsOf(handler.opening), selfFunction };
}

export interface ErrorReopens {
  /** Re-opens that do not close the failed stream first. */
  unclosed: UnclosedReopen[];
  /** Every error handler of a stream: code that runs once the stream has failed. */
  handlers: ReadonlySet<FunctionNode>;
}

/** Every re-open in a stream's error handler that does not close the failed stream first. */
export function unclosedErrorReopens(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
): ErrorReopens {
  const found: UnclosedReopen[] = [];
  const handlers = new Set<FunctionNode>();
  const seen = new Set<TSESTree.Node>();
  for (const handler of findErrorHandlers(sourceCode, openings)) {
    const region = handler.region;
    if (!isFunctionNode(region) || !isStreamErrorEvent(handler.registration)) continue;
    handlers.add(region);
    if (!reconnectsByItself(handler.opening)) continue;
    const withFunction = { ...handler, region };
    const failed = failedStreamTargets(sourceCode, withFunction);
    const questions: PrecedingQuestions = {
      isGuard: (test) => testsStream(sourceCode, test, failed) || testsReadyState(sourceCode, test),
      storesStream: () => false,
      declaresHolder: () => false,
    };
    for (const point of reopenPointsIn(region, openings, openers)) {
      if (seen.has(point.node)) continue;
      const closedFirst = reopenSteps(region, point, openers).some(
        (step) => precedingVerdict(sourceCode, step.node, failed, questions).kind === 'safe',
      );
      if (closedFirst) continue;
      seen.add(point.node);
      found.push({ handler: withFunction, point, failed });
    }
  }
  return { unclosed: found, handlers };
}
