/**
 * Pins what `attempt-limit.ts` recognises, case by case, so that its mutants (issue 17) fail a
 * test: which conditions guard a re-open (`guardConditions`) and which of them compare a counter
 * or the time spent with a finite limit (`checksAttemptLimit`). Each case names the mutants it kills.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { checksAttemptLimit, guardConditions } from '../../src/analysis/reconnect/attempt-limit.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { analyse, find, parsers } from './probe.js';

function isCallOf(name: string) {
  return (node: TSESTree.Node): node is TSESTree.CallExpression =>
    node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name;
}

/**
 * The guard conditions of the first `reopen()` call, as source text (`null` for a missing
 * test), seen from the whole program or from the first function of the code.
 */
function guardsOf(code: string, owner: 'program' | 'function' = 'program'): (string | null)[] {
  const [, parser] = parsers[0];
  return analyse(parser, code, (sourceCode) => {
    const root = owner === 'program' ? sourceCode.ast : find(sourceCode.ast, isFunctionNode);
    const conditions = guardConditions(sourceCode, root, find(sourceCode.ast, isCallOf('reopen')));
    return conditions.map((condition) => (condition ? sourceCode.getText(condition) : null));
  });
}

/** Whether the argument of the first `check(…)` call checks an attempt limit, under both parsers. */
function limitChecked(code: string): boolean[] {
  return parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) => {
      const call = find(sourceCode.ast, isCallOf('check'));
      return checksAttemptLimit(sourceCode, call.arguments[0]!);
    }),
  );
}

const COUNTER = 'let attempts = 0;\nattempts++;\n';

describe('guardConditions: an `if` before the re-open', () => {
  it('ignores an `if` whose branch neither returns nor throws', () => {
    // kills attempt-limit.ts:26 'false' -> 'true', :29 'node.type === ReturnStatement || …' -> 'true',
    // :29 "node.type === 'ThrowStatement'" -> "!==", :72 '(!fn || …) && exitsEarly(…)' -> 'true' and '… || exitsEarly(…)'
    expect(guardsOf('if (a) { log(); }\nreopen();')).toEqual([]);
  });

  it('ignores a `return` inside a function that the `if` only defines', () => {
    // kills attempt-limit.ts:28 'return false' -> 'return true', 'exits || isFunctionNode(node)' -> 'false' and '&&'
    expect(guardsOf('if (a) { items.forEach(() => { return; }); }\nreopen();')).toEqual([]);
  });

  it('takes an `if` that throws', () => {
    // kills attempt-limit.ts:29 "node.type === 'ThrowStatement'" -> 'false', "'ThrowStatement'" -> '""',
    // and :72 '!fn' -> 'fn' (a top-level `if` has no function: `contains(null, …)` throws)
    expect(guardsOf("if (a) throw new Error('stop');\nreopen();")).toEqual(['a']);
  });

  it('takes an `if` whose block returns, inside a function the owner contains', () => {
    // kills attempt-limit.ts:30 '!exits' -> 'exits' (the block itself is visited first)
    // and :69 '!contains(current, node)' -> 'contains(current, node)'
    expect(guardsOf('function f() {\n  if (a) { return; }\n  reopen();\n}')).toEqual(['a']);
  });

  it('takes an `if` that ends exactly where the re-open starts', () => {
    // kills attempt-limit.ts:70 'current.range[1] <= node.range[0]' -> '<'
    expect(guardsOf('if(a)throw e;reopen();')).toEqual(['a']);
  });

  it('counts an `if` around the re-open once, from the walk up only', () => {
    // kills attempt-limit.ts:70 'current.range[1] <= node.range[0]' -> 'true'
    expect(guardsOf('function f() {\n  if (a) { reopen(); return; }\n}')).toEqual(['a']);
    expect(guardsOf('if (reopen()) { throw e; }')).toEqual([]);
  });
});

