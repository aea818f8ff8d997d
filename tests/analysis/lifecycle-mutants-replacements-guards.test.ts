/**
 * Pins which conditions `src/analysis/lifecycle/guards.ts` takes as telling whether a stream is
 * already there, so that the mutants StrykerJS left alive there fail a test (issue 17): a
 * test that reads the stream under one of its names (a variable, a `this.` path, or `this` in
 * the stream's own handler), one that reads a `readyState` of whatever object, and one that
 * reads state kept beside the stream (an instance member, or a variable declared outside the
 * function that runs the test, never a parameter, a local or a property name).
 *
 * Each case asks about the test of the first `if` of the code, in the function around it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type FunctionNode, isFunctionNode } from '../../src/analysis/functions.js';
import type { CloseTargets } from '../../src/analysis/lifecycle/closing.js';
import { testsKeptState, testsReadyState, testsStream } from '../../src/analysis/lifecycle/guards.js';
import { holderPathOf } from '../../src/analysis/lifecycle/holder-paths.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

const CLOSE = { methods: new Set(['close']), callable: false };

function isIf(node: TSESTree.Node): node is TSESTree.IfStatement {
  return node.type === 'IfStatement';
}

function isAssignment(node: TSESTree.Node): node is TSESTree.AssignmentExpression {
  return node.type === 'AssignmentExpression';
}

/** The function whose run the test of the first `if` belongs to, or null at module level. */
function unitOf(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return null;
}

