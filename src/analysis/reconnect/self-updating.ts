/**
 * What counts as a value that changes from its own previous value: a counter (`n++`,
 * `n += 1`, `n = n + 1`), a delay that doubles (`d *= 2`, `d = Math.min(d * 2, cap)`), React
 * state whose setter is given its previous value (`setN(n + 1)`, `setN((n) => n + 1)`), or a
 * parameter that calls pass on changed (`connect(attempt + 1)`). An attempt limit compares
 * one of these; a growing delay multiplies by one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { argumentParameters, isFunctionNode, skipTransparentParents } from '../functions.js';
import { type AccessPath, isClassRoot, pathOccurrences, unwrapExpression } from './access-paths.js';
import { callsOfFunction } from './local-functions.js';
import { contains } from './walk.js';

/** Compound assignments that move a number from where it was. */
const STEP_OPERATORS = new Set(['+=', '-=', '*=', '/=', '**=', '<<=']);

function isUpdatedFromItself(occurrences: readonly TSESTree.Node[]): boolean {
  for (const occurrence of occurrences) {
    const outer = skipTransparentParents(occurrence);
    const parent = outer.parent;
    if (parent?.type === 'UpdateExpression') return true;
    if (parent?.type !== 'AssignmentExpression' || parent.left !== outer) continue;
    if (STEP_OPERATORS.has(parent.operator)) return true;
    if (parent.operator === '=' && occurrences.some((other) => other !== occurrence && contains(parent.right, other))) {
      return true;
    }
  }
  return false;
}

/** A step away from a value: `x + 1`, `x - 1`, `++x`, `x * 2`. */
function isStepFrom(argument: TSESTree.Node): boolean {
  const node = unwrapExpression(argument);
  if (node.type === 'UpdateExpression') return true;
  return node.type === 'BinaryExpression' && ['+', '-', '*'].includes(node.operator);
}

/** `const [n, setN] = useState(0)` where `setN` is given `n` or an updater somewhere. */
function isStateUpdatedFromItself(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  if (definition?.type !== 'Variable') return false;
  const declarator = definition.node;
  const pattern = declarator.id;
  if (pattern.type !== 'ArrayPattern' || pattern.elements[0] !== definition.name || !declarator.init) return false;
  const init = unwrapExpression(declarator.init);
  if (init.type !== 'CallExpression') return false;
  const callee = unwrapExpression(init.callee);
  const hookName =
    callee.type === 'Identifier'
      ? callee.name
      : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
        ? callee.property.name
        : null;
  if (hookName !== 'useState') return false;
  const setterNode = pattern.elements[1];
  if (setterNode?.type !== 'Identifier') return false;
  const setter = sourceCode.scopeManager
    ?.getDeclaredVariables(declarator)
    .find((candidate) => candidate.name === setterNode.name);
  for (const reference of setter?.references ?? []) {
    const outer = skipTransparentParents(reference.identifier);
    const call = outer.parent;
    if (call?.type !== 'CallExpression' || call.callee !== outer || !call.arguments[0]) continue;
    const argument = unwrapExpression(call.arguments[0]);
    if (isFunctionNode(argument)) return true;
    if (variable.references.some((read) => contains(argument, read.identifier))) return true;
  }
  return false;
}

/** A parameter that some call of its function passes on changed: `connect(attempt + 1)`. */
function isParameterPassedOnChanged(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): boolean {
  const definition = variable.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  const fn = definition.node;
  const index = argumentParameters(fn).findIndex(
    (param) => param === definition.name || (param.type === 'AssignmentPattern' && param.left === definition.name),
  );
  if (index === -1) return false;
  return callsOfFunction(sourceCode, fn).some((call) => {
    const argument = call.arguments[index];
    return argument !== undefined && argument.type !== 'SpreadElement' && isStepFrom(argument);
  });
}

const cache = new WeakMap<object, Map<string, boolean>>();

/** Whether the value at `path` is, somewhere in the file, set from its own previous value. */
export function isSelfUpdating(sourceCode: Readonly<TSESLint.SourceCode>, path: AccessPath): boolean {
  const key = path.properties.join('.');
  let byProperties = cache.get(path.root);
  if (!byProperties) {
    byProperties = new Map();
    cache.set(path.root, byProperties);
  }
  let answer = byProperties.get(key);
  if (answer === undefined) {
    answer = isUpdatedFromItself(pathOccurrences(sourceCode, path));
    if (!answer && !isClassRoot(path.root) && path.properties.length === 0) {
      answer = isStateUpdatedFromItself(sourceCode, path.root) || isParameterPassedOnChanged(sourceCode, path.root);
    }
    byProperties.set(key, answer);
  }
  return answer;
}
