/**
 * Pins how `streamStorage` follows a stream through the variables that hold it, and when a store
 * keyed by the URL is a shared cache, so that the mutants StrykerJS left alive in `streamStorage`,
 * `contains` and `isKeyedByUrl` of `src/analysis/stream-storage.ts` fail a test (issue 17): a store
 * in a loop that also opens the stream (up to the loop's last character), a store in a loop before
 * the opening, a variable reassigned from itself, writes, the order of shared and instance uses, and
 * caches keyed by the URL of a call, of a spread, or with spaces.
 *
 * Each case shows how the value is kept: `per-key <description>`, `shared` or `instance`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

const isOpenCall = (node: TSESTree.Node): boolean =>
  node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'open';

describe.each(parsers)('following a stream to where it is kept (%s)', (_name, parser) => {
  /** How the value at the first node `pick` accepts (by default the first `new EventSource(…)`) is kept. */
  function storage(code: string, pick: (node: TSESTree.Node) => boolean = isNewEventSource): string {
    return analyse(parser, code, (sourceCode) => {
      const result = streamStorage(sourceCode, find(sourceCode.ast, pick));
      return result.kind === 'per-key' ? `per-key ${result.description}` : result.kind;
    });
  }

  it('counts a store in a loop that also opens the stream as per key', () => {
    // kills stream-storage.ts:172 the body of `contains` -> {}, stream-storage.ts:173 the whole test -> false
    // and "inner.range[1] <= outer.range[1]" -> "inner.range[1] > outer.range[1]"
    expect(storage('function f(ids) { for (const id of ids) { const es = new EventSource(id); map.set(id, es); } }')).toBe(
      'per-key map.set(id, …)',
    );
  });

  it('counts the opening as inside a loop that ends where the opening ends', () => {
    // The `for` statement ends with the `)` of `new EventSource(id)` (no semicolon, no braces).
    // kills stream-storage.ts:173 "inner.range[1] <= outer.range[1]" -> "inner.range[1] < outer.range[1]"
    const code = 'function f(ids) {\n  let es;\n  for (const id of ids) if (es) map.set(id, es); else es = new EventSource(id)\n}';
    expect(storage(code)).toBe('per-key map.set(id, …)');
  });

  it('counts the value of an iteration call as inside that call, which starts where it starts', () => {
    // `rows.map(…)` is both the value followed and the repetition of the store in its callback.
    // kills stream-storage.ts:173 "outer.range[0] <= inner.range[0]" -> "outer.range[0] < inner.range[0]"
    const isMapCall = (node: TSESTree.Node) =>
      node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && node.callee.property.name === 'map';
    const code = 'function f(rows) { const all = rows.map((row) => { byRow.set(row.id, all); return row; }); }';
    expect(storage(code, isMapCall)).toBe('per-key byRow.set(row.id, …)');
  });

  it('does not count a store in a loop that runs before the stream is opened', () => {
    // kills stream-storage.ts:173 "inner.range[1] <= outer.range[1]" -> true and -> "inner.range[1] > outer.range[1]"
    expect(storage('function f(keys, u) { let es; for (const k of keys) map.set(k, es); es = new EventSource(u); }')).toBe('instance');
  });

  it('stops at a variable reassigned from itself', () => {
    // Without the set of variables already followed, `es` -> `other` -> `es` never ends.
    // kills stream-storage.ts:226 "seen.has(position.variable)" -> false (the analysis loops forever: a timeout)
    expect(storage('function f(u) { let es = new EventSource(u); let other = es; es = other; use(es); }')).toBe('instance');
  });

  it('follows only the reads of a variable, not the writes to it', () => {
    // The pattern writes into `es` under a varying key; it does not store the stream there.
    // kills stream-storage.ts:229 "reference.isRead()" -> true
    expect(storage('function f(k, obj, u) { let es = new EventSource(u); ({ [k]: es } = obj); use(es); }')).toBe('instance');
  });

  it('keeps the stream shared when a use that keeps nothing is followed first', () => {
    // The reads are followed last first: `use(es)` (instance) before `window.feed = es` (shared).
    // kills stream-storage.ts:241 "position.kind === 'shared'" -> true
    expect(storage('function f(u) { const es = new EventSource(u); window.feed = es; use(es); }')).toBe('shared');
  });

  it('takes a cache keyed by the URL of a call that opens the stream for a shared cache', () => {
    // kills stream-storage.ts:194 "opening.type === 'CallExpression'" -> false, "'CallExpression'" -> "" and "===" -> "!=="
    expect(storage('const c = new Map(); function f(url) { if (!c.has(url)) c.set(url, open(url)); return c.get(url); }', isOpenCall)).toBe(
      'shared',
    );
  });

  it('follows a value that is not a call without looking for its URL', () => {
    // kills stream-storage.ts:194 "opening.type === 'NewExpression' || opening.type === 'CallExpression'" -> true
    // (an identifier has no arguments)
    const isEsArgument = (node: TSESTree.Node) => node.type === 'Identifier' && node.name === 'es' && node.parent?.type === 'CallExpression';
    expect(storage('function f(id, es) { streams.set(id, es); }', isEsArgument)).toBe('per-key streams.set(id, …)');
  });

  it('does not take a spread URL for the key of a cache', () => {
    // The key `...urls` is written as the spread URL and looked up, but a spread is no URL.
    // kills stream-storage.ts:195 "url.type === 'SpreadElement'" -> false and "'SpreadElement'" -> ""
    const code = 'const list = []; function f(...urls) { const es = new EventSource(...urls); if (list.get(...urls)) return; list.push(...urls, es); }';
    expect(storage(code)).toBe('per-key list.push(…)');
  });

  it('compares a key and a URL without their spaces', () => {
    // kills stream-storage.ts:196 "''" -> "\"Stryker was here!\"" (the spaces of `a + b` would not match `a+b`)
    expect(storage('const c = new Map(); function f(a, b) { if (!c.has(a+b)) c.set(a + b, new EventSource(a + b)); }')).toBe('shared');
  });
});
