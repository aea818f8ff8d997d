/**
 * Pins which values `counters.ts` takes for attempt counters that a library hands over, case by
 * case, so that the mutants StrykerJS left alive in `src/analysis/reconnect/counters.ts` fail a
 * test (issue 17): the parameter a counter arrives in (`parameterVariable`), the `const`s computed
 * from a counter (`isCounterRead`), and a counter read anywhere in an expression but not as a
 * property name nor inside a function it defines (`mentionsCounter`, whose property-name test
 * `namesProperty` now lives in `src/analysis/identifiers.ts`).
 *
 * In each case the variables named in `counters` are the counters, and the argument of the first
 * `check(…)` call is the expression asked about.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type Counters, isCounterRead, mentionsCounter, parameterVariable } from '../../src/analysis/reconnect/counters.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { analyse, find, parsers, type SourceCode } from './probe.js';

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

function countersNamed(sourceCode: SourceCode, names: readonly string[]): Counters {
  return new Set(sourceCode.scopeManager!.scopes.flatMap((scope) => scope.variables).filter((variable) => names.includes(variable.name)));
}

/** `isCounterRead` and `mentionsCounter` of the argument of `check(…)`, under `parser`. */
function readOf(code: string, counters: readonly string[], parser: unknown = tsParser): { read: boolean; mentions: boolean } {
  return analyse(parser, code, (sourceCode) => {
    const argument = find(sourceCode.ast, isCheck).arguments[0]!;
    const known = countersNamed(sourceCode, counters);
    return { read: isCounterRead(sourceCode, argument, known), mentions: mentionsCounter(sourceCode, argument, known) };
  });
}

/** The name of the variable `parameterVariable` gives for the first function's parameter at `index`, and how many definitions it has. */
function parameterOf(code: string, index: number, parser: unknown = tsParser): { name: string; defs: number } | null {
  return analyse(parser, code, (sourceCode) => {
    const variable = parameterVariable(sourceCode, find(sourceCode.ast, isFunctionNode), index);
    return variable ? { name: variable.name, defs: variable.defs.length } : null;
  });
}

const READ = { read: true, mentions: true };
const NOT_READ = { read: false, mentions: false };

describe('parameterVariable', () => {
  it.each(parsers)('finds a parameter with a default value (%s)', (_name, parser) => {
    // kills counters.ts:33 "param?.type === 'Identifier'" -> 'true', "param?.type === 'AssignmentPattern' && param.left.type === 'Identifier'" -> 'false',
    // "'AssignmentPattern'" -> "", "param.left.type === 'Identifier'" -> '!=='
    expect(parameterOf('function backoff(base, attempt = 0) { return base * attempt; }', 1, parser)).toEqual({ name: 'attempt', defs: 1 });
  });

  it.each(parsers)('finds a parameter that a `var` declares again (%s)', (_name, parser) => {
    // kills counters.ts:35 'variable.defs.some(…)' -> 'variable.defs.every(…)'
    expect(parameterOf('function backoff(attempt) { var attempt; return attempt; }', 0, parser)).toEqual({ name: 'attempt', defs: 2 });
  });

  it.each(parsers)('gives no variable for a destructured parameter or one past the end (%s)', (_name, parser) => {
    expect(parameterOf('function backoff({ attempt }) { return attempt; }', 0, parser)).toBeNull();
    expect(parameterOf('function backoff(attempt) { return attempt; }', 1, parser)).toBeNull();
  });
});

