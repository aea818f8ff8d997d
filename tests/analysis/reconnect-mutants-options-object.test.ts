/**
 * Pins how `object-options.ts` reads an options object literal (issue 17, the mutants StrykerJS
 * left alive there): which keys name an option (`a`, `'a'`, `1`, `['a']`), which make the lookup
 * unknown (`[key]`, `[true]`), and that the last property wins.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findOption } from '../../src/analysis/reconnect/object-options.js';
import { analyse, find, parsers } from './probe.js';

function isObject(node: TSESTree.Node): node is TSESTree.ObjectExpression {
  return node.type === 'ObjectExpression';
}

/** What `findOption` says of `name` in the object literal `options`, under both parsers, with the found property as text. */
function lookUp(options: string, name: string): unknown[] {
  return parsers.map(([, parser]) =>
    analyse(parser, `configure(${options});`, (sourceCode) => {
      const result = findOption(find(sourceCode.ast, isObject), name);
      return result.kind === 'found' ? { kind: 'found', property: sourceCode.getText(result.property) } : result;
    }),
  );
}

const both = (value: unknown) => [value, value];
const UNKNOWN = both({ kind: 'unknown' });
const ABSENT = both({ kind: 'absent' });

describe('findOption: keys', () => {
  it('finds an option under a string key, plain or computed', () => {
    // kills object-options.ts:13 "!property.computed && key.type === 'Identifier'" -> 'true', "key.type === 'Identifier'" -> 'true',
    // :14 "key.type === 'Literal' && (…)" -> 'false', "'Literal'" -> '""', "key.type === 'Literal'" -> '!==',
    // "typeof key.value === 'string' || …" -> '&&', "typeof key.value === 'string'" -> 'false' and -> '!==', "'string'" -> '""'
    expect(lookUp("{ 'retries': 3 }", 'retries')).toEqual(both({ kind: 'found', property: "'retries': 3" }));
    expect(lookUp("{ ['retries']: 3 }", 'retries')).toEqual(both({ kind: 'found', property: "['retries']: 3" }));
  });

  it('finds an option under a number key', () => {
    // kills object-options.ts:14 "typeof key.value === 'number'" -> 'false' and -> '!==', "'number'" -> '""'
    expect(lookUp("{ 0: 'first' }", '0')).toEqual(both({ kind: 'found', property: "0: 'first'" }));
  });

  it('takes a computed key of a name for unknown, not for the name', () => {
    // kills object-options.ts:13 "!property.computed && key.type === 'Identifier'" -> '||',
    // :14 "key.type === 'Literal' && (…)" -> 'true' (the name reads as 'undefined') and :31 'key === null' -> 'false'
    expect(lookUp('{ [retries]: 3 }', 'retries')).toEqual(UNKNOWN);
    expect(lookUp('{ [key]: 3 }', 'retries')).toEqual(UNKNOWN);
    expect(lookUp('{ [key]: 3 }', 'undefined')).toEqual(UNKNOWN);
  });

  it('takes a computed key that is a literal but no string or number for unknown', () => {
    // kills object-options.ts:14 "key.type === 'Literal' && (…)" -> "key.type === 'Literal' || …",
    // "typeof key.value === 'string' || typeof key.value === 'number'" -> 'true' and "typeof key.value === 'number'" -> '!=='
    expect(lookUp('{ [true]: 3 }', 'true')).toEqual(UNKNOWN);
    expect(lookUp('{ [null]: 3 }', 'retries')).toEqual(UNKNOWN);
  });

  it('looks past other names, and stops at a spread', () => {
    expect(lookUp('{ retries: 3, delay: 10 }', 'retries')).toEqual(both({ kind: 'found', property: 'retries: 3' }));
    expect(lookUp('{ delay: 10 }', 'retries')).toEqual(ABSENT);
    expect(lookUp('{ retries: 3, ...defaults }', 'retries')).toEqual(UNKNOWN);
  });
});
