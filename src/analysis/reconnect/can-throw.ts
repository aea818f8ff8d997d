/**
 * Whether calling a function can throw, as far as this file shows: a `throw` in its own code
 * (not in functions it merely defines), a call of a local function that can, or a call by name
 * of a function from elsewhere (an import or a parameter may well rethrow). Method calls on
 * other objects (`console.error(e)`, `logger.warn(e)`, `controller.abort()`) are taken not to.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode } from '../functions.js';
import { unwrapExpression } from './access-paths.js';
import { resolveLocalFunction } from './local-functions.js';
import { walkTree } from './walk.js';

function callMayThrow(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  seen: Set<FunctionNode>,
): boolean {
  const local = resolveLocalFunction(sourceCode, call.callee);
  if (local) {
    if (seen.has(local)) return false;
    seen.add(local);
    return canThrow(sourceCode, local, seen);
  }
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') {
    // A global (`alert`, `reportError`) has no definition in the file; anything else named is unknown code.
    const variable = findVariable(sourceCode.getScope(callee), callee);
    return variable !== null && variable.defs.length > 0;
  }
  // `this.fail(e)` that the class does not define (inherited, mixed in) may throw.
  return callee.type === 'MemberExpression' && unwrapExpression(callee.object).type === 'ThisExpression';
}

export function canThrow(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: FunctionNode,
  seen: Set<FunctionNode> = new Set([fn]),
): boolean {
  let found = false;
  walkTree(fn.body, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'ThrowStatement') found = true;
    else if (node.type === 'CallExpression') found = callMayThrow(sourceCode, node, seen);
    return !found;
  });
  return found;
}
