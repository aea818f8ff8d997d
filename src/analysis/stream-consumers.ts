/**
 * Who keeps a stream open, when the code shows that it stays open beside others: the consumer
 * a "same URL, several consumers" finding names.
 *
 * A stream counts when it is opened where it lasts:
 * - at module level, or kept in module-level state (a singleton, however lazy): `module`;
 * - inside a store definition (Pinia's `defineStore`, Vuex's `createStore`/`new Store`,
 *   zustand's `create`, Svelte's `readable`/`writable`), which the page holds once: `store`;
 * - at mount (`lifecycle/mount-context.ts`: an effect, `onMounted`, `ngOnInit`, a component
 *   class's construction, directly or through local functions), or in a component's or hook's
 *   own body (`useMemo`/`useState` initialisers included) or a Vue `setup()`: the `component`
 *   or `hook`;
 * - in a class the page holds once (an Angular `@Injectable`, or one instantiated at module
 *   level in its file): in its constructor or fields, or kept on `this` by a method: `service`.
 *
 * Everything else gives no such evidence: a stream opened in an event handler or in a plain
 * function runs when someone calls it, a stream opened per item is the per-item rules'
 * business, and some streams are one-shot by design: a request with a body answered by its own
 * stream (`method: 'POST'`), or a stream that closes itself on one of its own events (a progress
 * stream closed on `done`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { asComponentOrHook } from './components.js';
import { findVariable, getStaticValue } from './eslint-utils.js';
import {
  type FunctionNode,
  calleeName,
  enclosingRunningFunction,
  functionName,
  isExecutionBoundary,
  isFunctionNode,
  runsOncePerEvaluation,
  skipTransparentParents,
} from './functions.js';
import { closesStream } from './lifecycle/closing.js';
import { holderOccurrences } from './lifecycle/holder-paths.js';
import { type MountCallback } from './lifecycle/lifecycle-hooks.js';
import { localCallersOf } from './lifecycle/local-callers.js';
import { mountContextOf } from './lifecycle/mount-context.js';
import { isFetchEventSource, streamHolding } from './lifecycle/stream-holders.js';
import { staticPropertyName, unwrapExpression } from './reconnect/access-paths.js';
import { resolveLocalFunction } from './reconnect/local-functions.js';
import { findOption, objectLiteralArgument } from './reconnect/object-options.js';
import { type RepetitionOptions, findRepetition } from './repetition.js';
import type { ClassNode } from './stream-openers.js';
import type { StreamOpening } from './stream-sources.js';
import { streamStorage } from './stream-storage.js';

export type ConsumerKind = 'component' | 'hook' | 'service' | 'store' | 'module' | 'function';

export interface StreamConsumer {
  kind: ConsumerKind;
  /** The code whose life the stream shares: a component or hook function, a class, a store definition, the program. */
  node: TSESTree.Node;
  /** How messages name it (Markdown): "component `Feed`", "hook `useEvents`", "store `useChatStore`", "module scope". */
  label: string;
}

/** Store factories known by name alone. */
const STORE_FACTORIES = new Set(['defineStore', 'createStore']);
/** Store factories whose name is too common to go by alone, with the modules they come from. */
const IMPORTED_STORE_FACTORIES: ReadonlyMap<string, RegExp> = new Map([
  ['create', /^zustand(?:\/|$)/],
  ['readable', /^svelte\/store$/],
  ['writable', /^svelte\/store$/],
]);

/** Calls whose first argument React runs during the render that mounts the component (once, for an initialiser); `useReducer`'s is its third. */
const RENDER_INITIALIZERS = new Set(['useMemo', 'useState']);

/** Events after which a stream still lives: a failed stream reconnects, an opened one goes on. */
const NON_TERMINAL_EVENTS = new Set(['error', 'open']);

function named(kind: ConsumerKind, name: string | null, fallback: string): string {
  return name === null ? fallback : `${kind} \`${name}\``;
}

function moduleConsumer(sourceCode: Readonly<TSESLint.SourceCode>): StreamConsumer {
  return { kind: 'module', node: sourceCode.ast, label: 'module scope' };
}

