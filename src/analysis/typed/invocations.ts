/**
 * The invocations in running code that may lead to a stream in another function or class:
 * calls, `new`, `super(…)`, and functions handed to a call by name (`useEffect(connect)`,
 * `ids.forEach(openRow)`, which the same-file analysis counts as calls too).
 *
 * Before the checker is asked, a cheap look at the callee: a plain name, or a member of
 * `this`, of an import, or of a module-level object or class (`api.open()`, `Feed.create()`).
 * A member of a local or a parameter (`client.connect()`, `props.onOpen()`) would need the
 * type of that value, which is where a checker spends its time, and rarely leads to a project
 * declaration; it is not followed.
 */
import type * as ts from 'typescript';
import { type TypeInformation, symbolAt } from './type-information.js';
import { extendsExpression, skipOuterExpressions, skipOuterParents } from './ts-syntax.js';

export interface Invocation {
  /** What runs: `call` for a function (or a function handed over by name), `construct` for `new` or `super()`. */
  mode: 'call' | 'construct';
  /** The name to resolve: the callee, the `new` target, the reference, or a derived class's `extends` expression. */
  target: ts.Expression;
}

function isModuleLevel(information: TypeInformation, declaration: ts.Declaration): boolean {
  const { ts } = information;
  for (let current = declaration.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return false;
    if (ts.isSourceFile(current)) return true;
  }
  return false;
}

/** Whether a member access's object is something whose members are worth resolving. */
function isResolvableObject(information: TypeInformation, object: ts.Expression): boolean {
  const { ts, checker } = information;
  const node = skipOuterExpressions(ts, object);
  if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword) return true;
  if (ts.isPropertyAccessExpression(node)) return isResolvableObject(information, node.expression);
  if (!ts.isIdentifier(node)) return false;
  const symbol = symbolAt(checker, node);
  if (!symbol) return false;
  if (symbol.flags & (ts.SymbolFlags.Alias | ts.SymbolFlags.Class | ts.SymbolFlags.ValueModule | ts.SymbolFlags.Enum)) return true;
  const declaration = symbol.valueDeclaration;
  return declaration !== undefined && ts.isVariableDeclaration(declaration) && isModuleLevel(information, declaration);
}

/** Whether `expression` (a callee or `new` target) is worth asking the checker about. */
export function isResolvableName(information: TypeInformation, expression: ts.Expression): boolean {
  const { ts } = information;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isIdentifier(node)) return true;
  if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.name) && isResolvableObject(information, node.expression);
  if (ts.isElementAccessExpression(node)) {
    return ts.isStringLiteralLike(node.argumentExpression) && isResolvableObject(information, node.expression);
  }
  return false;
}

/** The invocation a running node makes, if it is one worth following. */
export function invocationAt(information: TypeInformation, node: ts.Node): Invocation | null {
  const { ts } = information;
  if (ts.isCallExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const base = extendsExpression(ts, node);
      return base ? { mode: 'construct', target: base } : null;
    }
    return isResolvableName(information, node.expression) ? { mode: 'call', target: node.expression } : null;
  }
  if (ts.isNewExpression(node)) {
    return isResolvableName(information, node.expression) ? { mode: 'construct', target: node.expression } : null;
  }
  if (ts.isIdentifier(node)) {
    const outer = skipOuterParents(ts, node);
    const parent = outer.parent;
    const passed =
      parent !== undefined &&
      (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
      (parent.arguments?.includes(outer as ts.Expression) ?? false);
    return passed ? { mode: 'call', target: node } : null;
  }
  return null;
}