describe.each(parsers)('stream guards (%s)', (_name, parser) => {
  /** What `check` says of the test of the first `if` of `code`. */
  function ofFirstTest(code: string, check: (sourceCode: SourceCode, test: TSESTree.Node) => boolean): boolean {
    return analyse(parser, code, (sourceCode) => check(sourceCode, find(sourceCode.ast, isIf).test));
  }

  /** Whether the first `if` of `code` tests the stream stored by the first assignment of the code. */
  function testsStored(code: string): boolean {
    return ofFirstTest(code, (sourceCode, test) => {
      const stored = holderPathOf(sourceCode, find(sourceCode.ast, isAssignment).left);
      if (!stored) throw new Error('no holder');
      return testsStream(sourceCode, test, { paths: [stored], close: CLOSE });
    });
  }

  /** Whether the first `if` of `code` tests `this` of the first `function` expression, the stream's own handler. */
  function testsSelf(code: string): boolean {
    return ofFirstTest(code, (sourceCode, test) => {
      const handler = find(sourceCode.ast, (node): node is TSESTree.FunctionExpression => node.type === 'FunctionExpression');
      const targets: CloseTargets = { paths: [], close: CLOSE, selfFunction: handler };
      return testsStream(sourceCode, test, targets);
    });
  }

  /** Whether the first `if` of `code` reads state kept beyond one run of the function around it (or of the module). */
  function keptState(code: string): boolean {
    return ofFirstTest(code, (sourceCode, test) => testsKeptState(sourceCode, test, unitOf(test)));
  }

  it('reads a stream kept under a `this.` path', () => {
    // kills guards.ts:35 node.type === 'MemberExpression' -> false
    // kills guards.ts:35 node.type === 'MemberExpression' -> node.type !== 'MemberExpression'
    // kills guards.ts:35 'MemberExpression' -> ""
    expect(testsStored('class A { m() { if (!this.es) this.es = new EventSource(u); } }')).toBe(true);
    expect(testsStored('class A { m() { if (!this.ready) this.es = new EventSource(u); } }')).toBe(false);
    expect(testsStored('let es; if (!es) es = new EventSource(u);')).toBe(true);
  });

  it('reads the stream as `this` in its own handler', () => {
    // kills guards.ts:35 node.type === 'ThisExpression' -> false
    // kills guards.ts:35 node.type === 'ThisExpression' -> node.type !== 'ThisExpression'
    // kills guards.ts:35 'ThisExpression' -> ""
    expect(testsSelf('es.onerror = function () { if (this.readyState === 2) open(); };')).toBe(true);
    expect(testsSelf('es.onerror = function () { if (that.readyState === 2) open(); };')).toBe(false);
  });

  it('reads a `readyState` of whatever object, and nothing else', () => {
    const readsReadyState = (code: string) => ofFirstTest(code, (sourceCode, test) => testsReadyState(sourceCode, test));
    // kills guards.ts:41 {…} -> {}
    // kills guards.ts:45 (node) => … -> () => undefined
    // kills guards.ts:45 node.type === 'MemberExpression' && staticPropertyName(node) === 'readyState' -> false
    // kills guards.ts:45 node.type === 'MemberExpression' -> node.type !== 'MemberExpression'
    // kills guards.ts:45 'MemberExpression' -> ""
    // kills guards.ts:45 staticPropertyName(node) === 'readyState' -> staticPropertyName(node) !== 'readyState'
    // kills guards.ts:45 'readyState' -> ""
    // kills guards.ts:45 node.type === 'MemberExpression' -> true (staticPropertyName of a non-member throws)
    // kills guards.ts:45 node.type === 'MemberExpression' && staticPropertyName(node) === 'readyState' -> ||
    expect(readsReadyState('if (event.target.readyState === 2) open();')).toBe(true);
    expect(readsReadyState("if (event.target['readyState'] === 2) open();")).toBe(true);
    // kills guards.ts:45 node.type === 'MemberExpression' && staticPropertyName(node) === 'readyState' -> true
    // kills guards.ts:45 staticPropertyName(node) === 'readyState' -> true
    expect(readsReadyState('if (event.target.state === 2) open();')).toBe(false);
    expect(readsReadyState('if (readyState === 2) open();')).toBe(false);
  });

  it('reads instance members as kept state, and other members only through the variables they start from', () => {
    expect(keptState('class A { m() { if (this.connected) return; } }')).toBe(true);
    // kills guards.ts:61 node.object.type === 'ThisExpression' -> true
    expect(keptState('function f(options) { if (options.connected) return; }')).toBe(false);
    expect(keptState('const options = {}; function f() { if (options.connected) return; }')).toBe(true);
  });

  it('reads a variable declared outside the function as kept state, never a parameter or local', () => {
    // kills guards.ts:62 node.type !== 'Identifier' || namesProperty(node) -> true
    // kills guards.ts:62 node.type !== 'Identifier' -> node.type === 'Identifier'
    // kills guards.ts:62 'Identifier' -> ""
    // kills guards.ts:65 !definition -> definition
    // kills guards.ts:65 !definition -> true
    // kills guards.ts:66 unit === null || !contains(unit, definition.name) -> false
    // kills guards.ts:66 unit === null || … -> unit === null && …
    expect(keptState('let connected = false; function f() { if (connected) return; }')).toBe(true);
    expect(keptState('function isOpen() { return true; } function f() { if (!isOpen()) return; }')).toBe(true);
    // kills guards.ts:62 return false -> return true
    expect(keptState('function f(url) { if (!url) return; }')).toBe(false);
    expect(keptState('function f() { const url = read(); if (!url) return; }')).toBe(false);
  });

  it('reads every declared variable as kept state at module level, which runs once', () => {
    // kills guards.ts:66 unit === null -> false
    expect(keptState('let connected = false; if (connected) open();')).toBe(true);
  });

  it('does not read a property name as the variable of the same name', () => {
    // kills guards.ts:62 node.type !== 'Identifier' || namesProperty(node) -> false
    // kills guards.ts:62 node.type !== 'Identifier' || namesProperty(node) -> node.type !== 'Identifier' && namesProperty(node)
    expect(keptState('let connected = false; function f(options) { if (options.connected) return; }')).toBe(false);
    expect(keptState('let connected = false; function f() { if (read({ connected: 1 })) return; }')).toBe(false);
  });

  it('does not read a private name as the variable of the same name', () => {
    // kills guards.ts:62 node.type !== 'Identifier' -> false
    expect(keptState('let connected = false; class A { #connected; m(other) { if (#connected in other) return; } }')).toBe(false);
  });

  it('reads no undeclared name as kept state', () => {
    // kills guards.ts:64 variable?.defs -> variable.defs
    // kills guards.ts:65 return false -> return true
    // kills guards.ts:65 !definition -> false
    expect(keptState('function f() { if (undeclaredFlag) return; }')).toBe(false);
  });
});
