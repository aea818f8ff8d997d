/**
 * An incremental parser for the `text/event-stream` format, written to the WHATWG
 * "interpreting an event stream" steps. Shared by the browser hub (which reads the
 * stream through `fetch` so it can see HTTP status codes and `retry:`) and by the
 * server multiplexer (which reads the app's own per-topic routes).
 */

export interface ParsedEvent {
  /** The `event:` field, or `"message"` when the stream named none. */
  type: string;
  data: string;
  /** The last event id in force when this event was dispatched (ids persist across events). */
  lastEventId: string;
}

export interface ParserCallbacks {
  onEvent(event: ParsedEvent): void;
  /** A valid `retry:` field, in milliseconds. */
  onRetry?(milliseconds: number): void;
  /** A comment line (`: ping`), with the leading colon and one space removed. */
  onComment?(text: string): void;
}

export interface EventStreamParser {
  /** Feeds a decoded chunk; chunks may split lines and even `\r\n` pairs anywhere. */
  push(chunk: string): void;
  /**
   * The id that a reconnect should send as `Last-Event-ID`: the last `id:` of a dispatched
   * event. An `id:` read in an event that was cut off before its blank line does not count,
   * so the reconnect asks for that event again, as `EventSource` does.
   */
  readonly lastEventId: string;
  /** Forgets a half-read event, its `id:` included, as a reconnect must (the last event id is kept). */
  reset(): void;
}

const SPACE = 0x20;
const LINE_FEED = 0x0a;
const BYTE_ORDER_MARK = 0xfeff;

export function createEventStreamParser(callbacks: ParserCallbacks, initialLastEventId = ''): EventStreamParser {
  // The tail of the last chunk that did not end in a line break.
  let buffer = '';
  let atStreamStart = true;
  // A chunk that ended in `\r` may be followed by the `\n` of the same line break.
  let skipLeadingNewline = false;
  let data = '';
  let hasData = false;
  let eventType = '';
  // The spec's "last event ID buffer": set by `id:`, made the last event id only on dispatch.
  let pendingEventId = initialLastEventId;
  let lastEventId = initialLastEventId;

  function dispatch(): void {
    lastEventId = pendingEventId;
    if (hasData) {
      callbacks.onEvent({ type: eventType || 'message', data, lastEventId });
    }
    data = '';
    hasData = false;
    eventType = '';
  }

  function processLine(line: string): void {
    if (line === '') {
      dispatch();
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) {
      callbacks.onComment?.(line.slice(line.charCodeAt(1) === SPACE ? 2 : 1));
      return;
    }
    const field = colon === -1 ? line : line.slice(0, colon);
    // One space after the colon belongs to the syntax, not to the value.
    const value = colon === -1 ? '' : line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    switch (field) {
      case 'data':
        data = hasData ? `${data}\n${value}` : value;
        hasData = true;
        break;
      case 'event':
        eventType = value;
        break;
      case 'id':
        // The spec ignores ids containing NULL so that they cannot truncate the header.
        if (!value.includes('\0')) pendingEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored by the spec.
        break;
    }
  }

  /**
   * Hands every complete line of `text` to `processLine` and returns where the unfinished
   * last line starts. Line ends are found with `indexOf`, which scans in native code: a loop
   * over `charCodeAt` spent a third of the hub's time per event here (`npm run bench -- hub`).
   * A line ends at `\n`, `\r` or `\r\n`.
   */
  function processLines(text: string): number {
    let start = 0;
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    for (;;) {
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      let end: number;
      if (lf === -1) {
        if (cr === -1) return start;
        end = cr;
      } else {
        end = cr === -1 || lf < cr ? lf : cr;
      }
      processLine(text.slice(start, end));
      if (end === cr) {
        if (end + 1 === text.length) skipLeadingNewline = true;
        else if (lf === end + 1) end = lf;
      }
      start = end + 1;
    }
  }

  return {
    push(chunk: string): void {
      if (chunk === '') return;
      if (atStreamStart) {
        atStreamStart = false;
        if (chunk.charCodeAt(0) === BYTE_ORDER_MARK) chunk = chunk.slice(1);
      }
      if (skipLeadingNewline && chunk.charCodeAt(0) === LINE_FEED) chunk = chunk.slice(1);
      skipLeadingNewline = false;
      const text = buffer === '' ? chunk : buffer + chunk;
      const rest = processLines(text);
      buffer = rest === 0 ? text : text.slice(rest);
    },
    get lastEventId(): string {
      return lastEventId;
    },
    reset(): void {
      buffer = '';
      data = '';
      hasData = false;
      eventType = '';
      pendingEventId = lastEventId;
      skipLeadingNewline = false;
      atStreamStart = true;
    },
  };
}

/** Serialises one event; multi-line data becomes several `data:` lines, as the format requires. */
export function formatEvent(event: { type?: string; data: string; id?: string }): string {
  // A line break in a field would let one event forge others; a parser ignores an id with NUL.
  if (/[\r\n]/.test(event.type ?? '') || /[\r\n\0]/.test(event.id ?? '')) {
    throw new TypeError('SSE event type and id must not contain line breaks, and an id must not contain NUL');
  }
  let out = '';
  if (event.type && event.type !== 'message') out += `event: ${event.type}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
