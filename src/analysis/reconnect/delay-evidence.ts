/**
 * What counts as a growing delay and as jitter in the code that schedules a re-open.
 *
 * Growing: exponentiation (`2 ** n`, `Math.pow(2, n)`, `1 << n`, `d **= …`), a multiplication
 * by a value that changes from itself (`base * attempt`, `delay * 2` where `delay` doubles,
 * `d *= 2`), or a table indexed by a counter (`DELAYS[Math.min(n, DELAYS.length - 1)]`).
 * Jitter: `Math.random()`, `crypto.getRandomValues()`, `crypto.randomInt()`, `_.random()`.
 *
 * The search starts in the given functions and follows what they use, a few steps deep: local
 * helpers they call (`backoff(attempt)`, `this.nextDelay()`), and the initialisers and
 * assignments of variables and `this.` properties they read (`const delay = …` elsewhere).
 *
 * Counters that a library hands over (`counters.ts`) grow as well: `1000 * attempt` grows when
 * `attempt` is one, and a local helper given one (`backoff(attempt)`) receives a counter.
 *
 * The code that opens the stream is the re-open, not its schedule: functions that open one are
 * not entered (unless the search starts there), and the URL an opening is given is skipped, so
 * that a cache-busting `Math.random()` in it (`'/events?t=' + Math.random()`) is not taken for
 * jitter: every page still retries at the same moment.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import type { StreamOpeners } from '../stream-openers.js';
import { streamUrlArgument } from '../stream-sources.js';
import { accessPathOf, classBodyOfThis, pathOccurrences, staticPropertyName, unwrapExpression } from './access-paths.js';
import { type Counters, NO_COUNTERS, mentionsCounter, parameterVariable } from './counters.js';
import { functionOfVariable, resolveLocalFunction } from './local-functions.js';
import { isSelfUpdating } from './self-updating.js';
import { contains, walkTree } from './walk.js';

export interface DelayEvidence {
  grows: boolean;
  jittered: boolean;
}

const MAX_DEPTH = 3;
// A Map, not an object: the names come from the code, and `constructor.random()` must find nothing.
const RANDOM_SOURCES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Math', new Set(['random'])],
  ['crypto', new Set(['getRandomValues', 'randomInt'])],
  ['_', new Set(['random'])],
  ['lodash', new Set(['random'])],
]);

function isRandomCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const method = staticPropertyName(callee);
  const object = unwrapExpression(callee.object);
  // `window.crypto.getRandomValues(…)`, `globalThis.Math.random()`.
  if (object.type === 'MemberExpression') {
    const name = staticPropertyName(object);
    if (name === null) return false;
    return method !== null && RANDOM_SOURCES.get(name)?.has(method) === true;
  }
  return object.type === 'Identifier' && method !== null && RANDOM_SOURCES.get(object.name)?.has(method) === true;
}

function isGeometricStep(node: TSESTree.Node): boolean {
  if (node.type === 'BinaryExpression') return node.operator === '**' || node.operator === '<<';
  if (node.type === 'AssignmentExpression') return node.operator === '**=' || node.operator === '<<=' || node.operator === '*=';
  if (node.type !== 'CallExpression') return false;
  const callee = unwrapExpression(node.callee);
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Math' &&
    staticPropertyName(callee) === 'pow'
  );
}

/** Whether `node` mentions a value that changes from itself. */
function mentionsSelfUpdating(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, counters: Counters): boolean {
  if (mentionsCounter(sourceCode, node, counters)) return true;
  let found = false;
  walkTree(node, sourceCode.visitorKeys, (current) => {
    if (found || isFunctionNode(current)) return false;
    if (current.type === 'Identifier' || current.type === 'MemberExpression') {
      const path = accessPathOf(sourceCode, current);
      if (path && isSelfUpdating(sourceCode, path)) found = true;
    }
    return !found;
  });
  return found;
}

/**
 * Operators whose result does not grow with their operands: `2 ^ n` is XOR in JavaScript (3, 0,
 * 1, 6, … for n = 1, 2, 3, 4), not a power, and `&`, `|`, `%`, `>>` keep a value small.
 */
const NON_GROWING = new Set(['^', '&', '|', '%', '>>', '>>>']);

/** Whether a counter moves `side`: it is read there, other than through an operator that does not grow. */
function growsWithCounter(sourceCode: Readonly<TSESLint.SourceCode>, side: TSESTree.Node, counters: Counters): boolean {
  if (!mentionsCounter(sourceCode, side, counters)) return false;
  let found = false;
  walkTree(side, sourceCode.visitorKeys, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === 'BinaryExpression' && NON_GROWING.has(node.operator)) return false;
    if (node.type === 'Identifier' || node.type === 'MemberExpression') found = mentionsCounter(sourceCode, node, counters);
    return !found;
  });
  return found;
}

function isGrowth(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, counters: Counters): boolean {
  if (isGeometricStep(node)) return true;
  if (node.type === 'BinaryExpression' && node.operator === '*') {
    return [node.left, node.right].some((side) => {
      const path = accessPathOf(sourceCode, side);
      return (path !== null && isSelfUpdating(sourceCode, path)) || growsWithCounter(sourceCode, side, counters);
    });
  }
  return node.type === 'MemberExpression' && node.computed && mentionsSelfUpdating(sourceCode, node.property, counters);
}

