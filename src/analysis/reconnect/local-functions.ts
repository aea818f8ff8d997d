/**
 * Which function of this file a value stands for, and where it is called. Handlers, delay
 * helpers and limit checks are often named functions or methods (`es.onerror = this.retry`,
 * `setTimeout(connect, backoff(n))`); following them is what lets a rule see the backoff that
 * lives one call away. Values from elsewhere (imports, parameters) stay unknown: null.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import {
  type AccessPath,
  classBodyOfThis,
  pathOccurrences,
  staticKeyName,
  staticPropertyName,
  unwrapExpression,
} from './access-paths.js';

/** The instance method or function-valued instance field `name` of a class body. */
export function classMemberFunction(classBody: TSESTree.ClassBody, name: string): FunctionNode | null {
  for (const element of classBody.body) {
    if (element.type === 'MethodDefinition' && element.kind === 'method' && !element.static) {
      // A body-less overload signature (`TSEmptyBodyFunctionExpression`) is not the implementation.
      if (staticKeyName(element) === name && element.value.type === 'FunctionExpression') {
        return element.value;
      }
    } else if (element.type === 'PropertyDefinition' && !element.static && element.value) {
      const value = unwrapExpression(element.value);
      if (staticKeyName(element) === name && isFunctionNode(value)) return value;
    }
  }
  return null;
}

/**
 * The function a variable is bound to once and for all: a function declaration, or a
 * `const`/`let` initialised with a function, also through a wrapper that takes it first
 * (`useCallback(() => …, deps)`, `debounce(fn, 500)`).
 */
export function functionOfVariable(variable: TSESLint.Scope.Variable): FunctionNode | null {
  if (variable.defs.length !== 1) return null;
  const definition = variable.defs[0]!;
  if (definition.type === 'FunctionName' && definition.node.type === 'FunctionDeclaration') return definition.node;
  if (definition.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init) return null;
  let init = unwrapExpression(definition.node.init);
  while (init.type === 'CallExpression' && init.arguments[0]) init = unwrapExpression(init.arguments[0]);
  return isFunctionNode(init) ? init : null;
}

/**
 * The local function an expression denotes: an inline function, a name bound to a function
 * (see `functionOfVariable`), `this.name` for a method of the enclosing class, and any of
 * these through `.bind(...)`.
 */
export function resolveLocalFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
): FunctionNode | null {
  let node = unwrapExpression(expression);
  if (node.type === 'CallExpression') {
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'bind') return null;
    node = unwrapExpression(callee.object);
  }
  if (isFunctionNode(node)) return node;
  if (node.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node), node);
    return variable ? functionOfVariable(variable) : null;
  }
  if (node.type === 'MemberExpression') {
    const object = unwrapExpression(node.object);
    const name = staticPropertyName(node);
    if (object.type !== 'ThisExpression' || name === null) return null;
    const classBody = classBodyOfThis(object);
    return classBody ? classMemberFunction(classBody, name) : null;
  }
  return null;
}

/** The path by which callers name a function: its binding, or `this.name` for a class member. */
function pathToFunction(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): AccessPath | null {
  const scopeManager = sourceCode.scopeManager;
  if (fn.type === 'FunctionDeclaration') {
    const variable = fn.id && scopeManager?.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name);
    return variable ? { root: variable, properties: [] } : null;
  }
  let node: TSESTree.Node = skipTransparentParents(fn);
  while (node.parent?.type === 'CallExpression' && node.parent.arguments[0] === node) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    const variable = scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { root: variable, properties: [] } : null;
  }
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && !parent.static) {
    const name = staticKeyName(parent);
    return name !== null && parent.parent.type === 'ClassBody' ? { root: parent.parent, properties: [name] } : null;
  }
  return null;
}

/** Every call of a local function by its name (`connect(n + 1)`, `this.connect(n + 1)`). */
export function callsOfFunction(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.CallExpression[] {
  const path = pathToFunction(sourceCode, fn);
  if (!path) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const occurrence of pathOccurrences(sourceCode, path)) {
    const outer = skipTransparentParents(occurrence);
    if (outer.parent?.type === 'CallExpression' && outer.parent.callee === outer) calls.push(outer.parent);
  }
  return calls;
}
