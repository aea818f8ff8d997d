/**
 * Stops that the server controls: a flag that a server event sets (`es.addEventListener('bye',
 * () => { stopped = true; })`, `if (msg.type === 'shutdown') this.serverClosed = true`) and that
 * a reconnect checks before it runs (`if (stopped) return;`). The server can then end every
 * client's retries, on purpose and at once: a bound, like an attempt limit.
 *
 * A flag counts when a listener for server events (`stream-listeners.ts`), or a local function
 * it calls, assigns it `true` or `false` (or a `useState` setter is called with one). A flag that
 * only the page sets (a `close()` method, an unmount) bounds nothing: the failing server cannot
 * reach it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import type { StreamOpening } from '../stream-sources.js';
import { type AccessPath, accessPathOf, samePath, unwrapExpression } from './access-paths.js';
import { resolveLocalFunction } from './local-functions.js';
import { serverEventListeners } from './stream-listeners.js';
import { walkTree } from './walk.js';

export type ServerStops = readonly AccessPath[];

export const NO_SERVER_STOPS: ServerStops = [];

/** How many local calls away from the listener the flag may be set. */
const MAX_DEPTH = 2;

function isBooleanLiteral(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return value.type === 'Literal' && typeof value.value === 'boolean';
}

/** `const [stopped, setStopped] = useState(false)`: the state variable of a setter. */
function stateOfSetter(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): TSESLint.Scope.Variable | null {
  if (callee.type !== 'Identifier') return null;
  const setter = findVariable(sourceCode.getScope(callee), callee);
  const definition = setter?.defs.length === 1 ? setter.defs[0] : undefined;
  if (definition?.type !== 'Variable') return null;
  const pattern = definition.node.id;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  if (pattern.type !== 'ArrayPattern' || pattern.elements[1] !== definition.name || init?.type !== 'CallExpression') return null;
  const hook = unwrapExpression(init.callee);
  const hookName = hook.type === 'Identifier' ? hook.name : hook.type === 'MemberExpression' && hook.property.type === 'Identifier' ? hook.property.name : null;
  const state = pattern.elements[0];
  if (hookName !== 'useState' || state?.type !== 'Identifier') return null;
  return sourceCode.scopeManager?.getDeclaredVariables(definition.node).find((variable) => variable.name === state.name) ?? null;
}

function flagsSetIn(sourceCode: Readonly<TSESLint.SourceCode>, listener: FunctionNode, flags: AccessPath[]): void {
  const seen = new Set<FunctionNode>([listener]);
  const queue: { fn: FunctionNode; depth: number }[] = [{ fn: listener, depth: 0 }];
  while (queue.length > 0) {
    const { fn, depth } = queue.shift()!;
    walkTree(fn.body, sourceCode.visitorKeys, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === 'AssignmentExpression' && node.operator === '=' && isBooleanLiteral(node.right)) {
        const path = accessPathOf(sourceCode, node.left);
        if (path && !flags.some((flag) => samePath(flag, path))) flags.push(path);
      } else if (node.type === 'CallExpression') {
        const state = node.arguments[0] && isBooleanLiteral(node.arguments[0]) ? stateOfSetter(sourceCode, unwrapExpression(node.callee)) : null;
        if (state) flags.push({ root: state, properties: [] });
        const called = depth < MAX_DEPTH ? resolveLocalFunction(sourceCode, node.callee) : null;
        if (called && !seen.has(called)) {
          seen.add(called);
          queue.push({ fn: called, depth: depth + 1 });
        }
      }
      return true;
    });
  }
}

const cache = new WeakMap<readonly StreamOpening[], ServerStops>();

/** The flags that server events set, for the streams of a file (computed once per list of openings). */
export function getServerStops(sourceCode: Readonly<TSESLint.SourceCode>, openings: readonly StreamOpening[]): ServerStops {
  let stops = cache.get(openings);
  if (!stops) {
    const flags: AccessPath[] = [];
    for (const listener of serverEventListeners(sourceCode, openings)) flagsSetIn(sourceCode, listener, flags);
    stops = flags;
    cache.set(openings, stops);
  }
  return stops;
}

/** Whether a condition reads a flag that a server event sets. */
export function readsServerStop(sourceCode: Readonly<TSESLint.SourceCode>, condition: TSESTree.Node, stops: ServerStops): boolean {
  if (stops.length === 0) return false;
  let found = false;
  walkTree(condition, sourceCode.visitorKeys, (node) => {
    // `new.target` and `import.meta` read no variable, whatever a flag is called.
    if (found || isFunctionNode(node) || node.type === 'MetaProperty') return false;
    if (node.type === 'Identifier' || node.type === 'MemberExpression') {
      // `this.state.stopped` is read once, as the whole chain.
      const parent = skipTransparentParents(node).parent;
      if (node.type === 'Identifier' && parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return false;
      const path = accessPathOf(sourceCode, node);
      found = path !== null && stops.some((flag) => samePath(flag, path));
    }
    return !found;
  });
  return found;
}
