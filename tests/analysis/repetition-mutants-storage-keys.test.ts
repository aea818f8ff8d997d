/**
 * Pins which keys `streamStorage` takes for the same key every time, and how it describes a
 * per-key store, so that the mutants StrykerJS left alive in `isStaticKey` and `brief` of
 * `src/analysis/stream-storage.ts` fail a test (issue 17): regular expressions, plain template
 * literals, computed keys, undeclared names, and text that is spaced, exactly 40 characters or longer.
 *
 * Each case shows how the first `new EventSource(…)` is kept: `per-key <description>`, `shared` or `instance`.
 */
import { describe, expect, it } from 'vitest';
import { streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('the keys a stream is stored under (%s)', (_name, parser) => {
  function storage(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const result = streamStorage(sourceCode, find(sourceCode.ast, isNewEventSource));
      return result.kind === 'per-key' ? `per-key ${result.description}` : result.kind;
    });
  }

  it('does not take a regular expression for a fixed key', () => {
    // kills stream-storage.ts:52 "'regex' in key && key.regex" -> false and "'regex'" -> ""
    expect(storage('function f(u) { byId[/main/] = new EventSource(u); }')).toBe('per-key byId[/main/] = …');
  });

  it('takes a template literal without interpolations for a fixed key', () => {
    // kills stream-storage.ts:53 "key.type === 'TemplateLiteral'" -> false, "'TemplateLiteral'" -> "" and
    // "key.expressions.length === 0" -> false
    expect(storage('function f() { byId[`main`] = new EventSource("/m"); }')).toBe('shared');
    expect(storage('function f() { const local = {}; local[`main`] = new EventSource("/m"); }')).toBe('instance');
  });

  it('takes a computed key that is not a name or a literal as varying', () => {
    // kills stream-storage.ts:54 "false" -> "true"
    expect(storage('function f(id) { byId[id + 1] = new EventSource("/i"); }')).toBe('per-key byId[id + 1] = …');
    expect(storage('function f(item) { streams.set(item.id, new EventSource("/i")); }')).toBe('per-key streams.set(item.id, …)');
  });

  it('takes an undeclared name for a varying key', () => {
    // kills stream-storage.ts:56 "variable?.defs" -> "variable.defs", stream-storage.ts:57 "variable?.defs" -> "variable.defs"
    // and "variable?.defs.length !== 1 || definition?.node.type !== 'VariableDeclarator'" -> false (all read an undefined variable)
    expect(storage('function f() { byId[current] = new EventSource("/a"); }')).toBe('per-key byId[current] = …');
  });

  it('describes a spaced or multi-line key with single spaces', () => {
    // kills stream-storage.ts:65 "/\s+/g" -> "/\s/g" and "' '" -> ""
    expect(storage('function f(a, b) { byId[a  +  b] = new EventSource(a); }')).toBe('per-key byId[a + b] = …');
    expect(storage('function f(a, b) {\n  byId[a +\n    b] = new EventSource(a);\n}')).toBe('per-key byId[a + b] = …');
  });

  it('describes text of up to 40 characters as it is and longer text as `…`', () => {
    const forty = 'k'.repeat(40);
    const fortyOne = 'k'.repeat(41);
    // kills stream-storage.ts:66 "text.length <= 40" -> "text.length < 40"
    expect(storage(`function f(${forty}) { byId[${forty}] = new EventSource("/a"); }`)).toBe(`per-key byId[${forty}] = …`);
    // kills stream-storage.ts:66 "text.length <= 40" -> true and "'…'" -> ""
    expect(storage(`function f(${fortyOne}) { byId[${fortyOne}] = new EventSource("/a"); }`)).toBe('per-key byId[…] = …');
  });
});
