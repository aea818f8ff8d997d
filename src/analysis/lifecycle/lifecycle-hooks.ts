/**
 * What counts as code that runs when a component instance mounts, in each framework, and
 * where that instance's teardown code is:
 *
 * - hooks that take a callback: React's `useEffect`/`useLayoutEffect`/`useInsertionEffect`
 *   (also `React.useEffect`, react-use's `useEffectOnce`), Svelte's `onMount` and `$effect`,
 *   whose callback returns its cleanup; React's `useMount` (react-use, ahooks), Vue's
 *   `onMounted`/`onBeforeMount`, Solid's `onMount`/`createEffect`, whose cleanup is another
 *   hook called by the same setup code (`useUnmount`, `onBeforeUnmount`/`onUnmounted`/
 *   `onScopeDispose`, `onCleanup`; Svelte's `onDestroy` too);
 * - methods named by the framework: Angular's `ngOnInit` (torn down by `ngOnDestroy` or a
 *   `DestroyRef.onDestroy()` callback), a React class's `componentDidMount`, a custom
 *   element's `connectedCallback`, Vue's `created`/`mounted` (in an options object or a
 *   class component), and the constructor and field initialisers of a class that is one of
 *   these components.
 *
 * Recognition is by name and shape, like React's own lint rules; only the two meanings of
 * `onMount` (Svelte returns its cleanup, Solid ignores what it returns) and Solid's
 * `createEffect` (effector has one too) are told apart by the module they are imported from.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from '../eslint-utils.js';
import { asComponentOrHook, baseClassName } from '../components.js';
import { type FunctionNode, calleeName, isFunctionNode, skipTransparentParents } from '../functions.js';
import { staticKeyName, staticPropertyName, unwrapExpression } from '../reconnect/access-paths.js';
import { resolveLocalFunction } from '../reconnect/local-functions.js';
import { walkTree } from '../reconnect/walk.js';
import { owningFunction } from '../stream-openers.js';
import { isVueOptionsObject } from '../templates/vue-sfc.js';

export type Framework = 'react' | 'vue' | 'svelte' | 'solid' | 'angular' | 'custom-element';

/** A hook whose callback runs at mount. */
interface MountHook {
  framework: Framework;
  /** Whether the function the callback returns is its cleanup. */
  returnsCleanup: boolean;
  /** Hooks that the same setup code calls with teardown code. */
  cleanupHooks: readonly string[];
  /** Where the close belongs, for messages (Markdown): "in `ngOnDestroy`". */
  where: string;
}

const RETURN_CLEANUP = 'in a cleanup function that the callback returns';
const REACT_EFFECT: MountHook = {
  framework: 'react',
  returnsCleanup: true,
  cleanupHooks: ['useUnmount'],
  where: RETURN_CLEANUP,
};
const VUE_MOUNT: MountHook = {
  framework: 'vue',
  returnsCleanup: false,
  cleanupHooks: ['onBeforeUnmount', 'onUnmounted', 'onScopeDispose'],
  where: 'in an `onBeforeUnmount` (or `onUnmounted`) callback of the same setup',
};
const SVELTE_MOUNT: MountHook = {
  framework: 'svelte',
  returnsCleanup: true,
  cleanupHooks: ['onDestroy'],
  where: 'in a cleanup function that the `onMount` callback returns, or in `onDestroy`',
};
const SVELTE_EFFECT: MountHook = { framework: 'svelte', returnsCleanup: true, cleanupHooks: [], where: RETURN_CLEANUP };
const SOLID_MOUNT: MountHook = {
  framework: 'solid',
  returnsCleanup: false,
  cleanupHooks: ['onCleanup'],
  where: 'in an `onCleanup` callback',
};

