/**
 * What counts as "runs once per item": the body, test or update of a loop, and callbacks
 * that an iteration API calls once per element. Shared by every rule that asks whether a
 * stream is opened repeatedly.
 *
 * As in ESLint's `no-await-in-loop`, the walk stops at the nearest function boundary, and
 * only the parts of a loop that repeat count: a `for` initialiser and a `for-of`/`for-in`
 * right-hand side run once. Two refinements: the walk goes on through inline functions that
 * run once where they stand (an IIFE, a `setTimeout` callback), and code that leaves the loop
 * right after it runs (`open(); break;`, `return open()`) runs at most once per loop.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  isExecutionBoundary,
  isFunctionNode,
  passedFunctionValue,
  runsOncePerEvaluation,
  skipTransparentParents,
} from './functions.js';

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

const COLLECTION_HELPER_METHODS_BY_LOWER_CASE = new Map(
  [...COLLECTION_HELPER_METHODS].map((method) => [method.toLowerCase(), method]),
);

const COLLECTION_HELPER_MODULE = /^(?:lodash(?:-es)?|lodash\.\w+|underscore|jquery)(?:\/(\w+))?$/;

/**
 * For a collection helper module, the function that a whole-module binding holds:
 * `lodash/map` and `lodash.foreach` export one function; `lodash` exports a namespace (null).
 * Undefined for any other module.
 */
function helperModuleFunction(specifier: string): string | null | undefined {
  // Most specifiers are relative paths or other packages: one character rules them out before the pattern runs.
  const first = specifier[0];
  if (first !== 'l' && first !== 'u' && first !== 'j') return undefined;
  const match = COLLECTION_HELPER_MODULE.exec(specifier);
  if (!match) return undefined;
  const modulePath = match[1] ?? (specifier.startsWith('lodash.') ? specifier.slice('lodash.'.length) : undefined);
  if (!modulePath) return null;
  // Per-method packages are lower case (`lodash.foreach`); the method is `forEach`.
  return COLLECTION_HELPER_METHODS_BY_LOWER_CASE.get(modulePath.toLowerCase()) ?? modulePath;
}

/** The module of a top-level `require('m')`, if `node` is one. */
function requiredModule(node: TSESTree.Expression | null): string | null {
  if (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]!.type === 'Literal' &&
    typeof node.arguments[0]!.value === 'string'
  ) {
    return node.arguments[0]!.value;
  }
  return null;
}

/** Both repetition rules ask about every file they see; the answer is read once per syntax tree. */
const helperImportsByProgram = new WeakMap<TSESTree.Program, CollectionHelperImports>();

/**
 * Reads the program's imports and top-level requires once: which local names are collection
 * helpers. `import map from 'lodash/map'`, `import { forEach as each } from 'lodash-es'`,
 * `const { map } = require('lodash')` bind functions; `import _ from 'lodash'`,
 * `import * as L from 'lodash-es'`, `const $ = require('jquery')` bind namespaces.
 */
export function collectionHelperImports(program: TSESTree.Program): CollectionHelperImports {
  let helpers = helperImportsByProgram.get(program);
  if (!helpers) {
    helpers = readCollectionHelperImports(program);
    helperImportsByProgram.set(program, helpers);
  }
  return helpers;
}

function readCollectionHelperImports(program: TSESTree.Program): CollectionHelperImports {
  const functions = new Map<string, string>();
  const namespaces = new Set<string>();
  function bindWhole(local: string, specifier: string): void {
    const fn = helperModuleFunction(specifier);
    if (fn) functions.set(local, fn);
    else if (fn === null) namespaces.add(local);
  }
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (helperModuleFunction(statement.source.value) === undefined) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          functions.set(specifier.local.name, imported);
        } else {
          bindWhole(specifier.local.name, statement.source.value);
        }
      }
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const module = requiredModule(declarator.init);
        if (module === null || helperModuleFunction(module) === undefined) continue;
        if (declarator.id.type === 'Identifier') {
          bindWhole(declarator.id.name, module);
        } else if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
            if (property.value.type === 'Identifier') functions.set(property.value.name, property.key.name);
          }
        }
      }
    }
  }
  return { functions, namespaces };
}

