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
  /** The id that a reconnect should send as `Last-Event-ID`. */
  readonly lastEventId: string;
  /** Forgets a half-read event, as a reconnect must (the last event id is kept). */
  reset(): void;
}

export function createEventStreamParser(callbacks: ParserCallbacks, initialLastEventId = ''): EventStreamParser {
  let buffer = '';
  let atStreamStart = true;
  // A chunk that ended in `\r` may be followed by the `\n` of the same line break.
  let skipLeadingNewline = false;
  let data = '';
  let hasData = false;
  let eventType = '';
  let lastEventId = initialLastEventId;

  function dispatch(): void {
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
    if (line.startsWith(':')) {
      callbacks.onComment?.(line.slice(line.startsWith(': ') ? 2 : 1));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
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
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored by the spec.
        break;
    }
  }

  return {
    push(chunk: string): void {
      if (chunk === '') return;
      if (atStreamStart) {
        atStreamStart = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      if (skipLeadingNewline && chunk.startsWith('\n')) chunk = chunk.slice(1);
      skipLeadingNewline = false;
      buffer += chunk;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const code = buffer.charCodeAt(index);
        if (code !== 10 && code !== 13) continue;
        processLine(buffer.slice(start, index));
        if (code === 13) {
          if (index + 1 === buffer.length) {
            skipLeadingNewline = true;
          } else if (buffer.charCodeAt(index + 1) === 10) {
            index++;
          }
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    get lastEventId(): string {
      return lastEventId;
    },
    reset(): void {
      buffer = '';
      data = '';
      hasData = false;
      eventType = '';
      skipLeadingNewline = false;
      atStreamStart = true;
    },
  };
}

/** Serialises one event; multi-line data becomes several `data:` lines, as the format requires. */
export function formatEvent(event: { type?: string; data: string; id?: string }): string {
  // A line break in a field name would let one event forge others.
  if (/[\r\n]/.test(event.type ?? '') || /[\r\n\0]/.test(event.id ?? '')) {
    throw new TypeError('SSE event type and id must not contain line breaks');
  }
  let out = '';
  if (event.type && event.type !== 'message') out += `event: ${event.type}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
