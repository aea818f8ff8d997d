/**
 * What counts as "runs once per item": the body, test or update of a loop, and callbacks
 * that an iteration API calls once per element. Shared by every rule that asks whether a
 * stream is opened repeatedly.
 *
 * As in ESLint's `no-await-in-loop`, the walk stops at the nearest function boundary, and
 * only the parts of a loop that repeat count: a `for` initialiser and a `for-of`/`for-in`
 * right-hand side run once.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isExecutionBoundary, isFunctionNode, skipTransparentParents } from './functions.js';

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export type Repetition =
  | { kind: 'loop'; node: LoopNode; description: string }
  | { kind: 'callback'; node: TSESTree.CallExpression; callback: TSESTree.Node; description: string };

/** Array (and array-like) methods that call their first argument once per element. */
export const DEFAULT_ITERATION_METHODS: readonly string[] = [
  'map',
  'forEach',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  // jQuery collections: `$(rows).each(fn)`.
  'each',
];

/** Static helpers that take the collection first and the callback second. */
const COLLECTION_HELPER_OBJECTS = new Set(['_', 'lodash', 'underscore', '$', 'jQuery']);
const COLLECTION_HELPER_METHODS = new Set([
  'map',
  'forEach',
  'each',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'times',
  'mapValues',
  'forOwn',
  'forIn',
  'eachRight',
  'forEachRight',
  'grep',
]);

export interface RepetitionOptions {
  iterationMethods?: readonly string[];
  /** Local names bound by imports from lodash/underscore/jQuery; see `collectionHelperImports`. */
  helperImports?: CollectionHelperImports;
}

export interface CollectionHelperImports {
  /** `import map from 'lodash/map'`, `import { forEach as each } from 'lodash-es'`. */
  functions: ReadonlyMap<string, string>;
  /** `import _ from 'lodash'`, `import * as L from 'lodash-es'`, `import $ from 'jquery'`. */
  namespaces: ReadonlySet<string>;
}

const COLLECTION_HELPER_MODULE = /^(?:lodash(?:-es)?|lodash\.\w+|underscore|jquery)(?:\/(\w+))?$/;

/** Reads the program's imports once: which local names are collection helpers. */
export function collectionHelperImports(program: TSESTree.Program): CollectionHelperImports {
  const functions = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const match = COLLECTION_HELPER_MODULE.exec(statement.source.value);
    if (!match) continue;
    const modulePath = match[1] ?? (statement.source.value.startsWith('lodash.') ? statement.source.value.slice(7) : undefined);
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        functions.set(specifier.local.name, imported);
      } else if (modulePath) {
        // `import map from 'lodash/map'` binds the function itself.
        functions.set(specifier.local.name, modulePath.toLowerCase() === 'foreach' ? 'forEach' : modulePath);
      } else {
        namespaces.add(specifier.local.name);
      }
    }
  }
  return { functions, namespaces };
}

function loopDescription(loop: LoopNode): string {
  switch (loop.type) {
    case 'ForStatement':
      return 'a `for` loop';
    case 'ForInStatement':
      return 'a `for...in` loop';
    case 'ForOfStatement':
      return loop.await ? 'a `for await...of` loop' : 'a `for...of` loop';
    case 'WhileStatement':
      return 'a `while` loop';
    default:
      return 'a `do...while` loop';
  }
}

/** Whether `child`, a direct child of `loop`, runs once per iteration. */
function repeatsInLoop(loop: LoopNode, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child === loop.body || child === loop.test || child === loop.update;
    case 'ForInStatement':
    case 'ForOfStatement':
      // The left side is assigned once per element; a default value in a destructuring
      // pattern there runs per element too.
      return child === loop.body || child === loop.left;
    case 'WhileStatement':
    case 'DoWhileStatement':
      return child === loop.body || child === loop.test;
    default:
      return false;
  }
}

function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === 'ForStatement' ||
    node.type === 'ForInStatement' ||
    node.type === 'ForOfStatement' ||
    node.type === 'WhileStatement' ||
    node.type === 'DoWhileStatement'
  );
}

function propertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return null;
}

/**
 * Receivers that are knowably not collections, so their `.map()` is not iteration:
 * primitives, object literals, and a `new` of a single-value type.
 */
function isKnownNonCollection(node: TSESTree.Expression): boolean {
  switch (node.type) {
    case 'Literal':
      return !('regex' in node && node.regex);
    case 'TemplateLiteral':
    case 'ObjectExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    case 'NewExpression':
      return node.callee.type === 'Identifier' && ['Promise', 'URL', 'Date', 'Error', 'RegExp'].includes(node.callee.name);
    default:
      return false;
  }
}

/**
 * If `fn` (a function or a reference to one) is passed to a call that invokes it once per
 * element, that call; else null. Recognises `xs.map(fn)`, `xs?.map(fn)`, `Array.from(xs, fn)`,
 * `_.map(xs, fn)`, `$.each(xs, fn)`.
 */
export function iterationCallOf(
  fn: TSESTree.Node,
  options: RepetitionOptions = {},
): { call: TSESTree.CallExpression; method: string } | null {
  const argument = skipTransparentParents(fn);
  const call = argument.parent;
  if (call?.type !== 'CallExpression') return null;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index === -1) return null;
  const callee = call.callee;
  if (callee.type === 'Identifier') {
    const imported = options.helperImports?.functions.get(callee.name);
    return imported && COLLECTION_HELPER_METHODS.has(imported) && index === 1 ? { call, method: imported } : null;
  }
  if (callee.type !== 'MemberExpression') return null;
  const method = propertyName(callee);
  if (method === null) return null;
  const receiver = callee.object;

  if (
    receiver.type === 'Identifier' &&
    (COLLECTION_HELPER_OBJECTS.has(receiver.name) || options.helperImports?.namespaces.has(receiver.name)) &&
    COLLECTION_HELPER_METHODS.has(method)
  ) {
    return index === 1 ? { call, method: `${receiver.name}.${method}` } : null;
  }
  if (receiver.type === 'Identifier' && receiver.name === 'Array' && (method === 'from' || method === 'fromAsync')) {
    return index === 1 ? { call, method: `Array.${method}` } : null;
  }
  const methods = options.iterationMethods ?? DEFAULT_ITERATION_METHODS;
  if (index === 0 && methods.includes(method) && !isKnownNonCollection(receiver)) {
    return { call, method };
  }
  return null;
}

/**
 * The nearest repetition that makes `node` run once per item, looking outwards only as far
 * as the enclosing function; null when `node` runs once each time its function runs.
 */
export function findRepetition(node: TSESTree.Node, options: RepetitionOptions = {}): Repetition | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isLoop(current)) {
      if (repeatsInLoop(current, child)) {
        return { kind: 'loop', node: current, description: loopDescription(current) };
      }
      continue;
    }
    if (isFunctionNode(current)) {
      const iteration = iterationCallOf(current, options);
      if (iteration) {
        return {
          kind: 'callback',
          node: iteration.call,
          callback: current,
          description: `a \`${iteration.method}()\` callback`,
        };
      }
      return null;
    }
    if (isExecutionBoundary(current)) return null;
  }
  return null;
}

/** Like `findRepetition`, for a function passed by name: `rows.forEach(openRow)`. */
export function findRepetitionOfCallbackReference(
  reference: TSESTree.Identifier,
  options: RepetitionOptions = {},
): Repetition | null {
  const iteration = iterationCallOf(reference, options);
  if (!iteration) return null;
  return { kind: 'callback', node: iteration.call, callback: reference, description: `a \`${iteration.method}()\` callback` };
}

export type { FunctionNode };
