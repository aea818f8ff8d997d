/**
 * Pins which endless loops `findLoopReopens` (`src/analysis/reconnect/loop-reopens.ts`) takes
 * for reconnect loops and what it finds missing in them, case by case, so that the mutants
 * StrykerJS left alive there fail a test (issue 17): the three loop forms, only in an async
 * function, only when the loop awaits in its own code; the exits (`return`, `throw`, a `break`
 * that leaves this loop, not one of a nested loop or `switch`, not one in a callback) that make a
 * loop no reconnect loop unless a guard or the `try` block of an inner `try` holds them; which
 * safeguards are asked for; the attempt limit of every re-open; and the order of the results.
 *
 * Each result is the loop's line and what it lacks.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { findLoopReopens } from '../../src/analysis/reconnect/loop-reopens.js';
import type { SafeguardRequirements } from '../../src/analysis/reconnect/safeguards.js';
import { getServerStops } from '../../src/analysis/reconnect/server-stops.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse } from './probe.js';

const ALL: SafeguardRequirements = { attemptLimit: true, backoff: true, jitter: true };
const ALL_MISSING = ['no attempt limit', 'no growing delay', 'no jitter'];

function loopsOf(code: string, requirements: SafeguardRequirements = ALL): { line: number; missing: string[] }[] {
  return analyse(tsParser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    const openers = getStreamOpeners(sourceCode, openings);
    return findLoopReopens(sourceCode, openings, openers, requirements, getServerStops(sourceCode, openings)).map((found) => ({
      line: found.loop.loc.start.line,
      missing: found.missing,
    }));
  });
}

/** An async function whose loop (line 2) opens a stream, runs `body` and waits for the stream's end. */
function inLoop(body: string, head = 'while (true) {', tail = '}'): string {
  return `async function run(items, attempts) {
  ${head}
    const es = new EventSource('/events');
    ${body}
    await done(es);
  ${tail}
}`;
}

describe('which loops are endless', () => {
  it('takes `do … while (true)` and `for (; true; )` as endless', () => {
    // kills loop-reopens.ts:32 "node.type !== 'DoWhileStatement'" -> 'true', "'DoWhileStatement'" -> '""',
    // "node.type !== 'ForStatement'" -> 'true', "'ForStatement'" -> '""'
    expect(loopsOf(inLoop('', 'do {', '} while (true);'))).toEqual([{ line: 2, missing: ALL_MISSING }]);
    expect(loopsOf(inLoop('', 'for (; true; ) {'))).toEqual([{ line: 2, missing: ALL_MISSING }]);
  });

  it('leaves a loop at module level alone (no function to be async)', () => {
    // kills loop-reopens.ts:44 'enclosingFunction(current)?.async' -> 'enclosingFunction(current).async'
    expect(loopsOf("while (true) {\n  const es = new EventSource('/events');\n  await done(es);\n}")).toEqual([]);
  });
});

describe('loops that do not go round again', () => {
  it('leaves a loop with an unguarded `return` or `throw` alone', () => {
    // kills loop-reopens.ts:54 'current === node' -> 'true', :59 the whole condition -> 'false' and '&&',
    // "current.type === 'ReturnStatement'" -> 'false', "'ReturnStatement'" -> '""',
    // "current.type === 'ThrowStatement'" -> 'false', "'ThrowStatement'" -> '""'
    expect(loopsOf(inLoop('return es;'))).toEqual([]);
    expect(loopsOf(inLoop("throw new Error('once');"))).toEqual([]);
  });

  it('leaves a loop whose whole body is a `break` alone', () => {
    // kills loop-reopens.ts:55 "current.type === 'BreakStatement' && !current.label && !inNestedBreakable" -> 'false',
    // "'BreakStatement'" -> '""', '!inNestedBreakable' -> 'inNestedBreakable', '!current.label' -> 'current.label'
    expect(loopsOf("async function run() {\n  for (new EventSource('/events'); ; await sleep(1000)) break;\n}")).toEqual([]);
  });

  it('leaves a loop that the enclosing `try` block holds alone: the exit is in the loop, not in a `try` of it', () => {
    // kills loop-reopens.ts:76 'current !== loop' -> 'true'
    expect(loopsOf(inLoop('return es;', 'try { while (true) {', '} } catch (error) { log(error); }'))).toEqual([]);
  });

  it('leaves a loop that returns from a `catch` alone', () => {
    // kills loop-reopens.ts:77 "current.type === 'TryStatement' && current.block === child" -> '||', 'current.block === child' -> 'true'
    expect(loopsOf(inLoop('try { await ready(es); } catch (error) { return; }'))).toEqual([]);
  });
});

