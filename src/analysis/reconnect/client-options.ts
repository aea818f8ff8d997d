/**
 * Reconnect settings of client libraries that retry by themselves, read from the options
 * object literal of an opening (see the facts in SSE-FACTS.md):
 * - `@microsoft/fetch-event-source` retries every second forever, on any error including
 *   HTTP 4xx, until `onerror` throws. It calls `onerror` without awaiting it and uses its
 *   return value as the delay, so an async `onerror` can never stop it, and its promise
 *   becomes a 0 ms delay.
 * - `sse.js` retries only with `autoReconnect: true`; `maxRetries` missing or `null` means forever.
 * - `reconnecting-eventsource` always retries, with no attempt limit, after a uniformly random
 *   wait below `max_retry_time` (3000 ms by default; a falsy value keeps the default). A
 *   non-finite or negative value becomes a 0 ms timer.
 * - VueUse's `useEventSource` re-opens only with `autoReconnect` (`true` or an object), after
 *   the browser gives up on the stream (an HTTP error, a wrong content type), every `delay` ms
 *   (1000 by default) with no backoff or jitter; `retries` missing or negative means forever.
 *   Its options are the third argument.
 * Options that are not an object literal, or whose value the file does not fix, are unknown
 * and reported by nobody.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getStaticValue } from '../eslint-utils.js';
import type { StreamOpening } from '../stream-sources.js';
import { isVueUseEventSource, vueUseOptions } from '../vueuse-event-source.js';
import { canThrow } from './can-throw.js';
import { resolveLocalFunction } from './local-functions.js';
import { findOption, objectLiteralArgument } from './object-options.js';

export type ClientOptionProblem =
  | { kind: 'fetchEventSourceWithoutOnerror'; node: TSESTree.Node }
  | { kind: 'onerrorNeverThrows'; node: TSESTree.Node }
  | { kind: 'asyncOnerror'; node: TSESTree.Node }
  | { kind: 'sseUnlimitedRetries'; node: TSESTree.Node; maxRetries: string }
  | { kind: 'useEventSourceUnlimitedRetries'; node: TSESTree.Node; setting: string; delay: string }
  | { kind: 'retryTimeImmediate'; node: TSESTree.Node; value: string }
  | { kind: 'retryTimeTooShort'; node: TSESTree.Node; value: string };

function staticValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { value: unknown } | null {
  return getStaticValue(node, sourceCode.getScope(node));
}

function isLibraryExport(opening: StreamOpening, module: string, exportNames: readonly string[]): boolean {
  return opening.source.module === module && exportNames.includes(opening.source.exportName);
}

function fetchEventSourceProblem(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
): ClientOptionProblem | null {
  // `fetchEventSource(...args)`: the options could be anything.
  if (opening.node.arguments.some((argument) => argument.type === 'SpreadElement')) return null;
  const argument = opening.node.arguments[1];
  if (!argument) return { kind: 'fetchEventSourceWithoutOnerror', node: opening.node };
  const options = objectLiteralArgument(argument);
  if (!options) return null;
  const onerror = findOption(options, 'onerror');
  if (onerror.kind === 'unknown') return null;
  if (onerror.kind === 'absent') return { kind: 'fetchEventSourceWithoutOnerror', node: opening.node };
  const property = onerror.property;
  const value = property.value;
  const known = staticValue(sourceCode, value);
  if (known && known.value == null) return { kind: 'fetchEventSourceWithoutOnerror', node: opening.node };
  const fn = resolveLocalFunction(sourceCode, value);
  if (!fn) return null;
  if (fn.async) return { kind: 'asyncOnerror', node: property };
  return canThrow(sourceCode, fn) ? null : { kind: 'onerrorNeverThrows', node: property };
}

function sseJsProblem(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): ClientOptionProblem | null {
  const options = objectLiteralArgument(opening.node.arguments[1]);
  if (!options) return null;
  const autoReconnect = findOption(options, 'autoReconnect');
  if (autoReconnect.kind !== 'found' || !staticValue(sourceCode, autoReconnect.property.value)?.value) return null;
  const node = autoReconnect.property;
  const maxRetries = findOption(options, 'maxRetries');
  if (maxRetries.kind === 'unknown') return null;
  if (maxRetries.kind === 'absent') return { kind: 'sseUnlimitedRetries', node, maxRetries: 'no `maxRetries`' };
  const value = staticValue(sourceCode, maxRetries.property.value);
  if (!value || (typeof value.value === 'number' && Number.isFinite(value.value))) return null;
  const text = sourceCode.getText(maxRetries.property.value);
  return { kind: 'sseUnlimitedRetries', node, maxRetries: `\`maxRetries: ${text}\`` };
}

const VUEUSE_DEFAULT_DELAY = 'every second (the default `delay`)';

/** How often VueUse re-opens: the `delay` of the `autoReconnect` object, 1000 ms when absent or `undefined`. */
function vueUseDelayText(sourceCode: Readonly<TSESLint.SourceCode>, settings: TSESTree.ObjectExpression | null): string {
  const delay = settings ? findOption(settings, 'delay') : null;
  if (!delay || delay.kind === 'absent') return VUEUSE_DEFAULT_DELAY;
  const known = delay.kind === 'found' ? staticValue(sourceCode, delay.property.value) : null;
  if (known && known.value === undefined) return VUEUSE_DEFAULT_DELAY;
  return typeof known?.value === 'number' ? `every ${known.value} ms` : 'every `delay` ms';
}

