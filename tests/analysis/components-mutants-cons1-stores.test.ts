/**
 * Pins how `standingConsumerOf` (src/analysis/stream-consumers.ts) names a store that keeps a
 * stream open, so that the mutants StrykerJS left alive in `importSource`, `initialisedName`,
 * `isStoreFactory` and `storeOf` fail a test (issue 17): which calls define a store (by name, by
 * `new Store`, by an import from zustand or svelte/store, curried or not), and the name a store
 * goes by (the variable it initialises, through calls of it but not through calls it is handed
 * to, else its string id).
 *
 * Each case answers `<kind> | <label> | <node type>` for the consumer of the file's only stream.
 */
import { describe, expect, it } from 'vitest';
import { type ProbeFile, TS_FILE, parsers } from './probe.js';
import { onlyConsumerOf } from './consumers-probe.js';

describe.each(parsers)('stores that keep a stream open (%s)', (name, parser) => {
  const consumer = (code: string, file?: ProbeFile): string => onlyConsumerOf(parser, code, file);

  it('names a store by the string id it is defined with', () => {
    // kills stream-consumers.ts:93 "parent?.type === 'VariableDeclarator' && parent.init === current" -> true
    // (an expression statement has no `id`), and "(… && parent.init === current) || parent.id.type === 'Identifier'";
    // kills stream-consumers.ts:119 the whole test -> false, "id?.type === 'Literal'" "===" -> "!==", "'Literal'" -> "",
    // "typeof id.value === 'string'" "===" -> "!==" and "'string'" -> "";
    // kills stream-consumers.ts:120 "'store'" -> ""
    expect(consumer(`defineStore('feed', () => { new EventSource('/a'); });`)).toBe('store | store `feed` | CallExpression');
  });

  it('calls a store without a name "a store"', () => {
    // kills stream-consumers.ts:75 "name === null" -> false, stream-consumers.ts:120 "'a store'" -> "",
    // stream-consumers.ts:93 the whole test -> true (an export default has no `id`),
    // stream-consumers.ts:119 the whole test -> true and "&&" -> "||" (the id is a function: "store `undefined`")
    expect(consumer(`export default defineStore(() => { new EventSource('/a'); });`)).toBe('store | a store | CallExpression');
  });

  it('does not take a number for the name of a store', () => {
    // kills stream-consumers.ts:119 "typeof id.value === 'string'" -> true
    expect(consumer(`defineStore(42, () => { new EventSource('/a'); });`)).toBe('store | a store | CallExpression');
  });

  it('names a store by the variable that holds the result of calling it', () => {
    // kills stream-consumers.ts:91 the loop test -> false, "current.parent?.type === 'CallExpression'" "===" -> "!==",
    // "'CallExpression'" -> "" and "current.parent.callee === current" "===" -> "!=="
    expect(consumer(`const useFeed = defineStore(() => { new EventSource('/a'); })();`)).toBe(
      'store | store `useFeed` | CallExpression',
    );
  });

  it('does not name a store by the variable that holds what a call makes of it', () => {
    // kills stream-consumers.ts:91 "… && current.parent.callee === current" "&&" -> "||" and "current.parent.callee === current" -> true
    expect(consumer(`const useFeed = memoize(defineStore('feed', () => { new EventSource('/a'); }));`)).toBe(
      'store | store `feed` | CallExpression',
    );
  });

  it('does not name a store by the variable that holds an instance constructed from it', () => {
    // kills stream-consumers.ts:91 "current.parent?.type === 'CallExpression'" -> true
    expect(consumer(`const Feed = new (defineStore('feed', () => { new EventSource('/a'); }))();`)).toBe(
      'store | store `feed` | CallExpression',
    );
  });

  it('names a store defined in the initialiser of a for loop by its id', () => {
    // kills stream-consumers.ts:93 "parent?.type === 'VariableDeclarator'" -> true and
    // "parent?.type === 'VariableDeclarator' && parent.init === current" "&&" -> "||" (a for statement has an `init` but no `id`)
    expect(consumer(`for (defineStore('feed', () => { new EventSource('/a'); }); ;) break;`)).toBe(
      'store | store `feed` | CallExpression',
    );
  });

  it('takes zustand\'s curried `create()(…)` imported from zustand for a store', () => {
    // kills stream-consumers.ts:99 "callee.type === 'CallExpression'" -> false and "'CallExpression'" -> ""
    expect(
      consumer(`import { create } from 'zustand';\nexport const useFeed = create()((set) => { new EventSource('/a'); return {}; });`),
    ).toBe('store | store `useFeed` | CallExpression');
  });

  it('does not take a `create` that is not imported for a store', () => {
    // kills stream-consumers.ts:84 "findVariable(…)?.defs" -> "findVariable(…).defs",
    // stream-consumers.ts:85 "definition?.type === 'ImportBinding'" -> true, "&&" -> "||" and "definition?.type" -> "definition.type"
    // (each reads a definition the global does not have)
    expect(consumer(`create(() => { new EventSource('/a'); });`)).toBe('none');
  });

  it('does not take a local `create` for a store', () => {
    // kills stream-consumers.ts:85 the whole import test -> true (a variable's declaration has no `source`)
    expect(consumer(`const create = (f) => f;\ncreate(() => { new EventSource('/a'); });`)).toBe('none');
  });

  it('does not take a call of an unnamed callee for a store', () => {
    // kills stream-consumers.ts:101 "false" -> "true"
    expect(consumer(`(function () {})(() => { new EventSource('/a'); });`)).toBe('none');
  });

  it('takes `new Store(…)` for a store', () => {
    // kills stream-consumers.ts:102 "call.type === 'NewExpression'" -> false, "'NewExpression'" -> "",
    // "name === 'Store'" -> false, "===" -> "!==" and "'Store'" -> "";
    // kills stream-consumers.ts:114 "current.type === 'NewExpression'" -> false and "'NewExpression'" -> ""
    expect(consumer(`export const store = new Store({ state: () => ({ es: new EventSource('/a') }) });`)).toBe(
      'store | store `store` | NewExpression',
    );
  });

  it('does not take the construction of another class for a store', () => {
    // kills stream-consumers.ts:102 "name === 'Store'" -> true and "===" -> "!=="
    expect(consumer(`export const feed = new Feed(() => { new EventSource('/a'); });`)).toBe('none');
  });

  it.runIf(name === 'typescript-eslint')('does not take a `create` from `import … = require()` for a store', () => {
    // kills stream-consumers.ts:85 "definition.parent?.type === 'ImportDeclaration'" -> true
    // (an `import create = require('zustand')` has no `source`)
    expect(consumer(`import create = require('zustand');\ncreate(() => { new EventSource('/a'); });`, TS_FILE)).toBe('none');
  });
});
