/**
 * Pins which shared streams `isLazySingleton` takes for lazy singletons, so that the mutants
 * StrykerJS left alive in `isLazySingleton`, `leavesFunction` and `returnsEarlyOn` of
 * `src/analysis/stream-storage.ts` fail a test (issue 17): the target under a test of `?:` and
 * `||`, the test of an `if` that holds the assignment itself, operands of other operators, and the
 * early returns that do (or do not) leave the function before the stream is opened.
 *
 * Each case answers whether the first `new EventSource(…)` of the code, kept shared, is a lazy singleton.
 */
import { describe, expect, it } from 'vitest';
import { isLazySingleton, streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('lazy singletons (%s)', (_name, parser) => {
  /** `<storage kind> <whether it is a lazy singleton>` for the first `new EventSource(…)`. */
  function lazy(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const storage = streamStorage(sourceCode, find(sourceCode.ast, isNewEventSource));
      return `${storage.kind} ${isLazySingleton(sourceCode, storage)}`;
    });
  }

  it('finds a dotted target in the test, its dot taken literally', () => {
    // kills stream-storage.ts:249 "'\\$&'" -> "" (without the escape the target `window.feed` reads `windowfeed`)
    expect(lazy('function f(u) { if (!window.feed) window.feed = new EventSource(u); }')).toBe('shared true');
  });

  it('takes `feed || (feed = …)` for a lazy singleton', () => {
    // kills stream-storage.ts:266 "(… || …) && child !== current.test" "&&" -> "||",
    // "current.type === 'IfStatement' || current.type === 'ConditionalExpression'" -> true and "'ConditionalExpression'" "===" -> "!==",
    // stream-storage.ts:268 "current.type === 'LogicalExpression' && child === current.right" -> false,
    // "current.type === 'LogicalExpression'" "===" -> "!==", "'LogicalExpression'" -> "" and "child === current.right" "===" -> "!=="
    expect(lazy('let feed; function f(u) { feed || (feed = new EventSource(u)); return feed; }')).toBe('shared true');
  });

  it('takes `feed ? feed : (feed = …)` for a lazy singleton', () => {
    // kills stream-storage.ts:266 "current.type === 'ConditionalExpression'" -> false and "'ConditionalExpression'" -> ""
    expect(lazy('let feed; function f(u) { return feed ? feed : (feed = new EventSource(u)); }')).toBe('shared true');
  });

  it('does not take the assignment in the test of an `if` for a test of the target', () => {
    // kills stream-storage.ts:266 "child !== current.test" -> true
    expect(lazy('let feed; function f(u, g) { if ((feed = new EventSource(u))) feed.onmessage = g; }')).toBe('shared false');
  });

  it('reads the left operand only of `||`, `&&` and `??`, and only for an assignment on the right', () => {
    // kills stream-storage.ts:268 "current.type === 'LogicalExpression'" -> true (`+` is no test)
    expect(lazy('let feed; function f(u) { return feed + (feed = new EventSource(u)); }')).toBe('shared false');
    // kills stream-storage.ts:268 "&&" -> "||" and "child === current.right" -> true (the assignment is the left operand)
    expect(lazy('let feed; function f(u) { return (feed = new EventSource(u)) || feed; }')).toBe('shared false');
  });

  it('takes an early return only from a statement that leaves the function', () => {
    // kills stream-storage.ts:280 "node.type === 'ReturnStatement' || node.type === 'ThrowStatement'" -> true,
    // "node.type === 'ThrowStatement'" "===" -> "!==", stream-storage.ts:281 "node.type === 'BlockStatement'" -> true
    // (reads `body` of an expression statement) and stream-storage.ts:282 "last !== undefined && leavesFunction(last)" -> true
    expect(lazy('let feed; function f(u) { if (feed) log(feed); feed = new EventSource(u); }')).toBe('shared false');
    // kills stream-storage.ts:280 "node.type === 'ThrowStatement'" -> false and "'ThrowStatement'" -> ""
    expect(lazy('let feed; function f(u) { if (feed) throw new Error("open"); feed = new EventSource(u); }')).toBe('shared true');
  });

  it('takes a block for leaving the function only when its last statement does', () => {
    // kills stream-storage.ts:282 "last !== undefined" -> true (an empty block has no last statement)
    expect(lazy('let feed; function f(u) { if (feed) {} feed = new EventSource(u); }')).toBe('shared false');
    // kills stream-storage.ts:282 "last !== undefined && leavesFunction(last)" "&&" -> "||"
    expect(lazy('let feed; function f(u) { if (feed) { log(feed); } feed = new EventSource(u); }')).toBe('shared false');
    expect(lazy('let feed; function f(u) { if (feed) { log(feed); return; } feed = new EventSource(u); }')).toBe('shared true');
  });

  it('looks for the early return only before the assignment', () => {
    // kills stream-storage.ts:292 ".slice(0, Math.max(index, 0))" -> the whole block
    expect(lazy('let feed; function f(u) { feed = new EventSource(u); if (feed) return; }')).toBe('shared false');
  });

  it('takes only an `if` without `else` for an early return', () => {
    // kills stream-storage.ts:296 the whole test -> true, "statement.type === 'IfStatement' && !statement.alternate" -> true,
    // "statement.type === 'IfStatement'" -> true and the last "&&" -> "||" (a plain call has no consequent)
    expect(lazy('let feed; function f(u) { log(u); feed = new EventSource(u); }')).toBe('shared false');
    // kills stream-storage.ts:296 "statement.type === 'IfStatement' && !statement.alternate" "&&" -> "||"
    expect(lazy('let feed; function f(u) { if (feed) return; else log(u); feed = new EventSource(u); }')).toBe('shared false');
  });
});
