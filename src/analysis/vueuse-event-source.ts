/**
 * VueUse's `useEventSource(url, events, options)` from `@vueuse/core`, as its source (v14) does it:
 *
 * - each call opens one `new EventSource(url, { withCredentials })`, unless `immediate: false`:
 *   then nothing connects until the caller runs `open()` (or, with `autoConnect`, until a
 *   reactive URL changes);
 * - it closes the stream itself when the caller's effect scope is disposed
 *   (`tryOnScopeDispose(close)`: a component's unmount, a store's `$dispose`);
 * - with `autoReconnect` (`true` or an object) it opens a new stream `delay` ms (1000 by default)
 *   after the browser gives up on one, with no backoff and no jitter, `retries` times (-1, the
 *   default, is forever; a function decides each time).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from './eslint-utils.js';
import { findOption, objectLiteralArgument } from './reconnect/object-options.js';
import type { StreamOpening } from './stream-sources.js';

export const VUEUSE_MODULE = '@vueuse/core';

export function isVueUseEventSource(opening: StreamOpening): boolean {
  return opening.source.module === VUEUSE_MODULE && opening.source.exportName === 'useEventSource';
}

/** What the options argument is: absent, an object literal, or something the file does not show. */
export type VueUseOptions =
  | { kind: 'absent' }
  | { kind: 'literal'; object: TSESTree.ObjectExpression }
  | { kind: 'unknown' };

/** The third argument of a `useEventSource` call (its options); unknown after a spread argument. */
export function vueUseOptions(opening: StreamOpening): VueUseOptions {
  const args = opening.node.arguments.slice(0, 3);
  if (args.some((argument) => argument.type === 'SpreadElement')) return { kind: 'unknown' };
  const argument = args[2];
  if (!argument) return { kind: 'absent' };
  const object = objectLiteralArgument(argument);
  return object ? { kind: 'literal', object } : { kind: 'unknown' };
}

/** A static value of `node`, `{ value }`, or null when the file does not fix it. */
export function staticValueOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { value: unknown } | null {
  return getStaticValue(node, sourceCode.getScope(node));
}

/**
 * Whether the call connects as it runs: `immediate` absent, `undefined` (the default, `true`) or
 * truthy. An `immediate` the file does not fix, or options it cannot read, may defer it: such a
 * call is not counted as an opening (a finding there would be a guess).
 */
export function opensWhenCalled(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): boolean {
  const options = vueUseOptions(opening);
  if (options.kind === 'absent') return true;
  if (options.kind === 'unknown') return false;
  const immediate = findOption(options.object, 'immediate');
  if (immediate.kind === 'absent') return true;
  if (immediate.kind === 'unknown') return false;
  const known = staticValueOf(sourceCode, immediate.property.value);
  return known !== null && (known.value === undefined || Boolean(known.value));
}