/** Hooks known by name alone. `onMount` and `createEffect` are decided by their import (see `mountHookOf`). */
const MOUNT_HOOKS: ReadonlyMap<string, MountHook> = new Map([
  ['useEffect', REACT_EFFECT],
  ['useLayoutEffect', REACT_EFFECT],
  ['useInsertionEffect', REACT_EFFECT],
  ['useEffectOnce', REACT_EFFECT],
  [
    'useMount',
    { framework: 'react', returnsCleanup: false, cleanupHooks: ['useUnmount'], where: 'in a `useUnmount` callback' },
  ],
  ['onMounted', VUE_MOUNT],
  ['onBeforeMount', VUE_MOUNT],
  ['$effect', SVELTE_EFFECT],
  ['$effect.pre', SVELTE_EFFECT],
]);

interface MountMethod {
  framework: Framework;
  where: string;
}

const ANGULAR_INIT: MountMethod = { framework: 'angular', where: 'in `ngOnDestroy`' };
const VUE_OPTION: MountMethod = {
  framework: 'vue',
  where: 'in `beforeUnmount` (`beforeDestroy` in Vue 2)',
};
const CUSTOM_ELEMENT: MountMethod = { framework: 'custom-element', where: 'in `disconnectedCallback`' };
const REACT_CLASS: MountMethod = { framework: 'react', where: 'in `componentWillUnmount`' };

/** Instance methods that run when a class-based component mounts. */
const CLASS_MOUNT_METHODS: ReadonlyMap<string, MountMethod> = new Map([
  ['ngOnInit', ANGULAR_INIT],
  ['ngAfterViewInit', ANGULAR_INIT],
  ['ngAfterContentInit', ANGULAR_INIT],
  ['componentDidMount', REACT_CLASS],
  ['connectedCallback', CUSTOM_ELEMENT],
  ['firstUpdated', CUSTOM_ELEMENT],
  ['created', VUE_OPTION],
  ['beforeMount', VUE_OPTION],
  ['mounted', VUE_OPTION],
]);

/** The Vue options (`export default { mounted() {} }`, `defineComponent({ … })`) that run at mount. */
const OPTIONS_MOUNT_METHODS: ReadonlySet<string> = new Set(['created', 'beforeMount', 'mounted']);

/** Instance methods that run when a class-based component (or options object) is torn down. */
const TEARDOWN_METHODS: ReadonlySet<string> = new Set([
  'ngOnDestroy',
  'componentWillUnmount',
  'disconnectedCallback',
  'beforeUnmount',
  'unmounted',
  'beforeDestroy',
  'destroyed',
]);

/** Vue 2's programmatic teardown hooks: `this.$once('hook:beforeDestroy', fn)`. */
const VUE_TEARDOWN_EVENTS: ReadonlySet<string> = new Set([
  'hook:beforeDestroy',
  'hook:destroyed',
  'hook:beforeUnmount',
  'hook:unmounted',
]);

export interface MountCallback {
  /** The code that runs at mount: a function, or the initial value of a class field. */
  body: TSESTree.Node;
  framework: Framework;
  /** How messages name it (Markdown): "this `useEffect` callback", "`ngOnInit`". */
  description: string;
  /** Where the close belongs (Markdown): "in `ngOnDestroy`". */
  where: string;
  /**
   * The code whose teardown counts: the function (or program) that calls the hook, or the
   * class body or options object whose methods tear it down.
   */
  owner: TSESTree.Node;
  /** `hook` for a hook's callback (whose cleanups are hooks), `member` for a class or options member. */
  style: 'hook' | 'member';
  /** Whether the function that `body` returns is its cleanup. */
  returnsCleanup: boolean;
  /** The hooks whose callbacks, called by `owner`, tear the instance down. */
  cleanupHooks: readonly string[];
}

/** The module a name is imported from, or null. */
function importSource(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): string | null {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'ImportBinding') return null;
  const declaration = definition.parent;
  return declaration?.type === 'ImportDeclaration' ? declaration.source.value : null;
}

/** The module a callee is imported from: `onMount` imported by name, or `solid.onMount` of `import * as solid`. */
function calleeModule(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): string | null {
  if (callee.type === 'Identifier') return importSource(sourceCode, callee);
  if (callee.type !== 'MemberExpression') return null;
  const object = unwrapExpression(callee.object);
  return object.type === 'Identifier' ? importSource(sourceCode, object) : null;
}

