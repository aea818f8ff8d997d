/**
 * Where the value of a stream opening ends up, which decides how many of them a page can
 * hold: one kept in a module-level variable is shared (the lazy-singleton pattern), one
 * stored under a key or appended to a list multiplies with the keys, anything else
 * (a local, a ref, `this.es`, a return value) lives and dies with its instance.
 *
 * The value is followed through local variables that hold it (`const es = new EventSource(u);
 * streams.set(id, es)`), through `as`/`!`/`await`, and through `a ?? b` / `c ? a : b`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from './eslint-utils.js';
import { isExecutionBoundary } from './functions.js';
import { type RepetitionOptions, findRepetition } from './repetition.js';

export type StreamStorage =
  /** Stored per key or appended: `map.set(k, s)`, `obj[k] = s`, `list.push(s)`, `{ [k]: s }`, `[...list, s]`. */
  | { kind: 'per-key'; node: TSESTree.Node; description: string }
  /** Kept in a module-level variable or on a global object: one for the whole page. */
  | { kind: 'shared'; node: TSESTree.Node }
  /** Anything else: the stream belongs to the code that opened it. */
  | { kind: 'instance' };

const INSTANCE: StreamStorage = { kind: 'instance' };

/** Moves from a value to the expression that carries it unchanged to where it is used. */
function carrier(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    const carries =
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSSatisfiesExpression' ||
      parent.type === 'TSTypeAssertion' ||
      parent.type === 'ChainExpression' ||
      parent.type === 'AwaitExpression' ||
      parent.type === 'LogicalExpression' ||
      (parent.type === 'ConditionalExpression' && parent.test !== current) ||
      (parent.type === 'SequenceExpression' && parent.expressions.at(-1) === current);
    if (!carries) return current;
    current = parent;
  }
}

function isModuleLevel(variable: TSESLint.Scope.Variable): boolean {
  return variable.scope.type === 'module' || variable.scope.type === 'global';
}

/** A key that is the same every time: `'main'`, `` `main` ``, `0`, or a `const` holding one. */
function isStaticKey(sourceCode: Readonly<TSESLint.SourceCode>, key: TSESTree.Node): boolean {
  if (key.type === 'Literal') return !('regex' in key && key.regex);
  if (key.type === 'TemplateLiteral') return key.expressions.length === 0;
  if (key.type !== 'Identifier') return false;
  const variable = findVariable(sourceCode.getScope(key), key);
  // typescript-eslint counts a type of the same name (`type FEED = typeof FEED`) as a definition too.
  const values = variable?.defs.filter((definition) => !definition.isTypeDefinition) ?? [];
  const definition = values[0];
  if (values.length !== 1 || definition?.node.type !== 'VariableDeclarator') return false;
  const declaration = definition.node.parent;
  const init = definition.node.init;
  return declaration?.type === 'VariableDeclaration' && declaration.kind === 'const' && init?.type === 'Literal';
}

/** Source text short enough for a message; long or multi-line text becomes `…`. */
function brief(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length <= 40 ? text : '…';
}

/** The leftmost object of `a.b.c`, or the expression itself. */
function rootObject(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'MemberExpression') current = current.object;
  return current;
}

/** Whether the leftmost object of `node` is a module-level variable or an undeclared global (`window`). */
function isModuleLevelObject(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const root = rootObject(node);
  if (root.type !== 'Identifier') return false;
  const variable = findVariable(sourceCode.getScope(root), root);
  return !variable || isModuleLevel(variable);
}

function propertyName(member: TSESTree.MemberExpression): string | null {
  return !member.computed && member.property.type === 'Identifier' ? member.property.name : null;
}

type Position =
  | StreamStorage
  /** Held in a local variable, whose own uses decide. */
  | { kind: 'held'; variable: TSESLint.Scope.Variable };

/** Property names that count the users of a cached entry: `{ es, refs: 1 }`, `{ source, subscribers }`. */
const REFERENCE_COUNT = /^(?:refs?|refCount|referenceCount|count|users|consumers|subscribers|listeners)$/i;

/** An entry that counts its users is shared by them and closed when the last one leaves. */
function countsReferences(entry: TSESTree.ObjectExpression): boolean {
  return entry.properties.some(
    (property) =>
      property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && REFERENCE_COUNT.test(property.key.name),
  );
}