/** The module an imported name comes from. */
function importSource(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): string | null {
  const definition = findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  return definition?.type === 'ImportBinding' && definition.parent?.type === 'ImportDeclaration' ? definition.parent.source.value : null;
}

/** The name of the variable a value initialises, through wrapping calls (`create()(…)`, `memo(…)`). */
function initialisedName(node: TSESTree.Node): string | null {
  let current = skipTransparentParents(node);
  while (current.parent?.type === 'CallExpression' && current.parent.callee === current) current = skipTransparentParents(current.parent);
  const parent = current.parent;
  return parent?.type === 'VariableDeclarator' && parent.init === current && parent.id.type === 'Identifier' ? parent.id.name : null;
}

function isStoreFactory(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  let callee = unwrapExpression(call.callee);
  // zustand's curried `create<State>()((set) => …)`.
  if (callee.type === 'CallExpression') callee = unwrapExpression(callee.callee);
  const name = calleeName(callee);
  if (name === null) return false;
  if (call.type === 'NewExpression') return name === 'Store';
  if (STORE_FACTORIES.has(name)) return true;
  const module = IMPORTED_STORE_FACTORIES.get(name);
  const source = module && callee.type === 'Identifier' ? importSource(sourceCode, callee) : null;
  return source !== null && module !== undefined && module.test(source);
}

/** The store definition whose arguments (setup function, actions, start function) hold `node`. */
function storeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): StreamConsumer | null {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (
      (current.type === 'CallExpression' || current.type === 'NewExpression') &&
      current.arguments.includes(child as TSESTree.CallExpressionArgument) &&
      isStoreFactory(sourceCode, current)
    ) {
      const id = current.arguments[0];
      const name = initialisedName(current) ?? (id?.type === 'Literal' && typeof id.value === 'string' ? id.value : null);
      return { kind: 'store', node: current, label: named('store', name, 'a store') };
    }
  }
  return null;
}

/** Whether code runs when its module is evaluated: at top level, or in callbacks that run once right there. */
function isModuleLevelCode(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      if (!runsOncePerEvaluation(current)) return false;
    } else if (isExecutionBoundary(current) || current.type === 'ClassBody') {
      return false;
    }
  }
  return true;
}

function className(classNode: ClassNode): string | null {
  return classNode.id?.name ?? initialisedName(classNode);
}

function decoratorNames(classNode: ClassNode): string[] {
  return (classNode.decorators ?? []).flatMap((decorator) => {
    const expression = unwrapExpression(decorator.expression);
    const name = calleeName(expression.type === 'CallExpression' ? expression.callee : expression);
    return name === null ? [] : [name];
  });
}

function classConsumer(classNode: ClassNode): StreamConsumer {
  const decorators = decoratorNames(classNode);
  const component =
    asComponentOrHook(classNode) !== null || decorators.includes('Component') || decorators.includes('Directive');
  const kind = component ? 'component' : 'service';
  return { kind, node: classNode, label: named(kind, className(classNode), `an anonymous ${kind === 'component' ? 'component' : 'class'}`) };
}

/** A Vue options object (`export default { mounted() {} }`, `defineComponent({ … })`). */
function optionsConsumer(object: TSESTree.ObjectExpression): StreamConsumer {
  let name: string | null = null;
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'name') continue;
    if (property.value.type === 'Literal' && typeof property.value.value === 'string') name = property.value.value;
  }
  name ??= initialisedName(object);
  return { kind: 'component', node: object, label: named('component', name, 'this component') };
}

function functionConsumer(fn: FunctionNode): StreamConsumer {
  const unit = asComponentOrHook(fn);
  if (unit && unit.kind !== 'class-component') {
    const kind = unit.kind === 'hook' ? 'hook' : 'component';
    return { kind, node: fn, label: named(kind, unit.name, 'a component') };
  }
  return { kind: 'function', node: fn, label: named('function', functionName(fn), 'an anonymous function') };
}

/** The options object whose `setup()` a function is. */
function setupOptionsOf(fn: FunctionNode): TSESTree.ObjectExpression | null {
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn || property.computed) return null;
  if (property.key.type !== 'Identifier' || property.key.name !== 'setup') return null;
  return property.parent.type === 'ObjectExpression' ? property.parent : null;
}

