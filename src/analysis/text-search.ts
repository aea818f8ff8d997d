/**
 * Substring tests for the prefilters that run on every linted file, before any analysis.
 *
 * V8 looks for a needle by scanning for its first character and comparing the rest where it
 * stops, so the speed of `includes` depends on how common that character is in code. On the
 * 6 MB of real JavaScript in `npm run bench -- lint`, `includes('retry')` (an `r` every few
 * characters) took 4.6 ms and `includes('eventsource')` 4.2 ms, while searching a tail that
 * starts with a rare character (`y:` of `retry:`, `Source` of `EventSource`) and checking the
 * head where it matches took 1.4 ms and 0.8 ms.
 */

/**
 * `text.includes(head + tail)`, found by searching for `tail` and checking that `head` comes
 * right before it. Split the needle so that the tail begins with a character that is rare in
 * source code.
 */
export function includesHeadTail(text: string, head: string, tail: string): boolean {
  let index = text.indexOf(tail, head.length);
  while (index !== -1) {
    if (text.startsWith(head, index - head.length)) return true;
    index = text.indexOf(tail, index + 1);
  }
  return false;
}

/** `text.includes('EventSource')`: the global's name, also part of most libraries' named exports. */
export function includesEventSource(text: string): boolean {
  return includesHeadTail(text, 'Event', 'Source');
}
