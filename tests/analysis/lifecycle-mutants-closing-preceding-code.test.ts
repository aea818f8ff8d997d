/**
 * Pins what the code before a point decides about a held stream (`precedingVerdict` of
 * `src/analysis/lifecycle/preceding-code.ts`), case by case, so that the mutants StrykerJS left
 * alive there fail a test (issue 17): which parts of a loop repeat, which statements leave
 * (`return`, `throw`, `break`, `continue`, not inside nested functions or classes), which
 * nodes hold statements in order (blocks, static blocks, `switch` cases), and how conditions,
 * `&&`/`||`, declarations, stores and class fields end the walk.
 *
 * The point is the first `open()` call; the questions are answered by name: a condition whose
 * text mentions `guard` guards it, a statement that calls `store(…)` stores a stream, and a
 * declaration of `es` declares the holder. The stream is held in `es` and closed with `close()`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type PrecedingQuestions, precedingVerdict } from '../../src/analysis/lifecycle/preceding-code.js';
import { holderPathOf } from '../../src/analysis/lifecycle/holder-paths.js';
import { analyse, find, parsers } from './probe.js';

function isOpenCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'open';
}

function isHolder(node: TSESTree.Node): node is TSESTree.Identifier {
  return node.type === 'Identifier' && node.name === 'es' && node.parent?.type === 'VariableDeclarator';
}

describe.each(parsers)('what the code before a point decides (%s)', (_name, parser) => {
  /** The verdict for the first `open()` of `code`: `safe`, `unsafe`, or `open <unit>` (the unit's first line, or `null`). */
  function verdict(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const path = holderPathOf(sourceCode, find(sourceCode.ast, isHolder));
      const targets = { paths: path ? [path] : [], close: { methods: new Set(['close']), callable: false } };
      const questions: PrecedingQuestions = {
        isGuard: (test) => sourceCode.getText(test).includes('guard'),
        storesStream: (statement) => sourceCode.getText(statement).includes('store('),
        declaresHolder: (statement) =>
          statement.type === 'VariableDeclaration' &&
          statement.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === 'es'),
      };
      const result = precedingVerdict(sourceCode, find(sourceCode.ast, isOpenCall), targets, questions);
      if (result.kind !== 'open') return String(result.kind);
      return `open ${result.unit ? sourceCode.getText(result.unit).split('\n')[0] : 'null'}`;
    });
  }

  /** Declared last: a declaration of the holder before the point would end the walk there. */
  const ES = '\nlet es;';

  it('repeats the test, update and body of a for loop, not its initialiser', () => {
    // kills preceding-code.ts:44 'ForStatement' -> "", preceding-code.ts:45 child !== loop.init -> true / ===
    // kills preceding-code.ts:118 repeatsIn(current, child) -> true
    expect(verdict(`for (open(); i < 3; i++) {}${ES}`)).toBe('open null');
    // kills preceding-code.ts:44 case 'ForStatement': return … -> case 'ForStatement': (falls through to the for-of case)
    expect(verdict(`for (let i = 0; i < 3; open()) {}${ES}`)).toBe('unsafe');
    // kills preceding-code.ts:45 child !== loop.init -> false, preceding-code.ts:118 { kind: 'unsafe' } -> {} / ""
    expect(verdict(`for (;;) { open(); }${ES}`)).toBe('unsafe');
  });

  it('repeats only the body of a for-in or for-of loop, not what it iterates', () => {
    // kills preceding-code.ts:46 'ForInStatement' -> ""
    expect(verdict(`for (const key in open()) {}${ES}`)).toBe('open null');
    // kills preceding-code.ts:47 case 'ForOfStatement': return … -> case 'ForOfStatement': (falls through to default)
    // kills preceding-code.ts:47 'ForOfStatement' -> "", preceding-code.ts:48 child === loop.body -> true
    expect(verdict(`for (const item of open()) {}${ES}`)).toBe('open null');
    expect(verdict(`for (const item of items) open();${ES}`)).toBe('unsafe');
  });

  it('repeats everything in a while or do-while loop', () => {
    // kills preceding-code.ts:49 default: return true -> default: (falls out), preceding-code.ts:50 true -> false
    expect(verdict(`while (more()) open();${ES}`)).toBe('unsafe');
    expect(verdict(`do { open(); } while (more());${ES}`)).toBe('unsafe');
  });

  it('takes a guard that leaves the function, throws, breaks or continues as safe', () => {
    // kills preceding-code.ts:67 !found -> found (the return is inside the block)
    expect(verdict(`function start() {\n  if (guard) { return; }\n  open();\n}${ES}`)).toBe('safe');
    // kills preceding-code.ts:61 node.type === 'ThrowStatement' -> false / ""
    expect(verdict(`function start() {\n  if (guard) { throw new Error('twice'); }\n  open();\n}${ES}`)).toBe('safe');
    // kills preceding-code.ts:62 node.type === 'BreakStatement' -> false / ""
    expect(verdict(`while (more()) {\n  if (guard) { break; }\n  open();\n}${ES}`)).toBe('safe');
    // kills preceding-code.ts:63 node.type === 'ContinueStatement' -> false / ""
    expect(verdict(`while (more()) {\n  if (guard) { continue; }\n  open();\n}${ES}`)).toBe('safe');
  });

  it('does not take a guard that goes on as safe', () => {
    // kills preceding-code.ts:56 let found = false -> true, preceding-code.ts:60 the exit test -> true
    // kills preceding-code.ts:61 node.type === 'ThrowStatement' -> !==, preceding-code.ts:62 … -> !==, preceding-code.ts:63 … -> !==
    expect(verdict(`function start() {\n  if (guard) { log(); }\n  open();\n}${ES}`)).toBe('open function start() {');
  });

  it('does not count a return in a nested function, or a break in a class, as leaving', () => {
    expect(verdict(`function start() {\n  if (guard) { list.forEach(() => { return; }); }\n  open();\n}${ES}`)).toBe(
      'open function start() {',
    );
    expect(verdict(`function start() {\n  if (guard) { class A { static { while (more()) break; } } }\n  open();\n}${ES}`)).toBe(
      'open function start() {',
    );
  });

  it('does not count a break or continue that stays inside the guarded block as leaving', () => {
    // A loop or switch inside the guard ends there; the point still runs after it.
    const cases = [
      'if (guard) { for (const item of items) { if (item) break; } }',
      'if (guard) { while (more()) continue; }',
      'if (guard) { switch (mode) { case 1: break; } }',
      'if (guard) { inner: { log(); break inner; } }',
      'if (guard) { inner: for (;;) { for (;;) continue inner; } }',
    ];
    for (const guard of cases) {
      expect(verdict(`function start() {\n  ${guard}\n  open();\n}${ES}`), guard).toBe('open function start() {');
    }
  });

  it('counts a throw inside a loop of the guarded block as leaving', () => {
    // kills preceding-code.ts:74 "case 'ThrowStatement': return true;" -> falling through to the break case
    expect(verdict(`function start() {\n  if (guard) { for (;;) { throw new Error('twice'); } }\n  open();\n}${ES}`)).toBe('safe');
  });

  it('counts a break to a label outside the guarded block, or a continue out of a switch, as leaving', () => {
    expect(verdict(`outer: for (;;) {\n  if (guard) { for (;;) break outer; }\n  open();\n}${ES}`)).toBe('safe');
    expect(verdict(`outer: for (;;) {\n  if (guard) { while (more()) continue outer; }\n  open();\n}${ES}`)).toBe('safe');
    // `continue` inside a switch goes to the loop around the guard.
    expect(verdict(`while (more()) {\n  if (guard) { switch (mode) { case 1: continue; } }\n  open();\n}${ES}`)).toBe('safe');
    // A throw in a class's static block runs where the class stands.
    expect(verdict(`function start() {\n  if (guard) { class A { static { throw new Error('twice'); } } }\n  open();\n}${ES}`)).toBe('safe');
  });

  it('reads the statements of a static block and of a switch case in order', () => {
    // kills preceding-code.ts:76 'StaticBlock' -> ""
    expect(verdict(`class Feed { static { es.close(); open(); } }${ES}`)).toBe('safe');
    // kills preceding-code.ts:79 case 'SwitchCase': return node.consequent; -> case 'SwitchCase': (falls through), 'SwitchCase' -> ""
    expect(verdict(`switch (mode) { case 1: es.close(); open(); }${ES}`)).toBe('safe');
  });

  it('takes a guarding condition of a conditional expression as safe, but not the point inside the condition', () => {
    // kills preceding-code.ts:105 current.type === 'ConditionalExpression' -> false / ""
    expect(verdict(`guard ? null : open();${ES}`)).toBe('safe');
    // kills preceding-code.ts:106 child === current.test -> false
    expect(verdict(`if (guard(open())) {}${ES}`)).toBe('open null');
  });

  it('takes a close in the other branch as safe', () => {
    // kills preceding-code.ts:109 child === current.consequent -> true
    expect(verdict(`if (on) es.close(); else open();${ES}`)).toBe('safe');
    expect(verdict(`if (on) open(); else es.close();${ES}`)).toBe('safe');
  });

  it('takes a guard on the left of && or || as safe, only for the right side', () => {
    // kills preceding-code.ts:113 current.type === 'LogicalExpression' -> false / "", preceding-code.ts:113 block -> {}
    // kills preceding-code.ts:114 the test -> false, child === current.right -> !==, preceding-code.ts:114 { kind: 'safe' } -> {} / ""
    expect(verdict(`guard && open();${ES}`)).toBe('safe');
    // kills preceding-code.ts:114 the test -> true, preceding-code.ts:114 child === current.right && … -> ||
    expect(verdict(`ready && open();${ES}`)).toBe('open null');
    // kills preceding-code.ts:114 child === current.right -> true
    expect(verdict(`guarded(open()) && ready;${ES}`)).toBe('open null');
  });

  it('stops at a declaration of the holder: unsafe when it stores a stream, else safe', () => {
    // kills preceding-code.ts:125 questions.declaresHolder(statement) -> false, preceding-code.ts:125 block -> {}
    expect(verdict(`store();\nlet es;\nopen();`)).toBe('safe');
    // kills preceding-code.ts:126 { kind: 'unsafe' } -> {} / ""
    expect(verdict(`let es = store();\nopen();`)).toBe('unsafe');
  });

  it('takes an earlier store as unsafe', () => {
    // kills preceding-code.ts:134 questions.storesStream(statement, unit) -> false, preceding-code.ts:134 { kind: 'unsafe' } -> {} / ""
    expect(verdict(`store();\nopen();${ES}`)).toBe('unsafe');
  });

  it('stops at a class field, which runs apart from the code around the class', () => {
    // kills preceding-code.ts:142 isExecutionBoundary(current) -> false, preceding-code.ts:142 { kind: 'open', unit: null } -> {} / ""
    expect(verdict(`store();\nclass Feed { field = open(); }${ES}`)).toBe('open null');
  });
});
