/**
 * `setInterval` loops that re-open a stream they find closed: the callback (inline or a local
 * function) re-opens under a condition that looks at the stream's state (`es.readyState ===
 * EventSource.CLOSED`, `!this.es`). Every page then retries on the same fixed beat, forever.
 * A callback that re-opens unconditionally (a periodic refresh, e.g. to rotate a token) is not
 * a reconnect loop and is left alone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from '../functions.js';
import type { StreamOpeners } from '../stream-openers.js';
import type { StreamOpening } from '../stream-sources.js';
import { accessPathOf, samePath, staticPropertyName } from './access-paths.js';
import { guardConditions } from './attempt-limit.js';
import { streamHolder } from './error-handlers.js';
import { globalFunctionCalls } from './global-calls.js';
import { resolveLocalFunction } from './local-functions.js';
import { type ReopenPoint, reopenPointsIn, reopenSteps } from './reopen-points.js';
import { walkTree } from './walk.js';

export interface IntervalReopen {
  call: TSESTree.CallExpression;
  callback: FunctionNode;
  points: readonly ReopenPoint[];
}

const STATE_NAMES = new Set(['readyState', 'CLOSED', 'OPEN', 'CONNECTING']);

function looksAtStreamState(
  sourceCode: Readonly<TSESLint.SourceCode>,
  condition: TSESTree.Node,
  opening: StreamOpening,
): boolean {
  const holder = streamHolder(sourceCode, opening);
  let found = false;
  walkTree(condition, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'MemberExpression' && STATE_NAMES.has(staticPropertyName(node) ?? '')) found = true;
    else if (holder && (node.type === 'Identifier' || node.type === 'MemberExpression')) {
      const path = accessPathOf(sourceCode, node);
      found = path !== null && samePath(path, holder);
    }
    return !found;
  });
  return found;
}

function reopensClosedStream(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callback: FunctionNode,
  point: ReopenPoint,
  openers: StreamOpeners,
): boolean {
  return reopenSteps(callback, point, openers).some((step) =>
    guardConditions(sourceCode, step.owner, step.node).some((condition) =>
      looksAtStreamState(sourceCode, condition, point.opening),
    ),
  );
}

/** Every `setInterval` whose callback re-opens a stream it finds closed. */
export function findIntervalReopens(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
): IntervalReopen[] {
  const found: IntervalReopen[] = [];
  for (const call of globalFunctionCalls(sourceCode, 'setInterval')) {
    const argument = call.arguments[0];
    if (!argument || argument.type === 'SpreadElement') continue;
    const callback = resolveLocalFunction(sourceCode, argument);
    if (!callback) continue;
    const points = reopenPointsIn(callback, openings, openers).filter((point) =>
      reopensClosedStream(sourceCode, callback, point, openers),
    );
    if (points.length > 0) found.push({ call, callback, points });
  }
  return found;
}
