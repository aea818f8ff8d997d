/**
 * What counts as an attempt limit on a re-open: a condition that decides whether the re-open
 * runs (an `if`, `?:`, `&&`/`||` or loop around it, or an `if` that returns or throws before
 * it) and that compares a value which changes from itself (a counter, see `self-updating.ts`)
 * with a finite limit: `if (attempts >= MAX) return;`, `if (++retries > 5) throw …`,
 * `retries < max && connect()`. An elapsed-time budget (`Date.now() - since > 60_000`) bounds
 * the attempts as well and counts too. The condition may sit in a local helper it calls
 * (`if (!this.canRetry()) return;`) or a `const` it reads. Counters a library hands over
 * (`counters.ts`) compare like counters the code keeps.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from '../eslint-utils.js';
import { enclosingFunction, isFunctionNode } from '../functions.js';
import { namesProperty } from '../identifiers.js';
import { type AccessPath, accessPathOf, samePath, staticPropertyName, unwrapExpression } from './access-paths.js';
import { type Counters, NO_COUNTERS, isCounterRead } from './counters.js';
import { resolveLocalFunction } from './local-functions.js';
import { NO_SERVER_STOPS, type ServerStops, readsServerStop } from './server-stops.js';
import { isSelfUpdating } from './self-updating.js';
import { contains, walkTree } from './walk.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==']);
/** How far a limit check is followed through helpers and constants. */
const MAX_INDIRECTION = 2;

function exitsEarly(statement: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let exits = false;
  walkTree(statement, sourceCode.visitorKeys, (node) => {
    if (exits || isFunctionNode(node)) return false;
    if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') exits = true;
    return !exits;
  });
  return exits;
}

/**
 * The conditions that decide whether `node` runs when `owner` runs: tests of the branches
 * and loops around it, and tests of `if`s before it that return or throw.
 */
export function guardConditions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  owner: TSESTree.Node,
  node: TSESTree.Node,
): TSESTree.Node[] {
  const conditions: TSESTree.Node[] = [];
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== owner; child = current, current = current.parent) {
    switch (current.type) {
      case 'IfStatement':
      case 'ConditionalExpression':
        if (child !== current.test) conditions.push(current.test);
        break;
      case 'LogicalExpression':
        if (child === current.right) conditions.push(current.left);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        if (child === current.body) conditions.push(current.test);
        break;
      case 'ForStatement':
        if (child === current.body && current.test) conditions.push(current.test);
        break;
      default:
        break;
    }
  }
  walkTree(owner, sourceCode.visitorKeys, (current) => {
    if (current.range[0] >= node.range[0]) return false;
    // A `return` in a function that does not lead to `node` does not stop it.
    if (current !== owner && isFunctionNode(current) && !contains(current, node)) return false;
    if (current.type === 'IfStatement' && current.range[1] <= node.range[0]) {
      const fn = enclosingFunction(current);
      if ((!fn || contains(fn, node)) && exitsEarly(current.consequent, sourceCode)) conditions.push(current.test);
    }
    return true;
  });
  return conditions;
}

/** `++n`, `n++`, `n += 1` in a comparison compare `n`. */
function comparedValue(side: TSESTree.Node): TSESTree.Node {
  const node = unwrapExpression(side);
  if (node.type === 'UpdateExpression') return node.argument;
  if (node.type === 'AssignmentExpression' && node.operator !== '=') return node.left;
  return node;
}

/** A limit is finite: a number, or an unknown value (a constant from elsewhere, an option) other than the counter itself. */
function isFiniteLimit(sourceCode: Readonly<TSESLint.SourceCode>, side: TSESTree.Node, counter: AccessPath | null): boolean {
  const value = getStaticValue(side, sourceCode.getScope(side));
  if (value) return typeof value.value === 'number' && Number.isFinite(value.value);
  const path = accessPathOf(sourceCode, side);
  return !(path && counter && samePath(path, counter));
}

