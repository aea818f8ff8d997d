/**
 * Reconnect loops: `while (true)` (or `for (;;)`, `do … while (true)`) in an async function,
 * whose body opens a stream, awaits (the stream's end, a pause) and goes round again. Each turn
 * is a reconnect, so the same three safeguards apply as to an error handler.
 *
 * The loop is bounded when a condition that bounds attempts (`attempt-limit.ts`, or a stop the
 * server controls, `server-stops.ts`) decides whether it re-opens, or guards a `break`,
 * `return` or `throw` in its body. A loop with an exit that nothing guards, outside a `try`
 * block, does not go round again and is no reconnect loop; an exit inside a `try` block only
 * ends the loop when the stream ended well, and errors still go round.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import { enclosingFunction, isFunctionNode } from '../functions.js';
import { type StreamOpeners, owningFunction } from '../stream-openers.js';
import type { StreamOpening } from '../stream-sources.js';
import { boundsAttempts, guardConditions, hasAttemptLimit } from './attempt-limit.js';
import { findDelayEvidence } from './delay-evidence.js';
import { type ReopenLoop, type ReopenPoint, reopenPointsIn, reopenSteps } from './reopen-points.js';
import type { MissingSafeguard, SafeguardRequirements } from './safeguards.js';
import type { ServerStops } from './server-stops.js';
import { walkTree } from './walk.js';

export interface LoopReopen {
  loop: ReopenLoop;
  points: readonly ReopenPoint[];
  missing: MissingSafeguard[];
}

function isEndlessLoop(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): node is ReopenLoop {
  if (node.type === 'ForStatement' && !node.test) return true;
  if (node.type !== 'WhileStatement' && node.type !== 'DoWhileStatement' && node.type !== 'ForStatement') return false;
  const test = node.test;
  return test !== null && getStaticValue(test, sourceCode.getScope(test))?.value === true;
}

/**
 * The nearest endless loop around `node` in the function that owns it (inline callbacks such as
 * a `new Promise` executor run with it), if that function is async.
 */
function enclosingEndlessLoop(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): ReopenLoop | null {
  const owner = owningFunction(node);
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (isEndlessLoop(sourceCode, current)) return enclosingFunction(current)?.async ? current : null;
  }
  return null;
}

/** Exits of the loop's body: `return`, `throw`, and a `break` that leaves this loop. */
function loopExits(sourceCode: Readonly<TSESLint.SourceCode>, loop: ReopenLoop): TSESTree.Node[] {
  const exits: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node, inNestedBreakable: boolean): void => {
    walkTree(node, sourceCode.visitorKeys, (current) => {
      if (current === node) {
        if (current.type === 'BreakStatement' && !current.label && !inNestedBreakable) exits.push(current);
        return true;
      }
      if (isFunctionNode(current)) return false;
      if (current.type === 'ReturnStatement' || current.type === 'ThrowStatement') exits.push(current);
      if (current.type === 'BreakStatement' && (current.label || !inNestedBreakable)) exits.push(current);
      const breakable = /^(While|DoWhile|For|ForIn|ForOf|Switch)Statement$/.test(current.type);
      if (breakable) {
        visit(current, true);
        return false;
      }
      return true;
    });
  };
  visit(loop.body, false);
  return exits;
}

/** Whether `node` sits in the `block` of a `try` inside the loop (where it runs only if nothing failed). */
function inTryBlock(loop: ReopenLoop, node: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type === 'TryStatement' && current.block === child) return true;
  }
  return false;
}

function awaits(sourceCode: Readonly<TSESLint.SourceCode>, loop: ReopenLoop): boolean {
  let found = false;
  walkTree(loop, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    found = node.type === 'AwaitExpression';
    return !found;
  });
  return found;
}

/** Every endless async loop that re-opens a stream without the required safeguards. */
export function findLoopReopens(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
  requirements: SafeguardRequirements,
  stops: ServerStops,
): LoopReopen[] {
  const loops = new Set<ReopenLoop>();
  const starts = [...openings, ...openers.callSites, ...openers.constructionSites].map((item) => item.node);
  for (const node of starts) {
    const loop = enclosingEndlessLoop(sourceCode, node);
    if (loop) loops.add(loop);
  }
  const found: LoopReopen[] = [];
  for (const loop of loops) {
    if (!awaits(sourceCode, loop)) continue;
    const exits = loopExits(sourceCode, loop);
    const conditionsOf = (exit: TSESTree.Node): TSESTree.Node[] => guardConditions(sourceCode, loop, exit);
    // An exit that nothing guards, outside a `try` block: the loop does not go round again.
    if (exits.some((exit) => !inTryBlock(loop, exit) && conditionsOf(exit).length === 0)) continue;
    const points = reopenPointsIn(loop, openings, openers, sourceCode);
    if (points.length === 0) continue;
    const missing: MissingSafeguard[] = [];
    if (requirements.attemptLimit) {
      const exitsOnLimit = exits.some((exit) => conditionsOf(exit).some((condition) => boundsAttempts(sourceCode, condition, stops)));
      const limited = exitsOnLimit || points.every((point) => hasAttemptLimit(sourceCode, reopenSteps(loop, point, openers), stops));
      if (!limited) missing.push('no attempt limit');
    }
    if (requirements.backoff || requirements.jitter) {
      const evidence = findDelayEvidence(sourceCode, [loop], openers);
      if (requirements.backoff && !evidence.grows) missing.push('no growing delay');
      if (requirements.jitter && !evidence.jittered) missing.push('no jitter');
    }
    if (missing.length > 0) found.push({ loop, points, missing });
  }
  return found.sort((a, b) => a.loop.range[0] - b.loop.range[0]);
}
