/**
 * The text test that runs before any parsing: whether a file may open a stream at all.
 * Kept apart from `stream-sources.ts` (which needs scope analysis) so that `sse-codemod` can
 * sift thousands of files without loading the parser's utilities.
 */
import type { StreamWrapper } from './stream-sources.js';

/**
 * Substrings of which every file that opens a known stream contains at least one: the
 * global's name (which is also in every named export of `event-source-polyfill`,
 * `eventsource-client` and `@microsoft/fetch-event-source`), and what the module names of
 * default exports share. Four scans instead of one per library: this runs on every file.
 */
const KNOWN_STREAM_NEEDLES: readonly string[] = ['EventSource', 'eventsource', 'sse.js', 'native-sse'];

export function streamNeedles(wrappers: readonly StreamWrapper[]): readonly string[] {
  return wrappers.length === 0 ? KNOWN_STREAM_NEEDLES : [...KNOWN_STREAM_NEEDLES, ...wrappers.map((w) => w.module)];
}

/** Whether the text may open a stream; false proves that it opens none. */
export function mentionsStream(text: string, wrappers: readonly StreamWrapper[]): boolean {
  return streamNeedles(wrappers).some((needle) => text.includes(needle));
}