/** The parameters of `fn` that `call` gives a counter (or a value computed from one). */
function countersPassedTo(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  counters: Counters,
): TSESLint.Scope.Variable[] {
  const received: TSESLint.Scope.Variable[] = [];
  call.arguments.forEach((argument, index) => {
    if (argument.type === 'SpreadElement' || !mentionsCounter(sourceCode, argument, counters)) return;
    const parameter = parameterVariable(sourceCode, fn, index);
    if (parameter) received.push(parameter);
  });
  return received;
}

/** Identifiers that name a binding rather than read one. */
function isReadingIdentifier(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === 'MemberExpression') return parent.object === node || parent.computed;
  if (parent?.type === 'Property') return parent.value === node;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') return parent.value === node;
  return true;
}

/** Expressions a read depends on: a variable's initialiser and assigned values, or a `this.` property's. */
function sourcesOfRead(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === 'Identifier') {
    if (!isReadingIdentifier(node)) return [];
    const variable = findVariable(sourceCode.getScope(node), node);
    if (!variable || variable.defs.length === 0) return [];
    const fn = functionOfVariable(variable);
    if (fn) return [fn];
    const sources: TSESTree.Node[] = [];
    for (const definition of variable.defs) {
      if (definition.type === 'Variable' && definition.node.init) sources.push(definition.node.init);
    }
    for (const reference of variable.references) {
      if (reference.writeExpr && reference.writeExpr !== node) sources.push(reference.writeExpr);
    }
    return sources;
  }
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') {
    const classBody = classBodyOfThis(node.object);
    const name = staticPropertyName(node);
    if (!classBody || name === null) return [];
    const sources: TSESTree.Node[] = [];
    for (const element of classBody.body) {
      if (element.type === 'PropertyDefinition' && element.value && !element.computed) {
        const key = element.key;
        const keyName = key.type === 'Identifier' ? key.name : key.type === 'PrivateIdentifier' ? `#${key.name}` : null;
        if (keyName === name) sources.push(element.value);
      }
    }
    for (const occurrence of pathOccurrences(sourceCode, { root: classBody, properties: [name] })) {
      const outer = skipTransparentParents(occurrence);
      if (outer.parent?.type === 'AssignmentExpression' && outer.parent.left === outer) sources.push(outer.parent.right);
    }
    return sources;
  }
  return [];
}

const urlArguments = new WeakMap<StreamOpeners, ReadonlySet<TSESTree.Node | null>>();

/**
 * The URLs the file's streams are opened with. An options object in first place
 * (`createEventSource({ url, … })`) is not a URL, and is kept in the search.
 */
function streamUrlArguments(openers: StreamOpeners): ReadonlySet<TSESTree.Node | null> {
  let urls = urlArguments.get(openers);
  if (!urls) {
    urls = new Set(openers.openings.map(streamUrlArgument).filter((url) => url?.type !== 'ObjectExpression'));
    urlArguments.set(openers, urls);
  }
  return urls;
}

/**
 * Looks for a growing delay and for jitter in `roots` and what they use. The functions that
 * open a stream (in `openers`) are not entered unless they are roots, and the URLs of the file's
 * openings are skipped (see the module comment). `counters` are values known to count attempts
 * although the file never updates them.
 */
export function findDelayEvidence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  roots: readonly TSESTree.Node[],
  openers: StreamOpeners,
  counters: Counters = NO_COUNTERS,
): DelayEvidence {
  const evidence: DelayEvidence = { grows: false, jittered: false };
  const urls = streamUrlArguments(openers);
  // Grows as local helpers receive counters: `backoff(attempt)` makes `backoff`'s parameter one.
  const known = new Set(counters);
  const visited = new Set<TSESTree.Node>();
  const queue: { node: TSESTree.Node; depth: number }[] = roots.map((node) => ({ node, depth: 0 }));
  const enqueue = (node: TSESTree.Node, depth: number): void => {
    if (depth > MAX_DEPTH || visited.has(node)) return;
    if (isFunctionNode(node) && openers.byFunction.has(node)) return;
    if ([...visited].some((done) => contains(done, node))) return;
    queue.push({ node, depth });
  };
  while (queue.length > 0 && !(evidence.grows && evidence.jittered)) {
    const { node: root, depth } = queue.shift()!;
    if (visited.has(root)) continue;
    visited.add(root);
    walkTree(root, sourceCode.visitorKeys, (node) => {
      if (urls.has(node)) return false;
      if (!evidence.grows && isGrowth(sourceCode, node, known)) evidence.grows = true;
      if (node.type === 'CallExpression') {
        if (!evidence.jittered && isRandomCall(node)) evidence.jittered = true;
        const fn = resolveLocalFunction(sourceCode, node.callee);
        if (fn && !contains(root, fn)) {
          const learned = countersPassedTo(sourceCode, node, fn, known).filter((parameter) => !known.has(parameter));
          for (const parameter of learned) known.add(parameter);
          // A helper walked before a counter reached its parameter is walked again: whether it
          // grows must not depend on which call the walk met first.
          if (learned.length > 0) visited.delete(fn);
          enqueue(fn, depth + 1);
        }
      } else if (node.type === 'Identifier' || node.type === 'MemberExpression') {
        for (const source of sourcesOfRead(sourceCode, node)) {
          if (!contains(root, source)) enqueue(source, depth + 1);
        }
      }
      return !(evidence.grows && evidence.jittered);
    });
  }
  return evidence;
}
