/**
 * Which functions of a file open a stream when they are called, directly or through other
 * functions of the same file, and where they are called. "Calling `openRow()` in a loop
 * opens a stream per row" needs this; so does "this hook opens its own stream" when the
 * hook reaches the constructor through a helper.
 *
 * A function owns the code of the callbacks it passes inline (`useEffect(() => …)`,
 * `setTimeout(() => …)`, `rows.map(r => …)`, `onClick={() => …}`, an IIFE): calling it
 * sets them running. A function it returns or stores does not run when it is called, so
 * ownership stops there; nor does one it hands to `debounce()` or `throttle()`, which runs
 * when the wrapper's result is called.
 *
 * A class opens a stream when it is instantiated if its constructor or an instance field
 * initialiser does (directly or through `this.method()`); `new Row()` is then a construction
 * site, and so is `new SubRow()` for a subclass declared in the same file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  enclosingRunningFunction,
  isExecutionBoundary,
  isDeferredByWrapper,
  isWrappedAsComponent,
  isFunctionNode,
  passedFunctionValue,
  skipTransparentParents,
} from './functions.js';
import { type AccessPath, pathOccurrences, staticKeyName } from './reconnect/access-paths.js';
import type { StreamOpening } from './stream-sources.js';
import { extendedBy } from './stream-subclasses.js';

export interface OpenerInfo {
  fn: FunctionNode;
  /** The opening this function eventually reaches. */
  opening: StreamOpening;
  /**
   * The local functions called on the way to it, nearest first; empty when `fn` opens it
   * itself. Classes instantiated on the way are not listed (see `byClass`).
   */
  via: readonly FunctionNode[];
}

