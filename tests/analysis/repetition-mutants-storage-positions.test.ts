/**
 * Pins where `streamStorage` finds the value of an opening used, so that the mutants StrykerJS left
 * alive in `carrier` and `positionOf` of `src/analysis/stream-storage.ts` fail a test (issue 17):
 * the expressions that carry a stream unchanged (`as`, `!`, `satisfies`, `<T>`, `?.`, `await`, the
 * last expression of a sequence), module-level variables of a script, the declarations,
 * assignments and calls that keep it, and the entries it is stored in.
 *
 * Each case shows how the value is kept: `per-key <description>`, `shared` or `instance`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { streamStorage } from '../../src/analysis/stream-storage.js';
import { analyse, find, isNewEventSource, parsers, type ProbeFile, type SourceCode } from './probe.js';

/** A call of the function `open`: the opening of the cases where the stream comes from a call. */
const isOpenCall = (node: TSESTree.Node): boolean =>
  node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'open';

function described(result: ReturnType<typeof streamStorage>): string {
  return result.kind === 'per-key' ? `per-key ${result.description}` : result.kind;
}

/** How the value at the first node `pick` accepts (by default the first `new EventSource(…)`) is kept. */
function storage(
  parser: unknown,
  code: string,
  pick: (node: TSESTree.Node) => boolean = isNewEventSource,
  file?: ProbeFile,
): string {
  return analyse(parser, code, (sourceCode) => described(streamStorage(sourceCode, find(sourceCode.ast, pick))), file);
}

const TS_FILE: ProbeFile = { name: 'file.ts', jsx: false };

describe('the TypeScript expressions that carry a stream unchanged', () => {
  const ts = (code: string) => storage(tsParser, code, isNewEventSource, TS_FILE);

  it('follows a stream through `as`', () => {
    // kills stream-storage.ts:32 the `||` chain of carrying types -> false (each of its prefixes),
    // its `||` -> `&&` mutants, and "'TSAsExpression'" -> ""
    expect(ts('function f(id: string) { streams.set(id, new EventSource(id) as EventSource); }')).toBe('per-key streams.set(id, …)');
  });

  it('follows a stream through `!`', () => {
    // kills stream-storage.ts:33 "parent.type === 'TSNonNullExpression'" -> false and "'TSNonNullExpression'" -> ""
    expect(ts('function f(id: string) { const es = new EventSource(id); streams.set(id, es!); }')).toBe('per-key streams.set(id, …)');
  });

  it('follows a stream through `satisfies`', () => {
    // kills stream-storage.ts:34 "parent.type === 'TSSatisfiesExpression'" -> false and "'TSSatisfiesExpression'" -> ""
    expect(ts('function f(id: string) { streams.set(id, new EventSource(id) satisfies EventSource); }')).toBe(
      'per-key streams.set(id, …)',
    );
  });

  it('follows a stream through an angle-bracket assertion', () => {
    // kills stream-storage.ts:35 "parent.type === 'TSTypeAssertion'" -> false and "'TSTypeAssertion'" -> ""
    expect(ts('function f(id: string) { streams.set(id, <EventSource>new EventSource(id)); }')).toBe('per-key streams.set(id, …)');
  });
});