/** `useEffect` for `useEffect(…)` and `React.useEffect(…)`; `$effect.pre` for Svelte's rune. */
export function hookName(call: TSESTree.CallExpression): string | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type !== 'MemberExpression') return null;
  const property = staticPropertyName(callee);
  if (property === null) return null;
  const object = unwrapExpression(callee.object);
  return object.type === 'Identifier' && object.name === '$effect' ? `$effect.${property}` : property;
}

/** The mount hook a call registers its first argument with, if it is one. */
function mountHookOf(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): MountHook | null {
  const name = hookName(call);
  if (name === null) return null;
  const known = MOUNT_HOOKS.get(name);
  if (known) return known;
  if (name !== 'onMount' && name !== 'createEffect') return null;
  if (calleeModule(sourceCode, unwrapExpression(call.callee)) === 'solid-js') return SOLID_MOUNT;
  return name === 'onMount' ? SVELTE_MOUNT : null;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** The framework whose component a class is, when its construction is a mount: decorated, or extending a known base. */
function componentClassFramework(classNode: ClassNode): MountMethod | null {
  for (const decorator of classNode.decorators ?? []) {
    const expression = unwrapExpression(decorator.expression);
    const name = calleeName(expression.type === 'CallExpression' ? expression.callee : expression);
    if (name === 'Component' || name === 'Directive') return ANGULAR_INIT;
  }
  if (asComponentOrHook(classNode)?.kind === 'class-component') return REACT_CLASS;
  const base = baseClassName(classNode);
  if (base && /Element$/.test(base)) return CUSTOM_ELEMENT;
  if (base === 'Vue') return VUE_OPTION;
  return null;
}

/** The hook call that `fn` is handed to, inline or by name. */
function registeringCall(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.CallExpression | null {
  const outer = skipTransparentParents(fn);
  const parent = outer.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === outer) return parent;
  // `useEffect(subscribe, [])` with a local `function subscribe() {}` or `const subscribe = () => {}`.
  let declaration: TSESTree.Node | null = null;
  let name: string | null = null;
  if (fn.type === 'FunctionDeclaration' && fn.id) {
    declaration = fn;
    name = fn.id.name;
  } else if (parent?.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') {
    declaration = parent;
    name = parent.id.name;
  }
  if (!declaration || name === null) return null;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration).find((v) => v.name === name);
  for (const reference of variable?.references ?? []) {
    const node = skipTransparentParents(reference.identifier as TSESTree.Node);
    const call = node.parent;
    if (call?.type === 'CallExpression' && call.arguments[0] === node && mountHookOf(sourceCode, call)) return call;
  }
  return null;
}

function hookMount(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): MountCallback | null {
  const call = registeringCall(sourceCode, fn);
  const hook = call && mountHookOf(sourceCode, call);
  if (!call || !hook) return null;
  return {
    body: fn,
    framework: hook.framework,
    description: `this \`${hookName(call)}\` callback`,
    where: hook.where,
    owner: owningFunction(call) ?? sourceCode.ast,
    style: 'hook',
    returnsCleanup: hook.returnsCleanup,
    cleanupHooks: hook.cleanupHooks,
  };
}

function memberMount(body: TSESTree.Node, name: string, method: MountMethod, owner: TSESTree.Node): MountCallback {
  return {
    body,
    framework: method.framework,
    description: name === 'constructor' ? 'the construction of this component' : `\`${name}\``,
    where: method.where,
    owner,
    style: 'member',
    returnsCleanup: false,
    cleanupHooks: [],
  };
}

