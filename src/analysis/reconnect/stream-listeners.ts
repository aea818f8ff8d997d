/**
 * The listeners a file registers on its streams for events other than `error`: what runs when
 * the server sends something. A server tells its clients to stop by a message (an `event: bye`,
 * a `{"type":"shutdown"}` payload): code that sets a flag there, or closes the stream there, lets
 * the server end the retries, which bounds them as an attempt limit does (see `server-stops.ts`).
 *
 * - `es.onmessage = fn` and `es.addEventListener(type, fn)` for any type but `error` and `open`,
 *   on the value an opening produced (followed like error handlers, `error-handlers.ts`);
 * - the `onmessage` and `onclose` options of `fetchEventSource(url, { … })`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import { type FunctionNode, skipTransparentParents } from '../functions.js';
import type { StreamOpening } from '../stream-sources.js';
import { memberOf, pathOccurrences, staticPropertyName, storesValue } from './access-paths.js';
import { streamHolder } from './error-handlers.js';
import { resolveLocalFunction } from './local-functions.js';
import { findOption, objectLiteralArgument } from './object-options.js';

/** Events that the client raises itself, not the server. */
const CLIENT_EVENTS = new Set(['error', 'open']);

function listenerAt(sourceCode: Readonly<TSESLint.SourceCode>, use: TSESTree.Node): TSESTree.Node | null {
  const member = memberOf(use);
  if (!member) return null;
  const name = staticPropertyName(member);
  const outer = skipTransparentParents(member);
  const parent = outer.parent;
  if (name === 'onmessage' && parent?.type === 'AssignmentExpression' && storesValue(parent) && parent.left === outer) {
    return parent.right;
  }
  if (name !== 'addEventListener' || parent?.type !== 'CallExpression' || parent.callee !== outer) return null;
  const [type, listener] = parent.arguments;
  if (!type || !listener || type.type === 'SpreadElement' || listener.type === 'SpreadElement') return null;
  const eventType = getStaticValue(type, sourceCode.getScope(type))?.value;
  return typeof eventType === 'string' && !CLIENT_EVENTS.has(eventType) ? listener : null;
}

/** The local functions that run when a stream of the file receives a server event. */
export function serverEventListeners(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
): FunctionNode[] {
  const listeners = new Set<FunctionNode>();
  const add = (value: TSESTree.Node | null | undefined): void => {
    const fn = value ? resolveLocalFunction(sourceCode, value) : null;
    if (fn) listeners.add(fn);
  };
  for (const opening of openings) {
    const holder = streamHolder(sourceCode, opening);
    for (const use of [opening.node, ...(holder ? pathOccurrences(sourceCode, holder) : [])]) add(listenerAt(sourceCode, use));
    if (opening.source.module === '@microsoft/fetch-event-source') {
      const options = objectLiteralArgument(opening.node.arguments[1]);
      for (const name of ['onmessage', 'onclose']) {
        const option = options && findOption(options, name);
        if (option?.kind === 'found') add(option.property.value);
      }
    }
  }
  return [...listeners];
}
