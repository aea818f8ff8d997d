/**
 * Calls of a browser or Node global by name (`setInterval(…)`, `window.setInterval(…)`), only
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

/** Every call of the global function `name`, bare or through `window.`/`globalThis.`/`self.`/`global.`. */
export function globalFunctionCalls(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESTree.CallExpression[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const callees: TSESTree.Node[] = [...globalReferences(globalScope, name)];
  for (const objectName of GLOBAL_OBJECT_NAMES) {
    for (const identifier of globalReferences(globalScope, objectName)) {
      const member = memberOf(identifier, name);
      if (member) callees.push(member);
    }
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const callee of callees) {
    const outer = skipTransparentParents(callee);
    if (outer.parent?.type === 'CallExpression' && outer.parent.callee === outer) calls.push(outer.parent);
  }
  return calls.sort((a, b) => a.range[0] - b.range[0]);
}