function mountConsumer(sourceCode: Readonly<TSESLint.SourceCode>, mount: MountCallback): StreamConsumer {
  const owner = mount.owner;
  if (owner.type === 'Program') return moduleConsumer(sourceCode);
  if (owner.type === 'ClassBody') return classConsumer(owner.parent);
  if (owner.type === 'ObjectExpression') return optionsConsumer(owner);
  if (isFunctionNode(owner)) {
    const options = setupOptionsOf(owner);
    return options ? optionsConsumer(options) : functionConsumer(owner);
  }
  return moduleConsumer(sourceCode);
}

function isRenderInitializer(fn: FunctionNode): boolean {
  const node = skipTransparentParents(fn);
  const call = node.parent;
  if (call?.type !== 'CallExpression') return false;
  const name = calleeName(call.callee) ?? '';
  // `useReducer(reducer, arg, init)` runs `init` at mount; its first argument is the reducer, run per action.
  if (name === 'useReducer') return call.arguments[2] === node;
  return call.arguments[0] === node && RENDER_INITIALIZERS.has(name);
}

/** The component, hook or Vue `setup()` whose own run (not a handler or effect of it) opens the stream. */
function bodyConsumer(node: TSESTree.Node): StreamConsumer | null {
  const fn = enclosingRunningFunction(node, (candidate) => runsOncePerEvaluation(candidate) || isRenderInitializer(candidate));
  if (!fn) return null;
  const options = setupOptionsOf(fn);
  if (options) return optionsConsumer(options);
  const unit = asComponentOrHook(fn);
  return unit && unit.kind !== 'class-component' ? functionConsumer(fn) : null;
}

function enclosingClass(node: TSESTree.Node): ClassNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current.parent;
  }
  return null;
}

const singletonClasses = new WeakMap<ClassNode, boolean>();

/** A class the page holds one instance of: an Angular `@Injectable`, or one instantiated at module level in its own file. */
function isSingletonClass(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): boolean {
  let singleton = singletonClasses.get(classNode);
  if (singleton === undefined) {
    singleton = decoratorNames(classNode).includes('Injectable');
    // The binding callers name: a declaration's own name, or the variable a class expression
    // initialises (`const Service = class ServiceImpl {}` is constructed as `new Service()`).
    const name = classNode.type === 'ClassDeclaration' ? className(classNode) : initialisedName(classNode);
    const declaration = classNode.type === 'ClassDeclaration' ? classNode : skipTransparentParents(classNode).parent;
    const variable =
      name !== null && declaration
        ? sourceCode.scopeManager?.getDeclaredVariables(declaration).find((v) => v.name === name && v.scope.block !== classNode)
        : undefined;
    singleton ||= (variable?.references ?? []).some((reference) => {
      const identifier = skipTransparentParents(reference.identifier as TSESTree.Node);
      const construction = identifier.parent;
      return construction?.type === 'NewExpression' && construction.callee === identifier && isModuleLevelCode(construction);
    });
    singletonClasses.set(classNode, singleton);
  }
  return singleton;
}

/** How many method calls away from the constructor an opening is still followed (`constructor() { this.connect(); }`). */
const MAX_CONSTRUCTION_DEPTH = 3;

/** Whether code runs when the class is constructed: its constructor, an instance field's initial value, or a method they call. */
export function runsOnConstruction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  classNode: ClassNode,
  depth = 0,
): boolean {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      if (runsOncePerEvaluation(current)) continue;
      const method = current.parent;
      if (method?.type === 'MethodDefinition' && method.kind === 'constructor') return method.parent.parent === classNode;
      if (depth >= MAX_CONSTRUCTION_DEPTH) return false;
      return localCallersOf(sourceCode, current).calls.some((call) => runsOnConstruction(sourceCode, call, classNode, depth + 1));
    }
    if (current.type === 'PropertyDefinition' || current.type === 'AccessorProperty') {
      return !current.static && current.value === child && current.parent.parent === classNode;
    }
    if (isExecutionBoundary(current)) return false;
  }
  return false;
}

