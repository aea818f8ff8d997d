/**
 * Pins the small helpers of the core-streams analysis (issue 17), so that the mutants StrykerJS
 * left alive there fail a test: how reports name a file outside ESLint's working directory
 * (`display-path.ts`), the cache key of a wrapper list and the cache's `peek`
 * (`wrappers-cache.ts`), a detached identifier in `namesProperty` (`identifiers.ts`), and
 * `setParents` over keys that also name a non-node value (`set-parents.ts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/analysis/display-path.js';
import { namesProperty } from '../../src/analysis/identifiers.js';
import { setParents } from '../../src/analysis/set-parents.js';
import { PerWrappersCache, wrappersKey } from '../../src/analysis/wrappers-cache.js';

describe('displayPath', () => {
  it('names a file inside the working directory relative to it', () => {
    expect(displayPath('/work/app', 'src/feed.ts')).toBe('src/feed.ts');
  });

  it('names a file outside the working directory by its absolute path', () => {
    // kills display-path.ts:7 the outside test -> 'false', '||' -> '&&', "relative.startsWith('..')" -> "relative.endsWith('..')"
    expect(displayPath('/work/app', '/work/lib/feed.ts')).toBe('/work/lib/feed.ts');
  });
});

describe('wrappersKey and PerWrappersCache', () => {
  it('keys an empty wrapper list by the empty string', () => {
    // kills wrappers-cache.ts:10 'wrappers.length === 0' -> 'false', -> '!==', "''" -> '"Stryker was here!"'
    expect(wrappersKey([])).toBe('');
  });

  it('keys a wrapper list by its JSON text', () => {
    expect(wrappersKey([{ name: 'openFeed' }] as never)).toBe('[{"name":"openFeed"}]');
  });

  it('peeks at a value computed before, and at nothing for an owner it has not seen', () => {
    const cache = new PerWrappersCache<object, number>();
    const owner = {};
    expect(cache.get(owner, [], () => 7)).toBe(7);
    // kills wrappers-cache.ts:34 the body of peek -> '{}'
    expect(cache.peek(owner, [])).toBe(7);
    expect(cache.peek(owner, [{ name: 'openFeed' }] as never)).toBeUndefined();
    // kills wrappers-cache.ts:35 'this.#byOwner.get(owner)?.get' -> 'this.#byOwner.get(owner).get'
    expect(cache.peek({}, [])).toBeUndefined();
  });
});

describe('namesProperty', () => {
  it('takes an identifier not linked to a parent yet for no property name', () => {
    const program = espree.parse('feed;', { ecmaVersion: 'latest' }) as unknown as TSESTree.Program;
    const statement = program.body[0] as TSESTree.ExpressionStatement;
    // kills identifiers.ts:10 'parent?.type' -> 'parent.type', identifiers.ts:11 'parent?.type' -> 'parent.type'
    expect(namesProperty(statement.expression as TSESTree.Identifier)).toBe(false);
  });
});

describe('setParents', () => {
  it('links every node under the keys and passes over a key whose value is not a node', () => {
    const program = espree.parse('feed.open("/a");', { ecmaVersion: 'latest' }) as unknown as TSESTree.Program;
    // `Literal.value` and `Identifier.name` are a string, not a node.
    setParents(program, {
      Program: ['body'],
      ExpressionStatement: ['expression'],
      CallExpression: ['callee', 'arguments'],
      MemberExpression: ['object', 'property'],
      Literal: ['value'],
      Identifier: ['name'],
    });
    const call = (program.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    // kills set-parents.ts:15 "typeof child !== 'object'" -> 'false'
    expect(call.arguments[0]!.parent).toBe(call);
    expect((call.callee as TSESTree.MemberExpression).property.parent).toBe(call.callee);
  });
});
