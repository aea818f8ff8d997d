/**
 * Pins the names and boundaries `src/analysis/functions.ts` reads off a tree (issue 17), so that
 * the mutants StrykerJS left alive there fail a test: the name a function goes by (variable,
 * plain assignment, property, method, `#private` member; none for a pattern, a member target, a
 * string key or an operand), the name of a callee (none for a computed, private or called
 * callee), the wrapper calls that pass a function on (first argument only), and the nodes where a
 * walk up to the running function stops (class fields, accessors, overload signatures).
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  calleeName,
  enclosingRunningFunction,
  functionName,
  isDeferredByWrapper,
  isExecutionBoundary,
  isFunctionNode,
  outermostComponentWrapper,
} from '../../src/analysis/functions.js';
import { type ProbeFile, TS_FILE, analyse, find, isMarked, parsers } from './probe.js';

/** The name of the first function of `code`, in source order. */
function nameOf(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => functionName(find(sourceCode.ast, isFunctionNode)));
}

/** The name of the callee of the first call of `code` whose callee is not `pick`. */
function calleeNameOf(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => {
    const call = find(
      sourceCode.ast,
      (node): node is TSESTree.CallExpression =>
        node.type === 'CallExpression' && !(node.callee.type === 'Identifier' && node.callee.name === 'pick'),
    );
    return calleeName(call.callee);
  });
}

/** The running function around `here` (none runs inline), by its name, or `null`. */
function runningFunctionAroundMarker(code: string, parser: unknown = tsParser, file: ProbeFile = {}): string | null {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const fn = enclosingRunningFunction(find(sourceCode.ast, isMarked), () => false);
      return fn && functionName(fn);
    },
    file,
  );
}

describe.each(parsers)('functionName (%s)', (_name, parser) => {
  it('names a function after the plain variable it is assigned to', () => {
    // kills functions.ts:169 the whole test -> 'false', "parent.type === 'AssignmentExpression'" -> '!==',
    // "'AssignmentExpression'" -> '""', 'parent.right === node' -> '!==', "parent.left.type === 'Identifier'" -> '!==',
    // "'Identifier'" -> '""', the block returning 'parent.left.name' -> '{}'
    expect(nameOf('let connect;\nconnect = () => open();', parser)).toBe('connect');
  });

  it('does not name a function after a member it is assigned to', () => {
    // kills functions.ts:169 "parent.left.type === 'Identifier'" -> 'true' (a member has no name)
    expect(nameOf('feed.connect = () => open();', parser)).toBeNull();
  });

  it('does not name a function after the left operand of an operator', () => {
    // kills functions.ts:169 "parent.type === 'AssignmentExpression'" -> 'true',
    // "parent.type === 'AssignmentExpression' && parent.right === node" -> '||' (a `||` has a right side too)
    expect(nameOf('const run = fallback || (() => open());', parser)).toBeNull();
  });

  it('does not name a function that initialises a destructuring pattern', () => {
    // kills functions.ts:166 "parent.id.type === 'Identifier'" -> 'true' (a pattern has no name)
    expect(nameOf('const { connect } = () => open();', parser)).toBeNull();
    expect(nameOf('const connect = () => open();', parser)).toBe('connect');
  });

  it('does not name a function that is the first clause of a `for`', () => {
    // kills functions.ts:166 "parent.type === 'VariableDeclarator'" -> 'true',
    // "parent.type === 'VariableDeclarator' && parent.init === node" -> '||' (a `for` has an `init` too)
    expect(nameOf('for (() => open(); ;) break;', parser)).toBeNull();
  });

  it('names a function after the property it defines', () => {
    // kills functions.ts:173 "parent.type === 'Property'" -> 'false' and '!==', "'Property'" -> '""'
    expect(nameOf('const feed = { connect: () => open() };', parser)).toBe('connect');
    expect(nameOf('const feed = { connect() { open(); } };', parser)).toBe('connect');
  });

  it('does not name a function after a string key', () => {
    // kills functions.ts:177 "parent.key.type === 'Identifier'" -> 'true' (a string has no name),
    // :178 "parent.key.type === 'PrivateIdentifier'" -> 'true' ('#undefined')
    expect(nameOf("const feed = { 'con-nect': () => open() };", parser)).toBeNull();
  });

  it('names a private method with its `#`', () => {
    // kills functions.ts:178 "parent.key.type === 'PrivateIdentifier'" -> 'false' and '!==', "'PrivateIdentifier'" -> '""',
    // '`#${parent.key.name}`' -> '``'
    expect(nameOf('class Feed { #connect() { open(); } }', parser)).toBe('#connect');
    expect(nameOf('class Feed { #connect = () => open(); }', parser)).toBe('#connect');
  });
});

