/**
 * The text test that runs before any parsing: whether a file may open a stream at all.
 * Kept apart from `stream-sources.ts` (which needs scope analysis) so that `sse-codemod` can
 * sift thousands of files without loading the parser's utilities.
 */
import type { StreamWrapper } from './stream-sources.js';
import { includesEventSource } from './text-search.js';

/**
 * Substrings of which every file that opens a known stream contains at least one: the
 * global's name (which is also in every named export of `event-source-polyfill`,
 * `eventsource-client`, `@microsoft/fetch-event-source` and `@vueuse/core`'s `useEventSource`), and what the module names of
 * default exports share. Four scans instead of one per library: this runs on every file.
 */
const MODULE_NEEDLES: readonly string[] = ['eventsource', 'sse.js', 'native-sse'];

function moduleNeedles(wrappers: readonly StreamWrapper[]): readonly string[] {
  return wrappers.length === 0 ? MODULE_NEEDLES : [...MODULE_NEEDLES, ...wrappers.map((w) => w.module)];
}

export function streamNeedles(wrappers: readonly StreamWrapper[]): readonly string[] {
  return ['EventSource', ...moduleNeedles(wrappers)];
}

/** Whether the text may open a stream; false proves that it opens none. */
export function mentionsStream(text: string, wrappers: readonly StreamWrapper[]): boolean {
  return includesEventSource(text) || moduleNeedles(wrappers).some((needle) => text.includes(needle));
}
