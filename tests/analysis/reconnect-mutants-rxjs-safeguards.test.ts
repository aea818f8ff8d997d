/**
 * Pins what `rxjs-retry-safeguards.ts` reads from an RxJS retry, case by case, so that the mutants
 * StrykerJS left alive in it are killed (issue 17): the attempt limit, growing delay and jitter of
 * `retry(…)` (a count, a config, a `delay` number, expression or function), of `retryWhen(…)`
 * (the notifier's operators and counters) and of a re-subscribing `catchError(…)`, and the values
 * a function returns (`returnedValues`). Each case calls the exported function on the first such
 * call of a small file, whose streams play no part (the context's openers are those of no opening).
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getRxjsReferences } from '../../src/analysis/reconnect/rxjs-references.js';
import {
  type RetrySafeguards,
  catchErrorSafeguards,
  returnedValues,
  rxjsRetrySafeguards,
} from '../../src/analysis/reconnect/rxjs-retry-safeguards.js';
import { analyse, find, parsers } from './probe.js';

const IMPORTS =
  "import { EMPTY, catchError, delay, delayWhen, first, mergeMap, of, retry, retryWhen, scan, take, takeWhile, tap, throwError, timer } from 'rxjs';\n";

/** The safeguards of the file's first `retry`, `retryWhen` or `catchError` call (the imports are added). */
function safeguardsOf(code: string, parser: unknown = tsParser): RetrySafeguards | null {
  return analyse(parser, IMPORTS + code, (sourceCode) => {
    const rxjs = getRxjsReferences(sourceCode);
    const context = { sourceCode, rxjs, openers: getStreamOpeners(sourceCode, []) };
    for (const [call, name] of rxjs.calls) {
      if (call.type !== 'CallExpression') continue;
      if (name === 'retry' || name === 'retryWhen') return rxjsRetrySafeguards(context, call, name);
      if (name === 'catchError') return catchErrorSafeguards(context, call);
    }
    throw new Error('no retry in the code');
  });
}

/** Under both parsers. */
function bothParsers(code: string): (RetrySafeguards | null)[] {
  return parsers.map(([, parser]) => safeguardsOf(code, parser));
}

const fact = (attemptLimit: boolean | null, growingDelay: boolean | null, jitter: boolean | null): RetrySafeguards => ({
  attemptLimit,
  growingDelay,
  jitter,
});
/** A retry that never waits, limited or not. */
const IMMEDIATE_LIMITED = fact(true, false, false);
const IMMEDIATE_FOREVER = fact(false, false, false);
const UNKNOWN = fact(null, null, null);

describe('retry(…): the argument', () => {
  it('takes `retry(undefined)` for the default, forever', () => {
    // kills rxjs-retry-safeguards.ts:170 'known && known.value === undefined' -> 'false'
    expect(bothParsers('x$.pipe(retry(undefined));')).toEqual([IMMEDIATE_FOREVER, IMMEDIATE_FOREVER]);
  });

  it('does not judge a name that the file does not declare', () => {
    // kills rxjs-retry-safeguards.ts:86 'variable?.defs.length === 1' -> 'true', 'variable?.defs' -> 'variable.defs'
    expect(safeguardsOf('x$.pipe(retry(CONFIG));')).toBeNull();
  });

  it('does not read a config through a name declared twice or through a `let`', () => {
    // kills rxjs-retry-safeguards.ts:86 'variable?.defs.length === 1' -> 'true' (the first of two `var`s),
    // :87 "definition.parent.kind !== 'const'" -> 'false'
    expect(safeguardsOf('var C = { delay: 1000 }; var C = { count: 3 };\nx$.pipe(retry(C));')).toBeNull();
    expect(safeguardsOf('let C = { delay: 1000 };\nx$.pipe(retry(C));')).toBeNull();
    // The same through a `const` is read.
    expect(safeguardsOf('const C = { delay: 1000 };\nx$.pipe(retry(C));')).toEqual(IMMEDIATE_FOREVER);
  });
});

