/**
 * Streams assigned over a name that may still hold an open one: `es = new EventSource(u)`,
 * `this.es = …`, `ref.current = …` in code that can run more than once (a handler, a method,
 * a function called from several places), with nothing before it that closes the old stream
 * or checks that it is there.
 *
 * "Can run more than once" is decided by the callers: module-level code and a constructor
 * (for `this.…`) run once; a mount callback is the teardown check's business (its cleanup runs
 * before it runs again); a local function runs as often as its callers do, so it is judged
 * at each of its calls; anything else (an exported function, a public method, a handler) may
 * run any number of times.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import { walkTree } from '../reconnect/walk.js';
import type { StreamOpening } from '../stream-sources.js';
import { type CloseTargets, closesStream, closesStreamNow } from './closing.js';
import { testsKeptState, testsStream } from './guards.js';
import { type HolderPath, holderPathOf, sameHolder } from './holder-paths.js';
import { mountCallbackOf } from './lifecycle-hooks.js';
import { localCallersOf } from './local-callers.js';
import { type PrecedingQuestions, precedingVerdict, runningUnit } from './preceding-code.js';
import { closeMethodsOf, isFetchEventSource } from './stream-holders.js';

export interface Replacement {
  opening: StreamOpening;
  /** `target = <opening>`. */
  assignment: TSESTree.AssignmentExpression;
  target: HolderPath;
  targets: CloseTargets;
}

/** How many callers away a replacement is still judged; beyond that it is left alone. */
const MAX_CALLER_DEPTH = 3;

/** Openings (sorted by position) that start inside `node`. */
function openingsWithin(sorted: readonly StreamOpening[], node: TSESTree.Node): StreamOpening[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.node.range[0] < node.range[0]) low = middle + 1;
    else high = middle;
  }
  const found: StreamOpening[] = [];
  for (let index = low; index < sorted.length && sorted[index]!.node.range[0] < node.range[1]; index++) {
    found.push(sorted[index]!);
  }
  return found;
}

/** The path an opening's value is assigned to (`=` only) or declared as. */
function storedPath(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): HolderPath | null {
  const value = skipTransparentParents(opening.node);
  const parent = value.parent;
  if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.operator === '=') {
    return holderPathOf(sourceCode, parent.left);
  }
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { root: variable, properties: [] } : null;
  }
  return null;
}