describe('guardConditions: branches and loops around the re-open', () => {
  it('does not count the test that the re-open is part of', () => {
    // kills attempt-limit.ts:50 'child !== current.test' -> 'true'
    expect(guardsOf('if (reopen()) x();')).toEqual([]);
    expect(guardsOf('const y = reopen() ? 1 : 2;')).toEqual([]);
  });

  it('takes the left side of `&&` and `||` when the re-open is on the right', () => {
    // kills attempt-limit.ts:52 "'LogicalExpression'" -> '""', the case emptied,
    // :53 'child === current.right' -> 'false' and '!=='
    expect(guardsOf('a && reopen();')).toEqual(['a']);
    expect(guardsOf('stopped || reopen();')).toEqual(['stopped']);
  });

  it('does not take the re-open itself when it is the left side', () => {
    // kills attempt-limit.ts:53 'child === current.right' -> 'true' and '!=='
    expect(guardsOf('reopen() || b;')).toEqual([]);
  });

  it('takes the test of a `while` or `do … while` whose body re-opens', () => {
    // kills attempt-limit.ts:55 "'WhileStatement'" -> '""', :56 "'DoWhileStatement'" -> '""',
    // :57 'child === current.body' -> 'false' and '!=='
    expect(guardsOf('while (c) reopen();')).toEqual(['c']);
    expect(guardsOf('do reopen(); while (c);')).toEqual(['c']);
  });

  it('does not take the test of a `while` that the re-open is part of', () => {
    // kills attempt-limit.ts:57 'child === current.body' -> 'true' and '!=='
    expect(guardsOf('while (reopen()) x();')).toEqual([]);
  });

  it('takes the test of a `for` whose body re-opens', () => {
    // kills attempt-limit.ts:59 "'ForStatement'" -> '""', the case emptied,
    // :60 'child === current.body && current.test' -> 'false', 'child === current.body' -> '!=='
    expect(guardsOf('for (let i = 0; c; i++) reopen();')).toEqual(['c']);
  });

  it('takes nothing from a `for` without a test, nor when the re-open is its update', () => {
    // kills attempt-limit.ts:60 'child === current.body && current.test' -> 'true' and '||',
    // 'child === current.body' -> 'true'
    expect(guardsOf('for (;;) reopen();')).toEqual([]);
    expect(guardsOf('for (let i = 0; c; reopen()) x();')).toEqual([]);
  });
});

describe('checksAttemptLimit: counters', () => {
  it('compares the counter of a compound assignment', () => {
    // kills attempt-limit.ts:83 'node.type === … && node.operator !== …' -> 'false',
    // "'AssignmentExpression'" -> '""', "node.operator !== '='" -> '==='
    expect(limitChecked(`${COUNTER}check((attempts += 1) > 5);`)).toEqual([true, true]);
  });

  it('does not compare the target of a plain assignment', () => {
    // kills attempt-limit.ts:83 "node.operator !== '='" -> 'true', "'='" -> '""'
    expect(limitChecked(`${COUNTER}check((attempts = next()) > 5);`)).toEqual([false, false]);
  });

  it('takes a limit on the left and the counter on the right', () => {
    // kills attempt-limit.ts:125 '1 - index' -> '1 + index'
    expect(limitChecked(`${COUNTER}check(5 > attempts);`)).toEqual([true, true]);
  });

  it('does not take a counter compared with itself as limited', () => {
    // kills attempt-limit.ts:92 'path && counter && samePath(path, counter)' -> 'false'
    expect(limitChecked(`${COUNTER}check(attempts >= attempts);`)).toEqual([false, false]);
  });

  it('takes an unknown value that is no path (a call) as a limit', () => {
    // kills attempt-limit.ts:92 'path && counter' -> 'true' and '||' (both call samePath with null)
    expect(limitChecked(`${COUNTER}check(attempts < getMax());`)).toEqual([true, true]);
  });

  it('does not take an arithmetic operator for a comparison', () => {
    // kills attempt-limit.ts:148 "node.type === 'BinaryExpression' && COMPARISONS.has(…)" -> '||'
    expect(limitChecked(`${COUNTER}check(attempts % 5);`)).toEqual([false, false]);
  });

  it('finds a comparison nested in the condition', () => {
    // kills attempt-limit.ts:147 'node !== condition && isFunctionNode(node)' -> '||', :165 '!found' -> 'found'
    expect(limitChecked(`${COUNTER}check(ready && attempts < 5);`)).toEqual([true, true]);
  });

  it('keeps a limit found, whatever the rest of the condition holds', () => {
    // kills attempt-limit.ts:146 'found' -> 'false' (the later call would set it back to false)
    expect(limitChecked(`${COUNTER}function isPaused() { return paused; }\ncheck(attempts >= 5 || isPaused());`)).toEqual([
      true,
      true,
    ]);
  });

  it('does not look into a callback the condition passes on', () => {
    // kills attempt-limit.ts:147 '… && isFunctionNode(node)' -> 'false', 'return false' -> 'return true',
    // 'node !== condition' -> '==='
    expect(limitChecked(`${COUNTER}check(queue.every(() => attempts < 5));`)).toEqual([false, false]);
  });

  it('looks into a function that a followed helper returns', () => {
    // kills attempt-limit.ts:147 'node !== condition' -> 'true' and '===' (the helper's body is itself a function)
    expect(limitChecked(`${COUNTER}const makeCheck = () => () => attempts < 5;\ncheck(makeCheck()());`)).toEqual([true, true]);
  });
});

