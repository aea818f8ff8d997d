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
  /**
   * The `topic:` field of a multiplexed stream (see multiplex-protocol.ts): the number the
   * server gave the topic the event belongs to. -1 when the event has none, or when the parser
   * was not asked to read it (every other stream: to the spec, `topic:` is an unknown field).
   * Always present, so that every event has the same shape.
   */
  topic: number;
}

export interface ParserCallbacks {
  onEvent(event: ParsedEvent): void;
  /** A valid `retry:` field, in milliseconds. */
  onRetry?(milliseconds: number): void;
  /** A comment line (`: ping`), with the leading colon and one space removed. */
  onComment?(text: string): void;
}

export interface ParserOptions {
  /** The last event id a resumed stream starts from. */
  lastEventId?: string;
  /** Read the `topic:` field of the hub's multiplexed stream into `ParsedEvent#topic`. */
  topicNumbers?: boolean;
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
const CARRIAGE_RETURN = 0x0d;
const COLON = 0x3a;
const DIGIT_ZERO = 0x30;
const NULL = 0x00;
const LOWER_A = 0x61;
const LOWER_D = 0x64;
const LOWER_I = 0x69;
const LOWER_T = 0x74;
const BYTE_ORDER_MARK = 0xfeff;
/** Larger topic numbers are neither written nor read (a server hands out small ones). */
const MAX_TOPIC_NUMBER = 999_999_999;
const MAX_TOPIC_NUMBER_DIGITS = String(MAX_TOPIC_NUMBER).length;

export function createEventStreamParser(callbacks: ParserCallbacks, options: ParserOptions = {}): EventStreamParser {
  const initialLastEventId = options.lastEventId ?? '';
  const readsTopicNumbers = options.topicNumbers === true;
  // The tail of the last chunk that did not end in a line break.
  let buffer = '';
  let atStreamStart = true;
  // A chunk that ended in `\r` may be followed by the `\n` of the same line break.
  let skipLeadingNewline = false;
  let data = '';
  let hasData = false;
  let eventType = '';
  let topic = -1;
  // The spec's "last event ID buffer": set by `id:`, made the last event id only on dispatch.
  let pendingEventId = initialLastEventId;
  let lastEventId = initialLastEventId;

  function dispatch(): void {
    lastEventId = pendingEventId;
    if (hasData) {
      callbacks.onEvent({ type: eventType || 'message', data, lastEventId, topic });
    }
    data = '';
    hasData = false;
    eventType = '';
    topic = -1;
  }

  /**
   * Interprets the line `text[start, end)` in place. Only a field's value is cut out of the
   * text: cutting out each line and its field name as well cost three strings per line, and
   * the hub's multiplexed stream reads a million lines a second through here.
   */
  function processLine(text: string, start: number, end: number): void {
    if (start === end) {
      dispatch();
      return;
    }
    // A field name is short; looking for the colon only within the line keeps a long line without one linear.
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
    if (colon === start) {
      callbacks.onComment?.(text.slice(text.charCodeAt(start + 1) === SPACE ? start + 2 : start + 1, end));
      return;
    }
    // One space after the colon belongs to the syntax, not to the value.
    const valueStart = colon === end ? end : text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
    switch (colon - start) {
      case 4:
        if (isDataField(text, start)) {
          const value = text.slice(valueStart, end);
          data = hasData ? `${data}\n${value}` : value;
          hasData = true;
        }
        break;
      case 5:
        // `topic` first: on the multiplexed stream every event has one.
        if (text.charCodeAt(start) === LOWER_T) {
          if (readsTopicNumbers && text.startsWith('topic', start)) topic = readTopicNumber(text, valueStart, end);
        } else if (text.startsWith('event', start)) eventType = text.slice(valueStart, end);
        else if (text.startsWith('retry', start)) readRetry(text, valueStart, end);
        break;
      case 2:
        // The spec ignores ids containing NULL so that they cannot truncate the header.
        if (isIdField(text, start) && !containsNull(text, valueStart, end)) pendingEventId = text.slice(valueStart, end);
        break;
      default:
        // Unknown fields are ignored by the spec.
        break;
    }
  }

  function readRetry(text: string, from: number, to: number): void {
    const digits = text.slice(from, to);
    if (/^\d+$/.test(digits)) callbacks.onRetry?.(Number(digits));
  }

  /**
   * Hands every complete line of `text` from `from` on to `processLine` and returns where the
   * unfinished last line starts. Line ends are found with `indexOf`, which scans in native code:
   * a loop over `charCodeAt` spent a third of the hub's time per event here (`npm run bench --
   * hub`). A line ends at `\n`, `\r` or `\r\n`.
   */
  function processLines(text: string, from: number): number {
    let start = from;
    let cr = text.indexOf('\r', from);
    let lf = text.indexOf('\n', from);
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
      processLine(text, start, end);
      start = afterLineBreak(text, end);
    }
  }