function singletonClassConsumer(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): StreamConsumer | null {
  const classNode = enclosingClass(opening.node);
  if (!classNode || !isSingletonClass(sourceCode, classNode)) return null;
  if (runsOnConstruction(sourceCode, opening.node, classNode)) return classConsumer(classNode);
  // A method that keeps the stream on `this` (`connect() { this.es = new EventSource(u) }`).
  const holding = streamHolding(sourceCode, opening);
  const kept = holding.kind === 'held' && holding.paths.some((path) => path.root === classNode.body);
  return kept ? classConsumer(classNode) : null;
}

/** `fetchEventSource(url, { method: 'POST', body })`, `new SSE(url, { method: 'POST', payload })`: one request, answered by its own stream. */
function requestsWithBody(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  const options = objectLiteralArgument(opening.node.arguments[1]);
  const method = options && findOption(options, 'method');
  if (method?.kind !== 'found') return false;
  const value = getStaticValue(method.property.value, sourceCode.getScope(method.property.value))?.value;
  return typeof value === 'string' && value.toUpperCase() !== 'GET';
}

/** The event a handler is registered for on the stream expression `node` (`es.onmessage = fn`, `es.addEventListener('done', fn)`). */
function handlerOn(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { event: string; value: TSESTree.Node } | null {
  const outer = skipTransparentParents(node);
  const member = outer.parent;
  if (member?.type !== 'MemberExpression' || member.object !== outer) return null;
  const name = staticPropertyName(member);
  const parent = skipTransparentParents(member).parent;
  // `??=` and `||=` set the handler of a fresh stream too; `&&=` sets none.
  if (name?.startsWith('on') && parent?.type === 'AssignmentExpression' && parent.left === member && ['=', '??=', '||='].includes(parent.operator)) {
    return { event: name.slice(2), value: parent.right };
  }
  if (name === 'addEventListener' && parent?.type === 'CallExpression' && parent.callee === member) {
    const [type, listener] = parent.arguments;
    if (!type || !listener || type.type === 'SpreadElement' || listener.type === 'SpreadElement') return null;
    const event = getStaticValue(type, sourceCode.getScope(type))?.value;
    return typeof event === 'string' ? { event, value: listener } : null;
  }
  return null;
}

/** Whether the stream closes itself in a handler of one of its own events (`es.addEventListener('done', () => es.close())`). */
function closesOnItsOwnEvent(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  const holding = streamHolding(sourceCode, opening);
  if (holding.kind !== 'held') return false;
  const closes = (value: TSESTree.Node): boolean => {
    const fn = resolveLocalFunction(sourceCode, value);
    return fn !== null && closesStream(sourceCode, fn, { paths: holding.paths, close: holding.close, selfFunction: fn });
  };
  if (isFetchEventSource(opening)) {
    // Aborting its controller from `onmessage` ends the request on an event the stream sent.
    const options = objectLiteralArgument(opening.node.arguments[1]);
    const onmessage = options && findOption(options, 'onmessage');
    return onmessage?.kind === 'found' && closes(onmessage.property.value);
  }
  return holding.paths.some((path) =>
    holderOccurrences(sourceCode, path).some((occurrence) => {
      const handler = handlerOn(sourceCode, occurrence);
      return handler !== null && !NON_TERMINAL_EVENTS.has(handler.event) && closes(handler.value);
    }),
  );
}

/**
 * The consumer that keeps the stream of `opening` open beside others, or null when nothing in
 * the file shows that it stays open alongside them (see the module comment).
 */
export function standingConsumerOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  repetitionOptions: RepetitionOptions = {},
): StreamConsumer | null {
  if (findRepetition(opening.node, repetitionOptions)) return null;
  const storage = streamStorage(sourceCode, opening.node, repetitionOptions);
  if (storage.kind === 'per-key') return null;
  if (requestsWithBody(sourceCode, opening) || closesOnItsOwnEvent(sourceCode, opening)) return null;
  const store = storeOf(sourceCode, opening.node);
  if (store) return store;
  if (storage.kind === 'shared' || isModuleLevelCode(opening.node)) return moduleConsumer(sourceCode);
  const mount = mountContextOf(sourceCode, opening.node);
  if (mount) return mountConsumer(sourceCode, mount);
  return bodyConsumer(opening.node) ?? singletonClassConsumer(sourceCode, opening);
}