describe('exits that do not leave the loop', () => {
  it('reports a loop whose `break` leaves only a nested loop or `switch`', () => {
    // kills loop-reopens.ts:54 'current === node' -> 'false' and '!==', the block -> '{}', :60 'current.label || !inNestedBreakable' -> 'true',
    // :62 'breakable' -> 'false', the block -> '{}', :63 'visit(current, true)' -> 'false', :64 'return false' -> 'return true'
    expect(loopsOf(inLoop('for (const item of items) { if (item) break; }'))).toEqual([{ line: 2, missing: ALL_MISSING }]);
    expect(loopsOf(inLoop('switch (es.readyState) { case 2: break; }'))).toEqual([{ line: 2, missing: ALL_MISSING }]);
  });

  it('reports a loop whose `return` is in a callback', () => {
    // kills loop-reopens.ts:58 'isFunctionNode(current)' -> 'false', 'return false' -> 'return true'
    expect(loopsOf(inLoop('items.forEach((item) => { return item; });'))).toEqual([{ line: 2, missing: ALL_MISSING }]);
  });

  it('reports a loop whose exit a limit guards, without the limit missing', () => {
    // kills loop-reopens.ts:112 'conditionsOf(exit).length === 0' -> 'true'
    expect(loopsOf(inLoop('attempts++;\n    if (attempts > 5) return;'))).toEqual([{ line: 2, missing: ['no growing delay', 'no jitter'] }]);
  });
});

describe('loops that await', () => {
  it('leaves a loop that never awaits alone', () => {
    // kills loop-reopens.ts:83 'let found = false' -> 'true', :86 "node.type === 'AwaitExpression'" -> 'true' and '!==',
    // :108 '!awaits(sourceCode, loop)' -> 'false'
    expect(loopsOf("async function run() {\n  while (true) {\n    new EventSource('/events');\n  }\n}")).toEqual([]);
  });

  it('does not count an await in a callback the loop defines', () => {
    // kills loop-reopens.ts:85 'found || isFunctionNode(node)' -> 'false' and '&&', 'return false' -> 'return true'
    const code = `async function run(items) {
  while (true) {
    new EventSource('/events');
    items.forEach(async (item) => { await item; });
  }
}`;
    expect(loopsOf(code)).toEqual([]);
  });
});

describe('which safeguards are asked for', () => {
  it('does not report a missing limit when no limit is asked for', () => {
    // kills loop-reopens.ts:116 'requirements.attemptLimit' -> 'true'
    expect(loopsOf(inLoop(''), { attemptLimit: false, backoff: true, jitter: true })).toEqual([
      { line: 2, missing: ['no growing delay', 'no jitter'] },
    ]);
  });

  it('looks for a growing delay when only backoff is asked for', () => {
    // kills loop-reopens.ts:121 'requirements.backoff || requirements.jitter' -> '&&'
    expect(loopsOf(inLoop(''), { attemptLimit: false, backoff: true, jitter: false })).toEqual([
      { line: 2, missing: ['no growing delay'] },
    ]);
  });

  it('does not take randomness inside the function that opens for jitter', () => {
    // kills loop-reopens.ts:122 '(fn) => openers.byFunction.has(fn)' -> '() => undefined'
    const code = `function connect() {
  return new EventSource('/events?nonce=' + Math.random());
}
async function run() {
  while (true) {
    await done(connect());
  }
}`;
    expect(loopsOf(code, { attemptLimit: false, backoff: false, jitter: true })).toEqual([{ line: 5, missing: ['no jitter'] }]);
  });
});

describe('attempt limits of the re-opens', () => {
  const HELPERS = `let attempts = 0;
function connectLimited() {
  attempts++;
  if (attempts > 5) throw new Error('gave up');
  return new EventSource('/a');
}
function connectFree() {
  return new EventSource('/b');
}
`;
  const LIMIT_ONLY: SafeguardRequirements = { attemptLimit: true, backoff: false, jitter: false };

  it('takes a loop as limited when every re-open is limited, and not when one is not', () => {
    // kills loop-reopens.ts:118 'points.every(…)' -> 'points.some(…)', '(point) => hasAttemptLimit(…)' -> '() => undefined'
    const loop = (calls: string) => `${HELPERS}async function run() {
  while (true) {
    ${calls}
  }
}`;
    expect(loopsOf(loop('await done(connectLimited());'), LIMIT_ONLY)).toEqual([]);
    expect(loopsOf(loop('await done(connectLimited());\n    await done(connectFree());'), LIMIT_ONLY)).toEqual([
      { line: 11, missing: ['no attempt limit'] },
    ]);
  });
});

describe('order of the results', () => {
  it('gives the loops in source order, whatever order their re-opens were found in', () => {
    // kills loop-reopens.ts:128 'found.sort(…)' -> 'found', '(a, b) => …' -> '() => undefined', 'a.loop.range[0] - b.loop.range[0]' -> '+'
    const code = `function connect() {
  return new EventSource('/a');
}
async function first() {
  while (true) {
    await done(connect());
  }
}
async function second() {
  while (true) {
    await done(new EventSource('/b'));
  }
}`;
    expect(loopsOf(code)).toEqual([
      { line: 5, missing: ALL_MISSING },
      { line: 10, missing: ALL_MISSING },
    ]);
  });
});
