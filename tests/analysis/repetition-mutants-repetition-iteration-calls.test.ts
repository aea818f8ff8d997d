/**
 * Pins which calls `findRepetition` (src/analysis/repetition.ts) takes for iteration (issue 17),
 * so that the mutants StrykerJS left alive in `propertyName`, `isKnownNonCollection` and
 * `iterationCallOf` fail a test: method names written as strings, computed or private names,
 * receivers that are knowably no collection (literals, templates, functions, a `new` of a
 * single-value type), helper objects and `Array.from`/`Array.fromAsync` with the callback in
 * the second argument only, and calls whose callee is no member at all.
 *
 * Each case is written out as `kind: description` of the repetition, or `once`.
 */
import { describe, expect, it } from 'vitest';
import { findRepetition } from '../../src/analysis/repetition.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('findRepetition: iteration calls (%s)', (_name, parser) => {
  /** What repeats the first `new EventSource(…)` of `code`: `kind: description`, or `once`. */
  function repetition(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const found = findRepetition(find(sourceCode.ast, isNewEventSource));
      return found ? `${found.kind}: ${found.description}` : 'once';
    });
  }

  it('reads a method name written as a string in brackets', () => {
    // kills repetition.ts:213 "!member.computed && member.property.type === 'Identifier'" -> true,
    // :214 the whole condition -> false, "member.property.type === 'Literal'" -> "!==", "'Literal'" -> "",
    // "typeof member.property.value === 'string'" -> "!==", "'string'" -> "",
    // the block "{ return member.property.value; }" -> "{}"
    expect(repetition("urls['map']((u) => new EventSource(u));")).toBe('callback: a `map()` callback');
  });

  it('does not take a computed name held in a variable for the method of that name', () => {
    // kills repetition.ts:213 "!member.computed && member.property.type === 'Identifier'" -> true, "&&" -> "||"
    expect(repetition("const map = 'forEach';\nurls[map]((u) => new EventSource(u));")).toBe('once');
  });

  it('does not take a private method for the iteration method of the same name', () => {
    // kills repetition.ts:213 "member.property.type === 'Identifier'" -> true
    expect(repetition('class Feed { #map(f) { return f; } open() { this.#map(() => new EventSource("/a")); } }')).toBe('once');
  });

  it('does not count `.forEach()` on a string, a template, or a function', () => {
    // kills repetition.ts:226 "'Literal'" -> "", :227 "!('regex' in node && node.regex)" -> "'regex' in node && node.regex",
    // "'regex' in node && node.regex" -> true
    expect(repetition("'rows'.forEach(() => new EventSource('/a'));")).toBe('once');
    // kills repetition.ts:228 "'TemplateLiteral'" -> ""
    expect(repetition('`${base}/rows`.forEach(() => new EventSource("/a"));')).toBe('once');
    // kills repetition.ts:230 "'ArrowFunctionExpression'" -> ""
    expect(repetition('(() => urls).forEach(() => new EventSource("/a"));')).toBe('once');
    // kills repetition.ts:231 "'FunctionExpression'" -> ""
    expect(repetition('(function () { return urls; }).forEach(() => new EventSource("/a"));')).toBe('once');
  });

  it('does not count `.map()` on a new Date, Error or RegExp', () => {
    // kills repetition.ts:234 "'Date'" -> ""
    expect(repetition('new Date().map(() => new EventSource("/a"));')).toBe('once');
    // kills repetition.ts:234 "'Error'" -> ""
    expect(repetition('new Error("x").map(() => new EventSource("/a"));')).toBe('once');
    // kills repetition.ts:234 "'RegExp'" -> ""
    expect(repetition('new RegExp(",").map(() => new EventSource("/a"));')).toBe('once');
  });

  it('counts `.forEach()` on a new collection of any other class', () => {
    // kills repetition.ts:234 "node.callee.type === 'Identifier' && […].includes(node.callee.name)" -> "||"
    expect(repetition('new Set(urls).forEach((u) => new EventSource(u));')).toBe('callback: a `forEach()` callback');
    // kills repetition.ts:234 "node.callee.type === 'Identifier' && […].includes(node.callee.name)" -> true
    expect(repetition('new feeds.Rows(urls).forEach((u) => new EventSource(u));')).toBe('callback: a `forEach()` callback');
  });

  it('does not look for a method name on a callee that is no member', () => {
    // kills repetition.ts:259 "callee.type !== 'MemberExpression'" -> false (reads `.property` of a call)
    expect(repetition('rows()((u) => new EventSource(u));')).toBe('once');
  });

  it('counts a helper object callback only in the second argument', () => {
    expect(repetition('_.map(urls, (u) => new EventSource(u));')).toBe('callback: a `_.map()` callback');
    // kills repetition.ts:269 "index === 1" -> true
    expect(repetition('_.map((u) => new EventSource(u), urls);')).toBe('once');
  });

  it('counts the callback of `Array.from` and `Array.fromAsync`, in the second argument only', () => {
    expect(repetition('Array.from(urls, (u) => new EventSource(u));')).toBe('callback: an `Array.from()` callback');
    // kills repetition.ts:271 "method === 'fromAsync'" -> false, "method === 'fromAsync'" -> "!==", "'fromAsync'" -> ""
    expect(repetition('Array.fromAsync(urls, (u) => new EventSource(u));')).toBe('callback: an `Array.fromAsync()` callback');
    // kills repetition.ts:272 "index === 1" -> true
    expect(repetition('Array.from((u) => new EventSource(u), urls);')).toBe('once');
  });

  it('does not count `from` on another object, nor another static method of Array', () => {
    // kills repetition.ts:271 the whole condition -> true, "receiver.type === 'Identifier' && receiver.name === 'Array'" -> "||",
    // "… && receiver.name === 'Array' && (…)" -> "… && receiver.name === 'Array' || …", "receiver.name === 'Array'" -> true
    expect(repetition('Stream.from(urls, (u) => new EventSource(u));')).toBe('once');
    // kills repetition.ts:271 "method === 'from' || method === 'fromAsync'" -> true, "method === 'fromAsync'" -> "!=="
    expect(repetition('Array.of(urls, (u) => new EventSource(u));')).toBe('once');
  });
});
