/**
 * Pins which inline functions `src/analysis/functions.ts` takes for run once each time the code
 * around them runs (issue 17), so that the mutants StrykerJS left alive there fail a test: an
 * IIFE (also through `!`, `.call()` and `.apply()`, never `.bind()` or a `.call` not called), a
 * `new Promise()` executor (its first argument only), the first argument of a global one-shot
 * scheduler (also through `window.`/`globalThis.`, never another object's method of that name, a
 * computed or private member, or a callee that is no name), and a promise handler.
 *
 * Each case asks about the first arrow function of a small file.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isCalledOnceAsArgument, runsOncePerEvaluation } from '../../src/analysis/functions.js';
import { type ProbeFile, TS_FILE, analyse, find, parsers } from './probe.js';

function isArrow(node: TSESTree.Node): node is TSESTree.ArrowFunctionExpression {
  return node.type === 'ArrowFunctionExpression';
}

/** Whether the first arrow function of `code` runs once per evaluation of the code around it. */
function runsOnce(code: string, parser: unknown = tsParser, file: ProbeFile = {}): boolean {
  return analyse(parser, code, (sourceCode) => runsOncePerEvaluation(find(sourceCode.ast, isArrow)), file);
}

describe.each(parsers)('runsOncePerEvaluation: schedulers reached through a global object (%s)', (_name, parser) => {
  it('takes the first argument of `window.setTimeout` or `globalThis.queueMicrotask` for one run', () => {
    // kills functions.ts:56 "callee.type === 'Identifier'" -> 'true' (a member has no name),
    // :58 the whole member test -> 'false', "callee.type === 'MemberExpression'" -> '!==', "'MemberExpression'" -> '""',
    // :59 '!callee.computed' -> 'callee.computed', :60 "callee.object.type === 'Identifier'" -> '!==', "'Identifier'" -> '""',
    // :62 "callee.property.type === 'Identifier'" -> '!==', "'Identifier'" -> '""'
    expect(runsOnce('window.setTimeout(() => open(), 10);', parser)).toBe(true);
    expect(runsOnce('globalThis.queueMicrotask(() => open());', parser)).toBe(true);
    expect(runsOnce('self.requestAnimationFrame(() => open());', parser)).toBe(true);
  });

  it("does not take another object's method named like a scheduler for one", () => {
    // kills functions.ts:58 '… && callee.property.type === …' -> 'true' (leaving `&& ONE_SHOT_SCHEDULERS.has(…)`),
    // '… && GLOBAL_OBJECTS.has(callee.object.name)' -> 'true', '… && ONE_SHOT_SCHEDULERS.has(…)' -> '… || ONE_SHOT_SCHEDULERS.has(…)',
    // '… && GLOBAL_OBJECTS.has(…) && callee.property.type === …' -> '(… && GLOBAL_OBJECTS.has(…) || callee.property.type === …) && …',
    // '… && callee.object.type === …' -> '(… && callee.object.type === …) || GLOBAL_OBJECTS.has(…)'
    expect(runsOnce('timers.setTimeout(() => open(), 10);', parser)).toBe(false);
    expect(runsOnce('window.timers.setTimeout(() => open(), 10);', parser)).toBe(false);
  });

  it('does not take a computed member for a scheduler, even one reading a variable of that name', () => {
    // kills functions.ts:58 '… && !callee.computed || callee.object.type === …' (reads `window` then `setTimeout`)
    expect(runsOnce('window[setTimeout](() => open(), 10);', parser)).toBe(false);
  });

  it('does not take a callee that is neither a name nor a member for a scheduler', () => {
    // kills functions.ts:58 "callee.type === 'MemberExpression'" -> 'true', "… && !callee.computed" -> 'true' and
    // "callee.type === 'MemberExpression' || !callee.computed", "… && callee.object.type === 'Identifier'" -> 'true',
    // '… && GLOBAL_OBJECTS.has(…) && callee.property.type === …' -> '… || ONE_SHOT_SCHEDULERS.has(…)' (all read a missing member)
    expect(runsOnce('(0, setTimeout)(() => open(), 10);', parser)).toBe(false);
    expect(runsOnce('pick()(() => open(), 10);', parser)).toBe(false);
  });

  it('does not take a private member named like a scheduler for one', () => {
    // kills functions.ts:62 "callee.property.type === 'Identifier'" -> 'true',
    // :109 "callee.property.type === 'Identifier'" -> 'true' (a private `#then`)
    expect(runsOnce('class A { #setTimeout(f) {} m() { window.#setTimeout(() => open()); } }', parser)).toBe(false);
    expect(runsOnce('class A { #then(f) {} m() { this.#then(() => open()); } }', parser)).toBe(false);
    // The public `.then` is a promise handler.
    expect(runsOnce('class A { m() { this.then(() => open()); } }', parser)).toBe(true);
  });

  it('takes only the first argument of a scheduler for its callback', () => {
    // kills functions.ts:104 'parent.arguments[0] === node' -> 'true'
    expect(runsOnce('setTimeout(handler, () => open());', parser)).toBe(false);
    expect(runsOnce('setTimeout(() => open(), 10);', parser)).toBe(true);
  });
});