  /** Where the next line starts after the line break at `end`; a `\r` that ends the text may be half of a `\r\n`. */
  function afterLineBreak(text: string, end: number): number {
    if (text.charCodeAt(end) !== CARRIAGE_RETURN) return end + 1;
    if (end + 1 === text.length) skipLeadingNewline = true;
    return text.charCodeAt(end + 1) === LINE_FEED ? end + 2 : end + 1;
  }

  return {
    push(chunk: string): void {
      if (chunk === '') return;
      // The chunk is read where it lies, never joined to the unfinished line before it: a joined
      // string would be read through an indirection on every character (about a fifth of the
      // hub's parse time), and a network read almost always ends inside a line.
      let from = 0;
      if (atStreamStart) {
        atStreamStart = false;
        if (chunk.charCodeAt(0) === BYTE_ORDER_MARK) from = 1;
      }
      if (skipLeadingNewline && chunk.charCodeAt(from) === LINE_FEED) from += 1;
      skipLeadingNewline = false;
      if (buffer !== '') {
        const cr = chunk.indexOf('\r', from);
        const lf = chunk.indexOf('\n', from);
        const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        if (end === -1) {
          buffer += chunk.slice(from);
          return;
        }
        const line = buffer + chunk.slice(from, end);
        buffer = '';
        processLine(line, 0, line.length);
        from = afterLineBreak(chunk, end);
      }
      const rest = processLines(chunk, from);
      buffer = rest === chunk.length ? '' : chunk.slice(rest);
    },
    get lastEventId(): string {
      return lastEventId;
    },
    reset(): void {
      buffer = '';
      data = '';
      hasData = false;
      eventType = '';
      topic = -1;
      pendingEventId = lastEventId;
      skipLeadingNewline = false;
      atStreamStart = true;
    },
  };
}

/*
 * The fields every event has are told by their codes rather than by a `startsWith` call each,
 * and an id is checked for NULL before it is cut out: the parse of a topic event took 237
 * rather than 252 ns (`measureEventFloor` in scripts/bench/hub-throughput.js, the two versions
 * taking turns 15 times, medians, 2026-12-07).
 */

function isDataField(text: string, start: number): boolean {
  return (
    text.charCodeAt(start) === LOWER_D &&
    text.charCodeAt(start + 1) === LOWER_A &&
    text.charCodeAt(start + 2) === LOWER_T &&
    text.charCodeAt(start + 3) === LOWER_A
  );
}

function isIdField(text: string, start: number): boolean {
  return text.charCodeAt(start) === LOWER_I && text.charCodeAt(start + 1) === LOWER_D;
}

function containsNull(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    if (text.charCodeAt(index) === NULL) return true;
  }
  return false;
}

/** A decimal number of at most `MAX_TOPIC_NUMBER_DIGITS` digits, read without cutting it out; -1 otherwise. */
function readTopicNumber(text: string, from: number, to: number): number {
  if (from === to || to - from > MAX_TOPIC_NUMBER_DIGITS) return -1;
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = text.charCodeAt(index) - DIGIT_ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Serialises one event; multi-line data becomes several `data:` lines, as the format requires.
 * `topic` is the field the hub's multiplexed stream adds (see multiplex-protocol.ts).
 */
export function formatEvent(event: { type?: string; data: string; id?: string; topic?: number }): string {
  // A line break in a field would let one event forge others; a parser ignores an id with NUL.
  if (/[\r\n]/.test(event.type ?? '') || /[\r\n\0]/.test(event.id ?? '')) {
    throw new TypeError('SSE event type and id must not contain line breaks, and an id must not contain NUL');
  }
  let out = '';
  if (event.type && event.type !== 'message') out += `event: ${event.type}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  if (event.topic !== undefined) {
    if (!Number.isInteger(event.topic) || event.topic < 0 || event.topic > MAX_TOPIC_NUMBER) {
      throw new TypeError(`a topic number is an integer from 0 to ${MAX_TOPIC_NUMBER}, not ${String(event.topic)}`);
    }
    out += `topic: ${event.topic}\n`;
  }
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
