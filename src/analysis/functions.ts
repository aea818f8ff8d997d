/** Small, shared questions about functions: which node is one, and what name it goes by. */
import type { TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression'
  );
}

/** Nodes whose code does not run when the code around them runs: a walk up stops there. */
export function isExecutionBoundary(node: TSESTree.Node): boolean {
  return (
    isFunctionNode(node) ||
    node.type === 'StaticBlock' ||
    node.type === 'PropertyDefinition' ||
    node.type === 'AccessorProperty' ||
    node.type === 'TSDeclareFunction'
  );
}

/** Skips wrappers that leave a value as it is: parentheses are gone already, these are not. */
export function skipTransparentParents(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === 'TSAsExpression' ||
      current.parent.type === 'TSNonNullExpression' ||
      current.parent.type === 'TSSatisfiesExpression' ||
      current.parent.type === 'TSTypeAssertion' ||
      current.parent.type === 'ChainExpression')
  ) {
    current = current.parent;
  }
  return current;
}

/** Wrappers that return the component they are given, e.g. `memo(function Row() {})`. */
const COMPONENT_WRAPPERS = new Set(['memo', 'forwardRef', 'observer', 'withRouter']);

function calleeName(callee: TSESTree.Expression): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return callee.property.name;
  }
  return null;
}

/**
 * The name a function is known by: its own id, the variable it initialises (also through
 * `memo()`/`forwardRef()`), the property or method it defines, or the class of a method.
 */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  let node: TSESTree.Node = skipTransparentParents(fn);
  while (
    node.parent?.type === 'CallExpression' &&
    node.parent.arguments[0] === node &&
    COMPONENT_WRAPPERS.has(calleeName(node.parent.callee) ?? '')
  ) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return parent.id.name;
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') {
    return parent.left.name;
  }
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition') && parent.value === node && !parent.computed) {
    if (parent.key.type === 'Identifier') return parent.key.name;
  }
  return null;
}

/** The function whose body holds `node` (not counting `node` itself), or null at top level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}
