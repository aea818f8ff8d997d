/**
 * `staticKeyName` (src/analysis/reconnect/access-paths.ts): the name a class member's or object
 * property's key gives, the same name `staticPropertyName` reads from `this.x`, `this['x']` or
 * `this.#x`, so that a field or method declared one way is found when it is reached the other.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { staticKeyName } from '../../src/analysis/reconnect/access-paths.js';
import { analyse, find, parsers } from './probe.js';

type Keyed = TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition;

function isKeyed(node: TSESTree.Node): node is Keyed {
  return node.type === 'Property' || node.type === 'PropertyDefinition' || node.type === 'MethodDefinition';
}

describe.each(parsers)('the static name of a key (%s)', (_name, parser) => {
  /** The name of the first member or property of `code`. */
  function keyName(code: string): string | null {
    return analyse(parser, code, (sourceCode) => staticKeyName(find(sourceCode.ast, isKeyed)));
  }

  it('names plain, quoted, bracketed-string, template and private keys', () => {
    expect(keyName('class A { source = 1; }')).toBe('source');
    expect(keyName("class A { 'source' = 1; }")).toBe('source');
    expect(keyName("class A { ['source'] = 1; }")).toBe('source');
    expect(keyName('class A { [`source`] = 1; }')).toBe('source');
    expect(keyName('class A { #source = 1; }')).toBe('#source');
    expect(keyName("({ 'close': () => {} })")).toBe('close');
    expect(keyName('class A { connectedCallback() {} }')).toBe('connectedCallback');
  });

  it('gives no name for a computed key that a run decides, or a number', () => {
    expect(keyName('class A { [source] = 1; }')).toBeNull();
    expect(keyName('class A { [`${prefix}source`] = 1; }')).toBeNull();
    expect(keyName('class A { 0 = 1; }')).toBeNull();
    expect(keyName('({ [key]: 1 })')).toBeNull();
    // kills access-paths.ts:57 "member.computed && key.type === 'TemplateLiteral'" -> '||', and its type test -> 'true'
    // (both would read the expressions of a key that has none, and throw)
    expect(keyName('class A { [1] = 1; }')).toBeNull();
    expect(keyName('class A { [a + b] = 1; }')).toBeNull();
  });
});
