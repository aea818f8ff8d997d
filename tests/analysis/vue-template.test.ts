/**
 * The `v-for` that repeats a template element, and how messages name it, read from
 * vue-eslint-parser's template nodes (and the directive-name shape older releases gave).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { describeVFor, enclosingVFor } from '../../src/analysis/templates/vue-template.js';

type Element = Parameters<typeof enclosingVFor>[0];
type Attribute = Parameters<typeof describeVFor>[1];

const text = '<li v-for="row in rows">';
const sourceCode = { text } as unknown as Readonly<TSESLint.SourceCode>;
const vForExpression = { type: 'VForExpression', right: { range: [18, 22] as [number, number] } };

function element(attributes: unknown[], parent: unknown = { type: 'VDocumentFragment' }): Element {
  return { type: 'VElement', parent, startTag: { attributes } } as unknown as Element;
}

describe('enclosingVFor', () => {
  it('finds a v-for whose directive name is a plain string (older vue-eslint-parser)', () => {
    const vFor = { directive: true, key: { type: 'VDirectiveKey', name: 'for' }, value: { range: [11, 23], expression: vForExpression } };
    expect(enclosingVFor(element([vFor]))).toBe(vFor);
  });

  it('finds the enclosing element’s v-for, not a non-directive `for` attribute', () => {
    const vFor = { directive: true, key: { type: 'VDirectiveKey', name: { name: 'for' } }, value: { range: [11, 23], expression: vForExpression } };
    const label = { directive: false, key: { type: 'VIdentifier', name: 'for' }, value: { range: [0, 1] } };
    expect(enclosingVFor(element([label], element([vFor])))).toBe(vFor);
    expect(enclosingVFor(element([label]))).toBeNull();
  });
});

describe('describeVFor', () => {
  it('names what the v-for runs over, or only the v-for when there is no such expression', () => {
    expect(describeVFor(sourceCode, { value: { range: [11, 23], expression: vForExpression } } as unknown as Attribute)).toBe('a `v-for` over `rows`');
    expect(describeVFor(sourceCode, { value: { range: [11, 23], expression: null } } as unknown as Attribute)).toBe('a `v-for`');
    expect(describeVFor(sourceCode, { value: null } as unknown as Attribute)).toBe('a `v-for`');
  });
});