export interface OpenerCallSite {
  /**
   * A call (`openRow(id)`, `this.connect()`), or a function passed by reference
   * (`rows.forEach(openRow)`, `setTimeout(this.connect.bind(this), d)`): then the reference.
   */
  node: TSESTree.CallExpression | TSESTree.Identifier | TSESTree.MemberExpression;
  target: OpenerInfo;
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface ClassOpenerInfo {
  classNode: ClassNode;
  /** The opening that instantiating the class eventually reaches. */
  opening: StreamOpening;
  /** The local functions called on the way to it (not counting the constructor), nearest first. */
  via: readonly FunctionNode[];
}

export interface ConstructionSite {
  /** `new Row(id)`. */
  node: TSESTree.NewExpression;
  target: ClassOpenerInfo;
}

export interface StreamOpeners {
  /** The openings these openers lead to: every opening of the file. */
  openings: readonly StreamOpening[];
  /** Every function that opens a stream when called, with how. */
  byFunction: ReadonlyMap<FunctionNode, OpenerInfo>;
  /** Every place where one of those functions is called or handed to an iteration. */
  callSites: readonly OpenerCallSite[];
  /** Every class of the file that opens a stream when instantiated. */
  byClass: ReadonlyMap<ClassNode, ClassOpenerInfo>;
  /** Every `new` of one of those classes. */
  constructionSites: readonly ConstructionSite[];
}

/** Whether `fn` runs as part of running the code around it (an inline callback or an IIFE). */
function runsWithItsParent(fn: FunctionNode): boolean {
  if (fn.type === 'FunctionDeclaration') return false;
  const node = skipTransparentParents(fn);
  const parent = node.parent;
  // `debounce(fn)` runs `fn` later, wherever its result is called; `memo(function Row() {})` whenever a `Row` renders.
  if (!parent || isDeferredByWrapper(node) || isWrappedAsComponent(node)) return false;
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
  return enclosingRunningFunction(node, runsWithItsParent);
}

function isClassNode(node: TSESTree.Node): node is ClassNode {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
}

/** The class whose instantiation runs `fn`, when `fn` is its constructor. */
function constructedClass(fn: FunctionNode): ClassNode | null {
  const method = fn.parent;
  if (method?.type !== 'MethodDefinition' || method.kind !== 'constructor' || method.value !== fn) return null;
  const classNode = method.parent.parent;
  return isClassNode(classNode) ? classNode : null;
}

/**
 * Like `owningFunction`, but code in an instance field initialiser (`es = new EventSource(u)`)
 * belongs to its class, since every `new` runs it.
 */
function owningUnit(node: TSESTree.Node): FunctionNode | ClassNode | null {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      if (!runsWithItsParent(current)) return current;
    } else if (current.type === 'PropertyDefinition' || current.type === 'AccessorProperty') {
      const classNode = current.parent.parent;
      return !current.static && current.value === child && isClassNode(classNode) ? classNode : null;
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

/** Whether a function reference is an argument of a call or `new`, as it is or bound (`connect.bind(null)`). */
function isPassedAsArgument(reference: TSESTree.Node): boolean {
  const node = passedFunctionValue(reference);
  const parent = node.parent;
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(node as never);
}

function isConstructedBy(identifier: TSESTree.Node): TSESTree.NewExpression | null {
  const node = skipTransparentParents(identifier);
  const parent = node.parent;
  return parent?.type === 'NewExpression' && parent.callee === node ? parent : null;
}

/**
 * The variables a function or class is bound to, that callers can name: a declaration's
 * name (a class declaration has two, outside and inside its body) or the `const` it initialises.
 */
function bindingsOf(
  unit: FunctionNode | ClassNode,
  scopeManager: TSESLint.Scope.ScopeManager,
): TSESLint.Scope.Variable[] {
  if (unit.type === 'FunctionDeclaration' || unit.type === 'ClassDeclaration') {
    const id = unit.id;
    if (!id) return [];
    return scopeManager.getDeclaredVariables(unit).filter((variable) => variable.name === id.name);
  }
  let node: TSESTree.Node = skipTransparentParents(unit);
  // `const Row = memo(function Row() {})` and `forwardRef(...)`: the wrapper returns the function.
  while (node.parent?.type === 'CallExpression' && node.parent.arguments[0] === node) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    return scopeManager.getDeclaredVariables(parent).filter((variable) => variable.name === name);
  }
  return [];
}

/** The classes whose `extends` clause is one of these references to a class. */
function subclassesOf(references: readonly TSESTree.Identifier[]): ClassNode[] {
  return references.flatMap((identifier) => extendedBy(identifier) ?? []);
}

/** The name of a class member: `open` and `#open` are different members, so the key's type counts too. */
type MemberKey = TSESTree.Identifier | TSESTree.PrivateIdentifier;

/**
 * The path callers name a method of an object literal by, when a `const` holds the object:
 * `api.open` for `const api = { open(id) { … } }` (or `open: (id) => …`).
 */
function objectMethodPath(fn: FunctionNode, scopeManager: TSESLint.Scope.ScopeManager | null): AccessPath | null {
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn || property.kind !== 'init') return null;
  const name = staticKeyName(property);
  const declarator = skipTransparentParents(property.parent).parent;
  if (name === null || declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return null;
  if (skipTransparentParents(property.parent) !== declarator.init || declarator.parent.kind !== 'const') return null;
  const id = declarator.id;
  const variable = scopeManager?.getDeclaredVariables(declarator).find((candidate) => candidate.name === id.name);
  return variable ? { root: variable, properties: [name] } : null;
}

/** A class member (method or arrow-valued field, public or `#private`) that `this.name()` calls inside the class reach. */
function classMemberName(fn: FunctionNode): { key: MemberKey; classBody: TSESTree.ClassBody } | null {
  const parent = fn.parent;
  if (
    (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition' || parent?.type === 'AccessorProperty') &&
    parent.value === fn &&
    !parent.computed &&
    (parent.key.type === 'Identifier' || parent.key.type === 'PrivateIdentifier') &&
    parent.parent.type === 'ClassBody'
  ) {
    return { key: parent.key, classBody: parent.parent };
  }
  return null;
}

/**
 * `this.name(...)` / `this.#name(...)` calls within a class body, and `this.name` handed on as
 * an argument (`setTimeout(this.connect.bind(this), d)`); not inside nested classes or
 * `function`s, where `this` differs.
 */
function thisMemberCalls(
  classBody: TSESTree.ClassBody,
  key: MemberKey,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): (TSESTree.CallExpression | TSESTree.MemberExpression)[] {
  const calls: (TSESTree.CallExpression | TSESTree.MemberExpression)[] = [];
  const stack: TSESTree.Node[] = [...classBody.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === 'MemberExpression' &&
      node.object.type === 'ThisExpression' &&
      !node.computed &&
      node.property.type === key.type &&
      node.property.name === key.name
    ) {
      const call = isCalleeOf(node);
      if (call) calls.push(call);
      else if (isPassedAsArgument(node)) calls.push(node);
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
  const byClass = new Map<ClassNode, ClassOpenerInfo>();
  const callSites: OpenerCallSite[] = [];
  const constructionSites: ConstructionSite[] = [];
  const queue: (OpenerInfo | ClassOpenerInfo)[] = [];
  const scopeManager = sourceCode.scopeManager;

  function reach(unit: FunctionNode | ClassNode | null, info: Omit<OpenerInfo, 'fn'>): void {
    if (!unit) return;
    if (isClassNode(unit)) {
      if (byClass.has(unit)) return;
      const opener = { classNode: unit, ...info };
      byClass.set(unit, opener);
      queue.push(opener);
    } else {
      if (byFunction.has(unit)) return;
      const opener = { fn: unit, ...info };
      byFunction.set(unit, opener);
      queue.push(opener);
    }
  }

  function readsOf(unit: FunctionNode | ClassNode): TSESTree.Identifier[] {
    const variables = scopeManager ? bindingsOf(unit, scopeManager) : [];
    return variables
      .flatMap((variable) => variable.references)
      .filter((reference) => reference.isRead() && reference.identifier.type === 'Identifier')
      .map((reference) => reference.identifier as TSESTree.Identifier);
  }

  for (const opening of openings) {
    reach(owningUnit(opening.node), { opening, via: [] });
  }
  // Breadth first, so each function records its shortest route to an opening.
  while (queue.length > 0) {
    const target = queue.shift()!;
    if ('classNode' in target) {
      const reads = readsOf(target.classNode);
      for (const identifier of reads) {
        const construction = isConstructedBy(identifier);
        if (!construction) continue;
        constructionSites.push({ node: construction, target });
        reach(owningUnit(construction), { opening: target.opening, via: target.via });
      }
      for (const subclass of subclassesOf(reads)) reach(subclass, { opening: target.opening, via: target.via });
      continue;
    }
    const callers: OpenerCallSite['node'][] = [];
    for (const identifier of readsOf(target.fn)) {
      const call = isCalleeOf(identifier);
      if (call) callers.push(call);
      else if (isPassedAsArgument(identifier)) callers.push(identifier);
    }
    const member = classMemberName(target.fn);
    if (member) callers.push(...thisMemberCalls(member.classBody, member.key, sourceCode.visitorKeys));
    const objectMethod = objectMethodPath(target.fn, scopeManager);
    for (const occurrence of objectMethod ? pathOccurrences(sourceCode, objectMethod) : []) {
      if (occurrence.type !== 'MemberExpression') continue;
      const call = isCalleeOf(occurrence);
      if (call) callers.push(call);
      else if (isPassedAsArgument(occurrence)) callers.push(occurrence);
    }

    for (const node of callers) {
      callSites.push({ node, target });
      reach(owningUnit(node), { opening: target.opening, via: [target.fn, ...target.via] });
    }
    reach(constructedClass(target.fn), { opening: target.opening, via: target.via });
  }
  callSites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  constructionSites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { openings, byFunction, callSites, byClass, constructionSites };
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
