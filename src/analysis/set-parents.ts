import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Sets `parent` on every node, as ESLint does while it traverses a file it lints: for files the
 * analysis parses itself (an imported component, a file of the type-aware program), whose
 * nodes the shared analysis walks upwards.
 */
export function setParents(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof child !== 'object' || !('type' in child)) continue;
        (child as { parent: TSESTree.Node }).parent = node;
        stack.push(child as TSESTree.Node);
      }
    }
  }
}
