/**
 * Which functions of a file open a stream when they are called, directly or through other
 * functions of the same file, and where they are called. "Calling `openRow()` in a loop
 * opens a stream per row" needs this; so does "this hook opens its own stream" when the
 * hook reaches the constructor through a helper.
 *
 * A function owns the code of the callbacks it passes inline (`useEffect(() => …)`,
 * `setTimeout(() => …)`, `rows.map(r => …)`, `onClick={() => …}`, an IIFE): calling it
 * sets them running. A function it returns or stores does not run when it is called, so
 * ownership stops there.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isExecutionBoundary, isFunctionNode, skipTransparentParents } from './functions.js';
import type { StreamOpening } from './stream-sources.js';

export interface OpenerInfo {
  fn: FunctionNode;
  /** The opening this function eventually reaches. */
  opening: StreamOpening;
  /** The local functions called on the way to it, nearest first; empty when `fn` opens it itself. */
  via: readonly FunctionNode[];
}

export interface OpenerCallSite {
  /** A call (`openRow(id)`, `this.connect()`) or a function passed by reference (`rows.forEach(openRow)`). */
  node: TSESTree.CallExpression | TSESTree.Identifier;
  target: OpenerInfo;
}

export interface StreamOpeners {
  /** Every function that opens a stream when called, with how. */
  byFunction: ReadonlyMap<FunctionNode, OpenerInfo>;
  /** Every place where one of those functions is called or handed to an iteration. */
  callSites: readonly OpenerCallSite[];
}

/** Whether `fn` runs as part of running the code around it (an inline callback or an IIFE). */
function runsWithItsParent(fn: FunctionNode): boolean {
  if (fn.type === 'FunctionDeclaration') return false;
  const node = skipTransparentParents(fn);
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as never)) {
    return true;
  }
  if (parent.type === 'CallExpression' && parent.callee === node) return true;
  return parent.type === 'JSXExpressionContainer' && parent.parent?.type === 'JSXAttribute';
}

/**
 * The function that a piece of code belongs to, as far as callers can tell: the nearest
 * enclosing function that does not merely run inline for its parent. Null at module level.
 */
export function owningFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      if (!runsWithItsParent(current)) return current;
    } else if (isExecutionBoundary(current)) {
      return null;
    }
  }
  return null;
}

function isCalleeOf(identifier: TSESTree.Node): TSESTree.CallExpression | null {
  const node = skipTransparentParents(identifier);
  const parent = node.parent;
  return parent?.type === 'CallExpression' && parent.callee === node ? parent : null;
}

function isPassedAsArgument(identifier: TSESTree.Identifier): boolean {
  const node = skipTransparentParents(identifier);
  const parent = node.parent;
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(node as never);
}

/** The variable a function is bound to, if it has one that callers can name. */
function bindingOf(fn: FunctionNode, scopeManager: TSESLint.Scope.ScopeManager): TSESLint.Scope.Variable | null {
  if (fn.type === 'FunctionDeclaration') {
    if (!fn.id) return null;
    return scopeManager.getDeclaredVariables(fn).find((variable) => variable.name === fn.id!.name) ?? null;
  }
  let node: TSESTree.Node = skipTransparentParents(fn);
  // `const Row = memo(function Row() {})` and `forwardRef(...)`: the wrapper returns the function.
  while (node.parent?.type === 'CallExpression' && node.parent.arguments[0] === node) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    return scopeManager.getDeclaredVariables(parent).find((variable) => variable.name === name) ?? null;
  }
  return null;
}

/** A class member (method or arrow-valued field) that `this.name()` calls inside the class reach. */
function classMemberName(fn: FunctionNode): { name: string; classBody: TSESTree.ClassBody } | null {
  const parent = fn.parent;
  if (
    (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') &&
    parent.value === fn &&
    !parent.computed &&
    parent.key.type === 'Identifier' &&
    parent.parent.type === 'ClassBody'
  ) {
    return { name: parent.key.name, classBody: parent.parent };
  }
  return null;
}

/** `this.name(...)` calls within a class body (not inside nested classes or `function`s, where `this` differs). */
function thisMemberCalls(
  classBody: TSESTree.ClassBody,
  name: string,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [...classBody.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      node.callee.object.type === 'ThisExpression' &&
      !node.callee.computed &&
      node.callee.property.type === 'Identifier' &&
      node.callee.property.name === name
    ) {
      calls.push(node);
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!child || typeof child !== 'object' || !('type' in child)) continue;
        const childNode = child as TSESTree.Node;
        if (childNode.type === 'ClassBody' || childNode.type === 'FunctionDeclaration') continue;
        if (childNode.type === 'FunctionExpression' && childNode.parent?.type !== 'MethodDefinition') continue;
        stack.push(childNode);
      }
    }
  }
  return calls;
}

function computeOpeners(sourceCode: Readonly<TSESLint.SourceCode>, openings: readonly StreamOpening[]): StreamOpeners {
  const byFunction = new Map<FunctionNode, OpenerInfo>();
  const callSites: OpenerCallSite[] = [];
  const queue: OpenerInfo[] = [];
  const scopeManager = sourceCode.scopeManager;

  function reach(fn: FunctionNode | null, info: Omit<OpenerInfo, 'fn'>): void {
    if (!fn || byFunction.has(fn)) return;
    const opener = { fn, ...info };
    byFunction.set(fn, opener);
    queue.push(opener);
  }

  for (const opening of openings) {
    reach(owningFunction(opening.node), { opening, via: [] });
  }
  // Breadth first, so each function records its shortest route to an opening.
  while (queue.length > 0) {
    const target = queue.shift()!;
    const callers: (TSESTree.CallExpression | TSESTree.Identifier)[] = [];
    const variable = scopeManager ? bindingOf(target.fn, scopeManager) : null;
    for (const reference of variable?.references ?? []) {
      if (!reference.isRead() || reference.identifier.type !== 'Identifier') continue;
      const call = isCalleeOf(reference.identifier);
      if (call) callers.push(call);
      else if (isPassedAsArgument(reference.identifier)) callers.push(reference.identifier);
    }
    const member = classMemberName(target.fn);
    if (member) callers.push(...thisMemberCalls(member.classBody, member.name, sourceCode.visitorKeys));

    for (const node of callers) {
      callSites.push({ node, target });
      reach(owningFunction(node), { opening: target.opening, via: [target.fn, ...target.via] });
    }
  }
  callSites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { byFunction, callSites };
}

const cache = new WeakMap<readonly StreamOpening[], StreamOpeners>();

/** The openers of a file, computed once per list of openings (which `getStreamOpenings` caches per file). */
export function getStreamOpeners(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
): StreamOpeners {
  let openers = cache.get(openings);
  if (!openers) {
    openers = computeOpeners(sourceCode, openings);
    cache.set(openings, openers);
  }
  return openers;
}
