import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, parsers } from './probe.js';

const isNewEventSource = (node: TSESTree.Node): node is TSESTree.NewExpression =>
  node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'EventSource';

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

  it('counts lists that grow', () => {
    expect(storage('function f(u) { list.push(new EventSource(u)); }')).toBe('per-key list.push(…)');
    expect(storage('function f(u) { list.unshift(new EventSource(u)); }')).toBe('per-key list.unshift(…)');
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

  it('counts locals, refs, instance fields and return values as the instance', () => {
    expect(storage('function f() { const es = new EventSource("/a"); return () => es.close(); }')).toBe('instance');
    expect(storage('function f(ref) { ref.current = new EventSource("/a"); }')).toBe('instance');
    expect(storage('class A { start() { this.es = new EventSource("/a"); } }')).toBe('instance');
    expect(storage('function f() { return new EventSource("/a"); }')).toBe('instance');
    expect(storage('function f() { return useState(() => new EventSource("/a")); }')).toBe('instance');
  });
});