/**
 * `autoReconnect: true`, `autoReconnect: {}` or `autoReconnect: { retries: -1 }`: VueUse retries
 * forever. A finite `retries`, a function (it decides) or a value the file does not fix is not
 * reported.
 */
function vueUseEventSourceProblem(sourceCode: Readonly<TSESLint.SourceCode>, opening: StreamOpening): ClientOptionProblem | null {
  const options = vueUseOptions(opening);
  if (options.kind !== 'literal') return null;
  const autoReconnect = findOption(options.object, 'autoReconnect');
  if (autoReconnect.kind !== 'found') return null;
  const node = autoReconnect.property;
  const settings = objectLiteralArgument(node.value);
  if (!settings) {
    const known = staticValue(sourceCode, node.value);
    // `true` (or any truthy value but an object) keeps every default: forever, every second.
    if (!known?.value || typeof known.value === 'object') return null;
    const setting = `\`autoReconnect: ${sourceCode.getText(node.value)}\``;
    return { kind: 'useEventSourceUnlimitedRetries', node, setting, delay: vueUseDelayText(sourceCode, null) };
  }
  const retries = findOption(settings, 'retries');
  if (retries.kind === 'unknown') return null;
  const delay = vueUseDelayText(sourceCode, settings);
  if (retries.kind === 'absent') return { kind: 'useEventSourceUnlimitedRetries', node, setting: '`autoReconnect` without `retries`', delay };
  const value = staticValue(sourceCode, retries.property.value);
  if (!value) return null;
  // `undefined` keeps the default of -1; below zero, or not finite, the count is never reached.
  const forever =
    value.value === undefined || (typeof value.value === 'number' && (value.value < 0 || value.value === Infinity));
  if (!forever) return null;
  const setting = `\`retries: ${sourceCode.getText(retries.property.value)}\``;
  return { kind: 'useEventSourceUnlimitedRetries', node, setting, delay };
}

function reconnectingEventSourceProblem(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  minRetryMs: number,
): ClientOptionProblem | null {
  const options = objectLiteralArgument(opening.node.arguments[1]);
  if (!options) return null;
  const option = findOption(options, 'max_retry_time');
  if (option.kind !== 'found') return null;
  const value = staticValue(sourceCode, option.property.value)?.value;
  // A falsy value (0, NaN, null) leaves the default of 3000 ms in place.
  if (typeof value !== 'number' || !value) return null;
  const text = String(value);
  if (!Number.isFinite(value) || value < 0) return { kind: 'retryTimeImmediate', node: option.property, value: text };
  return value < minRetryMs ? { kind: 'retryTimeTooShort', node: option.property, value: text } : null;
}

/** What is wrong with the reconnect settings of an opening, if its library retries by itself. */
export function clientOptionProblem(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  minRetryMs: number,
): ClientOptionProblem | null {
  if (isLibraryExport(opening, '@microsoft/fetch-event-source', ['fetchEventSource'])) {
    return fetchEventSourceProblem(sourceCode, opening);
  }
  if (isLibraryExport(opening, 'sse.js', ['SSE', 'default'])) return sseJsProblem(sourceCode, opening);
  if (isVueUseEventSource(opening)) return vueUseEventSourceProblem(sourceCode, opening);
  if (isLibraryExport(opening, 'reconnecting-eventsource', ['default'])) {
    return reconnectingEventSourceProblem(sourceCode, opening, minRetryMs);
  }
  return null;
}