describe('checksAttemptLimit: helpers and constants', () => {
  it('follows a local helper that compares', () => {
    // kills attempt-limit.ts:150 'indirection < MAX_INDIRECTION && …' -> 'false', "'CallExpression'" -> '""',
    // its block emptied, 'indirection < MAX_INDIRECTION' -> '>=', :152 'fn && !seen.has(fn)' -> 'false',
    // '!seen.has(fn)' -> 'seen.has(fn)', its block emptied
    expect(limitChecked(`${COUNTER}function canRetry() { return attempts < 5; }\ncheck(!canRetry());`)).toEqual([true, true]);
  });

  it('follows helpers two calls deep, not three', () => {
    // kills attempt-limit.ts:150 'indirection < MAX_INDIRECTION' -> 'true' and '<=', :154 'indirection + 1' -> '- 1'
    const helpers = 'function a() { return b(); }\nfunction b() { return c(); }\nfunction c() { return attempts < 5; }\n';
    expect(limitChecked(`${COUNTER}${helpers}check(a());`)).toEqual([false, false]);
    expect(limitChecked(`${COUNTER}${helpers}check(b());`)).toEqual([true, true]);
  });

  it('follows a `const` that compares', () => {
    // kills attempt-limit.ts:156 '… && node.type === Identifier' -> 'false', 'indirection < MAX_INDIRECTION' -> '>=',
    // "node.type === 'Identifier'" -> '!==', "'Identifier'" -> '""', its block emptied,
    // :158 'variable?.defs.length === 1' -> 'false', :159 "definition?.type === 'Variable'" -> 'false', "'Variable'" -> '""',
    // :160 'init && !seen.has(init) && !contains(init, node)' -> 'false', '!seen.has(init)' and '!contains(init, node)' negated,
    // its block emptied
    expect(limitChecked(`${COUNTER}const tooMany = attempts >= 5;\ncheck(!tooMany);`)).toEqual([true, true]);
  });

  it('follows constants two steps deep, not three', () => {
    // kills attempt-limit.ts:156 'indirection < MAX_INDIRECTION' -> 'true' and '<=', :162 'indirection + 1' -> '- 1'
    const constants = 'const over = attempts > 5;\nconst stop = over;\nconst halt = stop;\n';
    expect(limitChecked(`${COUNTER}${constants}check(halt);`)).toEqual([false, false]);
    expect(limitChecked(`${COUNTER}${constants}check(stop);`)).toEqual([true, true]);
  });

  it('does not take a private field for the `const` of the same name', () => {
    // kills attempt-limit.ts:156 '… && node.type === Identifier' -> 'true' and '||', "node.type === 'Identifier'" -> 'true'
    const code = `${COUNTER}const tooMany = attempts >= 5;\nclass Feed {\n  #tooMany = false;\n  retry() { check(this.#tooMany); }\n}`;
    expect(limitChecked(code)).toEqual([false, false]);
  });
});

