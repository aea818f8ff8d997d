/**
 * The `retry:` field of the event-stream format in server code that writes it as text:
 * `res.write('retry: 500\n\n')`, `` `retry: ${RETRY_MS}\n` ``, `'retry: ' + 500 + '\n'`. A
 * client reads a line as a reconnection time only when it is exactly `retry:`, an optional
 * space and ASCII digits, so only such lines count.
 */
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
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

/** The text an expression evaluates to, with the parts the file does not fix left unknown. */
export function staticText(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): string {
  const node = unwrapExpression(expression);
  const known = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  if (known && (typeof known.value === 'string' || typeof known.value === 'number')) return String(known.value);
  if (isConcatenation(node)) return staticText(sourceCode, node.left) + staticText(sourceCode, node.right);
  if (node.type === 'TemplateLiteral') {
    let text = '';
    node.quasis.forEach((quasi, index) => {
      text += quasi.value.cooked ?? UNKNOWN;
      const embedded = node.expressions[index];
      if (embedded) text += staticText(sourceCode, embedded);
    });
    return text;
  }
  return UNKNOWN;
}
