/**
 * What the code that runs before a point, in the same run of its function, does to a held
 * stream: closes it (`es?.close();`, `if (es) es.close();`, `disconnect();`), guards the
 * point (`if (!es) { … }`, `es ?? …`, `if (es) return;`), or puts a stream in it (an earlier
 * `es = new EventSource(u)` that nothing closed).
 *
 * The walk goes from the point outwards, reading the statements before it in each block,
 * nearest first, and through functions that run once where they stand (an IIFE, a
 * `setTimeout` or `.then()` callback): what ran before those ran before the point. It stops
 * at any other function, whose callers decide the rest.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  enclosingRunningFunction,
  isExecutionBoundary,
  isFunctionNode,
  runsOncePerEvaluation,
} from '../functions.js';
import { childNodes } from '../reconnect/walk.js';
import { type LoopNode, isLoop } from '../repetition.js';
import { type CloseTargets, closesStreamNow } from './closing.js';

export type PrecedingVerdict =
  /** Closed or guarded before the point. */
  | { kind: 'safe' }
  /** The point repeats within one run (a loop), or an earlier stream is still held when it runs. */
  | { kind: 'unsafe' }
  /** Nothing decided within its function: `unit` is that function (null at module level, which runs once). */
  | { kind: 'open'; unit: FunctionNode | null };

export interface PrecedingQuestions {
  /** Whether a condition tells whether the stream is already there (or whatever state stands for it). */
  isGuard(test: TSESTree.Node, unit: FunctionNode | null): boolean;
  /** Whether a statement before the point, run as part of `unit`, puts a stream under one of the target's names. */
  storesStream(statement: TSESTree.Node, unit: FunctionNode | null): boolean;
  /** Whether a statement before the point declares the variable the stream is held in afresh. */
  declaresHolder(statement: TSESTree.Node): boolean;
}

/** Whether `child` of a loop runs on every pass: its body, test or update (not a `for` initialiser or `for-of` source). */
function repeatsIn(loop: LoopNode, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case 'ForStatement':
      return child !== loop.init;
    case 'ForInStatement':
    case 'ForOfStatement':
      return child === loop.body;
    default:
      return true;
  }
}

/** Where a `break` or `continue` met inside a statement would go without leaving it. */
interface JumpTargets {
  /** A loop inside the statement: an unlabelled `break` or `continue` stays in it. */
  loop: boolean;
  /** A `switch` inside the statement: an unlabelled `break` stays in it. */
  switch: boolean;
  /** Labels declared inside the statement. */
  labels: ReadonlySet<string>;
}

/**
 * Whether a statement leaves its function or loop (`return`, `throw`, `break`, `continue`;
 * nested functions aside). A `break` of a loop or `switch` inside the statement, or one to a
 * label inside it, only ends that inner statement: `if (es) { for (…) break; }` goes on.
 */
function exits(statement: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const leaves = (node: TSESTree.Node, targets: JumpTargets): boolean => {
    if (isFunctionNode(node)) return false;
    switch (node.type) {
      case 'ReturnStatement':
      case 'ThrowStatement':
        return true;
      case 'BreakStatement':
        return node.label ? !targets.labels.has(node.label.name) : !targets.loop && !targets.switch;
      case 'ContinueStatement':
        return node.label ? !targets.labels.has(node.label.name) : !targets.loop;
      default:
        break;
    }
    let inner = targets;
    if (isLoop(node)) inner = { ...targets, loop: true };
    else if (node.type === 'SwitchStatement') inner = { ...targets, switch: true };
    else if (node.type === 'LabeledStatement') inner = { ...targets, labels: new Set([...targets.labels, node.label.name]) };
    return childNodes(node, visitorKeys).some((child) => leaves(child, inner));
  };
  return leaves(statement, { loop: false, switch: false, labels: new Set() });
}

/** The statements of a block-like node, or the expressions of a comma sequence, which run in order too. */
function statementsOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  switch (node.type) {
    case 'BlockStatement':
    case 'StaticBlock':
    case 'Program':
      return node.body;
    case 'SwitchCase':
      return node.consequent;
    // Minified code: `e.onerror=()=>{e.close(),setTimeout(r,1e3)}`.
    case 'SequenceExpression':
      return node.expressions;
    default:
      return null;
  }
}

/** The function whose run `node` belongs to: the nearest one that does not run once where it stands. */
export function runningUnit(node: TSESTree.Node): FunctionNode | null {
  return enclosingRunningFunction(node, runsOncePerEvaluation);
}

/** What the code before `point` does to the stream held under `targets`. */
export function precedingVerdict(
  sourceCode: Readonly<TSESLint.SourceCode>,
  point: TSESTree.Node,
  targets: CloseTargets,
  questions: PrecedingQuestions,
): PrecedingVerdict {
  const unit = runningUnit(point);
  const closes = (node: TSESTree.Node): boolean => closesStreamNow(sourceCode, node, targets);
  let child: TSESTree.Node = point;
  for (let current = point.parent; current; child = current, current = current.parent) {
    if (current.type === 'IfStatement' || current.type === 'ConditionalExpression') {
      if (child === current.test) continue;
      if (questions.isGuard(current.test, unit)) return { kind: 'safe' };
      // `if (on) es = new EventSource(u); else es?.close();` handles both states on purpose.
      const other = child === current.consequent ? current.alternate : current.consequent;
      if (other && closes(other)) return { kind: 'safe' };
      continue;
    }
    if (current.type === 'LogicalExpression') {
      if (child === current.right && questions.isGuard(current.left, unit)) return { kind: 'safe' };
      continue;
    }
    if (isLoop(current)) {
      if (repeatsIn(current, child)) return { kind: 'unsafe' };
      continue;
    }
    const statements = statementsOf(current);
    if (statements) {
      for (let index = statements.indexOf(child) - 1; index >= 0; index--) {
        const statement = statements[index]!;
        if (questions.declaresHolder(statement)) {
          return questions.storesStream(statement, unit) ? { kind: 'unsafe' } : { kind: 'safe' };
        }
        if (closes(statement)) return { kind: 'safe' };
        const guardsWithExit =
          statement.type === 'IfStatement' &&
          questions.isGuard(statement.test, unit) &&
          exits(statement.consequent, sourceCode.visitorKeys);
        if (guardsWithExit) return { kind: 'safe' };
        if (questions.storesStream(statement, unit)) return { kind: 'unsafe' };
      }
      continue;
    }
    if (isFunctionNode(current)) {
      if (!runsOncePerEvaluation(current)) return { kind: 'open', unit: current };
      continue;
    }
    if (isExecutionBoundary(current)) return { kind: 'open', unit: null };
  }
  return { kind: 'open', unit: null };
}