describe.each(parsers)('runsOncePerEvaluation: immediately called functions (%s)', (_name, parser) => {
  it('takes a function called through `.call()` or `.apply()` for one run', () => {
    // kills functions.ts:80 the whole member test -> 'false', "parent?.type === 'MemberExpression'" -> '!==',
    // "'MemberExpression'" -> '""', :81 'parent.object === node' -> '!==', :82 '!parent.computed' -> 'parent.computed',
    // :83 "parent.property.type === 'Identifier'" -> '!==', "'Identifier'" -> '""',
    // :84 "parent.property.name === 'call'" -> 'false' and '!==', "'call'" -> '""',
    // :85 the block -> '{}', :86 the whole return -> 'false', "parent.parent.type === 'CallExpression'" -> '!==',
    // "'CallExpression'" -> '""', 'parent.parent.callee === parent' -> '!=='
    expect(runsOnce('(() => open()).call(this);', parser)).toBe(true);
    // kills functions.ts:84 "parent.property.name === 'apply'" -> 'false' and '!==', "'apply'" -> '""',
    // "… === 'call' || … === 'apply'" -> '&&'
    expect(runsOnce('(() => open()).apply(this, []);', parser)).toBe(true);
  });

  it('does not take a private `#call` for `.call()`', () => {
    // kills functions.ts:83 "parent.property.type === 'Identifier'" -> 'true'
    expect(runsOnce('class A { #call() {} m() { (() => open()).#call(); } }', parser)).toBe(false);
  });

  it('does not take a function bound with `.bind()` for one run', () => {
    // kills functions.ts:84 "… === 'call' || … === 'apply'" -> 'true'
    expect(runsOnce('(() => open()).bind(this)();', parser)).toBe(false);
  });

  it('does not take a `.call` that is read but not called, or passed on, for one run', () => {
    // kills functions.ts:86 the whole return -> 'true'
    expect(runsOnce('const run = (() => open()).call;', parser)).toBe(false);
    // kills functions.ts:86 '… && parent.parent.callee === parent' -> '||', 'parent.parent.callee === parent' -> 'true'
    expect(runsOnce('later((() => open()).call);', parser)).toBe(false);
  });

  it('does not take a `.call` constructed with `new` for one run', () => {
    // kills functions.ts:86 "parent.parent.type === 'CallExpression'" -> 'true' (a `new` has a callee too)
    expect(runsOnce('new (() => open()).call();', parser)).toBe(false);
  });

  it('does not take a function constructed with `new` for an IIFE', () => {
    // kills functions.ts:78 "parent?.type === 'CallExpression'" -> 'true'
    expect(runsOnce('new (() => open())();', parser)).toBe(false);
  });

  it('does not take a function that a `with` statement reads for one run', () => {
    // kills functions.ts:80 "parent?.type === 'MemberExpression'" -> 'true' and
    // "parent?.type === 'MemberExpression' && parent.object === node" -> '||' (a `with` has an object, and no property)
    expect(runsOnce('with (() => open()) {}', parser, { sourceType: 'script' })).toBe(false);
  });

  it('takes only the first argument of `new Promise()` for its executor', () => {
    // kills functions.ts:89 "parent.arguments[0] === node && parent.callee.type === 'Identifier'" -> 'true' and '||',
    // 'parent.arguments[0] === node' -> 'true'
    expect(runsOnce('new Promise(executor, () => open());', parser)).toBe(false);
    expect(runsOnce('new Promise(() => open());', parser)).toBe(true);
  });
});

describe('runsOncePerEvaluation: TypeScript wrappers', () => {
  it('takes a function called through a non-null assertion for an IIFE', () => {
    // kills functions.ts:39 "current.parent.type === 'TSNonNullExpression'" -> 'false', "'TSNonNullExpression'" -> '""'
    expect(runsOnce('(() => open())!();', tsParser, TS_FILE)).toBe(true);
    expect(runsOnce('setTimeout((() => open())!, 10);', tsParser, TS_FILE)).toBe(true);
  });
});

describe.each(parsers)('isCalledOnceAsArgument (%s)', (_name, parser) => {
  it('answers no for a node without a parent', () => {
    // kills functions.ts:101 'parent?.type' -> 'parent.type'
    expect(analyse(parser, 'setTimeout(connect, 10);', (sourceCode) => isCalledOnceAsArgument(sourceCode.ast as TSESTree.Node))).toBe(
      false,
    );
  });

  it('takes a name passed first to a scheduler for a function called once', () => {
    const first = (code: string) =>
      analyse(parser, code, (sourceCode) =>
        isCalledOnceAsArgument(find(sourceCode.ast, (node) => node.type === 'Identifier' && node.name === 'connect')),
      );
    expect(first('window.setTimeout(connect, 10);')).toBe(true);
    expect(first('timers.setTimeout(connect, 10);')).toBe(false);
  });
});
