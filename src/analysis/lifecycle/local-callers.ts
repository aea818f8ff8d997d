/**
 * Where a function of the file is called, and whether those are all the places that can call
 * it. A function bound to a name only this file can use (a non-exported local, a private
 * class method, a method of a React class component) is called exactly where its name is
 * called; one that is exported, public, handed over as a value (`button.onclick = connect`,
 * `setInterval(connect, d)`) or defined inline as a handler can be called from anywhere, any
 * number of times.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { asComponentOrHook, isHookName } from '../components.js';
import { type FunctionNode, calleeName, isCalledOnceAsArgument, skipTransparentParents } from '../functions.js';
import { pathOccurrences, staticKeyName } from '../reconnect/access-paths.js';
import { type HolderPath, holderOccurrences, optionsObjectOf } from './holder-paths.js';

export interface LocalCallers {
  /**
   * The calls of the function by its name (`connect()`, `this.connect()`), or of the
   * scheduler it is handed to (`setTimeout(connect, d)`).
   */
  calls: TSESTree.CallExpression[];
  /** Whether those are all the ways it can run. */
  complete: boolean;
  /**
   * Whether every use this file makes of it is one of `calls` (it may still be exported or
   * public): then the file's own calls show how it is meant to be called.
   */
  usedOnlyByCalls?: boolean;
}

/** Wrappers that return (a version of) the function they are given, so that their result calls it. */
const FUNCTION_WRAPPERS = new Set(['useCallback', 'useEffectEvent', 'useEvent', 'debounce', 'throttle']);

const NONE: LocalCallers = { calls: [], complete: false };

function isExported(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

/** `[connect]` as the dependency list of `useEffect(fn, [connect])`: React compares it, never calls it. */
export function isHookDependency(node: TSESTree.Node): boolean {
  const list = node.parent;
  const call = list?.parent;
  return (
    list?.type === 'ArrayExpression' &&
    call?.type === 'CallExpression' &&
    call.arguments[1] === list &&
    isHookName(calleeName(call.callee) ?? '')
  );
}

/** Sorts occurrences of a function's name into calls, and says whether any is something else. */
function callsAmong(occurrences: readonly TSESTree.Node[]): LocalCallers {
  const calls: TSESTree.CallExpression[] = [];
  let complete = true;
  for (const occurrence of occurrences) {
    const node = skipTransparentParents(occurrence);
    const parent = node.parent;
    if (isHookDependency(node)) continue;
    if (parent?.type === 'CallExpression' && parent.callee === node) calls.push(parent);
    // `setTimeout(connect, d)`, `promise.then(connect)`: called once, from there.
    else if (parent?.type === 'CallExpression' && isCalledOnceAsArgument(node)) calls.push(parent);
    else complete = false;
  }
  return { calls, complete };
}

function variableCallers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: TSESTree.Node,
  name: string,
  exported: boolean,
): LocalCallers {
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration).find((v) => v.name === name);
  if (!variable) return NONE;
  const reads = variable.references.filter((reference) => !reference.init && reference.isRead());
  const found = callsAmong(reads.map((reference) => reference.identifier as TSESTree.Node));
  return { calls: found.calls, complete: found.complete && !exported, usedOnlyByCalls: found.complete };
}

function isPrivateMember(member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): boolean {
  return member.key.type === 'PrivateIdentifier' || member.accessibility === 'private';
}

/** The calls of `fn` that this file makes, and whether nothing else can call it. */
export function localCallersOf(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): LocalCallers {
  if (fn.type === 'FunctionDeclaration') {
    return fn.id ? variableCallers(sourceCode, fn, fn.id.name, isExported(fn)) : NONE;
  }
  let node: TSESTree.Node = skipTransparentParents(fn);
  while (
    node.parent?.type === 'CallExpression' &&
    node.parent.arguments[0] === node &&
    FUNCTION_WRAPPERS.has(calleeName(node.parent.callee) ?? '')
  ) {
    node = skipTransparentParents(node.parent);
  }
  const parent = node.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
    return variableCallers(sourceCode, parent, parent.id.name, parent.parent ? isExported(parent.parent) : false);
  }
  if ((parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.value === node) {
    const name = staticKeyName(parent);
    if (parent.static || name === null || parent.parent.type !== 'ClassBody') return NONE;
    const found = callsAmong(pathOccurrences(sourceCode, { root: parent.parent, properties: [name] }));
    // Nothing outside calls the methods of a React class component; its own code is all there is.
    const closed = isPrivateMember(parent) || asComponentOrHook(parent.parent.parent)?.kind === 'class-component';
    return { calls: found.calls, complete: found.complete && closed, usedOnlyByCalls: found.complete };
  }
  if (parent?.type === 'Property' && parent.value === node && parent.parent.type === 'ObjectExpression') {
    const name = staticKeyName(parent);
    if (name === null) return NONE;
    const path: HolderPath = { root: optionsObjectOf(parent.parent), properties: [name] };
    // A component's methods can also be called from its template: never complete.
    const found = callsAmong(holderOccurrences(sourceCode, path));
    return { calls: found.calls, complete: false, usedOnlyByCalls: found.complete };
  }
  return NONE;
}