describe('retry({ count })', () => {
  it('takes a count the file does not fix for a limit', () => {
    // kills rxjs-retry-safeguards.ts:150 '!value' -> 'false' (null.value throws), 'countLimit = true' -> 'false'
    expect(safeguardsOf('x$.pipe(retry({ count: MAX }));')).toEqual(IMMEDIATE_LIMITED);
  });

  it('takes `count: undefined` for no count', () => {
    // kills rxjs-retry-safeguards.ts:151 'value.value === undefined' -> 'false', 'countLimit = false' -> 'true'
    expect(safeguardsOf('x$.pipe(retry({ count: undefined }));')).toEqual(IMMEDIATE_FOREVER);
  });

  it('does not judge a count that is no number, or NaN', () => {
    // kills rxjs-retry-safeguards.ts:152 "typeof value.value !== 'number' || Number.isNaN(…)" -> 'false' and '&&',
    // "typeof value.value !== 'number'" -> 'false'
    expect(safeguardsOf("x$.pipe(retry({ count: 'three' }));")).toBeNull();
    expect(safeguardsOf('x$.pipe(retry({ count: NaN }));')).toBeNull();
  });

  it('takes `count: 0` for a retry that never retries', () => {
    // kills rxjs-retry-safeguards.ts:153 'value.value <= 0' -> 'false' and '< 0'
    expect(safeguardsOf('x$.pipe(retry({ count: 0 }));')).toBeNull();
  });

  it('cannot tell the count when a spread or a computed key after it may replace it', () => {
    // kills rxjs-retry-safeguards.ts:147 "count.kind === 'unknown'" -> 'false' and "'unknown'" -> '""' (the property is missing),
    // :157 "delay.kind === 'unknown'" -> 'false' and "'unknown'" -> '""', and its object -> '{}'
    expect(safeguardsOf('x$.pipe(retry({ count: 5, ...defaults }));')).toEqual(UNKNOWN);
    expect(safeguardsOf('x$.pipe(retry({ ...defaults, count: 5 }));')).toEqual(fact(true, null, null));
    // kills rxjs-retry-safeguards.ts:76 'a === null' -> 'false' (either(null, false) is null)
    expect(safeguardsOf('x$.pipe(retry({ [key]: 1, delay: 1000 }));')).toEqual(fact(null, false, false));
  });
});

describe('retry({ delay })', () => {
  it('cannot tell the limit when the delay comes from elsewhere and there is no count', () => {
    // kills rxjs-retry-safeguards.ts:76 'a === null || b === null' -> 'false' and '&&', 'b === null' -> 'false'
    expect(safeguardsOf('x$.pipe(retry({ delay: importedDelay }));')).toEqual(UNKNOWN);
  });

  it('keeps the count when the delay comes from elsewhere', () => {
    // kills rxjs-retry-safeguards.ts:138 '{ attemptLimit: null, growingDelay: null, jitter: null }' -> '{}'
    expect(safeguardsOf('x$.pipe(retry({ count: 5, delay: backoff }));')).toEqual(fact(true, null, null));
  });

  it('takes `delay: null` for no wait, and a string for a delay it cannot read', () => {
    // kills rxjs-retry-safeguards.ts:122 'known.value == null' -> 'false' and '!= null',
    // and "typeof known.value === 'number' || known.value == null" -> 'true'
    expect(safeguardsOf('x$.pipe(retry({ delay: null }));')).toEqual(IMMEDIATE_FOREVER);
    expect(safeguardsOf("x$.pipe(retry({ delay: 'soon' }));")).toEqual(UNKNOWN);
  });

  it('reads a delay computed in place: a binary or a unary expression', () => {
    // kills rxjs-retry-safeguards.ts:134 the whole test -> 'false' and '&&', each side -> 'false', each type name -> '""',
    // its block -> '{}', :135 '[node]' -> '[]', :136 its object -> '{}' and 'attemptLimit: false' -> 'true'
    expect(safeguardsOf('x$.pipe(retry({ delay: 1000 + Math.random() * 1000 }));')).toEqual(fact(false, false, true));
    expect(safeguardsOf('x$.pipe(retry({ count: 5, delay: ~~(Math.random() * 5000) }));')).toEqual(fact(true, false, true));
  });
});

