/**
 * Where a stream's error handlers are:
 * - `es.onerror = fn` and `es.addEventListener('error', fn)` on the value an opening produced,
 *   followed through the variable or property that holds it (`const es = …`, `this.es = …`,
 *   `esRef.current = …`, a class field `es = new EventSource(u)`);
 * - the `onerror` option of `fetchEventSource(url, { onerror })`;
 * - for openings that return a promise (`fetchEventSource`), its rejection handlers:
 *   `.catch(fn)`, `.then(ok, fn)`, and the `catch` clause of a `try` around `await opening`.
 *   Code that throws out of `onerror` to stop the library's retries and then re-opens here is
 *   as unbounded as the library was.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import { isFunctionNode, skipTransparentParents } from '../functions.js';
import type { StreamOpening } from '../stream-sources.js';
import { type AccessPath, accessPathOf, memberOf, pathOccurrences, samePath, staticPropertyName, storesValue } from './access-paths.js';
import { resolveLocalFunction } from './local-functions.js';
import { findOption, objectLiteralArgument } from './object-options.js';
import type { ReopenRegion } from './reopen-points.js';

export interface ErrorHandler {
  /** The function (or `catch` clause) that runs when the stream fails. */
  region: ReopenRegion;
  opening: StreamOpening;
  /** The assignment or `addEventListener` call that registers it. */
  registration: TSESTree.Node;
}

/** The variable or property path the opened stream is stored in, if it is stored by name. */
export function streamHolder(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): AccessPath | null {
  const outer = skipTransparentParents(opening.node);
  const parent = outer.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') {
    const name = parent.id.name;
    const variable = sourceCode.scopeManager?.getDeclaredVariables(parent).find((v) => v.name === name);
    return variable ? { root: variable, properties: [] } : null;
  }
  if (parent?.type === 'AssignmentExpression' && storesValue(parent) && parent.right === outer) {
    return accessPathOf(sourceCode, parent.left);
  }
  // A class field, or an `accessor` field, whose getter and setter read and write the same slot.
  if ((parent?.type === 'PropertyDefinition' || parent?.type === 'AccessorProperty') && parent.value === outer && !parent.static && parent.parent.type === 'ClassBody') {
    const key = parent.key;
    const name = key.type === 'Identifier' && !parent.computed ? key.name : key.type === 'PrivateIdentifier' ? `#${key.name}` : null;
    return name === null ? null : { root: parent.parent, properties: [name] };
  }
  return null;
}

/** The handler registered for `error` on the stream expression `node`, if that is what its parent does. */
function registeredHandler(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): { value: TSESTree.Node; registration: TSESTree.Node } | null {
  const member = memberOf(node);
  if (!member) return null;
  const name = staticPropertyName(member);
  const outerMember = skipTransparentParents(member);
  const parent = outerMember.parent;
  if (name === 'onerror' && parent?.type === 'AssignmentExpression' && storesValue(parent) && parent.left === outerMember) {
    return { value: parent.right, registration: parent };
  }
  if (name === 'addEventListener' && parent?.type === 'CallExpression' && parent.callee === outerMember) {
    const [type, listener] = parent.arguments;
    if (!type || !listener || type.type === 'SpreadElement' || listener.type === 'SpreadElement') return null;
    const eventType = getStaticValue(type, sourceCode.getScope(type));
    return eventType?.value === 'error' ? { value: listener, registration: parent } : null;
  }
  return null;
}

function isFetchEventSource(opening: StreamOpening): boolean {
  return opening.source.module === '@microsoft/fetch-event-source' && opening.source.exportName === 'fetchEventSource';
}

/** `fetchEventSource(url, { onerror })`: the option's value. */
function onerrorOption(opening: StreamOpening): { value: TSESTree.Node; registration: TSESTree.Node } | null {
  const options = objectLiteralArgument(opening.node.arguments[1]);
  const option = options && findOption(options, 'onerror');
  return option?.kind === 'found' ? { value: option.property.value, registration: option.property } : null;
}

/** `opening.catch(fn)` or `opening.then(ok, fn)`: the rejection handler. */
function rejectionHandler(opening: StreamOpening): { value: TSESTree.Node; registration: TSESTree.Node } | null {
  for (const [method, index] of [['catch', 0], ['then', 1]] as const) {
    const member = memberOf(opening.node, method);
    const outer = member && skipTransparentParents(member);
    const call = outer?.parent;
    const handler = call?.type === 'CallExpression' && call.callee === outer ? call.arguments[index] : undefined;
    if (handler && handler.type !== 'SpreadElement') return { value: handler, registration: call! };
  }
  return null;
}

/** The `catch` clause of a `try` whose block awaits the opening (in the same function). */
function catchAroundAwait(opening: StreamOpening): TSESTree.CatchClause | null {
  let child: TSESTree.Node = opening.node;
  let awaited = false;
  for (let current: TSESTree.Node | undefined = opening.node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) return null;
    if (current.type === 'AwaitExpression') awaited = true;
    if (current.type === 'TryStatement' && current.block === child) return awaited ? current.handler : null;
  }
  return null;
}

const handlersByOpenings = new WeakMap<readonly StreamOpening[], readonly ErrorHandler[]>();

/**
 * Every error handler registered on a stream of the file whose body this file can see.
 * Computed once per list of openings (`getStreamOpenings` hands every rule the same list):
 * two rules ask.
 */
export function findErrorHandlers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
): readonly ErrorHandler[] {
  let handlers = handlersByOpenings.get(openings);
  if (!handlers) {
    handlers = collectErrorHandlers(sourceCode, openings);
    handlersByOpenings.set(openings, handlers);
  }
  return handlers;
}

function collectErrorHandlers(sourceCode: Readonly<TSESLint.SourceCode>, openings: readonly StreamOpening[]): ErrorHandler[] {
  const handlers: ErrorHandler[] = [];
  const seen = new Set<TSESTree.Node>();
  // Streams stored under one name share its uses: reading them once per name, not once per
  // opening, keeps a file that re-assigns one variable thousands of times linear.
  const visitedHolders: AccessPath[] = [];
  for (const opening of openings) {
    const holder = streamHolder(sourceCode, opening);
    const visited = holder !== null && visitedHolders.some((path) => samePath(path, holder));
    if (holder && !visited) visitedHolders.push(holder);
    const uses = [opening.node, ...(holder && !visited ? pathOccurrences(sourceCode, holder) : [])];
    for (const use of uses) {
      const found = registeredHandler(sourceCode, use);
      if (!found || seen.has(found.registration)) continue;
      const fn = resolveLocalFunction(sourceCode, found.value);
      if (!fn) continue;
      seen.add(found.registration);
      handlers.push({ region: fn, opening, registration: found.registration });
    }
    if (opening.source.kind !== 'call') continue;
    for (const found of [isFetchEventSource(opening) ? onerrorOption(opening) : null, rejectionHandler(opening)]) {
      const fn = found && resolveLocalFunction(sourceCode, found.value);
      if (fn) handlers.push({ region: fn, opening, registration: found.registration });
    }
    const clause = catchAroundAwait(opening);
    if (clause) handlers.push({ region: clause, opening, registration: clause });
  }
  return handlers;
}
