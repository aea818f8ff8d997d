/**
 * Re-opens through a name that holds a function rather than naming it: calls that the file's
 * opener index (`stream-openers.ts`, which follows functions by their binding) cannot see.
 *
 * - a function stored on an object: `const feed = { connect() {…} }` then `feed.connect()`,
 *   or `api.connect = function () {…}` then `setTimeout(api.connect, d)`;
 * - a ref that holds it: `connectRef.current = connect` (or `useRef(connect)`), then
 *   `setTimeout(() => connectRef.current(), d)`;
 * - a callback parameter that callers fill with it: `watch(url, reconnect)` called as
 *   `watch('/events', start)`, where `start` opens.
 *
 * Each is followed only as far as the file shows one function for it; a value that may be
 * anything (a parameter no call fills, a property set from elsewhere) stays unknown.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, argumentParameters, isFunctionNode, skipTransparentParents } from '../functions.js';
import { type StreamOpeners, owningFunction } from '../stream-openers.js';
import { type AccessPath, accessPathOf, isClassRoot, pathOccurrences, staticKeyName, staticPropertyName, unwrapExpression } from './access-paths.js';
import { callsOfFunction, resolveLocalFunction } from './local-functions.js';
import type { ReopenPoint } from './reopen-points.js';
import { walkTree } from './walk.js';

/** How many names (a parameter filled with a ref filled with a function…) are followed. */
const MAX_STEPS = 3;

/** The values the file stores at a path of properties of a variable: object-literal members, `useRef(fn)`, assignments. */
function storedValues(sourceCode: Readonly<TSESLint.SourceCode>, path: AccessPath): TSESTree.Node[] {
  if (isClassRoot(path.root) || path.properties.length === 0) return [];
  const values: TSESTree.Node[] = [];
  const definition = path.root.defs.length === 1 ? path.root.defs[0] : undefined;
  const init = definition?.type === 'Variable' && definition.node.init ? unwrapExpression(definition.node.init) : null;
  if (init?.type === 'ObjectExpression' && path.properties.length === 1) {
    for (const property of init.properties) {
      if (property.type === 'Property' && staticKeyName(property) === path.properties[0]) values.push(property.value);
    }
  }
  if (init?.type === 'CallExpression' && path.properties.length === 1 && path.properties[0] === 'current') {
    const callee = unwrapExpression(init.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
    const first = init.arguments[0];
    if (name === 'useRef' && first && first.type !== 'SpreadElement') values.push(first);
  }
  for (const occurrence of pathOccurrences(sourceCode, path)) {
    const outer = skipTransparentParents(occurrence);
    const parent = outer.parent;
    if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === outer) values.push(parent.right);
  }
  return values;
}

/** The arguments that calls of a parameter's function pass for it. */
function parameterArguments(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return [];
  const fn = definition.node;
  const index = argumentParameters(fn).findIndex(
    (param) => param === definition.name || (param.type === 'AssignmentPattern' && param.left === definition.name),
  );
  if (index === -1) return [];
  const values: TSESTree.Node[] = [];
  for (const call of callsOfFunction(sourceCode, fn)) {
    const argument = call.arguments[index];
    if (argument && argument.type !== 'SpreadElement') values.push(argument);
  }
  return values;
}

/** The local functions an expression may hold, through objects, refs and parameters. */
export function functionsHeldBy(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  steps = 0,
): FunctionNode[] {
  const direct = resolveLocalFunction(sourceCode, expression);
  if (direct) return [direct];
  if (steps >= MAX_STEPS) return [];
  const node = unwrapExpression(expression);
  let values: TSESTree.Node[] = [];
  if (node.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node), node);
    values = variable ? parameterArguments(sourceCode, variable) : [];
  } else if (node.type === 'MemberExpression') {
    const path = accessPathOf(sourceCode, node);
    values = path ? storedValues(sourceCode, path) : [];
  }
  return values.flatMap((value) => functionsHeldBy(sourceCode, value, steps + 1));
}

/**
 * Re-opens in `region` through names that hold an opener: calls of them, and references handed
 * to a call (`setTimeout(api.connect, d)`), in code that runs with the region. Also through a
 * local function the region calls that is no opener by its binding but re-opens that way itself
 * (`onerror = () => scheduleRetry()`, where `scheduleRetry` runs `setTimeout(() =>
 * stream.connect(), d)`): its route then starts with that function. Nodes already in `known`
 * are left out.
 */
export function indirectReopenPoints(
  sourceCode: Readonly<TSESLint.SourceCode>,
  region: TSESTree.Node & { body: TSESTree.Node },
  openers: StreamOpeners,
  known: ReadonlySet<TSESTree.Node>,
  steps = 0,
  visiting: ReadonlySet<TSESTree.Node> = new Set([region]),
): ReopenPoint[] {
  if (openers.byFunction.size === 0) return [];
  const owner = owningFunction(region.body);
  const points: ReopenPoint[] = [];
  const consider = (node: TSESTree.Node, held: TSESTree.Node): void => {
    if (known.has(node) || owningFunction(node) !== owner) return;
    const functions = functionsHeldBy(sourceCode, held);
    for (const fn of functions) {
      const info = openers.byFunction.get(fn);
      if (info && fn !== region) {
        points.push({ node, opening: info.opening, route: [fn, ...info.via] });
        return;
      }
    }
    if (steps >= MAX_STEPS) return;
    for (const fn of functions) {
      if (visiting.has(fn) || openers.byFunction.has(fn)) continue;
      const inner = indirectReopenPoints(sourceCode, fn, openers, known, steps + 1, new Set([...visiting, fn]))[0];
      if (inner) {
        const leads = new Map(inner.leads);
        leads.set(fn, inner.node);
        points.push({ node, opening: inner.opening, route: [fn, ...inner.route], leads });
        return;
      }
    }
  };
  walkTree(region, sourceCode.visitorKeys, (node) => {
    if (node.type !== 'CallExpression') return true;
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'Identifier' || callee.type === 'MemberExpression') consider(node, callee);
    for (const argument of node.arguments) {
      const value = unwrapExpression(argument);
      if (value.type === 'MemberExpression' || value.type === 'Identifier') consider(value, value);
    }
    return true;
  });
  return points;
}