describe('retry({ delay }): stops in the delay function', () => {
  it('takes an unguarded throw for a retry that never retries', () => {
    // kills rxjs-retry-safeguards.ts:110 'conditions.length === 0 && owner === root' -> 'false', 'owner === root' -> '!==',
    // "'never retries'" -> '""', :128 "stops === 'never retries'" -> 'false' and "'never retries'" -> '""',
    // :160 "waits === 'never retries'" -> 'false' and "'never retries'" -> '""'
    expect(safeguardsOf('x$.pipe(retry({ delay: (error) => { throw error; } }));')).toBeNull();
  });

  it('does not take an unguarded stop inside a nested function for one that never retries', () => {
    // kills rxjs-retry-safeguards.ts:108 'enclosingFunction(node) ?? root' -> '&&', :110 'owner === root' -> 'true'
    expect(
      safeguardsOf('x$.pipe(retry({ delay: (error) => retrying$(error).pipe(mergeMap(() => throwError(() => error))) }));'),
    ).toEqual(IMMEDIATE_FOREVER);
  });

  it('keeps the first verdict: a later unguarded throw does not undo a limit', () => {
    // kills rxjs-retry-safeguards.ts:102 "verdict !== 'unlimited'" -> 'false'
    expect(
      safeguardsOf('x$.pipe(retry({ delay: (error, n) => { const stop = n > 3 ? throwError(() => error) : null; throw error; } }));'),
    ).toEqual(IMMEDIATE_LIMITED);
  });

  it('takes a stop for limited when any of its guards checks the attempt number', () => {
    // kills rxjs-retry-safeguards.ts:111 'conditions.some(…)' -> 'conditions.every(…)'
    expect(
      safeguardsOf('x$.pipe(retry({ delay: (error, n) => { if (n > 3) { if (error.fatal) throw error; } return timer(1000); } }));'),
    ).toEqual(IMMEDIATE_LIMITED);
  });

  it('does not look inside a stop for another one', () => {
    // kills rxjs-retry-safeguards.ts:112 'return false' -> 'return true' (the `EMPTY` inside the throw would count)
    expect(
      safeguardsOf('x$.pipe(retry({ delay: (error, n) => { if (error.fatal) throw n > 5 ? EMPTY : error; return timer(1000); } }));'),
    ).toEqual(IMMEDIATE_FOREVER);
  });
});

describe('retryWhen(notifier): the notifier', () => {
  it('does not judge an async notifier', () => {
    // kills rxjs-retry-safeguards.ts:189 the whole test -> 'true', '… && !notifier.generator' -> '… || !notifier.generator',
    // 'notifier && !notifier.async' -> 'true' and -> 'notifier || !notifier.async'
    expect(safeguardsOf('x$.pipe(retryWhen(async (errors) => errors.pipe(delay(1000))));')).toBeNull();
  });

  it('does not judge `retryWhen()` or a notifier from elsewhere', () => {
    // kills rxjs-retry-safeguards.ts:181 '!argument || …' -> 'false' and '&&' (`retryWhen()`),
    // :184 '!notifier && node.type === …' -> '||', "node.type === 'CallExpression'" -> 'true' (no callee),
    // :185 '[]' -> '["Stryker was here"]'
    expect(safeguardsOf('x$.pipe(retryWhen());')).toBeNull();
    expect(safeguardsOf('x$.pipe(retryWhen(importedNotifier));')).toBeNull();
  });

  it('reads a notifier with a block body through its `return`', () => {
    // kills rxjs-retry-safeguards.ts:194 "fn.body.type !== 'BlockStatement'" -> 'true' and "'BlockStatement'" -> '""'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => { return errors.pipe(take(3)); }));')).toEqual(IMMEDIATE_LIMITED);
  });

  it('does not judge a notifier without parameter, or one that returns another observable', () => {
    // kills rxjs-retry-safeguards.ts:217 '!errors' -> 'false' (an undeclared name is no variable either),
    // :221 'findVariable(…) === errors' -> 'true'
    expect(safeguardsOf('x$.pipe(retryWhen(() => globalErrors.pipe(delay(1000))));')).toBeNull();
    expect(safeguardsOf('const other$ = of(1);\nx$.pipe(retryWhen((errors) => other$.pipe(delay(1000))));')).toBeNull();
  });

  it('does not judge a notifier that returns something other than a pipe', () => {
    // kills rxjs-retry-safeguards.ts:223 "node.type === 'CallExpression'" -> 'true' (a member has no callee)
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => [errors][0]));')).toBeNull();
  });

  it('does not judge a notifier that returns nothing', () => {
    // kills rxjs-retry-safeguards.ts:237 'values.length === 0' -> 'false'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => { errors.subscribe(); }));')).toBeNull();
  });

  it('reads the operators of a pipe piped again', () => {
    // kills rxjs-retry-safeguards.ts:227 '[...before]' -> '[]'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(take(3)).pipe(delay(1000))));')).toEqual(IMMEDIATE_LIMITED);
  });

  it('takes an unguarded stop in the notifier itself for a retry that never retries', () => {
    // kills rxjs-retry-safeguards.ts:303 "stops === 'never retries'" -> 'false' and "'never retries'" -> '""'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => { void EMPTY; return errors.pipe(delay(1000)); }));')).toBeNull();
  });
});