describe('checksAttemptLimit: time spent', () => {
  it('takes `new Date()` as reading the clock', () => {
    // kills attempt-limit.ts:99 "current.type === 'NewExpression'" -> 'false', "'NewExpression'" -> '""',
    // :102 "call.type === 'NewExpression'" -> 'false', "'NewExpression'" -> '""',
    // "callee.type === 'Identifier' && callee.name === 'Date'" -> 'false', "callee.type === 'Identifier'" -> '!==',
    // "'Identifier'" -> '""', "callee.name === 'Date'" -> '!==', "'Date'" -> '""'
    expect(limitChecked('check(new Date() - startedAt > 60_000);')).toEqual([true, true]);
  });

  it('does not take another constructor as reading the clock', () => {
    // kills attempt-limit.ts:102 "callee.type === 'Identifier' && callee.name === 'Date'" -> 'true' and '||',
    // "callee.name === 'Date'" -> 'true'
    expect(limitChecked('check(new Deadline() - startedAt > 60_000);')).toEqual([false, false]);
  });

  it('keeps a clock read found, whatever follows it', () => {
    // kills attempt-limit.ts:98 'found' -> 'false' (the later `clock.skew()` would set it back to false)
    expect(limitChecked('check(Date.now() + clock.skew() - startedAt > 60_000);')).toEqual([true, true]);
  });

  it('finds the clock read inside an expression', () => {
    // kills attempt-limit.ts:100 'return true' -> 'return false'
    expect(limitChecked('check(Date.now() / 1000 - startedSeconds > 60);')).toEqual([true, true]);
  });

  it('finds the clock read among the arguments of another call', () => {
    // kills attempt-limit.ts:107 '!found' -> 'found' (the walk would skip the children of `Math.floor(…)`)
    expect(limitChecked('check(Math.floor(Date.now() / 1000) - startedSeconds > 60);')).toEqual([true, true]);
  });

  it('does not take a plain function call for a clock', () => {
    // kills attempt-limit.ts:103 "callee.type === 'MemberExpression' && …" -> 'true' and '||',
    // "callee.type === 'MemberExpression'" -> 'true' (each reads a member of an identifier and throws)
    expect(limitChecked('check(now() - startedAt > 60_000);')).toEqual([false, false]);
  });

  it('takes `performance.now()` as reading the clock', () => {
    // kills attempt-limit.ts:105 "callee.object.name === 'performance'" -> 'false', '!==', "'performance'" -> '""'
    expect(limitChecked('check(performance.now() - startedAt > 5000);')).toEqual([true, true]);
  });

  it('does not take `now()` of another object, nor another method of `Date`', () => {
    // kills attempt-limit.ts:105 "name === 'now' && (…)" -> 'true' and '||', "(… === 'Date' || … === 'performance')" -> 'true',
    // "name === 'now'" -> 'true'
    expect(limitChecked('check(clock.now() - startedAt > 60_000);')).toEqual([false, false]);
    expect(limitChecked('check(Date.parse(header) - startedAt > 60_000);')).toEqual([false, false]);
  });

  it('takes only a difference as time spent', () => {
    // kills attempt-limit.ts:115 "node.type === 'BinaryExpression' && node.operator === '-'" -> '||',
    // "node.operator === '-'" -> 'true'
    expect(limitChecked('check(Date.now() + offset > 60_000);')).toEqual([false, false]);
  });

  it('does not take a negation for a difference', () => {
    // kills attempt-limit.ts:115 "node.type === 'BinaryExpression'" -> 'true' (a unary `-` has no left side)
    expect(limitChecked('check(-delta > limit);')).toEqual([false, false]);
  });
});
