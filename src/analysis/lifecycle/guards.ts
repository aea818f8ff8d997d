/**
 * Conditions that tell whether a stream is already there, so that code under them does not
 * open a second one: a test of the stream itself (`if (!es)`, `es?.readyState === 2`,
 * `if (this.es) return;`), of its `readyState` wherever it is read from (`e.target.readyState`),
 * or of state the code keeps beside it (`if (this.connected) return;`, `if (!isOpen()) …`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import type { FunctionNode } from '../functions.js';
import { namesProperty } from '../identifiers.js';
import { staticPropertyName } from '../reconnect/access-paths.js';
import { contains, walkTree } from '../reconnect/walk.js';
import { type CloseTargets, isStreamReference } from './closing.js';

function someNode(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  test: (node: TSESTree.Node) => boolean,
): boolean {
  let found = false;
  walkTree(root, visitorKeys, (node) => {
    if (found) return false;
    found = test(node);
    return !found;
  });
  return found;
}

/** Whether the condition reads the stream under one of its names. */
export function testsStream(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Node, targets: CloseTargets): boolean {
  return someNode(
    test,
    sourceCode.visitorKeys,
    (node) =>
      (node.type === 'Identifier' || node.type === 'MemberExpression' || node.type === 'ThisExpression') &&
      isStreamReference(sourceCode, node, targets),
  );
}

/** Whether the condition reads a `readyState`, of whatever stream. */
export function testsReadyState(sourceCode: Readonly<TSESLint.SourceCode>, test: TSESTree.Node): boolean {
  return someNode(
    test,
    sourceCode.visitorKeys,
    (node) => node.type === 'MemberExpression' && staticPropertyName(node) === 'readyState',
  );
}

/**
 * Whether the condition reads state that outlives one run of `unit`: an instance member
 * (`this.connected`), or a variable declared outside it (a module flag, a closure's `let`, a
 * function such as `isOpen()`). Parameters and locals of `unit` change with every call, so a
 * test of them (`if (!url) return;`) says nothing about an earlier stream.
 */
export function testsKeptState(
  sourceCode: Readonly<TSESLint.SourceCode>,
  test: TSESTree.Node,
  unit: FunctionNode | null,
): boolean {
  return someNode(test, sourceCode.visitorKeys, (node) => {
    if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression') return true;
    if (node.type !== 'Identifier' || namesProperty(node)) return false;
    const variable = findVariable(sourceCode.getScope(node), node);
    const definition = variable?.defs[0];
    if (!definition) return false;
    return unit === null || !contains(unit, definition.name);
  });
}
