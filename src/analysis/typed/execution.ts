/**
 * Which code runs when a function runs, on the TypeScript side: the same notion of execution
 * boundaries as `owningFunction` in `stream-openers.ts`, so that "calling this opens a stream"
 * means the same across files as within one.
 *
 * A function owns the callbacks it passes inline (`useEffect(() => …)`, `setTimeout(() => …)`,
 * `rows.map(r => …)`, `el.addEventListener('x', () => …)`), an IIFE, and a JSX attribute's
 * handler (`onClick={() => …}`): calling it sets them running, or hands them to something that
 * will. Whether the code runs under a condition does not matter, as within one file. A
 * function it declares, returns or stores does not run when it is called, so the walk stops
 * there; a call of such a function is followed through the checker like any other call.
 * Nested classes and type syntax are skipped.
 *
 * Rendering a component is wider (`instance`): everything the component holds runs per
 * instance, its handlers included, as `no-eventsource-per-item` counts it within one file; the
 * hooks and helpers it calls are still followed with the narrower notion of a call.
 */
import type * as ts from 'typescript';
import { isComponentName, isHookName } from '../components.js';
import { declarationName, isComponentWrapperCall, skipOuterParents } from './ts-syntax.js';
import type { TypeScript } from './typescript-module.js';

/** Whether an inline function runs as part of running the code around it. */
export function runsWithItsParent(ts: TypeScript, fn: ts.FunctionExpression | ts.ArrowFunction): boolean {
  const node = skipOuterParents(ts, fn);
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
    // `memo(function Row() {})` makes a component, which runs when it renders.
    return !isComponentWrapperCall(ts, parent);
  }
  if (ts.isCallExpression(parent) && parent.expression === node) return true;
  return ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent);
}

/** Which code counts: what runs on a call, or everything an instance of a component holds. */
export type Extent = 'call' | 'instance';

/** Whether `node` is a function of any kind: a declaration, an expression, an arrow, a method, a constructor or an accessor. */
export function isFunctionLike(ts: TypeScript, node: ts.Node): boolean {
  // It reads only `kind`, so that `kindTable` below can answer it for the summaries' walk once per kind.
  const { kind } = node;
  const { SyntaxKind } = ts;
  return (
    kind === SyntaxKind.FunctionDeclaration ||
    kind === SyntaxKind.FunctionExpression ||
    kind === SyntaxKind.ArrowFunction ||
    kind === SyntaxKind.MethodDeclaration ||
    kind === SyntaxKind.Constructor ||
    kind === SyntaxKind.GetAccessor ||
    kind === SyntaxKind.SetAccessor
  );
}

/**
 * A nested function that is a component or hook of its own (`function Row()`, `const useX = …`):
 * the TypeScript side of `isSeparateUnit` in `components.ts`.
 */
function isSeparateUnit(ts: TypeScript, node: ts.Node): boolean {
  const name = declarationName(ts, node);
  return name !== null && (isComponentName(name) || isHookName(name));
}

const CLOSED = 1;
const FUNCTION = 2;
const kindTables = new WeakMap<TypeScript, Uint8Array>();

/**
 * Per syntax kind, whether a walk never enters such a node (`CLOSED`: classes, interfaces, type
 * aliases, type syntax) or enters it depending on how it runs (`FUNCTION`). A table rather than
 * a chain of `ts.is…` tests: the summaries ask it of every node they walk.
 */
function kindTable(ts: TypeScript): Uint8Array {
  let table = kindTables.get(ts);
  if (!table) {
    table = new Uint8Array(ts.SyntaxKind.Count);
    for (let kind = 0; kind < table.length; kind++) {
      // The `ts.is…` tests read only `kind`.
      const node = { kind } as ts.Node;
      const closed =
        ts.isClassDeclaration(node) ||
        ts.isClassExpression(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isTypeNode(node);
      table[kind] = closed ? CLOSED : isFunctionLike(ts, node) ? FUNCTION : 0;
    }
    kindTables.set(ts, table);
  }
  return table;
}

/** Nodes a walk never enters: other functions' bodies (for a call), classes, types. */
function isBoundary(ts: TypeScript, table: Uint8Array, node: ts.Node, extent: Extent): boolean {
  const boundary = table[node.kind];
  if (boundary === CLOSED) return true;
  if (boundary !== FUNCTION) return false;
  // Within a component, its handlers and callbacks run per instance too, as `components.ts` counts them.
  if (extent === 'instance') return isSeparateUnit(ts, node);
  return !((ts.isFunctionExpression(node) || ts.isArrowFunction(node)) && runsWithItsParent(ts, node));
}

/**
 * Calls `visit` on every node of `root` that counts for `extent`, in source order, `root`
 * included. For `call`, the code that runs when `root` runs (see above). For `instance`, all the
 * code a component holds, its event handlers and other nested functions included, but not nested
 * components, hooks or classes: within one file, `no-eventsource-per-item` counts a stream opened in
 * a component's handler as the component's. Stops as soon as `visit` returns true, and says whether it did.
 */
export function someRunningNode(ts: TypeScript, root: ts.Node, visit: (node: ts.Node) => boolean, extent: Extent = 'call'): boolean {
  const table = kindTable(ts);
  const walk = (node: ts.Node): boolean => {
    if (isBoundary(ts, table, node, extent)) return false;
    return visit(node) || ts.forEachChild(node, walk) === true;
  };
  return visit(root) || ts.forEachChild(root, walk) === true;
}
