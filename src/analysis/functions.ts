/** Small, shared questions about functions: which node is one, and what name it goes by. */
import type { TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression'
  );
}

/**
 * The parameters that receive a call's arguments, in order. TypeScript's `this` parameter
 * (`function shut(this: void, stream: EventSource)`) declares the type of `this` and takes no
 * argument, though typescript-eslint lists it first: the stream of `shut(es)` is `stream`.
 */
export function argumentParameters(fn: FunctionNode): readonly TSESTree.Parameter[] {
  const first = fn.params[0];
  return first?.type === 'Identifier' && first.name === 'this' ? fn.params.slice(1) : fn.params;
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

/**
 * What code hands on when it passes a function by reference: the reference itself, or
 * `ref.bind(…)` of it (`setTimeout(this.connect.bind(this), d)`), which calls the same code.
 */
export function passedFunctionValue(reference: TSESTree.Node): TSESTree.Node {
  const node = skipTransparentParents(reference);
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || member.computed) return node;
  if (member.property.type !== 'Identifier' || member.property.name !== 'bind') return node;
  const call = skipTransparentParents(member).parent;
  return call?.type === 'CallExpression' && skipTransparentParents(call.callee) === skipTransparentParents(member)
    ? skipTransparentParents(call)
    : node;
}

/** Global schedulers that call their first argument once, a little later. */
const ONE_SHOT_SCHEDULERS = new Set(['setTimeout', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback']);
/** Promise methods whose handlers run at most once per call. */
const PROMISE_HANDLER_METHODS = new Set(['then', 'catch', 'finally']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

function isOneShotScheduler(callee: TSESTree.Expression): boolean {
  if (callee.type === 'Identifier') return ONE_SHOT_SCHEDULERS.has(callee.name);
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    GLOBAL_OBJECTS.has(callee.object.name) &&
    callee.property.type === 'Identifier' &&
    ONE_SHOT_SCHEDULERS.has(callee.property.name)
  );
}

/**
 * Whether an inline function runs exactly once each time the code around it runs, so that a
 * loop around it repeats it: an IIFE (also through `.call()`/`.apply()`), a `new Promise()`
 * executor, a `setTimeout`/`queueMicrotask`/`requestAnimationFrame`/`requestIdleCallback`
 * callback, or a `.then()`/`.catch()`/`.finally()` handler. An event handler is not: it runs
 * per event, however often the code that registers it runs.
 */
export function runsOncePerEvaluation(fn: FunctionNode): boolean {
  if (fn.type === 'FunctionDeclaration') return false;
  const node = skipTransparentParents(fn);
  const parent = node.parent;
  if (parent?.type === 'CallExpression' && parent.callee === node) return true;
  if (
    parent?.type === 'MemberExpression' &&
    parent.object === node &&
    !parent.computed &&
    parent.property.type === 'Identifier' &&
    (parent.property.name === 'call' || parent.property.name === 'apply')
  ) {
    return parent.parent.type === 'CallExpression' && parent.parent.callee === parent;
  }
  if (parent?.type === 'NewExpression') {
    return parent.arguments[0] === node && parent.callee.type === 'Identifier' && parent.callee.name === 'Promise';
  }
  return isCalledOnceAsArgument(node);
}

/**
 * Whether the function passed at `node` (inline or by name) is called once, a little later,
 * by the call it is an argument of: `setTimeout(connect, d)`, `queueMicrotask(fn)`,
 * `promise.then(fn)`.
 */
export function isCalledOnceAsArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type !== 'CallExpression' || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return false;
  }
  if (parent.arguments[0] === node && isOneShotScheduler(parent.callee)) return true;
  const callee = parent.callee;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    PROMISE_HANDLER_METHODS.has(callee.property.name)
  );
}

/** Wrappers that return the component they are given, e.g. `memo(function Row() {})`. */
export const COMPONENT_WRAPPERS: ReadonlySet<string> = new Set(['memo', 'forwardRef', 'observer', 'withRouter']);

/**
 * Whether `node` is handed straight to `memo()`, `forwardRef()` or a similar wrapper: a
 * component, which runs when it renders, not where the wrapper is called.
 */
export function isWrappedAsComponent(node: TSESTree.Node): boolean {
  const inner = skipTransparentParents(node);
  const call = inner.parent;
  return call?.type === 'CallExpression' && call.arguments[0] === inner && COMPONENT_WRAPPERS.has(calleeName(call.callee) ?? '');
}

/**
 * `node` itself, or the outermost `memo()`/`forwardRef()`-like call that wraps it, since
 * that call returns what it was given: `const Row = memo(forwardRef(function Row() {}))`.
 */
export function outermostComponentWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = skipTransparentParents(node);
  while (
    current.parent?.type === 'CallExpression' &&
    current.parent.arguments[0] === current &&
    COMPONENT_WRAPPERS.has(calleeName(current.parent.callee) ?? '')
  ) {
    current = skipTransparentParents(current.parent);
  }
  return current;
}

/**
 * Wrappers that return a function which runs the one they are given later, when it is called
 * (`const retry = debounce(() => connect(), 1000)`): the given function does not run where the
 * wrapper is called, but wherever its result is.
 */
export const DEFERRING_WRAPPERS: ReadonlySet<string> = new Set(['debounce', 'throttle']);

/** Whether `node` is the function a deferring wrapper is given: `debounce(fn, wait)`. */
export function isDeferredByWrapper(node: TSESTree.Node): boolean {
  const inner = skipTransparentParents(node);
  const call = inner.parent;
  return call?.type === 'CallExpression' && call.arguments[0] === inner && DEFERRING_WRAPPERS.has(calleeName(call.callee) ?? '');
}

/** The name a call goes by: `f` for `f()`, `m` for `x.m()`. */
export function calleeName(callee: TSESTree.Node): string | null {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return callee.property.name;
  }
  return null;
}

/**
 * The name a function is known by: its own id, the variable it initialises (also through
 * `memo()`/`forwardRef()`), the property or method it defines (`#name` for a private one), or
 * the class of a method.
 */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const node = outermostComponentWrapper(fn);
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return parent.id.name;
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') {
    return parent.left.name;
  }
  if (
    (parent.type === 'Property' ||
      parent.type === 'MethodDefinition' ||
      parent.type === 'PropertyDefinition' ||
      parent.type === 'AccessorProperty') &&
    parent.value === node &&
    !parent.computed
  ) {
    if (parent.key.type === 'Identifier') return parent.key.name;
    if (parent.key.type === 'PrivateIdentifier') return `#${parent.key.name}`;
  }
  return null;
}

/**
 * The nearest function around `node` whose run `node` is part of, passing over functions that
 * `runsInline` says run where they stand (an IIFE, a `setTimeout` callback…); null when a
 * walk up reaches module level or an execution boundary that is not a function first.
 */
export function enclosingRunningFunction(
  node: TSESTree.Node,
  runsInline: (fn: FunctionNode) => boolean,
): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      if (!runsInline(current)) return current;
    } else if (isExecutionBoundary(current)) {
      return null;
    }
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