describe('functionName of an auto-accessor field', () => {
  it('names a function kept in an `accessor` field after the field, as a plain field', () => {
    // The mutation helper found these named null (two of its mutants were more correct than the source).
    expect(nameOf('class Feed { accessor connect = () => open(); }', tsParser)).toBe('connect');
    expect(nameOf('class Feed { accessor #connect = () => open(); }', tsParser)).toBe('#connect');
  });
});

describe.each(parsers)('calleeName (%s)', (_name, parser) => {
  it('names a plain or a member callee', () => {
    expect(calleeNameOf('connect(url);', parser)).toBe('connect');
    expect(calleeNameOf('feed.connect(url);', parser)).toBe('connect');
  });

  it('gives no name for a callee that is itself a call', () => {
    // kills functions.ts:150 the whole member test -> 'true', "… && !callee.computed" -> 'true',
    // "callee.type === 'MemberExpression'" -> 'true', "callee.type === 'MemberExpression' || !callee.computed"
    // (a call has no property to read)
    expect(calleeNameOf('pick()(url);', parser)).toBeNull();
  });

  it('gives no name for a computed member, even one read through a variable', () => {
    // kills functions.ts:150 '… && !callee.computed || callee.property.type === …',
    // "callee.type === 'MemberExpression' || !callee.computed"
    expect(calleeNameOf('feed[method](url);', parser)).toBeNull();
  });

  it('gives no name for a private member', () => {
    // kills functions.ts:150 "callee.property.type === 'Identifier'" -> 'true'
    expect(calleeNameOf('class Feed { #connect() {} m() { this.#connect(); } }', parser)).toBeNull();
  });
});

describe.each(parsers)('wrappers (%s)', (_name, parser) => {
  /** The source text of what `outermostComponentWrapper` returns for the first function of `code`. */
  function outermost(code: string): string {
    return analyse(parser, code, (sourceCode) => sourceCode.getText(outermostComponentWrapper(find(sourceCode.ast, isFunctionNode))));
  }

  /** Whether the first function of `code` is one a deferring wrapper is given. */
  function deferred(code: string): boolean {
    return analyse(parser, code, (sourceCode) => isDeferredByWrapper(find(sourceCode.ast, isFunctionNode)));
  }

  it('takes a component wrapper only for the component it gets first', () => {
    expect(outermost('const Row = memo(function Row() {});')).toBe('memo(function Row() {})');
    // kills functions.ts:125 'current.parent.arguments[0] === current' -> 'true'
    expect(outermost('const Row = memo(Base, function areEqual() {});')).toBe('function areEqual() {}');
  });

  it('takes a deferring wrapper only for the function it gets first', () => {
    expect(deferred('const retry = debounce(() => connect(), 1000);')).toBe(true);
    // kills functions.ts:144 'call.arguments[0] === inner' -> 'true'
    expect(deferred('const retry = debounce(wait, () => connect());')).toBe(false);
  });

  it('stops at the root, which has no parent', () => {
    // kills functions.ts:124 'current.parent?.type' -> 'current.parent.type', :144 'call?.type' -> 'call.type'
    expect(analyse(parser, 'run();', (sourceCode) => outermostComponentWrapper(sourceCode.ast as TSESTree.Node).type)).toBe('Program');
    expect(analyse(parser, 'run();', (sourceCode) => isDeferredByWrapper(sourceCode.ast as TSESTree.Node))).toBe(false);
  });
});

describe('enclosingRunningFunction: where the walk stops', () => {
  it.each(parsers)('stops at a class field, whose code runs per instance (%s)', (_name, parser) => {
    // kills functions.ts:195 the block returning null -> '{}'
    expect(runningFunctionAroundMarker('function setup() { class Feed { stream = here; } }', parser)).toBeNull();
    expect(runningFunctionAroundMarker('function setup() { const stream = here; }', parser)).toBe('setup');
  });

  it('stops at an auto-accessor field', () => {
    // kills functions.ts:28 "node.type === 'AccessorProperty'" -> 'false', "'AccessorProperty'" -> '""'
    expect(runningFunctionAroundMarker('function setup() { class Feed { accessor stream = here; } }', tsParser, TS_FILE)).toBeNull();
  });

  it('stops at an overload signature', () => {
    // kills functions.ts:29 "node.type === 'TSDeclareFunction'" -> 'false', "'TSDeclareFunction'" -> '""'
    expect(
      runningFunctionAroundMarker('function setup() { function open(a = here): void; function open(a) {} }', tsParser, TS_FILE),
    ).toBeNull();
    expect(
      analyse(tsParser, 'declare function open(): void;', (sourceCode) => isExecutionBoundary(sourceCode.ast.body[0] as TSESTree.Node)),
    ).toBe(true);
  });
});
