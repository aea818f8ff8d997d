import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Whether an identifier names a property (`a.name`, `{ name: … }`) rather than a variable. A
 * lookup by name (`findVariable`) would otherwise take `this.paused` for a `const paused` in
 * scope.
 */
export function namesProperty(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === 'MemberExpression') return parent.property === node && !parent.computed;
  return parent?.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand;
}