/** The mount-time callback that `fn` is, or null. */
export function mountCallbackOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): MountCallback | null {
  const parent = fn.parent;
  if (parent?.type === 'MethodDefinition' && parent.value === fn && !parent.static && parent.parent.type === 'ClassBody') {
    const classNode = parent.parent.parent;
    if (parent.kind === 'constructor') {
      const framework = componentClassFramework(classNode);
      return framework ? memberMount(fn, 'constructor', framework, parent.parent) : null;
    }
    const name = parent.kind === 'method' ? staticKeyName(parent) : null;
    const method = name === null ? undefined : CLASS_MOUNT_METHODS.get(name);
    return method && name !== null ? memberMount(fn, name, method, parent.parent) : null;
  }
  if (parent?.type === 'Property' && parent.value === fn && fn.type === 'FunctionExpression') {
    if (parent.parent.type !== 'ObjectExpression') return null;
    const name = staticKeyName(parent);
    if (name === 'setup' && isVueOptionsObject(sourceCode, parent.parent)) return vueSetupMount(fn, '`setup()`');
    return name !== null && OPTIONS_MOUNT_METHODS.has(name) ? memberMount(fn, name, VUE_OPTION, parent.parent) : null;
  }
  return hookMount(sourceCode, fn);
}

/**
 * A Vue `setup()` (or the code of a `<script setup>`, `body` being the Program): it runs once
 * per instance, and what it opens is closed by the `onUnmounted`/`onBeforeUnmount` callbacks
 * that it registers itself.
 */
export function vueSetupMount(body: FunctionNode | TSESTree.Program, description: string): MountCallback {
  return {
    body,
    framework: 'vue',
    description,
    where: VUE_MOUNT.where,
    owner: body,
    style: 'hook',
    returnsCleanup: false,
    cleanupHooks: VUE_MOUNT.cleanupHooks,
  };
}

/**
 * The instance script of a Svelte component (`body` is the Program): what it opens is closed
 * in `onDestroy`, or in the cleanup an `onMount` or `$effect` callback of it returns.
 */
export function svelteInstanceMount(program: TSESTree.Program): MountCallback {
  return {
    body: program,
    framework: 'svelte',
    description: 'the component script',
    where: 'in `onDestroy`, or in the cleanup that an `onMount` or `$effect` callback returns',
    owner: program,
    style: 'hook',
    returnsCleanup: false,
    cleanupHooks: SVELTE_MOUNT.cleanupHooks,
  };
}

/** The mount that a class field's initial value is part of: the construction of a component class. */
export function fieldMountOf(field: TSESTree.PropertyDefinition): MountCallback | null {
  if (field.static || !field.value || field.parent.type !== 'ClassBody') return null;
  const framework = componentClassFramework(field.parent.parent);
  return framework ? memberMount(field.value, 'constructor', framework, field.parent) : null;
}

/** Where an instance's teardown code is. */
export interface Teardown {
  /** Functions (or expressions such as `es.close.bind(es)`) that run when the instance goes away. */
  regions: TSESTree.Node[];
  /** Values returned as a cleanup as they are (`return unsubscribe`): a stream's own disposer, or unknown. */
  returnedValues: TSESTree.Node[];
  /** Whether some teardown code could not be followed (an imported cleanup): it may close anything. */
  unknown: boolean;
}

function isNothing(node: TSESTree.Node): boolean {
  return (
    (node.type === 'Literal' && node.value === null) ||
    (node.type === 'Identifier' && node.name === 'undefined') ||
    (node.type === 'UnaryExpression' && node.operator === 'void')
  );
}

/** What a returned cleanup value contributes to a teardown. */
function addReturnedCleanup(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node, teardown: Teardown): void {
  // `cond ? () => es.close() : undefined` and `a && b` may return either side.
  const pending: TSESTree.Node[] = [value];
  while (pending.length > 0) {
    const node = unwrapExpression(pending.pop()!);
    if (isNothing(node)) continue;
    if (node.type === 'ConditionalExpression') {
      pending.push(node.consequent, node.alternate);
      continue;
    }
    if (node.type === 'LogicalExpression') {
      pending.push(node.left, node.right);
      continue;
    }
    const fn = resolveLocalFunction(sourceCode, node);
    if (fn) {
      teardown.regions.push(fn);
    } else if (node.type === 'CallExpression') {
      // `return es.close.bind(es)`: the closing code finds the bound `close`.
      const callee = unwrapExpression(node.callee);
      if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'bind') teardown.regions.push(node);
      else teardown.unknown = true;
    } else if (node.type === 'Identifier' || node.type === 'MemberExpression') {
      teardown.returnedValues.push(node);
    } else {
      teardown.unknown = true;
    }
  }
}

