/**
 * Pins `childNodes` of `walk.ts` (issue 17, the mutant StrykerJS left alive there): the visitor
 * keys come from whatever parser the user runs (typescript-eslint, espree, a Vue or Svelte
 * parser), so a key may hold a value that is no node; only objects with a `type` are children,
 * and a string or a number under a key is passed over, not tested with `in` (which throws).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { childNodes } from '../../src/analysis/reconnect/walk.js';
import { analyse, find, parsers } from './probe.js';

function isCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression';
}

describe('childNodes', () => {
  it('passes over values under a visitor key that are no objects', () => {
    // kills walk.ts:15 "typeof child === 'object'" -> 'true'
    const [, parser] = parsers[1];
    const texts = analyse(parser, 'connect(url, 1000);', (sourceCode) => {
      const call = find(sourceCode.ast, isCall);
      const literal = call.arguments[1]!;
      // `raw` is a string and `value` a number: keys a parser could list for a node of its own.
      const keys = { ...sourceCode.visitorKeys, Literal: ['raw', 'value'], CallExpression: ['callee', 'arguments'] };
      return {
        literal: childNodes(literal, keys),
        call: childNodes(call, keys).map((node) => sourceCode.getText(node)),
      };
    });
    expect(texts).toEqual({ literal: [], call: ['connect', 'url', '1000'] });
  });
});
