import { describe, expect, it } from 'vitest';
import { streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('streamStorage (%s)', (_name, parser) => {
  /** How the first `new EventSource(…)` of `code` is kept: `per-key <description>`, `shared` or `instance`. */
  function storage(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const result = streamStorage(sourceCode, find(sourceCode.ast, isNewEventSource));
      return result.kind === 'per-key' ? `per-key ${result.description}` : result.kind;
    });
  }

  it('counts keyed collections under a key that varies', () => {
    expect(storage('function f(id) { streams.set(id, new EventSource(id)); }')).toBe('per-key streams.set(id, …)');
    expect(storage('function f(id) { byId[id] = new EventSource(id); }')).toBe('per-key byId[id] = …');
    expect(storage('function f(id) { byId[id] ??= new EventSource(id); }')).toBe('per-key byId[id] ??= …');
    expect(storage('function f(id) { return { [id]: new EventSource(id) }; }')).toBe('per-key { [id]: … }');
  });

  it('counts a key written as a template literal with an interpolation as varying', () => {
    // `${id}` is a different key per id, unlike `main`: a per-key store, not a shared one.
    expect(storage('const byId = {}; function f(id, url) { byId[`${id}`] = new EventSource(url); }')).toBe('per-key byId[`${id}`] = …');
    expect(storage('const streams = new Map(); function f(id, url) { streams.set(`feed-${id}`, new EventSource(url)); }')).toBe(
      'per-key streams.set(`feed-${id}`, …)',
    );
  });

  it('counts a `let` key as varying, even when it starts as a literal', () => {
    // Only a `const` is the same key every time; a `let` can be reassigned, as here.
    expect(storage('let key = "main"; function f(id, url) { key = id; cache[key] = new EventSource(url); }')).toBe(
      'per-key cache[key] = …',
    );
  });

  it('counts lists that grow', () => {
    expect(storage('function f(u) { list.push(new EventSource(u)); }')).toBe('per-key list.push(…)');
    expect(storage('function f(u) { list.unshift(new EventSource(u)); }')).toBe('per-key list.unshift(…)');
    expect(storage('function f(u) { list = list.concat(new EventSource(u)); }')).toBe('per-key list.concat(…)');
    expect(storage('function f(u) { setList((prev) => [...prev, new EventSource(u)]); }')).toBe('per-key [...prev, …]');
  });

  it('follows a local variable that holds the stream to where it is stored', () => {
    expect(storage('function f(id) { const es = new EventSource(id); es.onmessage = g; streams.set(id, es); }')).toBe(
      'per-key streams.set(id, …)',
    );
    expect(storage('function f(id) { let es; es = new EventSource(id); const again = es; refs.current[id] = again; }')).toBe(
      'per-key refs.current[id] = …',
    );
  });

  it('does not count a key that is always the same', () => {
    expect(storage('const cache = new Map(); function f() { cache.set("main", new EventSource("/m")); }')).toBe('shared');
    expect(storage('function f() { const local = new Map(); local.set("main", new EventSource("/m")); }')).toBe('instance');
    expect(storage('const KEY = "main"; function f() { cache[KEY] = new EventSource("/m"); }')).toBe('shared');
    expect(storage('function f() { return { ["main"]: new EventSource("/m") }; }')).toBe('instance');
  });

  it('does not count one stream stored under many keys by a loop that does not open it', () => {
    expect(storage('function f(keys) { const es = new EventSource("/a"); for (const k of keys) map.set(k, es); }')).toBe(
      'instance',
    );
  });

  it('counts module-level variables and global objects as shared (the lazy singleton)', () => {
    expect(storage('let shared; function f() { if (!shared) shared = new EventSource("/a"); return shared; }')).toBe('shared');
    expect(storage('let shared; function f() { shared ??= new EventSource("/a"); }')).toBe('shared');
    expect(storage('let shared; function f() { return (shared = shared ?? new EventSource("/a")); }')).toBe('shared');
    expect(storage('function f() { window.__feed = new EventSource("/a"); }')).toBe('shared');
    expect(storage('const es = new EventSource("/a");')).toBe('shared');
  });

  it('does not follow the stream into the test of a `?:`: the branches are what is stored', () => {
    // The map holds a string chosen by whether the stream exists, not the stream.
    expect(storage('function f(id, url) { const es = new EventSource(url); states.set(id, es ? "open" : "none"); }')).toBe('instance');
    // In a branch, the stream itself is stored.
    expect(storage('function f(id, url, old) { streams.set(id, old ? old : new EventSource(url)); }')).toBe('per-key streams.set(id, …)');
  });

  it('counts locals, refs, instance fields and return values as the instance', () => {
    expect(storage('function f() { const es = new EventSource("/a"); return () => es.close(); }')).toBe('instance');
    expect(storage('function f(ref) { ref.current = new EventSource("/a"); }')).toBe('instance');
    expect(storage('class A { start() { this.es = new EventSource("/a"); } }')).toBe('instance');
    expect(storage('function f() { return new EventSource("/a"); }')).toBe('instance');
    expect(storage('function f() { return useState(() => new EventSource("/a")); }')).toBe('instance');
  });

  // Issue 11 (appended): sharing caches and storage one level down.
  it('counts a get-or-create cache keyed by the URL it opens as shared', () => {
    expect(storage('const c = new Map(); function f(url) { if (!c.has(url)) c.set(url, new EventSource(url)); return c.get(url); }')).toBe('shared');
    expect(storage('const c = {}; function f(url) { return c[url] || (c[url] = new EventSource(url)); }')).toBe('shared');
    // Keyed by the URL but never looked up: a stream per call, stored per key.
    expect(storage('function f(url) { streams.set(url, new EventSource(url)); }')).toBe('per-key streams.set(url, …)');
    // Looked up, but keyed by something else than the URL.
    expect(storage('function f(id) { if (!c.has(id)) c.set(id, new EventSource("/i/" + id)); }')).toBe('per-key c.set(id, …)');
  });

  it('counts an entry with a reference count as shared', () => {
    expect(storage('function f(id) { const es = new EventSource("/i/" + id); entries.set(id, { es, refs: 1 }); }')).toBe('shared');
  });

  it('follows the stream one level down into the entry that is stored', () => {
    expect(storage('function f(id) { streams.set(id, { es: new EventSource("/i/" + id), at: 0 }); }')).toBe('per-key streams.set(id, …)');
    expect(storage('function f(id) { const entry = { es: new EventSource("/i/" + id) }; byId[id] = entry; }')).toBe('per-key byId[id] = …');
    expect(storage('function f() { return { es: new EventSource("/a") }; }')).toBe('instance');
  });
});
