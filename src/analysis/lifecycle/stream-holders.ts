/**
 * Where the value of a stream opening is held, so that code elsewhere can close it: the
 * variables and property paths it is kept in (`const es = …`, `this.es = …`,
 * `esRef.current = es`), or the fact that it is handed to code this file cannot see
 * (passed to a function, returned, stored in a collection), in which case that code may own
 * it and nothing can be said about its closing.
 *
 * `fetchEventSource` (from `@microsoft/fetch-event-source`) has no `close()`: it stops when
 * the `signal` passed in its options aborts, so what holds it is the `AbortController` whose
 * signal it got, and closing it is `controller.abort()`. VueUse's `useEventSource` closes its
 * stream itself when the caller's scope is disposed (`closesWithCallerScope`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, argumentParameters, enclosingFunction, isFunctionNode, skipTransparentParents } from '../functions.js';
import { staticKeyName, staticPropertyName, unwrapExpression } from '../reconnect/access-paths.js';
import { findOption, objectLiteralArgument } from '../reconnect/object-options.js';
import { contains } from '../reconnect/walk.js';
import type { StreamOpening } from '../stream-sources.js';
import { isVueUseEventSource } from '../vueuse-event-source.js';
import { resolveCallee } from './callees.js';
import { type HolderPath, holderOccurrences, holderPathOf, includesHolder, rootVariable } from './holder-paths.js';
import { isHookDependency } from './local-callers.js';

/** How code closes a stream: the methods that close it, and whether calling the held value does (an unsubscribe function). */
export interface CloseMethods {
  methods: ReadonlySet<string>;
  callable: boolean;
}

/** Where a value is first kept: a declaration, an assignment, or a class field. */
type Store = TSESTree.VariableDeclarator | TSESTree.AssignmentExpression | TSESTree.PropertyDefinition;

export type StreamHolding =
  /** Kept under these names, none of which hands it to unknown code. */
  | {
      kind: 'held';
      paths: HolderPath[];
      /** The first place it is kept: the declarator or assignment around the opening (or around `new AbortController()`). */
      store: Store;
      close: CloseMethods;
    }
  /** Kept nowhere (`new EventSource(u).onmessage = …`): nothing can ever close it. */
  | { kind: 'unheld'; close: CloseMethods }
  /** Handed to code that may own it: no verdict. */
  | { kind: 'escapes' }
  /** `fetchEventSource` with an options object and no `signal`: nothing can stop it. */
  | { kind: 'no-signal' };

const CLOSE: CloseMethods = { methods: new Set(['close']), callable: false };
const ABORT: CloseMethods = { methods: new Set(['abort']), callable: false };
/** A user's wrapper may return anything that stops: a client with one of these methods, or an unsubscribe function. */
const WRAPPER_CLOSE: CloseMethods = {
  methods: new Set(['close', 'abort', 'disconnect', 'unsubscribe', 'dispose', 'destroy', 'stop', 'cancel']),
  callable: true,
};

/**
 * Whether the client closes its stream itself when the caller's effect scope is disposed, so
 * that the component's unmount closes it with no code of the caller: VueUse's `useEventSource`
 * (`tryOnScopeDispose(close)`).
 */
export function closesWithCallerScope(opening: StreamOpening): boolean {
  return isVueUseEventSource(opening);
}

export function isFetchEventSource(opening: StreamOpening): boolean {
  return opening.source.module === '@microsoft/fetch-event-source' && opening.source.exportName === 'fetchEventSource';
}

/** How the stream an opening returns is closed. */
export function closeMethodsOf(opening: StreamOpening): CloseMethods {
  if (isFetchEventSource(opening)) return ABORT;
  return opening.source.userDefined ? WRAPPER_CLOSE : CLOSE;
}

type Use =
  | { kind: 'fine' }
  | { kind: 'escape' }
  /** Kept under another name too. */
  | { kind: 'alias'; path: HolderPath }
  /** Handed to the caller of the function it is returned from (`return es`, `() => es`). */
  | { kind: 'returned'; from: FunctionNode };

/** The function that `node` is the returned value of: `return node;`, or an arrow's expression body. */
function returnedFrom(node: TSESTree.Node): FunctionNode | null {
  const parent = node.parent;
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === node) return parent;
  if (parent?.type !== 'ReturnStatement' || parent.argument !== node) return null;
  return enclosingFunction(parent);
}