/** "a `map()` callback", "an `each()` callback". */
function callbackDescription(method: string): string {
  return `${/^[aeiou]/i.test(method) ? 'an' : 'a'} \`${method}()\` callback`;
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

export function isLoop(node: TSESTree.Node): node is LoopNode {
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
    // A regular expression literal too: like `new RegExp(…)`, it has no `map` or `forEach`.
    case 'Literal':
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

type Jump = TSESTree.BreakStatement | TSESTree.ReturnStatement;

/** Statements that cannot jump anywhere, so a `break` or `return` after them surely runs. */
function fallsThrough(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === 'ExpressionStatement' ||
    statement.type === 'VariableDeclaration' ||
    statement.type === 'EmptyStatement' ||
    statement.type === 'FunctionDeclaration'
  );
}

function statementList(node: TSESTree.Node): readonly TSESTree.ProgramStatement[] | null {
  if (node.type === 'BlockStatement') return node.body;
  if (node.type === 'SwitchCase') return node.consequent;
  return null;
}

/**
 * The `break` or `return` that surely runs right after `start` (a node inside a loop body),
 * before the loop could start another iteration: `start` sits in a `return`, or a later
 * statement of its block (or of an enclosing block) is one, with only plain statements in
 * between. Null when unsure; a loop or function boundary ends the search.
 */
function jumpAfter(start: TSESTree.Node): Jump | null {
  let child = start;
  for (let current = start.parent; current; child = current, current = current.parent) {
    if (isLoop(current) || isExecutionBoundary(current)) return null;
    if (current.type === 'ReturnStatement') return current;
    const list = statementList(current);
    if (!list) continue;
    for (const sibling of list.slice(list.indexOf(child as TSESTree.ProgramStatement) + 1)) {
      if (sibling.type === 'BreakStatement' || sibling.type === 'ReturnStatement') return sibling;
      if (!fallsThrough(sibling)) return null;
    }
  }
  return null;
}

/** The statement a `break` leaves: the labelled statement, else the innermost loop or `switch`. */
function breakTarget(jump: TSESTree.BreakStatement): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = jump.parent; current; current = current.parent) {
    if (jump.label) {
      if (current.type === 'LabeledStatement' && current.label.name === jump.label.name) return current.body;
    } else if (isLoop(current) || current.type === 'SwitchStatement') {
      return current;
    }
    if (isExecutionBoundary(current)) return null;
  }
  return null;
}

/** Whether `jump` leaves `loop` (a loop that encloses it in the same function). */
function leaves(jump: Jump, loop: LoopNode): boolean {
  if (jump.type === 'ReturnStatement') return true;
  const target = breakTarget(jump);
  return target !== null && target.range[0] <= loop.range[0] && loop.range[1] <= target.range[1];
}

/**
 * The nearest repetition that makes `node` run once per item, looking outwards as far as the
 * enclosing function (or further, through functions that run once where they stand); null
 * when `node` runs once each time its function runs.
 */
export function findRepetition(node: TSESTree.Node, options: RepetitionOptions = {}): Repetition | null {
  let child: TSESTree.Node = node;
  let jump = jumpAfter(node);
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isLoop(current)) {
      if (!repeatsInLoop(current, child)) continue;
      if (child === current.body && jump && leaves(jump, current)) {
        // `open(); break;` runs once per loop, not per item. A `return` or `break outer` leaves
        // the outer loops too; otherwise look for a jump after this loop.
        if (jump.type === 'BreakStatement' && breakTarget(jump) === current) jump = jumpAfter(current);
        continue;
      }
      return { kind: 'loop', node: current, description: loopDescription(current) };
    }
    if (isFunctionNode(current)) {
      const iteration = iterationCallOf(current, options);
      if (iteration) {
        return {
          kind: 'callback',
          node: iteration.call,
          callback: current,
          description: callbackDescription(iteration.method),
        };
      }
      if (!runsOncePerEvaluation(current)) return null;
      jump = jumpAfter(current);
      continue;
    }
    if (isExecutionBoundary(current)) return null;
  }
  return null;
}

/** Like `findRepetition`, for a function passed by name: `rows.forEach(openRow)`, `rows.forEach(this.open.bind(this))`. */
export function findRepetitionOfCallbackReference(
  reference: TSESTree.Identifier | TSESTree.MemberExpression,
  options: RepetitionOptions = {},
): Repetition | null {
  const iteration = iterationCallOf(passedFunctionValue(reference), options);
  if (!iteration) return null;
  return { kind: 'callback', node: iteration.call, callback: reference, description: callbackDescription(iteration.method) };
}

export type { FunctionNode };
