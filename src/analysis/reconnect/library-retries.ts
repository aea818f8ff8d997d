/**
 * Client libraries whose own reconnects are unbounded whatever their options say (see the
 * facts in SSE-FACTS.md):
 *
 * - `reconnecting-eventsource` reconnects after every error, HTTP 4xx included, forever: it
 *   waits a uniformly random time below `max_retry_time` (3000 ms by default), which spreads the
 *   clients (jitter) but never grows, and it has no attempt limit option. Its README's way to stop
 *   is to call `close()`, from an `error` listener or on a message from the server; a file that
 *   does so in a listener of the stream bounds the attempts. Loaded by a `<script>` tag, it is
 *   the global `ReconnectingEventSource`.
 * - the `eventsource` client (v1 and v2) reconnects after network errors every
 *   `es.reconnectInterval` ms (1000 by default, or the server's `retry:`), forever, on one beat
 *   for all clients; v3 has no such property (setting it does nothing there).
 *
 * A stream that the file does not keep by name, or hands away (returns it, or returns it
 * stored), may be stopped by code elsewhere, and is left alone.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import type { StreamOpening, StreamSource } from '../stream-sources.js';
import { type AccessPath, accessPathOf, memberOf, pathOccurrences, samePath, staticPropertyName, unwrapExpression } from './access-paths.js';
import { findErrorHandlers, streamHolder } from './error-handlers.js';
import { globalConstructions } from './global-calls.js';
import { findOption, objectLiteralArgument } from './object-options.js';
import type { MissingSafeguard, SafeguardRequirements } from './safeguards.js';
import { serverEventListeners } from './stream-listeners.js';
import { walkTree } from './walk.js';

export const RECONNECTING_EVENT_SOURCE = 'reconnecting-eventsource';

const GLOBAL_RECONNECTING_EVENT_SOURCE: StreamSource = {
  module: RECONNECTING_EVENT_SOURCE,
  exportName: 'default',
  label: 'the global `ReconnectingEventSource`',
  kind: 'construct',
  userDefined: false,
};

/** `new ReconnectingEventSource(url)` of the global a `<script>` tag defines (no import or `require`). */
export function globalReconnectingEventSources(sourceCode: Readonly<TSESLint.SourceCode>): StreamOpening[] {
  if (!sourceCode.text.includes('ReconnectingEventSource')) return [];
  return globalConstructions(sourceCode, 'ReconnectingEventSource').map((node) => ({ node, source: GLOBAL_RECONNECTING_EVENT_SOURCE }));
}

export interface ForeverRetries {
  node: TSESTree.Node;
  missing: MissingSafeguard[];
  /** How the wait is described: the `max_retry_time` in force. */
  delay: string;
}

/** Whether the stream leaves the file's hands: returned as it is opened, or its holder returned. */
function escapes(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening, holder: AccessPath | null): boolean {
  const uses = [opening.node, ...(holder ? pathOccurrences(sourceCode, holder) : [])];
  return uses.some((use) => {
    const outer = skipTransparentParents(use);
    const parent = outer.parent;
    if (parent?.type === 'ReturnStatement') return true;
    return parent?.type === 'ArrowFunctionExpression' && parent.body === outer;
  });
}

/** `es.close()`, `event.target.close()`, or `this.close()` in a `function` listener: the code stops the stream. */
function closesStream(sourceCode: Readonly<TSESLint.SourceCode>, listener: FunctionNode, holder: AccessPath | null): boolean {
  let found = false;
  walkTree(listener.body, sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node.type !== 'CallExpression') return true;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'close') return true;
    const object = unwrapExpression(callee.object);
    if (object.type === 'ThisExpression') found = listener.type !== 'ArrowFunctionExpression';
    else if (object.type === 'MemberExpression' && ['target', 'currentTarget'].includes(staticPropertyName(object) ?? '')) found = true;
    else {
      const path = holder && accessPathOf(sourceCode, object);
      found = path !== null && path !== undefined && samePath(path, holder!);
    }
    return !found;
  });
  return found;
}

function maxRetryTimeText(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): string {
  const argument = opening.node.arguments[1];
  if (!argument) return '`max_retry_time` (3000 ms by default)';
  const options = objectLiteralArgument(argument);
  const option = options && findOption(options, 'max_retry_time');
  if (option?.kind === 'absent') return '`max_retry_time` (3000 ms by default)';
  if (option?.kind !== 'found') return '`max_retry_time`';
  const value = getStaticValue(option.property.value, sourceCode.getScope(option.property.value))?.value;
  if (typeof value !== 'number') return '`max_retry_time`';
  return value ? `\`max_retry_time\` (${value} ms)` : '`max_retry_time` (3000 ms by default)';
}

/** What a `reconnecting-eventsource` stream lacks that the file does not make up for; null when nothing required is missing. */
export function reconnectingEventSourceForever(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  openings: readonly StreamOpening[],
  requirements: SafeguardRequirements,
): ForeverRetries | null {
  if (opening.source.module !== RECONNECTING_EVENT_SOURCE) return null;
  // A stream the file does not keep by name cannot be followed to whoever closes it.
  const holder = streamHolder(sourceCode, opening);
  if (!holder || escapes(sourceCode, opening, holder)) return null;
  const missing: MissingSafeguard[] = [];
  if (requirements.attemptLimit) {
    const listeners = [
      ...findErrorHandlers(sourceCode, openings)
        .filter((handler) => handler.opening === opening && isFunctionNode(handler.region))
        .map((handler) => handler.region as FunctionNode),
      ...serverEventListeners(sourceCode, [opening]),
    ];
    if (!listeners.some((listener) => closesStream(sourceCode, listener, holder))) missing.push('no attempt limit');
  }
  if (requirements.backoff) missing.push('no growing delay');
  return missing.length > 0 ? { node: opening.node, missing, delay: maxRetryTimeText(sourceCode, opening) } : null;
}

export interface ShortInterval {
  node: TSESTree.Node;
  value: string;
  immediate: boolean;
}

/** `es.reconnectInterval = 200` on a stream of the `eventsource` client: a fixed, short beat, forever. */
export function shortReconnectIntervals(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  minRetryMs: number,
): ShortInterval[] {
  if (opening.source.module !== 'eventsource') return [];
  const holder = streamHolder(sourceCode, opening);
  if (!holder) return [];
  const found: ShortInterval[] = [];
  for (const use of pathOccurrences(sourceCode, holder)) {
    const member = memberOf(use, 'reconnectInterval');
    const outer = member && skipTransparentParents(member);
    const assignment = outer?.parent;
    if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.left !== outer) continue;
    const value = getStaticValue(assignment.right, sourceCode.getScope(assignment.right))?.value;
    if (typeof value !== 'number') continue;
    const immediate = !Number.isFinite(value) || value <= 0;
    if (immediate || value < minRetryMs) found.push({ node: assignment, value: String(value), immediate });
  }
  return found;
}