function readsClock(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let found = false;
  walkTree(node, sourceCode.visitorKeys, (current) => {
    if (found) return false;
    const call = current.type === 'CallExpression' || current.type === 'NewExpression' ? current : null;
    if (!call) return true;
    const callee = unwrapExpression(call.callee);
    if (call.type === 'NewExpression') found = callee.type === 'Identifier' && callee.name === 'Date';
    else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
      const name = staticPropertyName(callee);
      found = name === 'now' && (callee.object.name === 'Date' || callee.object.name === 'performance');
    }
    return !found;
  });
  return found;
}

/** `Date.now() - startedAt`: time spent, which a budget caps (unlike `Date.now() < nextAttemptAt`, a schedule). */
function isElapsedTime(side: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const node = unwrapExpression(side);
  return node.type === 'BinaryExpression' && node.operator === '-' && readsClock(node.left, sourceCode);
}

function isLimitComparison(
  sourceCode: Readonly<TSESLint.SourceCode>,
  comparison: TSESTree.BinaryExpression,
  counters: Counters,
): boolean {
  const sides = [comparison.left, comparison.right] as const;
  for (const [index, side] of sides.entries()) {
    const other = sides[1 - index]!;
    const compared = comparedValue(side);
    const counter = accessPathOf(sourceCode, compared);
    const counts = counter && (isSelfUpdating(sourceCode, counter) || isCounterRead(sourceCode, compared, counters));
    if (counts && isFiniteLimit(sourceCode, other, counter)) return true;
    if (isElapsedTime(side, sourceCode) && !readsClock(other, sourceCode) && isFiniteLimit(sourceCode, other, null)) {
      return true;
    }
  }
  return false;
}

function checksLimitWithin(
  sourceCode: Readonly<TSESLint.SourceCode>,
  condition: TSESTree.Node,
  counters: Counters,
  indirection: number,
  seen: Set<TSESTree.Node>,
): boolean {
  let found = false;
  walkTree(condition, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node !== condition && isFunctionNode(node)) return false;
    if (node.type === 'BinaryExpression' && COMPARISONS.has(node.operator) && isLimitComparison(sourceCode, node, counters)) {
      found = true;
    } else if (indirection < MAX_INDIRECTION && node.type === 'CallExpression') {
      const fn = resolveLocalFunction(sourceCode, node.callee);
      if (fn && !seen.has(fn)) {
        seen.add(fn);
        found = checksLimitWithin(sourceCode, fn.body, counters, indirection + 1, seen);
      }
    } else if (indirection < MAX_INDIRECTION && node.type === 'Identifier' && !namesProperty(node)) {
      const variable = findVariable(sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = definition?.type === 'Variable' ? definition.node.init : null;
      if (init && !seen.has(init) && !contains(init, node)) {
        seen.add(init);
        found = checksLimitWithin(sourceCode, init, counters, indirection + 1, seen);
      }
    }
    return !found;
  });
  return found;
}

/**
 * Whether a condition compares a counter (or the time spent) with a limit, directly or one or
 * two steps away. `counters` adds counters that the code receives rather than keeps.
 */
export function checksAttemptLimit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  condition: TSESTree.Node,
  counters: Counters = NO_COUNTERS,
): boolean {
  return checksLimitWithin(sourceCode, condition, counters, 0, new Set());
}

/**
 * Whether a condition bounds the attempts: it checks an attempt limit, or a flag that the server
 * sets to stop the client (`server-stops.ts`).
 */
export function boundsAttempts(
  sourceCode: Readonly<TSESLint.SourceCode>,
  condition: TSESTree.Node,
  stops: ServerStops = NO_SERVER_STOPS,
): boolean {
  return checksAttemptLimit(sourceCode, condition) || readsServerStop(sourceCode, condition, stops);
}

/** Whether any step of a re-open is guarded by an attempt limit or a stop the server controls. */
export function hasAttemptLimit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  steps: readonly { owner: TSESTree.Node; node: TSESTree.Node }[],
  stops: ServerStops = NO_SERVER_STOPS,
): boolean {
  return steps.some((step) =>
    guardConditions(sourceCode, step.owner, step.node).some((condition) => boundsAttempts(sourceCode, condition, stops)),
  );
}