describe('retryWhen(notifier): counters', () => {
  it('does not take the error a callback gets for a counter', () => {
    // kills rxjs-retry-safeguards.ts:254 'countsDownstream = false' -> 'true', :259 'countsDownstream' -> 'true'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(delayWhen((error) => timer(error * 1000)))));')).toEqual(
      IMMEDIATE_FOREVER,
    );
  });

  it('passes over an operator whose callback comes from elsewhere', () => {
    // kills rxjs-retry-safeguards.ts:258 '!callback' -> 'false' (no parameters to read)
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(mergeMap(handler))));')).toEqual(IMMEDIATE_FOREVER);
  });

  it('does not take the second parameter of an operator that passes no index for a counter', () => {
    // kills rxjs-retry-safeguards.ts:260 'INDEXED.has(name)' -> 'true'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(tap((error, n) => { if (n > 3) throw error; }))));')).toEqual(
      IMMEDIATE_FOREVER,
    );
  });

  it('does not take the number a non-`scan` operator gets second (`mergeMap`\'s concurrency) for a seed', () => {
    // kills rxjs-retry-safeguards.ts:261 "name === 'scan'" -> 'true'
    expect(
      safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(mergeMap((error) => of(error), 1), delayWhen((error) => timer(error * 1000)))));'),
    ).toEqual(IMMEDIATE_FOREVER);
  });

  it('does not take the accumulator of a `scan` without a numeric seed for a counter', () => {
    // kills rxjs-retry-safeguards.ts:264 "seed && typeof … === 'number'" -> 'true' and '||' (no seed: the scope of undefined),
    // "typeof staticValue(…)?.value === 'number'" -> 'true', 'staticValue(…)?.value' -> 'staticValue(…).value'
    const notifier = (scan: string) =>
      safeguardsOf(`x$.pipe(retryWhen((errors) => errors.pipe(${scan}, delayWhen((count) => timer(count * 1000)))));`);
    expect(notifier('scan((count) => count + 1)')).toEqual(IMMEDIATE_FOREVER);
    expect(notifier('scan((count) => count + 1, [])')).toEqual(IMMEDIATE_FOREVER);
    expect(notifier('scan((count) => count + 1, initialCount())')).toEqual(IMMEDIATE_FOREVER);
    // A numeric seed makes it one, and the delay grows with it.
    expect(notifier('scan((count) => count + 1, 0)')).toEqual(fact(false, true, false));
  });
});

describe('retryWhen(notifier): operators that end the retries', () => {
  it('takes `first()` for a limit', () => {
    // kills rxjs-retry-safeguards.ts:278 the `first` case -> empty (falls into `take`), "'first'" -> '""', :279 'true' -> 'false'
    expect(safeguardsOf('x$.pipe(retryWhen((errors) => errors.pipe(first())));')).toEqual(IMMEDIATE_LIMITED);
  });

  it('takes `take()`, a spread, and `take(Infinity)` for no limit, and a count from elsewhere for one', () => {
    // kills rxjs-retry-safeguards.ts:281 '!argument || …' -> 'false' and '&&', "argument.type === 'SpreadElement'" -> 'false',
    // "'SpreadElement'" -> '""', 'return false' -> 'return true'; :284 the whole return -> 'true', 'known === null' -> 'false'
    // and '!==', "typeof … === 'number' && Number.isFinite(…)" -> '||'
    const take = (argument: string) => safeguardsOf(`x$.pipe(retryWhen((errors) => errors.pipe(take(${argument}))));`);
    expect(take('')).toEqual(IMMEDIATE_FOREVER);
    expect(take('...counts')).toEqual(IMMEDIATE_FOREVER);
    expect(take('Infinity')).toEqual(IMMEDIATE_FOREVER);
    expect(take('MAX')).toEqual(IMMEDIATE_LIMITED);
  });

  it('takes `takeWhile` for a limit only with a local predicate that checks the index', () => {
    // kills rxjs-retry-safeguards.ts:287 'argument && …' -> 'true' and '||' (`takeWhile()`),
    // :288 the whole return -> 'true' and '||', 'predicate !== null' -> 'true'
    const takeWhile = (argument: string) => safeguardsOf(`x$.pipe(retryWhen((errors) => errors.pipe(takeWhile(${argument}))));`);
    expect(takeWhile('')).toEqual(IMMEDIATE_FOREVER);
    expect(takeWhile('() => true')).toEqual(IMMEDIATE_FOREVER);
    expect(takeWhile('importedPredicate')).toEqual(IMMEDIATE_FOREVER);
    expect(takeWhile('(_, index) => index < 5')).toEqual(IMMEDIATE_LIMITED);
  });
});