/** The values a function returns from its own code (not from functions nested in it). */
export function returnedValues(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): TSESTree.Node[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: TSESTree.Node[] = [];
  walkTree(fn.body, visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === 'ClassBody') return false;
    if (node.type === 'ReturnStatement' && node.argument) values.push(node.argument);
    return true;
  });
  return values;
}

/** Adds what a teardown callback argument contributes: its function, or an unknown. */
function addCallback(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.Node | undefined,
  teardown: Teardown,
): void {
  if (!argument || argument.type === 'SpreadElement') {
    teardown.unknown = true;
    return;
  }
  const fn = resolveLocalFunction(sourceCode, argument);
  if (fn) teardown.regions.push(fn);
  else teardown.unknown = true;
}

/**
 * The calls that `root` makes as code of `ownerFunction` (null: module level): inline callbacks
 * included, functions of their own (handlers, local helpers, classes) excluded.
 */
function ownCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  ownerFunction: FunctionNode | null,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  walkTree(root, sourceCode.visitorKeys, (node) => {
    if (node.type === 'ClassBody') return false;
    if (isFunctionNode(node) && node !== ownerFunction && owningFunction(node.body) !== ownerFunction) return false;
    if (node.type === 'CallExpression') calls.push(node);
    return true;
  });
  return calls;
}

/** Adds the cleanups that a returning mount callback gives back. */
function addReturnedCleanups(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode, teardown: Teardown): void {
  // An async callback returns a promise, which is never called as a cleanup.
  if (fn.async || fn.generator) return;
  for (const value of returnedValues(fn, sourceCode.visitorKeys)) addReturnedCleanup(sourceCode, value, teardown);
}

/** The teardown that the calls (cleanup hooks, other returning mount hooks of the framework) add. */
function hookTeardown(
  sourceCode: Readonly<TSESLint.SourceCode>,
  mount: MountCallback,
  calls: readonly TSESTree.CallExpression[],
  teardown: Teardown,
): Teardown {
  const cleanupHooks = new Set(mount.cleanupHooks);
  for (const call of calls) {
    const name = hookName(call);
    if (name === null) continue;
    if (cleanupHooks.has(name)) {
      addCallback(sourceCode, call.arguments[0], teardown);
      continue;
    }
    const hook = mountHookOf(sourceCode, call);
    if (!hook?.returnsCleanup || hook.framework !== mount.framework) continue;
    const argument = call.arguments[0];
    const fn = argument && argument.type !== 'SpreadElement' ? resolveLocalFunction(sourceCode, argument) : null;
    if (fn) addReturnedCleanups(sourceCode, fn, teardown);
    else teardown.unknown = true;
  }
  return teardown;
}

/** `x.onDestroy(fn)` (Angular's `DestroyRef`) or `this.$once('hook:beforeDestroy', fn)` (Vue 2). */
function teardownRegistration(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): TSESTree.Node | undefined | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return null;
  const name = staticPropertyName(callee);
  if (name === 'onDestroy') return call.arguments[0] ?? undefined;
  if (name !== '$once' && name !== '$on') return null;
  const [event, listener] = call.arguments;
  if (!event || event.type === 'SpreadElement') return null;
  const value = getStaticValue(event, sourceCode.getScope(event))?.value;
  return typeof value === 'string' && VUE_TEARDOWN_EVENTS.has(value) ? (listener ?? undefined) : null;
}