/** Positions where reading a value only tests it: `if (es)`, `!es`, `es === null`, `es && …`. */
function isTest(node: TSESTree.Node, parent: TSESTree.Node): boolean {
  switch (parent.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return 'test' in parent && parent.test === node;
    case 'UnaryExpression':
    case 'BinaryExpression':
    case 'ExpressionStatement':
      return true;
    // Only the left of `&&` is left here: `useOf` follows `??` and `||` to what takes their value.
    case 'LogicalExpression':
      return parent.left === node;
    default:
      return false;
  }
}

/**
 * Whether `node` is written to, or only iterated: the left of an assignment, either side of
 * `for (x of …)` and `for (x in …)`, also inside a destructuring pattern (`[es = fallback] = list`,
 * `({ es } = next)`). Writing over a held value hands it to no one: whether the old stream was
 * closed first is the replacement check's question. Iterating it does not keep it either:
 * `for…in` reads its keys, and a stream is not iterable.
 */
function isWrittenOrIterated(node: TSESTree.Node): boolean {
  let target = node;
  let parent = target.parent;
  while (parent) {
    if (parent.type === 'ArrayPattern' || parent.type === 'RestElement' || (parent.type === 'AssignmentPattern' && parent.left === target)) {
      target = parent;
    } else if (parent.type === 'Property' && parent.value === target) {
      // In an object literal the walk ends at the literal, never the target of a write.
      target = parent.parent;
    } else {
      break;
    }
    parent = target.parent;
  }
  if (parent?.type === 'AssignmentExpression') return parent.left === target;
  return parent?.type === 'ForOfStatement' || parent?.type === 'ForInStatement';
}

/** The variable a local function's parameter at `index` declares, when it is a plain name. */
function parameterVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: TSESTree.Node,
  index: number,
): TSESLint.Scope.Variable | null {
  if (!isFunctionNode(fn)) return null;
  const parameter = argumentParameters(fn)[index];
  if (parameter?.type !== 'Identifier') return null;
  return sourceCode.scopeManager?.getDeclaredVariables(fn).find((variable) => variable.name === parameter.name) ?? null;
}

/** `console.log(es)` and the like only print it. */
function isConsoleCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'console';
}

/** What a read of a held value does with it. */
function useOf(sourceCode: Readonly<TSESLint.SourceCode>, occurrence: TSESTree.Node): Use {
  let node = skipTransparentParents(occurrence);
  // `a ?? es`, `es ?? b` and `es || b` carry it on: what the whole expression does with it is
  // what counts. The left of `&&` is only tested (its value goes on only when it is no stream).
  while (node.parent?.type === 'LogicalExpression' && (node.parent.right === node || node.parent.operator !== '&&')) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (!parent) return { kind: 'escape' };
  if (parent.type === 'MemberExpression' && parent.object === node) return { kind: 'fine' };
  // Calling it hands it to no one: for a wrapper that returns its unsubscribe function, `stop()`
  // is the close (`CloseMethods.callable`).
  if (parent.type === 'CallExpression' && parent.callee === node) return { kind: 'fine' };
  if (isWrittenOrIterated(node)) return { kind: 'fine' };
  if (parent.type === 'VariableDeclarator' && parent.id === node) return { kind: 'fine' };
  if (isTest(node, parent) || isHookDependency(node)) return { kind: 'fine' };
  if (parent.type === 'VariableDeclarator' && parent.init === node) {
    if (parent.id.type === 'ObjectPattern') return { kind: 'fine' };
    if (parent.id.type !== 'Identifier') return { kind: 'escape' };
    const name = parent.id.name;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { kind: 'alias', path: { root: variable, properties: [] } } : { kind: 'escape' };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.operator === '=') {
    const path = holderPathOf(sourceCode, parent.left);
    return path ? { kind: 'alias', path } : { kind: 'escape' };
  }
  if (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    if (isConsoleCall(parent)) return { kind: 'fine' };
    // Handing it to a local function only renames it there: follow the parameter.
    const fn = resolveCallee(sourceCode, parent.callee);
    const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    const variable = fn && parameterVariable(sourceCode, fn, index);
    return variable ? { kind: 'alias', path: { root: variable, properties: [] } } : { kind: 'escape' };
  }
  const from = returnedFrom(node);
  return from ? { kind: 'returned', from } : { kind: 'escape' };
}