describe('isCounterRead: `const`s computed from a counter', () => {
  it.each(parsers)('takes a `const` that copies the counter (%s)', (_name, parser) => {
    // kills counters.ts:46 "node.type === 'BinaryExpression' && [...].includes(node.operator)" -> 'true' (it reads the sides of a name and throws)
    expect(readOf('function retry(attempt) { const current = attempt; check(current); }', ['attempt'], parser)).toEqual(READ);
  });

  it.each(parsers)('takes a `const` one `-`, `*` or `+` away from the counter (%s)', (_name, parser) => {
    // kills counters.ts:46 "'-'" -> "" and "'*'" -> ""
    expect(readOf('function retry(attempt) { const previous = attempt - 1; check(previous); }', ['attempt'], parser)).toEqual(READ);
    expect(readOf('function retry(attempt) { const doubled = attempt * 2; check(doubled); }', ['attempt'], parser)).toEqual(READ);
    expect(readOf('function retry(attempt) { const next = 1 + attempt; check(next); }', ['attempt'], parser)).toEqual(READ);
  });

  it.each(parsers)('does not take a `const` divided from the counter (%s)', (_name, parser) => {
    // kills counters.ts:46 "node.type === 'BinaryExpression' && [...].includes(node.operator)" -> '||'
    expect(readOf('function retry(attempt) { const half = attempt / 2; check(half); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a `const` negating the counter (%s)', (_name, parser) => {
    // kills counters.ts:46 "node.type === 'BinaryExpression'" -> 'true' (a unary `-` has no sides: it throws)
    expect(readOf('function retry(attempt) { const negated = -attempt; check(negated); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a `const` computed by a call (%s)', (_name, parser) => {
    // kills counters.ts:61 'return false' -> 'return true' (the call is no identifier)
    expect(readOf('function retry(attempt) { const later = delayFor(attempt); check(later); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a name no scope declares (%s)', (_name, parser) => {
    // kills counters.ts:63 '!variable' -> 'return true'
    expect(readOf('function retry(attempt) { check(elsewhere); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('follows two `const` steps from the counter, not three (%s)', (_name, parser) => {
    // kills counters.ts:65 'derivation >= MAX_DERIVATION' -> 'false' and -> '>', :69 'derivation + 1' -> 'derivation - 1'
    const steps = 'const first = attempt + 1; const second = first * 2; const third = second - 1;';
    expect(readOf(`function retry(attempt) { ${steps} check(second); }`, ['attempt'], parser)).toEqual(READ);
    expect(readOf(`function retry(attempt) { ${steps} check(third); }`, ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a `let` computed from the counter (%s)', (_name, parser) => {
    // kills counters.ts:67 the whole test -> 'false', '(… || …) && definition.node.id !== definition.name',
    // "definition.type !== 'Variable' || definition.parent.kind !== 'const'" -> 'false' and -> '&&',
    // "definition.parent.kind !== 'const'" -> 'false', and its 'return false' -> 'return true'
    expect(readOf('function retry(attempt) { let next = attempt + 1; check(next); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a parameter that is no counter (%s)', (_name, parser) => {
    // kills counters.ts:67 "definition.type !== 'Variable'" -> 'false' (a parameter's definition has no declaration: it throws)
    expect(readOf('function retry(attempt, url) { check(url); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a `const` destructured from the counter (%s)', (_name, parser) => {
    // kills counters.ts:67 'definition.node.id !== definition.name' -> 'false'
    expect(readOf('function retry(attempt) { const { size } = attempt; check(size); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a `const` from elsewhere (%s)', (_name, parser) => {
    // kills counters.ts:69 'init !== null && isStepFromCounter(…)' -> '||'
    expect(readOf('const base = 1000; function retry(attempt) { check(base); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it('does not take a declared `const` without a value', () => {
    // kills counters.ts:69 'init !== null && …' -> 'true' and 'init !== null' -> 'true' (which reads a null init and throws)
    expect(readOf('declare const limit: number; function retry(attempt) { check(limit); }', ['attempt'])).toEqual(NOT_READ);
  });

  it('does not take a private name for the counter it is spelled like', () => {
    // kills counters.ts:61 "expression.type !== 'Identifier'" -> 'false' (a lookup by the name `attempt` finds the counter)
    const read = analyse(tsParser, 'class Feed { #attempt = 0; retry(attempt) { check(this.#attempt); } }', (sourceCode) => {
      const member = find(sourceCode.ast, isCheck).arguments[0] as TSESTree.MemberExpression;
      return isCounterRead(sourceCode, member.property, countersNamed(sourceCode, ['attempt']));
    });
    expect(read).toBe(false);
  });
});

describe('mentionsCounter', () => {
  it.each(parsers)('finds a counter below the root of the expression (%s)', (_name, parser) => {
    // kills counters.ts:83 'return !found' -> 'return found' (the walk stops at the root)
    expect(readOf('function retry(attempt) { check(attempt + 1); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check(1000 * 2 ** attempt); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
  });

  it.each(parsers)('does not look inside a function the expression defines (%s)', (_name, parser) => {
    // kills counters.ts:81 'found || isFunctionNode(node)' -> 'false' and -> '&&', its 'return false' -> 'return true'
    expect(readOf('function retry(attempt) { check(later(() => attempt)); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('does not take a property named like the counter for a read of it (%s)', (_name, parser) => {
    // kills counters.ts:82 "node.type === 'Identifier' && !namesProperty(node)" -> 'true' and -> '||';
    // and, in identifiers.ts (where `namesProperty` moved), the member tests: "parent?.type === 'MemberExpression'" -> 'false' and -> '!==',
    // "'MemberExpression'" -> "", 'parent.property === node && !parent.computed' -> 'false', the Property tests -> 'false'
    expect(readOf('function retry(attempt) { check(options.attempt); }', ['attempt'], parser)).toEqual(NOT_READ);
    expect(readOf('function retry(attempt) { check({ attempt: 1 }); }', ['attempt'], parser)).toEqual(NOT_READ);
  });

  it.each(parsers)('takes a counter read as a computed key or a shorthand property (%s)', (_name, parser) => {
    // kills, in identifiers.ts, "parent?.type === 'MemberExpression'" -> 'true', 'parent.property === node && !parent.computed' -> 'true'
    // and -> '||', 'parent.property === node' -> 'true' (the object of `attempt.valueOf()`) and -> '!==', '!parent.computed' -> 'parent.computed',
    // "parent?.type === 'Property'" -> 'true' and -> '!==', "'Property'" -> "" (with the `{ attempt: 1 }` case above),
    // '!parent.computed' -> 'parent.computed' and '!parent.shorthand' -> 'parent.shorthand' of the Property test
    expect(readOf('function retry(attempt) { check(DELAYS[attempt]); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check(attempt.valueOf()); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check(DELAYS.at(attempt)); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check({ attempt }); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check({ [attempt]: 1 }); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
    expect(readOf('function retry(attempt) { check({ wait: attempt }); }', ['attempt'], parser)).toEqual({ read: false, mentions: true });
  });
});