/** The local function `fn.bind(…)` binds (`this.teardown.bind(this)`), if the file defines it. */
function boundFunction(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): FunctionNode | null {
  if (value.type !== 'CallExpression') return null;
  const callee = unwrapExpression(value.callee);
  if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'bind') return null;
  return resolveLocalFunction(sourceCode, callee.object);
}

function memberTeardown(sourceCode: Readonly<TSESLint.SourceCode>, owner: TSESTree.Node): Teardown {
  const teardown: Teardown = { regions: [], returnedValues: [], unknown: false };
  const members = owner.type === 'ClassBody' ? owner.body : owner.type === 'ObjectExpression' ? owner.properties : [];
  for (const member of members) {
    if (member.type !== 'MethodDefinition' && member.type !== 'Property' && member.type !== 'PropertyDefinition') continue;
    if ('static' in member && member.static) continue;
    const name = staticKeyName(member);
    const value = member.value && unwrapExpression(member.value);
    if (name === null || !TEARDOWN_METHODS.has(name) || !value) continue;
    if (isFunctionNode(value)) teardown.regions.push(value);
    else {
      // `ngOnDestroy = this.teardown.bind(this)`: the method it binds runs at teardown.
      const bound = boundFunction(sourceCode, value);
      if (bound) teardown.regions.push(bound);
    }
  }
  walkTree(owner, sourceCode.visitorKeys, (node) => {
    if (node.type === 'CallExpression') {
      const listener = teardownRegistration(sourceCode, node);
      if (listener !== null) addCallback(sourceCode, listener, teardown);
    }
    return true;
  });
  return teardown;
}

const teardownCache = new WeakMap<TSESTree.Node, Map<string, Teardown>>();

/**
 * The teardown code of the instance a mount callback belongs to: every cleanup its owner
 * registers (the cleanups of all the component's effects, its `onBeforeUnmount` callbacks,
 * its class's `ngOnDestroy`). Computed once per owner and framework.
 */
export function instanceTeardownOf(sourceCode: Readonly<TSESLint.SourceCode>, mount: MountCallback): Teardown {
  let byKey = teardownCache.get(mount.owner);
  if (!byKey) {
    byKey = new Map();
    teardownCache.set(mount.owner, byKey);
  }
  const key = `${mount.style}:${mount.framework}:${mount.cleanupHooks.join(',')}`;
  let teardown = byKey.get(key);
  if (!teardown) {
    const empty: Teardown = { regions: [], returnedValues: [], unknown: false };
    const ownerFunction = isFunctionNode(mount.owner) ? mount.owner : null;
    teardown =
      mount.style === 'hook'
        ? hookTeardown(sourceCode, mount, ownCalls(sourceCode, mount.owner, ownerFunction), empty)
        : memberTeardown(sourceCode, mount.owner);
    byKey.set(key, teardown);
  }
  return teardown;
}

/**
 * The teardown that a hook callback sets up for what it opens itself: the cleanup it returns
 * and the cleanup hooks it calls (Solid's `onCleanup` inside `createEffect`). A stream kept in
 * a local of the callback can only be closed there.
 */
export function callbackTeardownOf(sourceCode: Readonly<TSESLint.SourceCode>, mount: MountCallback): Teardown {
  // A Vue setup is its own owner: its locals are closed by the cleanup hooks it registers.
  if (mount.body === mount.owner) return instanceTeardownOf(sourceCode, mount);
  const teardown: Teardown = { regions: [], returnedValues: [], unknown: false };
  if (mount.style !== 'hook' || !isFunctionNode(mount.body)) return teardown;
  const fn = mount.body;
  if (mount.returnsCleanup) addReturnedCleanups(sourceCode, fn, teardown);
  const calls = ownCalls(sourceCode, fn.body, owningFunction(fn.body));
  const cleanupHooks = new Set(mount.cleanupHooks);
  for (const call of calls) {
    if (cleanupHooks.has(hookName(call) ?? '')) addCallback(sourceCode, call.arguments[0], teardown);
  }
  return teardown;
}
