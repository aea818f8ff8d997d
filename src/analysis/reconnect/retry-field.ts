/**
 * The `retry:` field of the event-stream format in server code that writes it as text:
 * `res.write('retry: 500\n\n')`, `` `retry: ${RETRY_MS}\n` ``, `'retry: ' + 500 + '\n'`. A
 * client reads a line as a reconnection time only when it is exactly `retry:`, an optional
 * space and ASCII digits, so only such lines count.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import { skipTransparentParents } from '../functions.js';
import { unwrapExpression } from './access-paths.js';

/** Stands for a part of the text the file does not fix; it can be neither a digit nor a line break. */
const UNKNOWN = '\u0000';
const RETRY_LINE = /(?:^|\r\n|\r|\n)retry: ?(\d+)(?=\r\n|\r|\n|$)/g;

/** The reconnection times that a text sets, in order. */
export function retryFieldValues(text: string): number[] {
  return [...text.matchAll(RETRY_LINE)].map((match) => Number(match[1]));
}

function isConcatenation(node: TSESTree.Node | undefined): node is TSESTree.BinaryExpression {
  return node?.type === 'BinaryExpression' && node.operator === '+';
}

/** The outermost `a + b + …` that `node` is a part of, or `node` itself. */
export function outermostConcatenation(node: TSESTree.Node): TSESTree.Node {
  let current = skipTransparentParents(node);
  while (isConcatenation(current.parent)) current = skipTransparentParents(current.parent);
  return current;
}

type StaticValue = { value: unknown } | null;

/**
 * Adds to `values` the static value of `root`, of every `+` in it and of their other pieces,
 * each worked out once, bottom up, with an explicit stack. `getStaticValue` on each `+` of a
 * chain would evaluate the whole left side again every time, and recurse as deep as the chain
 * is long.
 */
function addConcatenationValues(
  root: TSESTree.Node,
  scope: TSESLint.Scope.Scope,
  values: Map<TSESTree.Node, StaticValue>,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack[stack.length - 1]!;
    if (values.has(node)) {
      stack.pop();
    } else if (!isConcatenation(node)) {
      values.set(node, getStaticValue(node, scope));
      stack.pop();
    } else if (!values.has(node.left) || !values.has(node.right)) {
      stack.push(node.right, node.left);
    } else {
      // What `getStaticValue` does for `+`: known when both sides are.
      const left = values.get(node.left)!;
      const right = values.get(node.right)!;
      values.set(node, left && right ? { value: (left.value as string) + (right.value as string) } : null);
      stack.pop();
    }
  }
}

/** The text an expression evaluates to, with the parts the file does not fix left unknown. */
export function staticText(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): string {
  // One scope for every piece, as `getStaticValue` itself uses for a whole expression: asking
  // for each piece's own would climb the tree from each one.
  const scope = sourceCode.getScope(expression);
  const values = new Map<TSESTree.Node, StaticValue>();
  let text = '';
  // Pieces still to write, in order from the end of the stack: nodes, or text already known.
  const pending: (TSESTree.Node | string)[] = [expression];
  while (pending.length > 0) {
    const piece = pending.pop()!;
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    const node = unwrapExpression(piece);
    if (!values.has(node)) addConcatenationValues(node, scope, values);
    const known = values.get(node)!;
    if (known && (typeof known.value === 'string' || typeof known.value === 'number')) {
      text += String(known.value);
    } else if (isConcatenation(node)) {
      pending.push(node.right, node.left);
    } else if (node.type === 'TemplateLiteral') {
      for (let index = node.quasis.length - 1; index >= 0; index--) {
        const embedded = node.expressions[index];
        if (embedded) pending.push(embedded);
        pending.push(node.quasis[index]!.value.cooked ?? UNKNOWN);
      }
    } else {
      text += UNKNOWN;
    }
  }
  return text;
}
