import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Whether an identifier names a property (`a.name`, `{ name: … }`, a class or type member's
 * key) rather than a variable. A lookup by name (`findVariable`) would otherwise take
 * `this.paused` for a `const paused` in scope.
 */
export function namesProperty(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === 'MemberExpression') return parent.property === node && !parent.computed;
  if (parent.type === 'Property') return parent.key === node && !parent.computed && !parent.shorthand;
  // The key of a class member or of a type's member (`open = false;`, `{ open: boolean }` in an
  // `as` cast): a name, never a read of the variable `open`.
  return 'key' in parent && parent.key === node && 'computed' in parent && !parent.computed;
}
