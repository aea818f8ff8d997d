/**
 * Attempt counters that a library hands to the code instead of the code keeping them: the
 * attempt number RxJS passes to `retry({ delay: (error, attempt) => … })`, the index that
 * `mergeMap((error, index) => …)` and its kin pass to their callback, the accumulator of a
 * `scan` seeded with a number. Nothing in the file updates them, so `self-updating.ts` cannot
 * see that they grow; whoever knows where they come from names them here.
 *
 * A constant computed from a counter (`const attempt = index + 1`) is a counter too, and so
 * is the parameter of a local helper given one (`backoff(attempt)`; see `delay-evidence.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, argumentParameters, isFunctionNode } from '../functions.js';
import { namesProperty } from '../identifiers.js';
import { unwrapExpression } from './access-paths.js';
import { walkTree } from './walk.js';

export type Counters = ReadonlySet<TSESLint.Scope.Variable>;

export const NO_COUNTERS: Counters = new Set();

/** How many `const` steps away from a counter a value may be computed. */
const MAX_DERIVATION = 2;

/** The variable of a function's parameter at `index`, when it is a plain name (with or without a default). */
export function parameterVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  index: number,
): TSESLint.Scope.Variable | null {
  const param = argumentParameters(fn)[index];
  const name =
    param?.type === 'Identifier' ? param : param?.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left : null;
  if (!name) return null;
  return sourceCode.scopeManager?.getDeclaredVariables(fn).find((variable) => variable.defs.some((def) => def.name === name)) ?? null;
}

/** `counter`, `counter + 1`, `counter * 2`: a value that moves with the counter. */
function isStepFromCounter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  counters: Counters,
  derivation: number,
): boolean {
  const node = unwrapExpression(expression);
  if (node.type === 'BinaryExpression' && ['+', '-', '*'].includes(node.operator)) {
    return [node.left, node.right].some((side) => isCounterRead(sourceCode, side, counters, derivation));
  }
  return isCounterRead(sourceCode, node, counters, derivation);
}

/** Whether `node` reads a counter, or a `const` computed from one. */
export function isCounterRead(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  counters: Counters,
  derivation = 0,
): boolean {
  if (counters.size === 0) return false;
  const expression = unwrapExpression(node);
  if (expression.type !== 'Identifier') return false;
  const variable = findVariable(sourceCode.getScope(expression), expression);
  if (!variable) return false;
  if (counters.has(variable)) return true;
  if (derivation >= MAX_DERIVATION || variable.defs.length !== 1) return false;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.id !== definition.name) return false;
  const init = definition.node.init;
  return init !== null && isStepFromCounter(sourceCode, init, counters, derivation + 1);
}

/** Whether an expression reads a counter anywhere in it (not inside functions it defines). */
export function mentionsCounter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  counters: Counters,
): boolean {
  if (counters.size === 0) return false;
  let found = false;
  walkTree(expression, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'Identifier' && !namesProperty(node) && isCounterRead(sourceCode, node, counters)) found = true;
    return !found;
  });
  return found;
}