class ReplacementCheck {
  readonly #questions: PrecedingQuestions;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly openings: readonly StreamOpening[],
    private readonly target: HolderPath,
    private readonly targets: CloseTargets,
    private readonly handled: HandledElsewhere,
  ) {
    this.#questions = {
      isGuard: (test, unit) =>
        testsStream(sourceCode, test, targets) ||
        (testsKeptState(sourceCode, test, unit) && !this.#opensInBothBranches(test, unit)),
      storesStream: (statement, unit) =>
        openingsWithin(openings, statement).some((opening) => {
          if (runningUnit(opening.node) !== unit) return false;
          const path = storedPath(sourceCode, opening);
          return path !== null && sameHolder(path, target);
        }),
      declaresHolder: (statement) =>
        statement.type === 'VariableDeclaration' &&
        target.properties.length === 0 &&
        'scope' in target.root &&
        statement.declarations.some((declarator) =>
          (sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? []).some((variable) => variable === target.root),
        ),
    };
  }

  /**
   * `if (this.polyfill) this.es = new Polyfill(u); else this.es = new EventSource(u);`: a
   * condition both of whose branches put a stream in the holder chooses how to open, not
   * whether one is open already, so state it reads (`this.polyfill`) is no guard. A test of
   * the stream itself still is (`if (this.es) … else …`). Reduced from tserkov/vue-sse's
   * public `connect()`, a miss of the real-world audit.
   */
  #opensInBothBranches(test: TSESTree.Node, unit: FunctionNode | null): boolean {
    const choice = test.parent;
    if ((choice?.type !== 'IfStatement' && choice?.type !== 'ConditionalExpression') || choice.test !== test) return false;
    const { consequent, alternate } = choice;
    return alternate !== null && this.#questions.storesStream(consequent, unit) && this.#questions.storesStream(alternate, unit);
  }

  /**
   * `start() { this.es = new EventSource(u); }` beside `stop() { this.es.close(); }`, with
   * nothing else in the class opening a stream: a toggle that pairs its opening with its
   * closing, and whether its owner starts twice without stopping is not in this file. Reported,
   * the finding had no evidence that open streams grow (hoppscotch's `SSEConnection`, whose one
   * caller starts only when stopped: a false finding of the real-world audit). Still judged: a
   * method the class itself calls (its callers decide), one that returns a value (a
   * `getEventSource(url)` hands a stream to each caller, and only the last stays closable: two
   * true findings in LINC_Dashboard's services), and a class whose field or constructor opens
   * the stream first, or that never closes it.
   */
  #pairedWithCloser(unit: FunctionNode): boolean {
    const member = unit.parent;
    const isMember =
      (member?.type === 'MethodDefinition' && member.kind === 'method') || (member?.type === 'PropertyDefinition' && member.value === unit);
    if (!isMember || 'scope' in this.target.root || member.parent?.type !== 'ClassBody') return false;
    if (localCallersOf(this.sourceCode, unit).calls.length > 0 || this.#returnsValue(unit)) return false;
    const classBody = member.parent;
    const within = (node: TSESTree.Node, outer: TSESTree.Node) => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
    const opensElsewhere = this.openings.some((opening) => within(opening.node, classBody) && !within(opening.node, member));
    if (opensElsewhere) return false;
    return classBody.body.some((other) => {
      if (other === member) return false;
      const body = other.type === 'MethodDefinition' || other.type === 'PropertyDefinition' ? other.value : null;
      return (body?.type === 'FunctionExpression' || body?.type === 'ArrowFunctionExpression') && closesStream(this.sourceCode, body.body, this.targets);
    });
  }

  /** Whether `unit` itself (not a function inside it) returns a value. */
  #returnsValue(unit: FunctionNode): boolean {
    if (unit.body.type !== 'BlockStatement') return true;
    let returns = false;
    walkTree(unit.body, this.sourceCode.visitorKeys, (node) => {
      if (node.type === 'ReturnStatement' && node.argument) returns = true;
      return !returns && !isFunctionNode(node);
    });
    return returns;
  }

  /** Whether every run of `unit` that reaches the assignment finds the old stream closed or absent. */
  #unitIsSafe(unit: FunctionNode, depth: number, visiting: Set<FunctionNode>): boolean {
    if (mountCallbackOf(this.sourceCode, unit) || this.handled.units.has(unit)) return true;
    const method = unit.parent;
    if (method?.type === 'MethodDefinition' && method.kind === 'constructor' && !('scope' in this.target.root)) return true;
    if (this.#pairedWithCloser(unit)) return true;
    const callers = localCallersOf(this.sourceCode, unit);
    // An exported function or public method that this file only calls, each time after closing
    // the old stream or returning when it is there, is meant to be called that way.
    const judgedByOwnCalls = callers.usedOnlyByCalls === true && callers.calls.length > 0;
    if (!callers.complete && !judgedByOwnCalls) return false;
    // Too far from the assignment to judge with confidence: left alone.
    if (depth >= MAX_CALLER_DEPTH || visiting.has(unit)) return true;
    visiting.add(unit);
    return callers.calls.every((call) => this.handled.nodes.has(call) || this.isSafeAt(call, depth + 1, visiting));
  }

  /**
   * `const old = es; es = new EventSource(u); old?.close();`: the old stream is kept aside
   * and closed after the new one is in place (the swap that avoids a gap in events).
   */
  swapsThenCloses(assignment: TSESTree.AssignmentExpression): boolean {
    const statement = assignment.parent;
    const block = statement?.parent;
    if (statement?.type !== 'ExpressionStatement') return false;
    if (block?.type !== 'BlockStatement' && block?.type !== 'Program') return false;
    const body: readonly TSESTree.Node[] = block.body;
    const index = body.indexOf(statement);
    const kept: HolderPath[] = [];
    for (const earlier of body.slice(0, index)) {
      if (earlier.type !== 'VariableDeclaration') continue;
      for (const declarator of earlier.declarations) {
        if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
        const source = holderPathOf(this.sourceCode, declarator.init);
        if (!source || !sameHolder(source, this.target)) continue;
        const name = declarator.id.name;
        const variable = this.sourceCode.scopeManager?.getDeclaredVariables(declarator).find((v) => v.name === name);
        if (variable) kept.push({ root: variable, properties: [] });
      }
    }
    if (kept.length === 0) return false;
    const keptTargets: CloseTargets = { paths: kept, close: this.targets.close };
    return body.slice(index + 1).some((later) => closesStreamNow(this.sourceCode, later, keptTargets));
  }

  isSafeAt(point: TSESTree.Node, depth: number, visiting: Set<FunctionNode>): boolean {
    const verdict = precedingVerdict(this.sourceCode, point, this.targets, this.#questions);
    if (verdict.kind !== 'open') return verdict.kind === 'safe';
    return verdict.unit === null || this.#unitIsSafe(verdict.unit, depth, visiting);
  }
}

/** What the error-handler check judges, so that one mistake is reported once. */
export interface HandledElsewhere {
  /** Re-opens it reports: the opening, call or scheduler call in the handler. */
  nodes: ReadonlySet<TSESTree.Node>;
  /** Error handlers: what they replace has failed, and whether it still reconnects is that check's question. */
  units: ReadonlySet<FunctionNode>;
}

/** Every assignment of a stream over a name that may still hold an open one. */
export function unsafeReplacements(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
  handled: HandledElsewhere,
): Replacement[] {
  const replacements: Replacement[] = [];
  for (const opening of openings) {
    if (isFetchEventSource(opening) || handled.nodes.has(opening.node)) continue;
    const value = skipTransparentParents(opening.node);
    const assignment = value.parent;
    if (assignment?.type !== 'AssignmentExpression' || assignment.right !== value || assignment.operator !== '=') continue;
    const target = holderPathOf(sourceCode, assignment.left);
    if (!target) continue;
    const targets: CloseTargets = { paths: [target], close: closeMethodsOf(opening) };
    const check = new ReplacementCheck(sourceCode, openings, target, targets, handled);
    if (check.swapsThenCloses(assignment) || check.isSafeAt(assignment, 0, new Set())) continue;
    replacements.push({ opening, assignment, target, targets });
  }
  return replacements;
}
