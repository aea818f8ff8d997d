import { describe, expect, it } from 'vitest';
import { findRepetition } from '../../src/analysis/repetition.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('findRepetition (%s)', (_name, parser) => {
  /** What repeats the first `new EventSource(…)` of `code`: its description, or `once`. */
  function repetition(code: string): string {
    return analyse(parser, code, (sourceCode) => findRepetition(find(sourceCode.ast, isNewEventSource))?.description ?? 'once');
  }

  it('counts an opening followed by a sure `break` or `return` as once per loop', () => {
    expect(repetition('for (const u of urls) { const es = new EventSource(u); break; }')).toBe('once');
    expect(repetition('function f(urls) { for (const u of urls) { log(u); const es = new EventSource(u); g(es); return es; } }')).toBe(
      'once',
    );
  });

  it('does not count a `break` after an `if` as a sure exit: the `if` may skip to the next item', () => {
    // `continue` in the `if` opens a stream for every skipped item before the `break` is reached.
    expect(repetition('for (const u of urls) { const es = new EventSource(u); if (!es.url) continue; break; }')).toBe(
      'a `for...of` loop',
    );
    expect(repetition('function f(urls) { for (const u of urls) { const es = new EventSource(u); if (skip(u)) { continue; } return es; } }')).toBe(
      'a `for...of` loop',
    );
  });

  it('counts the callbacks of every iteration method, the right-to-left ones too', () => {
    expect(repetition('urls.map((u) => new EventSource(u));')).toBe('a `map()` callback');
    expect(repetition('urls.reduceRight((all, u) => [...all, new EventSource(u)], []);')).toBe('a `reduceRight()` callback');
    expect(repetition('urls.findLastIndex((u) => new EventSource(u).readyState === 1);')).toBe('a `findLastIndex()` callback');
  });

  it('does not count `.map()` on a value that is knowably not a collection', () => {
    // A `new` of a single-value type is not a list of rows, whatever its `map` does.
    expect(repetition('new Promise(load).map(() => new EventSource("/a"));')).toBe('once');
    expect(repetition('new URL(base).map(() => new EventSource("/a"));')).toBe('once');
    // The same call shape on an array does iterate.
    expect(repetition('new Array(3).fill(0).map(() => new EventSource("/a"));')).toBe('a `map()` callback');
  });
});
