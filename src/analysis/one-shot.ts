/**
 * One-shot streams: a stream that answers one request and ends, so that the number open at
 * once does not grow with the number of consumers. Two shapes:
 *
 * - it closes itself from one of its own event handlers, on a terminal event
 *   (`es.addEventListener('done', () => es.close())`, `if (e.data === '[DONE]') es.close()`);
 *   an `error` handler does not count, since long-lived streams close on errors too, and
 *   neither does a close in a `catch` block of another handler (a message that fails to parse);
 * - it is opened by a user action (an event handler, a callback the component hands out),
 *   not at mount, and closed somewhere (often in the effect's cleanup);
 * - it is a request with a body (`fetchEventSource(url, { method: 'POST', body })`) opened by
 *   a user action: it answers that action, and ends with the response.
 *
 * Only streams kept under names the file can follow (`const es`, `ref.current`, `this.es`)
 * are judged; any other stream is not one-shot.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode, runsOncePerEvaluation, skipTransparentParents } from './functions.js';
import { type CloseTargets, closesStream } from './lifecycle/closing.js';
import { holderOccurrences } from './lifecycle/holder-paths.js';
import { mountContextOf } from './lifecycle/mount-context.js';
import { streamHolding } from './lifecycle/stream-holders.js';
import { staticPropertyName } from './reconnect/access-paths.js';
import { objectLiteralArgument } from './reconnect/object-options.js';
import type { StreamOpening } from './stream-sources.js';

function heldTargets(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): CloseTargets | null {
  const holding = streamHolding(sourceCode, opening);
  return holding.kind === 'held' ? { paths: holding.paths, close: holding.close } : null;
}

/** The inline handlers registered on an occurrence of the stream: `x.onmessage = fn`, `x.addEventListener('done', fn)`; not error handlers. */
function handlersOn(occurrence: TSESTree.Node): FunctionNode[] {
  const node = skipTransparentParents(occurrence);
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node) return [];
  const name = staticPropertyName(member);
  const outer = member.parent;
  if (name?.startsWith('on') && name !== 'onerror' && outer?.type === 'AssignmentExpression' && outer.left === member) {
    const handler = skipTransparentParents(outer.right);
    return isFunctionNode(handler) ? [handler] : [];
  }
  if (name === 'addEventListener' && outer?.type === 'CallExpression' && outer.callee === member) {
    const [event, handler] = outer.arguments;
    if (event?.type === 'Literal' && event.value === 'error') return [];
    return handler && isFunctionNode(handler) ? [handler] : [];
  }
  return [];
}

/** Whether the stream closes itself from a handler of one of its own events. */
function closesOnTerminalEvent(sourceCode: Readonly<TSESLint.SourceCode>, targets: CloseTargets): boolean {
  return targets.paths.some((path) =>
    holderOccurrences(sourceCode, path).some((occurrence) =>
      handlersOn(occurrence).some((handler) =>
        closesStream(sourceCode, handler.body, { ...targets, selfFunction: handler }, { skipCatchClauses: true }),
      ),
    ),
  );
}

/** Hooks whose callback runs during render or at mount, not on a user action. */
const RENDER_TIME_HOOKS = new Set(['useState', 'useMemo', 'useRef', 'useReducer', 'useSyncExternalStore', 'useLayoutEffect', 'useEffect', 'useInsertionEffect']);

function isRenderTimeCallback(fn: FunctionNode): boolean {
  const node = skipTransparentParents(fn);
  const call = node.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = call.callee;
  const name =
    callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : null;
  return name !== null && RENDER_TIME_HOOKS.has(name);
}

/**
 * Whether the opening runs on a user action: no mount callback reaches it, and it sits in a
 * function that something calls later (a handler, a `useCallback` callback, a local function),
 * not in code that runs where it stands.
 */
function opensOnUserAction(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  if (mountContextOf(sourceCode, opening.node)) return false;
  for (let current: TSESTree.Node | undefined = opening.node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (runsOncePerEvaluation(current) || isRenderTimeCallback(current)) continue;
    // The outermost function of the file (a component, a hook, an exported helper) runs when it is called, not on an action.
    for (let outer: TSESTree.Node | undefined = current.parent; outer; outer = outer.parent) {
      if (isFunctionNode(outer)) return true;
    }
    return false;
  }
  return false;
}

/** `{ method: 'POST', body }` (any method but GET or HEAD) in the options of a fetch-based opening. */
function sendsRequestBody(opening: StreamOpening): boolean {
  const options = objectLiteralArgument(opening.node.arguments[1]);
  if (!options) return false;
  // `method`, `'method'` and `['method']` name the same option.
  const property = (name: string) =>
    options.properties.find(
      (p): p is TSESTree.Property =>
        p.type === 'Property' &&
        ((!p.computed && p.key.type === 'Identifier' && p.key.name === name) || (p.key.type === 'Literal' && p.key.value === name)),
    );
  const method = property('method')?.value;
  if (method?.type !== 'Literal' || typeof method.value !== 'string') return false;
  return !['GET', 'HEAD'].includes(method.value.toUpperCase()) && property('body') !== undefined;
}

/**
 * Whether the file calls a close method on one of the stream's names (`es.close()`,
 * `this.es.close()`), or calls the stream's own close function. Read from the names'
 * occurrences, not by walking the file (and the functions it calls) once per stream, which made
 * a 5 MB bundle with thousands of streams take minutes; a close done inside a helper the stream
 * is handed to is not seen here.
 */
function closedAnywhere(sourceCode: Readonly<TSESLint.SourceCode>, targets: CloseTargets): boolean {
  return targets.paths.some((path) =>
    holderOccurrences(sourceCode, path).some((occurrence) => {
      const node = skipTransparentParents(occurrence);
      const parent = node.parent;
      if (parent?.type === 'CallExpression') return targets.close.callable && parent.callee === node;
      if (parent?.type !== 'MemberExpression' || parent.object !== node) return false;
      const method = staticPropertyName(parent);
      const call = parent.parent;
      return method !== null && targets.close.methods.has(method) && call?.type === 'CallExpression' && call.callee === parent;
    }),
  );
}

/** Whether the stream of `opening` is one-shot (see the module comment). */
export function isOneShotStream(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  if (sendsRequestBody(opening) && opensOnUserAction(sourceCode, opening)) return true;
  const targets = heldTargets(sourceCode, opening);
  if (!targets) return false;
  if (closesOnTerminalEvent(sourceCode, targets)) return true;
  return opensOnUserAction(sourceCode, opening) && closedAnywhere(sourceCode, targets);
}

/** Whether the stream of `opening` closes itself on a terminal event of its own. */
export function closesItselfWhenDone(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  const targets = heldTargets(sourceCode, opening);
  return targets !== null && closesOnTerminalEvent(sourceCode, targets);
}
