/** Small questions about TypeScript syntax nodes that several type-aware modules ask. */
import type * as ts from 'typescript';
import { COMPONENT_WRAPPERS } from '../functions.js';
import type { TypeScript } from './typescript-module.js';

/** Whether `node` only wraps a value without changing it: parentheses, `as`, `!`, `satisfies`, `<T>x`. */
function isTransparent(ts: TypeScript, node: ts.Node): node is
  | ts.ParenthesizedExpression
  | ts.AsExpression
  | ts.NonNullExpression
  | ts.SatisfiesExpression
  | ts.TypeAssertion {
  // By kind rather than five `ts.is…` calls: this runs on every node the summaries walk.
  const { kind } = node;
  const { SyntaxKind } = ts;
  return (
    kind === SyntaxKind.ParenthesizedExpression ||
    kind === SyntaxKind.AsExpression ||
    kind === SyntaxKind.NonNullExpression ||
    kind === SyntaxKind.SatisfiesExpression ||
    kind === SyntaxKind.TypeAssertionExpression
  );
}

/** The class that `super(…)` inside a constructor constructs: the `extends` expression of its class. */
export function extendsExpression(ts: TypeScript, node: ts.Node): ts.Expression | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) {
      const clause = current.heritageClauses?.find((heritage) => heritage.token === ts.SyntaxKind.ExtendsKeyword);
      return clause?.types[0]?.expression ?? null;
    }
  }
  return null;
}

/** The value inside any wrappers that leave it as it is. */
export function skipOuterExpressions(ts: TypeScript, node: ts.Expression): ts.Expression {
  let current = node;
  while (isTransparent(ts, current)) current = current.expression;
  return current;
}

/** The outermost wrapper around `node` that leaves its value as it is (or `node`). */
export function skipOuterParents(ts: TypeScript, node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && isTransparent(ts, current.parent)) current = current.parent;
  return current;
}

/** The name a call goes by: `f` for `f()`, `m` for `x.m()`. */
export function calleeNameOf(ts: TypeScript, callee: ts.Expression): string | null {
  const node = skipOuterExpressions(ts, callee);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return node.name.text;
  return null;
}

/** `memo(x)`, `React.forwardRef(x)`, `observer(x)`: calls that return the component they are given. */
export function isComponentWrapperCall(ts: TypeScript, node: ts.Expression): node is ts.CallExpression {
  return ts.isCallExpression(node) && COMPONENT_WRAPPERS.has(calleeNameOf(ts, node.expression) ?? '') && node.arguments.length > 0;
}

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

export type ClassLike = ts.ClassDeclaration | ts.ClassExpression;

/** The name a declaration is known by in messages: its own, or the variable or property it initialises. */
export function declarationName(ts: TypeScript, node: ts.Node): string | null {
  const named = node as { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
  let current = skipOuterParents(ts, node);
  while (current.parent && ts.isCallExpression(current.parent) && isComponentWrapperCall(ts, current.parent)) {
    current = skipOuterParents(ts, current.parent);
  }
  const parent = current.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  return null;
}