describe.each(parsers)('where the value of an opening is kept (%s)', (_name, parser) => {
  it('follows a stream opened by an optional call', () => {
    // kills stream-storage.ts:36 "parent.type === 'ChainExpression'" -> false and "'ChainExpression'" -> ""
    expect(storage(parser, 'function f(id) { streams.set(id, open?.(id)); }', isOpenCall)).toBe('per-key streams.set(id, …)');
  });

  it('follows a stream through `await`', () => {
    // kills stream-storage.ts:37 "parent.type === 'AwaitExpression'" -> false and "'AwaitExpression'" -> ""
    expect(storage(parser, 'async function f(id) { streams.set(id, await open(id)); }', isOpenCall)).toBe('per-key streams.set(id, …)');
  });

  it('follows a stream that is the last expression of a sequence, and only then', () => {
    // kills stream-storage.ts:40 "parent.type === 'SequenceExpression' && …" -> false and "'SequenceExpression'" -> ""
    expect(storage(parser, 'function f(id) { streams.set(id, (log(id), new EventSource(id))); }')).toBe('per-key streams.set(id, …)');
    // kills stream-storage.ts:40 "parent.expressions.at(-1) === current" -> true and "===" -> "!=="
    expect(storage(parser, 'function f(id) { streams.set(id, (new EventSource(id), log(id))); }')).toBe('instance');
    // kills stream-storage.ts:40 "-1" -> "+1" (the second of three is not the last)
    expect(storage(parser, 'function f(id) { streams.set(id, (log(id), note(id), new EventSource(id))); }')).toBe(
      'per-key streams.set(id, …)',
    );
  });

  it('keeps the program itself, which has no parent, as the instance', () => {
    // kills stream-storage.ts:30 "!parent" -> false and stream-storage.ts:108 "!parent" -> false (both read `parent.type` of undefined)
    expect(analyse(parser, 'const es = new EventSource("/a");', (sourceCode) => described(streamStorage(sourceCode, sourceCode.ast)))).toBe(
      'instance',
    );
  });

  it('counts a top-level variable of a script, which lives in the global scope, as shared', () => {
    // kills stream-storage.ts:47 "variable.scope.type === 'global'" -> false and "'global'" -> ""
    expect(storage(parser, 'let feed; function f(u) { feed = new EventSource(u); }', isNewEventSource, { sourceType: 'script' })).toBe(
      'shared',
    );
    expect(storage(parser, 'var feed = new EventSource("/a");', isNewEventSource, { sourceType: 'script' })).toBe('shared');
  });

  it('keeps a stream that is the first clause of a `for` as the instance', () => {
    // kills stream-storage.ts:110 "parent.type === 'VariableDeclarator'" -> true (a ForStatement has an `init` and no `id`)
    expect(storage(parser, 'function f(u) { for (new EventSource(u); ; ) break; }')).toBe('instance');
  });

  it('does not take the name a declaration declares for the value it stores', () => {
    // kills stream-storage.ts:110 "parent.init === value" -> true
    const isFeedName = (node: TSESTree.Node) => node.type === 'Identifier' && node.name === 'feed';
    expect(storage(parser, 'const feed = open("/a");', isFeedName)).toBe('instance');
  });

  it('does not take the target of an assignment for the value it stores', () => {
    // kills stream-storage.ts:117 "parent.right === value" -> true
    const isFeedName = (node: TSESTree.Node) => node.type === 'Identifier' && node.name === 'feed';
    expect(storage(parser, 'function f(x) { feed = x; }', isFeedName)).toBe('instance');
  });

  it('keeps a stream declared in code without a scope manager as the instance', () => {
    // kills stream-storage.ts:112 "sourceCode.scopeManager?.getDeclaredVariables" -> "sourceCode.scopeManager.getDeclaredVariables"
    // and stream-storage.ts:113 "!variable" -> false (both throw without a scope manager)
    const result = analyse(parser, 'const feed = new EventSource("/a");', (sourceCode) => {
      const bare = Object.create(sourceCode, { scopeManager: { value: null } }) as SourceCode;
      return described(streamStorage(bare, find(sourceCode.ast, isNewEventSource)));
    });
    expect(result).toBe('instance');
  });

  it('does not count a stream on the right of `+` as assigned to the variable on the left', () => {
    // kills stream-storage.ts:117 "parent.type === 'AssignmentExpression'" -> true and "&&" -> "||"
    expect(storage(parser, 'let total = 0; function f(u) { return total + new EventSource(u); }')).toBe('instance');
  });

  it('reads the method name of a call only from a plain, public property name', () => {
    // kills stream-storage.ts:85 "!member.computed && member.property.type === 'Identifier'" -> true and "&&" -> "||"
    expect(storage(parser, 'function f(id, set) { streams[set](id, new EventSource(id)); }')).toBe('instance');
    // kills stream-storage.ts:85 "member.property.type === 'Identifier'" -> true (a private `#set` is not a map's `set`)
    expect(storage(parser, 'class A { #set(k, v) {} f(id) { this.#set(id, new EventSource(id)); } }')).toBe('instance');
  });

  it('counts `set` only as the method of a keyed store, with the stream as the second argument', () => {
    // kills stream-storage.ts:141 "method === 'set'" -> true and "&&" -> "||"
    expect(storage(parser, 'function f(id) { streams.put(id, new EventSource(id)); }')).toBe('instance');
    // kills stream-storage.ts:141 "index === 1" -> true
    expect(storage(parser, 'function f(id) { const streams = new Map(); streams.set(new EventSource(id), id); }')).toBe('instance');
  });

  it('does not take a spread first argument of `set` for a key', () => {
    // kills stream-storage.ts:141 "key.type !== 'SpreadElement'" -> true and "'SpreadElement'" -> ""
    expect(storage(parser, 'function f(args) { const streams = new Map(); streams.set(...args, new EventSource("/a")); }')).toBe(
      'instance',
    );
  });

  it('counts a stream pushed after other items, and not the method pushed with', () => {
    // kills stream-storage.ts:144 "-1" -> "+1" (the stream is the second argument)
    expect(storage(parser, 'function f(u, first) { list.push(first, new EventSource(u)); }')).toBe('per-key list.push(…)');
    // kills stream-storage.ts:144 "index !== -1" -> true (the callee `list.push` is not one of its arguments)
    const isPushCallee = (node: TSESTree.Node) => node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'push';
    expect(storage(parser, 'function f(x) { list.push(x); }', isPushCallee)).toBe('instance');
  });

  it('counts only `set` with the stream second on a module-level object as shared', () => {
    // kills stream-storage.ts:148 "method === 'set' && index === 1" -> true
    expect(storage(parser, 'function f(u) { logger.log(new EventSource(u)); }')).toBe('instance');
    // kills stream-storage.ts:148 "method === 'set'" -> true and "&&" -> "||"
    expect(storage(parser, 'function f(u) { logger.log("opened", new EventSource(u)); }')).toBe('instance');
    // kills stream-storage.ts:148 "index === 1" -> true
    expect(storage(parser, 'function f(u) { cache.set(new EventSource(u)); }')).toBe('instance');
  });

  it('counts a computed key only on an object property that holds the stream', () => {
    // kills stream-storage.ts:154 "parent.type === 'Property' && parent.value === value" -> true, "parent.type === 'Property'" -> true
    // and "&&" -> "||" (a class field under a computed key is not an entry of a keyed object)
    expect(storage(parser, 'function f(id) { return class { [id] = new EventSource("/a"); }; }')).toBe('instance');
    // kills stream-storage.ts:154 "parent.value === value" -> true (the stream is the key, not the value)
    expect(storage(parser, 'function f(u) { return { [new EventSource(u)]: 1 }; }')).toBe('instance');
  });

  it('follows a stream one level down only as the value of a property of the entry', () => {
    // kills stream-storage.ts:159 "parent.type === 'Property' && parent.value === value" -> true and
    // "… && parent.parent.type === 'ObjectExpression'" "&&" -> "||" (a stream spread into the entry is not stored)
    expect(storage(parser, 'function f(id) { streams.set(id, { ...new EventSource(id) }); }')).toBe('instance');
    // kills stream-storage.ts:159 "parent.type === 'Property' || parent.value === value" and "parent.value === value" -> true
    expect(storage(parser, 'function f(id) { streams.set(id, { [new EventSource(id)]: 1 }); }')).toBe('instance');
  });

  it('counts an entry with a reference count as shared only when the entry is stored per key', () => {
    // kills stream-storage.ts:161 "entry.kind === 'per-key'" -> true
    expect(storage(parser, 'function f(u) { return { es: new EventSource(u), refs: 1 }; }')).toBe('instance');
    expect(storage(parser, 'function f(u) { const entry = { es: new EventSource(u), count: 1 }; use(entry); }')).toBe('instance');
  });

  it('reads the reference count only from plain property names of the entry', () => {
    // kills stream-storage.ts:100 the whole test -> true, "property.type === 'Property' && !property.computed" -> true,
    // "property.type === 'Property'" -> true and the last "&&" -> "||" (all read the key of a spread element)
    expect(storage(parser, 'function f(id, extra) { streams.set(id, { es: new EventSource(id), ...extra }); }')).toBe(
      'per-key streams.set(id, …)',
    );
    // kills stream-storage.ts:100 "property.type === 'Property' && !property.computed" -> true and "&&" -> "||"
    expect(storage(parser, 'function f(id, refs) { streams.set(id, { es: new EventSource(id), [refs]: 1 }); }')).toBe(
      'per-key streams.set(id, …)',
    );
  });

  it('counts a list as growing only when it spreads an earlier list', () => {
    // kills stream-storage.ts:166 "element?.type === 'SpreadElement'" -> true and stream-storage.ts:167 "spread" -> true
    expect(storage(parser, 'function f(u, first) { setList([first, new EventSource(u)]); }')).toBe('instance');
    // kills stream-storage.ts:166 "element?.type" -> "element.type" (a hole has no type)
    expect(storage(parser, 'function f(u) { setList([, new EventSource(u)]); }')).toBe('instance');
    expect(storage(parser, 'function f(u, prev) { setList([, ...prev, new EventSource(u)]); }')).toBe('per-key [...prev, …]');
  });
});
