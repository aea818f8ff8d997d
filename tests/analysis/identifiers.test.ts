/**
 * `namesProperty` (src/analysis/identifiers.ts): which identifiers are names of properties, so
 * that a lookup by name does not take them for the variable of that name in scope.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { namesProperty } from '../../src/analysis/identifiers.js';
import { analyse, parsers, TS_FILE } from './probe.js';

/** Every identifier `open` of the code, as `property` or `variable`, in source order. */
function openNames(parser: unknown, code: string, typescript = false): string[] {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const seen: string[] = [];
      const visit = (node: TSESTree.Node): void => {
        if (node.type === 'Identifier' && node.name === 'open') seen.push(namesProperty(node) ? 'property' : 'variable');
        for (const key of sourceCode.visitorKeys[node.type] ?? []) {
          const value = (node as unknown as Record<string, unknown>)[key];
          for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
          }
        }
      };
      visit(sourceCode.ast);
      return seen;
    },
    typescript ? TS_FILE : undefined,
  );
}

describe.each(parsers)('names of properties (%s)', (_name, parser) => {
  it('takes member names and object keys for properties, and shorthands and computed keys for variables', () => {
    // A shorthand's one identifier is both its key and its value, so the walk meets it twice.
    expect(openNames(parser, 'a.open; a[open]; ({ open: 1 }); ({ open }); ({ [open]: 1 });')).toEqual([
      'property',
      'variable',
      'property',
      'variable',
      'variable',
      'variable',
    ]);
  });

  it('takes the value of a class field for a variable', () => {
    expect(openNames(parser, 'class A { current = open; static other = open; }')).toEqual(['variable', 'variable']);
  });

  it('takes the keys of class members for properties, a computed one for a variable', () => {
    expect(openNames(parser, 'class A { open = 1; open() {} get open() { return 1; } [open] = 2; static open = 3; }')).toEqual([
      'property',
      'property',
      'property',
      'variable',
      'property',
    ]);
  });
});

describe('names of properties in types (typescript-eslint)', () => {
  const typescript = parsers.find(([name]) => name === 'typescript-eslint')![1];

  it('takes the keys of type members and abstract members for properties', () => {
    expect(
      openNames(typescript, 'const x = state as { open: boolean; open(): void };\nabstract class A { abstract open: boolean; }', true),
    ).toEqual(['property', 'property', 'property']);
  });
});