describe('catchError((error, caught) => …)', () => {
  const FAILURES = 'let failures = 0;\n';

  it('takes a use of `caught` that a limit guards for a limit, and only reads count as uses', () => {
    // kills rxjs-retry-safeguards.ts:335 '.filter(isRead)' removed (the write is unguarded), :339 '(use) => …' -> '() => undefined',
    // :340 '(condition) => checksAttemptLimit(…)' -> '() => undefined'
    expect(
      safeguardsOf(`${FAILURES}x$.pipe(catchError((error, caught) => { caught = other$; return ++failures < 5 ? caught : of(null); }));`),
    ).toEqual(IMMEDIATE_LIMITED);
  });

  it('needs every use of `caught` guarded', () => {
    // kills rxjs-retry-safeguards.ts:339 'uses.every(…)' -> 'uses.some(…)'
    expect(
      safeguardsOf(`${FAILURES}x$.pipe(catchError((error, caught) => { log(caught); return ++failures < 5 ? caught : of(null); }));`),
    ).toEqual(IMMEDIATE_FOREVER);
  });

  it('takes a stop past a limit for a limit, whether or not it guards `caught`', () => {
    // kills rxjs-retry-safeguards.ts:343 "stops === 'limited' || guarded" -> '&&', "stops === 'limited'" -> 'false', "'limited'" -> '""'
    expect(
      safeguardsOf(`${FAILURES}x$.pipe(catchError((error, caught) => { const again$ = caught; if (++failures > 5) throw error; return again$; }));`),
    ).toEqual(IMMEDIATE_LIMITED);
  });

  it('does not judge a handler that never reads `caught`, or one that always throws', () => {
    // kills rxjs-retry-safeguards.ts:336 'uses.length === 0' -> 'false',
    // :338 "stops === 'never retries'" -> 'false' and "'never retries'" -> '""'
    expect(safeguardsOf('x$.pipe(catchError((error, caught) => of(null)));')).toBeNull();
    expect(safeguardsOf('x$.pipe(catchError((error, caught) => { notify(caught); throw error; }));')).toBeNull();
  });

  it('does not judge `catchError()`', () => {
    // kills rxjs-retry-safeguards.ts:332 'argument && …' -> 'true' and '||'
    expect(safeguardsOf('x$.pipe(catchError());')).toBeNull();
  });
});

describe('returnedValues', () => {
  /** The values the first function of the code returns, as source text. */
  function returned(code: string): string[] {
    return analyse(tsParser, code, (sourceCode) =>
      returnedValues(sourceCode, find(sourceCode.ast, isFunctionNode)).map((node: TSESTree.Node) => sourceCode.getText(node)),
    );
  }

  it('returns the expression body of an arrow function', () => {
    // kills rxjs-retry-safeguards.ts:194 "fn.body.type !== 'BlockStatement'" -> 'true' (a block body),
    // and the same test in its earlier place, rxjs-retries.ts:75 -> 'false', '[fn.body]' -> '[]'
    expect(returned('const f = (a) => a + 1;')).toEqual(['a + 1']);
    expect(returned('function f(a) { return a; }')).toEqual(['a']);
  });

  it("returns the arguments of the function's own `return`s only", () => {
    // kills rxjs-retry-safeguards.ts:195 '[]' -> '["Stryker was here"]', :196 the walk's body -> '{}',
    // :197 'isFunctionNode(node)' -> 'true' and -> 'false', 'return false' -> 'return true',
    // :198 the whole test -> 'true', -> 'false' and '||', "node.type === 'ReturnStatement'" -> 'true' and '!==',
    // "'ReturnStatement'" -> '""', :199 'return true' -> 'return false';
    // and the same code in its earlier place, rxjs-retries.ts:78 'isFunctionNode(node)' -> 'false', 'return false' -> 'return true',
    // :79 '… && node.argument' -> '||', "node.type === 'ReturnStatement'" -> 'true'
    expect(
      returned(`function f(a) {
  const n = -1;
  const g = () => { return n; };
  if (!a) return;
  if (a > 1) { return a * 2; }
  return g();
}`),
    ).toEqual(['a * 2', 'g()']);
  });
});
