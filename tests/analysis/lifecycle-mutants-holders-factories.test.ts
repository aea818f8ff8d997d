/**
 * `streamFactoryOf` (src/analysis/lifecycle/stream-holders.ts): the local function that opens a
 * stream only to hand it to its caller, so that `require-eventsource-close` checks the calls in
 * mount callbacks as openings of that stream. Each case names the factory of the code's first
 * stream by its first line, or says `none`.
 */
import { describe, expect, it } from 'vitest';
import { streamFactoryOf } from '../../src/analysis/lifecycle/stream-holders.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

describe.each(parsers)('the factory a stream is returned from (%s)', (_name, parser) => {
  function factory(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const opening = getStreamOpenings(sourceCode)[0];
      if (!opening) throw new Error('no stream in the code');
      const fn = streamFactoryOf(sourceCode, opening);
      return fn ? sourceCode.getText(fn).split('\n')[0]! : 'none';
    });
  }

  it('finds a function that returns the opening, directly or through a variable of its own', () => {
    expect(factory('function open(u) {\n  return new EventSource(u);\n}')).toBe('function open(u) {');
    expect(factory('const open = (u) => new EventSource(u);')).toBe('(u) => new EventSource(u)');
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  es.onerror = report;\n  return es;\n}')).toBe(
      'function open(u) {',
    );
    // Renamed inside the factory first.
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  const kept = es;\n  return kept;\n}')).toBe(
      'function open(u) {',
    );
    expect(factory('class Feed {\n  create() {\n    return new EventSource(this.url);\n  }\n}')).toBe('() {');
  });

  it('finds none when the stream is kept elsewhere too, handed on, or returned by a callback inside', () => {
    expect(factory('let current;\nfunction open(u) {\n  const es = new EventSource(u);\n  current = es;\n  return es;\n}')).toBe('none');
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  registry.add(es);\n  return es;\n}')).toBe('none');
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  return () => es;\n}')).toBe('none');
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  return { es };\n}')).toBe('none');
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  es.onerror = report;\n}')).toBe('none');
  });

  it('finds none when the stream is thrown, also returned by a callback inside, or kept on this', () => {
    // kills stream-holders.ts:89 "parent?.type !== 'ReturnStatement'" -> false (a throw is no return)
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  throw es;\n}')).toBe('none');
    // kills stream-holders.ts:362 'uses.returnedFrom.size !== 1' -> false
    expect(factory('function open(u) {\n  const es = new EventSource(u);\n  later(() => es);\n  return es;\n}')).toBe('none');
    // kills stream-holders.ts:366 'root?.defs' -> 'root.defs' and :367 'declared !== undefined' -> true (a crash on a class path)
    expect(factory('class Feed {\n  open(u) {\n    const es = new EventSource(u);\n    this.es = es;\n    return es;\n  }\n}')).toBe('none');
  });

  it('finds none for an async function or a generator, which hand over a promise or an iterator', () => {
    expect(factory('async function open(u) {\n  return new EventSource(u);\n}')).toBe('none');
    expect(factory('function* open(u) {\n  return new EventSource(u);\n}')).toBe('none');
    expect(factory('const open = async (u) => new EventSource(u);')).toBe('none');
  });

  it('finds none at module level, where nothing returns it', () => {
    expect(factory('const es = new EventSource(u);\nexport default es;')).toBe('none');
  });
});
