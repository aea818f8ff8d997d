/**
 * What counts as closing a held stream: calling its close method on one of the names it is
 * held under (`es.close()`, `es?.close()`, `this.es?.close()`, `ref.current?.close()`,
 * `controller.abort()` for `fetchEventSource`), through a local alias
 * (`const current = ref.current; current?.close()`), through a bound method
 * (`es.close.bind(es)`), by calling a local function that does (`disconnect()`,
 * `this.disconnect()`), or, for a user's wrapper, by calling the unsubscribe function it
 * returned. Handing the stream to a function this file does not define (`closeAll(es)`)
 * counts too: that function may close it, and a rule that cannot tell stays silent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, argumentParameters, isFunctionNode, runsOncePerEvaluation } from '../functions.js';
import { staticPropertyName, unwrapExpression } from '../reconnect/access-paths.js';
import { walkTree } from '../reconnect/walk.js';
import { resolveCallee } from './callees.js';
import { type HolderPath, holderPathOf, includesHolder } from './holder-paths.js';
import type { CloseMethods } from './stream-holders.js';

export interface CloseTargets {
  /** The names the stream is held under. */
  paths: readonly HolderPath[];
  close: CloseMethods;
  /** A handler whose `this` is the stream itself: `es.onerror = function () { this.close(); }`. */
  selfFunction?: FunctionNode | null;
}

/** How deep closing code is followed into local functions. */
const MAX_CALL_DEPTH = 4;

/** The nearest function whose `this` a `this` is (arrows keep the outer one). */
function thisFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current) && current.type !== 'ArrowFunctionExpression') return current;
  }
  return null;
}

class CloseSearch {
  readonly #paths: HolderPath[];
  readonly #visited = new Set<TSESTree.Node>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly targets: CloseTargets,
    private readonly onlyCodeThatRuns = false,
    private readonly skipCatchClauses = false,
  ) {
    this.#paths = [...targets.paths];
  }

  isTarget(expression: TSESTree.Node): boolean {
    const node = unwrapExpression(expression);
    if (node.type === 'ThisExpression') {
      return this.targets.selfFunction != null && thisFunction(node) === this.targets.selfFunction;
    }
    if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return false;
    return includesHolder(this.#paths, holderPathOf(this.sourceCode, node));
  }

  #addAlias(variable: TSESLint.Scope.Variable | undefined): void {
    const path = variable && { root: variable, properties: [] };
    if (path && !includesHolder(this.#paths, path)) this.#paths.push(path);
  }

  /** `const current = ref.current;` and `const { current } = ref;` rename the stream. */
  #noteAlias(declarator: TSESTree.VariableDeclarator): void {
    if (!declarator.init) return;
    const declared = this.sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
    const id = declarator.id;
    if (id.type === 'Identifier') {
      if (this.isTarget(declarator.init)) this.#addAlias(declared.find((v) => v.name === id.name));
      return;
    }
    if (id.type !== 'ObjectPattern') return;
    const source = holderPathOf(this.sourceCode, declarator.init);
    if (!source) return;
    for (const property of id.properties) {
      if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
      if (property.value.type !== 'Identifier') continue;
      const path = { root: source.root, properties: [...source.properties, property.key.name] };
      const name = property.value.name;
      if (includesHolder(this.#paths, path)) this.#addAlias(declared.find((v) => v.name === name));
    }
  }

  /** Whether this call closes a target, or hands one to code that may. */
  #callCloses(call: TSESTree.CallExpression, depth: number): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type === 'MemberExpression') {
      const name = staticPropertyName(callee);
      if (name !== null && this.targets.close.methods.has(name) && this.isTarget(callee.object)) return true;
    }
    if (this.targets.close.callable && this.isTarget(callee)) return true;
    const fn = resolveCallee(this.sourceCode, callee);
    if (!fn) {
      // Handed to code this file does not define: it may close it. So is `es.close.call(es)`
      // (or `.bind(es)`, `.apply(es)`), which passes the stream; `es.close.call(null)` throws
      // and closes nothing, and passes none.
      return call.arguments.some((argument) => argument.type !== 'SpreadElement' && this.isTarget(argument));
    }
    if (depth >= MAX_CALL_DEPTH || this.#visited.has(fn)) return false;
    this.#visited.add(fn);
    // Its parameters that receive a target are names of the stream inside it.
    call.arguments.forEach((argument, index) => {
      const parameter = argumentParameters(fn)[index];
      if (argument.type === 'SpreadElement' || parameter?.type !== 'Identifier' || !this.isTarget(argument)) return;
      const declared = this.sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
      this.#addAlias(declared.find((v) => v.name === parameter.name));
    });
    return this.closesIn(fn.body, depth + 1);
  }

  closesIn(root: TSESTree.Node, depth = 0): boolean {
    let found = false;
    walkTree(root, this.sourceCode.visitorKeys, (node) => {
      if (found) return false;
      // A function defined here (a handler, a declaration) closes nothing until it is called.
      if (this.onlyCodeThatRuns && isFunctionNode(node) && !runsOncePerEvaluation(node)) return false;
      if (this.skipCatchClauses && node.type === 'CatchClause') return false;
      if (node.type === 'VariableDeclarator') this.#noteAlias(node);
      else if (node.type === 'CallExpression' && this.#callCloses(node, depth)) found = true;
      return !found;
    });
    return found;
  }
}

/**
 * Whether running `root` closes one of the targets (see the module comment for what counts).
 * `root` is teardown code: everything in it counts, also callbacks it sets up
 * (`streams.forEach((s) => s.close())`). With `skipCatchClauses`, a close in a `catch` block
 * (and in what it calls) does not count: that is error handling, not the normal end.
 */
export function closesStream(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  targets: CloseTargets,
  { skipCatchClauses = false }: { skipCatchClauses?: boolean } = {},
): boolean {
  return new CloseSearch(sourceCode, targets, false, skipCatchClauses).closesIn(root);
}

/**
 * Whether running the statement `root` closes one of the targets now: functions it only
 * defines (`es.onerror = () => es.close()`, a function declaration) do not count, callbacks
 * that run once where they stand (an IIFE) and local functions it calls do.
 */
export function closesStreamNow(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  targets: CloseTargets,
): boolean {
  return new CloseSearch(sourceCode, targets, true).closesIn(root);
}

/** Whether `expression` reads one of the names a stream is held under (or the stream itself, as `this`). */
export function isStreamReference(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  targets: CloseTargets,
): boolean {
  return new CloseSearch(sourceCode, targets).isTarget(expression);
}
