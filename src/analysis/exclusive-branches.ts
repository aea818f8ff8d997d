/**
 * Whether two places of one file are alternatives: code that takes one of them does not take
 * the other. They sit in the two branches of an `if`/`else` or a `?:`, on the two sides of a
 * `||`/`??` fallback, in different `case`s of a `switch` that do not fall through, in a `try`
 * block and its `catch`, or one sits in a branch that always leaves (`return`, `throw`) before
 * the code of the other. Anything else may run both: code in two functions, or one after the other.
 */
import type { TSESTree } from '@typescript-eslint/utils';

function ancestors(node: TSESTree.Node): TSESTree.Node[] {
  const chain: TSESTree.Node[] = [];
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) chain.push(current);
  return chain;
}

/** Whether running `statement` always leaves the enclosing code (a `return`, `throw`, `break` or `continue` at its end). */
function alwaysLeaves(statement: TSESTree.Node | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return true;
    case 'BlockStatement':
      return alwaysLeaves(statement.body.at(-1));
    case 'IfStatement':
      return alwaysLeaves(statement.consequent) && alwaysLeaves(statement.alternate);
    default:
      return false;
  }
}

/** The statements of a block-like node, in order, or null when it is not one. */
function statementsOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      return node.body;
    case 'SwitchCase':
      return node.consequent;
    default:
      return null;
  }
}

/** Whether `branch` (the child of an `if` that holds a place) always leaves, so that code after the `if` is not reached through it. */
function leavesThrough(statement: TSESTree.Node, branch: TSESTree.Node | undefined): boolean {
  return statement.type === 'IfStatement' && (branch === statement.consequent || branch === statement.alternate) && alwaysLeaves(branch);
}

export function areAlternatives(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const upA = ancestors(a);
  const upB = new Set(ancestors(b));
  const commonIndex = upA.findIndex((node) => upB.has(node));
  if (commonIndex <= 0) return false;
  const common = upA[commonIndex]!;
  const childA = upA[commonIndex - 1]!;
  const childB = ancestors(b).find((node) => node.parent === common);
  if (!childB || childB === childA) return false;

  switch (common.type) {
    case 'IfStatement':
    case 'ConditionalExpression':
      return childA !== common.test && childB !== common.test;
    case 'LogicalExpression':
      return common.operator !== '&&';
    case 'TryStatement':
      return (childA === common.block && childB === common.handler) || (childA === common.handler && childB === common.block);
    case 'SwitchStatement': {
      if (childA.type !== 'SwitchCase' || childB.type !== 'SwitchCase') return false;
      // The earlier case must not fall through into the later one.
      const [first, second] = childA.range[0] < childB.range[0] ? [childA, childB] : [childB, childA];
      const cases = common.cases;
      return cases.slice(cases.indexOf(first), cases.indexOf(second)).every((item) => alwaysLeaves(item.consequent.at(-1)));
    }
    default:
      break;
  }
  const statements = statementsOf(common);
  if (!statements) return false;
  // `if (x) { open(); return; } open();`: the first place's branch leaves before the second runs.
  const [first, firstPath] = childA.range[0] < childB.range[0] ? [childA, upA] : [childB, ancestors(b)];
  const branch = firstPath[firstPath.indexOf(first) - 1];
  return leavesThrough(first, branch);
}
