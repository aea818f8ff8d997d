/**
 * Calls and `new`s of a browser or Node global by name (`setInterval(…)`, `window.setInterval(…)`), only
 * where the name is not declared by the file itself. Config-declared globals (`globals.browser`)
 * and undeclared names are both the global.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipTransparentParents } from '../functions.js';
import { memberOf } from './access-paths.js';

const GLOBAL_OBJECT_NAMES = ['window', 'globalThis', 'self', 'global'];

function globalReferences(globalScope: TSESLint.Scope.Scope, name: string): TSESTree.Identifier[] {
  const identifiers: TSESTree.Identifier[] = [];
  for (const reference of globalScope.through) {
    if (reference.identifier.name === name && reference.identifier.type === 'Identifier') identifiers.push(reference.identifier);
  }
  const declared = globalScope.set.get(name);
  if (declared && declared.defs.length === 0) {
    for (const reference of declared.references) {
      if (reference.identifier.type === 'Identifier') identifiers.push(reference.identifier);
    }
  }
  return identifiers;
}

/** Every use of the global `name` as a callee, bare or through `window.`/`globalThis.`/`self.`/`global.`. */
function globalInvocations(
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
): (TSESTree.CallExpression | TSESTree.NewExpression)[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const callees: TSESTree.Node[] = [...globalReferences(globalScope, name)];
  for (const objectName of GLOBAL_OBJECT_NAMES) {
    for (const identifier of globalReferences(globalScope, objectName)) {
      const member = memberOf(identifier, name);
      if (member) callees.push(member);
    }
  }
  const invocations: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  for (const callee of callees) {
    const outer = skipTransparentParents(callee);
    const parent = outer.parent;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === outer) invocations.push(parent);
  }
  return invocations.sort((a, b) => a.range[0] - b.range[0]);
}

/** Every call of the global function `name`, bare or through `window.`/`globalThis.`/`self.`/`global.`. */
export function globalFunctionCalls(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.CallExpression[] {
  return globalInvocations(sourceCode, name).filter((node) => node.type === 'CallExpression');
}

/** Every `new` of the global class `name` (one a `<script>` tag defines, say), bare or through the global object. */
export function globalConstructions(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.NewExpression[] {
  return globalInvocations(sourceCode, name).filter((node) => node.type === 'NewExpression');
}
