/** Reading an options object literal the way the library will: by key, the last one winning. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './access-paths.js';

export type OptionLookup =
  | { kind: 'found'; property: TSESTree.Property }
  | { kind: 'absent' }
  /** A spread (`...defaults`) or a computed key may supply it: the rule cannot know. */
  | { kind: 'unknown' };

function keyName(property: TSESTree.Property): string | null {
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return null;
}

/** The object literal an argument is, seen through `as`/`satisfies`/`!`; null for anything else. */
export function objectLiteralArgument(argument: TSESTree.Node | undefined): TSESTree.ObjectExpression | null {
  if (!argument || argument.type === 'SpreadElement') return null;
  const node = unwrapExpression(argument);
  return node.type === 'ObjectExpression' ? node : null;
}

export function findOption(object: TSESTree.ObjectExpression, name: string): OptionLookup {
  for (let index = object.properties.length - 1; index >= 0; index--) {
    const property = object.properties[index]!;
    if (property.type === 'SpreadElement') return { kind: 'unknown' };
    const key = keyName(property);
    if (key === name) return { kind: 'found', property };
    if (key === null) return { kind: 'unknown' };
  }
  return { kind: 'absent' };
}