/** The uses of a path's root variable that do not go through the path (`return ref` for `ref.current`). */
function bareRootUses(path: HolderPath): TSESTree.Node[] {
  if (path.properties.length === 0 || !('references' in path.root)) return [];
  const uses: TSESTree.Node[] = [];
  for (const reference of path.root.references) {
    const node = skipTransparentParents(reference.identifier as TSESTree.Node);
    const parent = node.parent;
    if (parent?.type === 'MemberExpression' && parent.object === node) continue;
    if (reference.init || reference.isWriteOnly()) continue;
    uses.push(reference.identifier as TSESTree.Node);
  }
  return uses;
}

/**
 * Follows a held value from its first path to every name it gets, with the functions that
 * return it to their callers; null when it escapes.
 */
function followUses(
  sourceCode: Readonly<TSESLint.SourceCode>,
  first: HolderPath,
): { paths: HolderPath[]; returnedFrom: Set<FunctionNode> } | null {
  const paths: HolderPath[] = [first];
  const returned = new Set<FunctionNode>();
  for (let index = 0; index < paths.length; index++) {
    const path = paths[index]!;
    for (const occurrence of [...holderOccurrences(sourceCode, path), ...bareRootUses(path)]) {
      const use = useOf(sourceCode, occurrence);
      if (use.kind === 'escape') return null;
      if (use.kind === 'returned') returned.add(use.from);
      if (use.kind === 'alias' && !includesHolder(paths, use.path)) paths.push(use.path);
    }
    // Bounded: a value renamed this often is passed around more than a lifecycle check can follow.
    if (paths.length > 16) return null;
  }
  return { paths, returnedFrom: returned };
}

/** Follows a held value from its first path to every name it gets; null when it escapes, returned included. */
function followHolders(sourceCode: Readonly<TSESLint.SourceCode>, first: HolderPath): HolderPath[] | null {
  const uses = followUses(sourceCode, first);
  return uses && uses.returnedFrom.size === 0 ? uses.paths : null;
}

/** The path that the value at `node` is first stored under, with the node that stores it. */
function firstStore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): { kind: 'stored'; path: HolderPath; store: Store } | { kind: 'unheld' } | { kind: 'escapes' } {
  const value = skipTransparentParents(node);
  const parent = value.parent;
  if (!parent) return { kind: 'escapes' };
  if (parent.type === 'VariableDeclarator' && parent.init === value) {
    if (parent.id.type !== 'Identifier') return { kind: 'escapes' };
    const name = parent.id.name;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { kind: 'stored', path: { root: variable, properties: [] }, store: parent } : { kind: 'escapes' };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === value && ['=', '??=', '||='].includes(parent.operator)) {
    const path = holderPathOf(sourceCode, parent.left);
    return path ? { kind: 'stored', path, store: parent } : { kind: 'escapes' };
  }
  if (parent.type === 'PropertyDefinition' && parent.value === value && !parent.static) {
    const name = staticKeyName(parent);
    if (name === null) return { kind: 'escapes' };
    return { kind: 'stored', path: { root: parent.parent, properties: [name] }, store: parent };
  }
  if (parent.type === 'ExpressionStatement') return { kind: 'unheld' };
  if (parent.type === 'MemberExpression' && parent.object === value) return { kind: 'unheld' };
  return { kind: 'escapes' };
}

function isNewAbortController(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  const value = unwrapExpression(node);
  return value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'AbortController';
}

/** The `new AbortController()` stored under `path`, with where it is stored; null when the path gets something else. */
function controllerStore(
  sourceCode: Readonly<TSESLint.SourceCode>,
  path: HolderPath,
): TSESTree.VariableDeclarator | TSESTree.AssignmentExpression | null {
  if (path.properties.length === 0 && 'defs' in path.root) {
    const definition = path.root.defs[0];
    if (definition?.node.type === 'VariableDeclarator' && isNewAbortController(definition.node.init)) return definition.node;
  }
  for (const occurrence of holderOccurrences(sourceCode, path)) {
    const node = skipTransparentParents(occurrence);
    const parent = node.parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === node && isNewAbortController(parent.right)) return parent;
  }
  return null;
}