/** What happens to the value at `node` where it is used. */
function positionOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Position {
  const value = carrier(node);
  const parent = value.parent;
  if (!parent) return INSTANCE;

  if (parent.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    if (!variable) return INSTANCE;
    return isModuleLevel(variable) ? { kind: 'shared', node: parent } : { kind: 'held', variable };
  }

  if (parent.type === 'AssignmentExpression' && parent.right === value) {
    const target = parent.left;
    if (target.type === 'Identifier') {
      const variable = findVariable(sourceCode.getScope(target), target);
      // An undeclared name is an implicit global: shared too.
      if (!variable || isModuleLevel(variable)) return { kind: 'shared', node: parent };
      return { kind: 'held', variable };
    }
    if (target.type === 'MemberExpression') {
      if (target.computed && !isStaticKey(sourceCode, target.property)) {
        const description = `${brief(sourceCode, target.object)}[${brief(sourceCode, target.property)}] ${parent.operator} …`;
        return { kind: 'per-key', node: parent, description };
      }
      // `window.stream = …`, `cache.main = …` on a module-level object.
      if (isModuleLevelObject(sourceCode, target)) return { kind: 'shared', node: parent };
    }
    return INSTANCE;
  }

  if (parent.type === 'CallExpression' && parent.callee.type === 'MemberExpression') {
    const method = propertyName(parent.callee);
    const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
    const owner = brief(sourceCode, parent.callee.object);
    const key = parent.arguments[0];
    if (method === 'set' && index === 1 && key && key.type !== 'SpreadElement' && !isStaticKey(sourceCode, key)) {
      return { kind: 'per-key', node: parent, description: `${owner}.set(${brief(sourceCode, key)}, …)` };
    }
    if ((method === 'push' || method === 'unshift' || method === 'concat') && index !== -1) {
      return { kind: 'per-key', node: parent, description: `${owner}.${method}(…)` };
    }
    // `cache.set('main', …)` on a module-level map keeps one stream for the page.
    if (method === 'set' && index === 1 && isModuleLevelObject(sourceCode, parent.callee.object)) {
      return { kind: 'shared', node: parent };
    }
    return INSTANCE;
  }

  if (parent.type === 'Property' && parent.value === value && parent.computed && !isStaticKey(sourceCode, parent.key)) {
    return { kind: 'per-key', node: parent, description: `{ [${brief(sourceCode, parent.key)}]: … }` };
  }

  // One level down: `streams.set(id, { es: new EventSource(u), since })` stores the stream as the entry does.
  if (parent.type === 'Property' && parent.value === value && parent.parent.type === 'ObjectExpression') {
    const entry = positionOf(sourceCode, parent.parent);
    if (entry.kind === 'per-key' && countsReferences(parent.parent)) return { kind: 'shared', node: entry.node };
    return entry;
  }

  if (parent.type === 'ArrayExpression') {
    const spread = parent.elements.find((element) => element?.type === 'SpreadElement');
    if (spread) return { kind: 'per-key', node: parent, description: `[...${brief(sourceCode, spread.argument)}, …]` };
  }
  return INSTANCE;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The collection and key of a per-key store: `map.set(key, …)`, `obj[key] = …`; null for other stores. */
function storeTarget(store: TSESTree.Node): { collection: TSESTree.Node; key: TSESTree.Node } | null {
  if (store.type === 'CallExpression' && store.callee.type === 'MemberExpression' && store.arguments[0]) {
    return { collection: store.callee.object, key: store.arguments[0] };
  }
  if (store.type === 'AssignmentExpression' && store.left.type === 'MemberExpression' && store.left.computed) {
    return { collection: store.left.object, key: store.left.property };
  }
  return null;
}

/**
 * A get-or-create cache keyed by the URL the stream was opened with: the store's key is that
 * URL, and the code looks the key up in the same collection (`cache.get(url)`, `cache.has(url)`,
 * `cache[url] || …`). Its users of one URL share one stream.
 */
function isKeyedByUrl(sourceCode: Readonly<TSESLint.SourceCode>, store: TSESTree.Node, opening: TSESTree.Node): boolean {
  const target = storeTarget(store);
  const url = opening.type === 'NewExpression' || opening.type === 'CallExpression' ? opening.arguments[0] : undefined;
  if (!target || !url || url.type === 'SpreadElement') return false;
  const text = (node: TSESTree.Node) => sourceCode.getText(node).replace(/\s+/g, '');
  const key = text(target.key);
  if (key !== text(url)) return false;
  let scope: TSESTree.Node = store;
  while (scope.parent && !isExecutionBoundary(scope)) scope = scope.parent;
  const body = text(scope);
  const collection = text(target.collection);
  const lookups = [`${collection}.get(${key})`, `${collection}.has(${key})`, `${collection}?.get(${key})`];
  if (lookups.some((lookup) => body.includes(lookup))) return true;
  // `cache[url] || (cache[url] = …)`: the key read besides the store itself.
  return body.split(`${collection}[${key}]`).length > 2;
}

/**
 * How the stream opened at `opening` is kept. A store inside a loop that does not also
 * open the stream (`for (const k of keys) map.set(k, es)`) shares one stream among keys,
 * so it does not count as per key.
 */
export function streamStorage(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: TSESTree.Node,
  repetitionOptions: RepetitionOptions = {},
): StreamStorage {
  let shared: StreamStorage | null = null;
  const seen = new Set<TSESLint.Scope.Variable>();
  const pending: TSESTree.Node[] = [opening];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const position = positionOf(sourceCode, node);
    if (position.kind === 'held') {
      if (seen.has(position.variable)) continue;
      seen.add(position.variable);
      for (const reference of position.variable.references) {
        if (reference.isRead()) pending.push(reference.identifier as TSESTree.Node);
      }
      continue;
    }
    if (position.kind === 'per-key') {
      // A cache keyed by the URL itself (`cache.set(url, new EventSource(url))`) shares one stream per URL among its users.
      if (isKeyedByUrl(sourceCode, position.node, opening)) {
        shared ??= { kind: 'shared', node: position.node };
        continue;
      }
      const repetition = node === opening ? null : findRepetition(position.node, repetitionOptions);
      if (!repetition || contains(repetition.node, opening)) return position;
    } else if (position.kind === 'shared') {
      shared ??= position;
    }
  }
  return shared ?? INSTANCE;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a shared stream is a lazy singleton: assigned with `??=`/`||=`, or under a test of
 * the same target (`if (!feed) feed = …`, `feed || (feed = …)`). However often its code runs,
 * it opens one stream per page. A plain `feed = new EventSource(u)` in a loop replaces the
 * stream every time, so it is not one.
 */
export function isLazySingleton(sourceCode: Readonly<TSESLint.SourceCode>, storage: StreamStorage): boolean {
  if (storage.kind !== 'shared' || storage.node.type !== 'AssignmentExpression') return false;
  const assignment = storage.node;
  if (assignment.operator === '??=' || assignment.operator === '||=') return true;
  const target = new RegExp(`(?<![\\w$.])${escapeRegExp(sourceCode.getText(assignment.left))}(?![\\w$])`);
  let child: TSESTree.Node = assignment;
  for (let current: TSESTree.Node | undefined = assignment.parent; current && !isExecutionBoundary(current); current = current.parent) {
    const test =
      (current.type === 'IfStatement' || current.type === 'ConditionalExpression') && child !== current.test
        ? current.test
        : current.type === 'LogicalExpression' && child === current.right
          ? current.left
          : null;
    if (test && target.test(sourceCode.getText(test))) return true;
    if (returnsEarlyOn(sourceCode, current, child, target)) return true;
    child = current;
  }
  return false;
}

/** Whether `node` leaves its function: `return`, `throw`, or a block that ends with one. */
function leavesFunction(node: TSESTree.Statement): boolean {
  if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement') return true;
  const last = node.type === 'BlockStatement' ? node.body.at(-1) : undefined;
  return last !== undefined && leavesFunction(last);
}

/**
 * `if (feed) return; feed = new EventSource(u);`: a statement of `block` before `child` that
 * leaves the function when the target is already set (the early-return form of `??=`).
 */
function returnsEarlyOn(sourceCode: Readonly<TSESLint.SourceCode>, block: TSESTree.Node, child: TSESTree.Node, target: RegExp): boolean {
  if (block.type !== 'BlockStatement') return false;
  const index = block.body.indexOf(child as TSESTree.Statement);
  return block.body
    .slice(0, Math.max(index, 0))
    .some(
      (statement) =>
        statement.type === 'IfStatement' &&
        !statement.alternate &&
        leavesFunction(statement.consequent) &&
        target.test(sourceCode.getText(statement.test)),
    );
}
