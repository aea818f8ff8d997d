/**
 * A plain depth-first walk over a subtree, for the few questions that must look inside one
 * function or expression (never the whole file: rules use selectors for that).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** The direct children of `node`, in source order. */
export function childNodes(node: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && 'type' in child) children.push(child as TSESTree.Node);
    }
  }
  return children;
}

/**
 * Visits `root` and its descendants in source order. `visit` returns false to skip a node's
 * children (the node itself has been visited).
 */
export function walkTree(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  visit: (node: TSESTree.Node) => boolean | void,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children = childNodes(node, visitorKeys);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** Whether `outer` spans `inner` (or is it). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