/** The controller whose `signal` an expression is: `controller.signal`, or a `signal` read from it. */
function signalController(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  followed = new Set<TSESLint.Scope.Variable>(),
): HolderPath | null {
  const node = unwrapExpression(expression);
  if (node.type === 'MemberExpression' && staticPropertyName(node) === 'signal') {
    return holderPathOf(sourceCode, node.object);
  }
  if (node.type !== 'Identifier') return null;
  const variable = findVariable(sourceCode.getScope(node), node);
  // `const a = a` or `const a = b, b = a` parses (and throws at run time): the chain must end.
  if (!variable || followed.has(variable)) return null;
  followed.add(variable);
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type !== 'VariableDeclarator' || !definition.node.init) return null;
  const declarator = definition.node;
  if (declarator.id.type === 'Identifier') return signalController(sourceCode, declarator.init!, followed);
  // `const { signal } = controller`
  if (declarator.id.type === 'ObjectPattern') {
    const property = declarator.id.properties.find(
      (p) =>
        p.type === 'Property' &&
        p.value === definition.name &&
        !p.computed &&
        p.key.type === 'Identifier' &&
        p.key.name === 'signal',
    );
    return property ? holderPathOf(sourceCode, declarator.init!) : null;
  }
  return null;
}

function fetchEventSourceHolding(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): StreamHolding {
  const argument = opening.node.arguments[1];
  if (!argument) return { kind: 'no-signal' };
  const options = objectLiteralArgument(argument);
  if (!options) return { kind: 'escapes' };
  const signal = findOption(options, 'signal');
  if (signal.kind === 'absent') return { kind: 'no-signal' };
  if (signal.kind === 'unknown') return { kind: 'escapes' };
  const controller = signalController(sourceCode, signal.property.value);
  const store = controller && controllerStore(sourceCode, controller);
  if (!controller || !store) return { kind: 'escapes' };
  const paths = followHolders(sourceCode, controller);
  return paths ? { kind: 'held', paths, store, close: ABORT } : { kind: 'escapes' };
}

/**
 * The local function that opens the stream only to hand it to its caller, a factory: it returns
 * the opening (`return new EventSource(u)`, `(u) => new EventSource(u)`), or a variable of its
 * own that holds it and that nothing else takes (`const es = new EventSource(u); es.onerror =
 * …; return es;`). Whoever calls it holds the stream, and must close it.
 */
export function streamFactoryOf(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): FunctionNode | null {
  if (isFetchEventSource(opening)) return null;
  const value = skipTransparentParents(opening.node);
  const owner = enclosingFunction(opening.node);
  // An async function hands its caller a promise, a generator an iterator: not the stream.
  if (!owner || owner.async || owner.generator) return null;
  const direct = returnedFrom(value);
  if (direct) return direct === owner ? owner : null;
  const parent = value.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== value || parent.id.type !== 'Identifier') return null;
  const name = parent.id.name;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
  if (!variable || variable.scope.variableScope.block !== owner) return null;
  const uses = followUses(sourceCode, { root: variable, properties: [] });
  // Returned by the function that opens it, and by no callback inside: the caller gets the stream.
  if (!uses || uses.returnedFrom.size !== 1 || !uses.returnedFrom.has(owner)) return null;
  // Kept outside too (`current = es; return es;`): the code around may close it.
  const keptInside = uses.paths.every((path) => {
    const root = rootVariable(path);
    const declared = root?.defs[0]?.name;
    return declared !== undefined && contains(owner, declared);
  });
  return keptInside ? owner : null;
}

/** Where the stream of an opening is held. */
export function streamHolding(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): StreamHolding {
  if (isFetchEventSource(opening)) return fetchEventSourceHolding(sourceCode, opening);
  const close = closeMethodsOf(opening);
  const first = firstStore(sourceCode, opening.node);
  if (first.kind === 'unheld') return { kind: 'unheld', close };
  if (first.kind === 'escapes') return { kind: 'escapes' };
  const paths = followHolders(sourceCode, first.path);
  return paths ? { kind: 'held', paths, store: first.store, close } : { kind: 'escapes' };
}
