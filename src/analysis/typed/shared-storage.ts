/**
 * Whether a stream opened in another file is kept for the whole page: the TypeScript side of
 * the `shared` case of `stream-storage.ts`. A stream assigned to a module-level variable (the
 * lazy singleton, `feed ??= new EventSource(u)`) or to a property of a global object
 * (`window.feed = …`) is opened once, however often the code that opens it runs; calling such
 * a function per item or rendering such a component per item does not multiply connections.
 *
 * The value is followed through `as`/`!`/`await`/`??`/`||`/`&&`/conditional branches, and through
 * one local variable that holds it (`const es = new EventSource(u); feed = es;`).
 */
import type * as ts from 'typescript';
import { GLOBAL_OBJECT_NAMES } from '../stream-sources.js';
import { type TypeInformation, symbolAt } from './type-information.js';
import type { TypeScript } from './typescript-module.js';

/** The expression that carries `node`'s value unchanged to where it is used. */
function carrier(ts: TypeScript, node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    const carries =
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isTypeAssertionExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      (ts.isBinaryExpression(parent) && isLogical(ts, parent)) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current);
    if (!carries) return current;
    current = parent;
  }
}

function isLogical(ts: TypeScript, node: ts.BinaryExpression): boolean {
  const kind = node.operatorToken.kind;
  return kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.AmpersandAmpersandToken;
}

function isAssignment(ts: TypeScript, node: ts.BinaryExpression): boolean {
  const kind = node.operatorToken.kind;
  return (
    kind === ts.SyntaxKind.EqualsToken ||
    kind === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    kind === ts.SyntaxKind.BarBarEqualsToken ||
    kind === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  );
}

/** Whether a declaration sits at the top level of its file (or of a namespace), outside every function. */
function isModuleLevelDeclaration(ts: TypeScript, declaration: ts.Node): boolean {
  for (let current = declaration.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return false;
    if (ts.isSourceFile(current) || ts.isModuleBlock(current)) return true;
  }
  return true;
}

/** Whether an identifier names a module-level variable, or a global (declared nowhere in the project). */
function isModuleLevelName(information: TypeInformation, identifier: ts.Identifier): boolean {
  const { ts, checker } = information;
  const symbol = symbolAt(checker, identifier);
  const declarations = symbol?.declarations ?? [];
  if (declarations.length === 0) return true;
  return declarations.every(
    (declaration) => declaration.getSourceFile().isDeclarationFile || isModuleLevelDeclaration(ts, declaration),
  );
}

/** Whether `target` (the left side of an assignment) is module-level state: a module variable or a global object's property. */
function isSharedTarget(information: TypeInformation, target: ts.Expression): boolean {
  const { ts } = information;
  if (ts.isIdentifier(target)) return isModuleLevelName(information, target);
  if (ts.isPropertyAccessExpression(target)) {
    let root: ts.Expression = target;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    return GLOBAL_OBJECT_NAMES.includes(root.text) || isModuleLevelName(information, root);
  }
  return false;
}

type Use = { kind: 'shared' } | { kind: 'held'; name: ts.Identifier } | { kind: 'other' };

function useOf(information: TypeInformation, value: ts.Node): Use {
  const { ts } = information;
  const node = carrier(ts, value);
  const parent = node.parent;
  if (!parent) return { kind: 'other' };
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
    return isModuleLevelDeclaration(ts, parent) ? { kind: 'shared' } : { kind: 'held', name: parent.name };
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && isAssignment(ts, parent)) {
    return isSharedTarget(information, parent.left) ? { kind: 'shared' } : { kind: 'other' };
  }
  return { kind: 'other' };
}

/** Whether the stream opened by `opening` is kept for the whole page rather than by the code that opened it. */
export function isKeptForThePage(information: TypeInformation, opening: ts.Node): boolean {
  const { ts, checker } = information;
  const use = useOf(information, opening);
  if (use.kind !== 'held') return use.kind === 'shared';
  // One hop through the local that holds it: every assignment of it elsewhere in its function.
  const symbol = symbolAt(checker, use.name);
  let scope: ts.Node | undefined = use.name.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!symbol || !scope) return false;
  let shared = false;
  const visit = (node: ts.Node): void => {
    if (shared) return;
    if (ts.isIdentifier(node) && node !== use.name && node.text === use.name.text && symbolAt(checker, node) === symbol) {
      const next = useOf(information, node);
      if (next.kind === 'shared') shared = true;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return shared;
}
