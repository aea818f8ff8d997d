/**
 * The wire protocol between the browser hub (`sse-hub`, multiplex mode)
 * and the server multiplexer (`sse-hub/server`). Both sides import these
 * types, constants and the topic event codec so that they cannot drift apart.
 * docs/hub.md and docs/server.md describe the protocol in prose.
 *
 * One stream, many topics, changed over a side channel:
 * 1. `GET {endpoint}` opens the multiplexed stream (`text/event-stream`). Its first
 *    event is a control frame
 *    `{"kind":"ready","connection":"<id>","maxTopics":64,"protocol":2,"heartbeatMs":15000}`.
 *    A `: ping` comment follows at least every `heartbeatMs`, so a hub can tell a silent
 *    stream from a dead one.
 * 2. `POST {endpoint}` with a JSON `SubscriptionChange` adds and removes topics on that
 *    connection, without touching the stream. The reply is a `SubscriptionResult`.
 * 3. A topic's events travel in events named `HUB_TOPIC_EVENT_TYPE` (see
 *    `formatTopicEvent`); the other frames (`open`, `error`, `closed`) are JSON in the
 *    `data` of events named `HUB_EVENT_TYPE`. The stream's own `id:` is not used: each
 *    topic keeps its own last event id, which a subscription change can hand back to
 *    resume a topic.
 */
import { formatEvent } from './parser.js';

/** Where the hub looks for the multiplexer unless `configureHub({ endpoint })` says otherwise. */
export const DEFAULT_HUB_ENDPOINT = '/__sse_hub';

/** The SSE event name of control frames (JSON), so that a stray `message` cannot be mistaken for one. */
export const HUB_EVENT_TYPE = 'sse-hub';

/** The SSE event name of a topic's events, whose `data` is a header line and then the event's own data. */
export const HUB_TOPIC_EVENT_TYPE = 'sse-hub-event';

/**
 * The version of this protocol, announced by the server in `ready`. A browser tab keeps the
 * hub it loaded while the server is redeployed under it, so the two can differ at run time
 * even though they ship in one package; a hub that meets another version reconnects through
 * its backoff (and stops at the attempt limit) instead of silently missing events. Version 1
 * was the unversioned format that sent topic events as JSON frames.
 *
 * A field that a hub may go without does not change the version: `heartbeatMs` came later
 * within version 2. Hubs before it ignore it, and a hub that meets a server without it
 * simply does not watch that stream for silence.
 */
export const HUB_PROTOCOL_VERSION = 2;

/** A topic is the same-origin path and query that the caller would have opened, e.g. `/rows/3/events?x=1`. */
export type Topic = string;

export interface ReadyFrame {
  kind: 'ready';
  connection: string;
  /** The most topics this connection may hold at once. */
  maxTopics: number;
  /** `HUB_PROTOCOL_VERSION` of the server. */
  protocol: number;
  /** The server's heartbeat interval. Optional: servers of version 2 from before it was added leave it out. */
  heartbeatMs?: number;
}

/** One event of a topic, as `formatTopicEvent` writes it and `parseTopicEvent` reads it back. */
export interface TopicEventFrame {
  kind: 'event';
  topic: Topic;
  /** The event's own type (`message` when the upstream named none). */
  type: string;
  data: string;
  /** The upstream's last event id in force, as `EventSource#lastEventId` would report it. */
  id: string;
}

/** The upstream for a topic is connected (sent once per upstream (re)connection). */
export interface TopicOpenFrame {
  kind: 'open';
  topic: Topic;
}

/** The upstream failed and the server is retrying it; subscribers see `readyState` CONNECTING. */
export interface TopicErrorFrame {
  kind: 'error';
  topic: Topic;
  status?: number;
}

/**
 * The topic is over for good (upstream answered 204 or 4xx, was refused, or ended and
 * may not be retried); subscribers see an `error` event and `readyState` CLOSED.
 */
export interface TopicClosedFrame {
  kind: 'closed';
  topic: Topic;
  status: number;
  reason: string;
}

/** The frames sent as JSON in `HUB_EVENT_TYPE` events. */
export type HubControlFrame = ReadyFrame | TopicOpenFrame | TopicErrorFrame | TopicClosedFrame;

/** Everything the stream carries, once decoded. */
export type HubFrame = HubControlFrame | TopicEventFrame;

/** A topic to add, with the last event id its subscribers saw, so the upstream resumes after it. */
export interface TopicSubscription {
  topic: Topic;
  lastEventId?: string;
}

export interface SubscriptionChange {
  connection: string;
  subscribe?: (Topic | TopicSubscription)[];
  unsubscribe?: Topic[];
}

export interface RefusedTopic {
  topic: Topic;
  /** An HTTP-like status: 403 not on the allow-list, 429 over the per-connection limit, 400 malformed. */
  status: number;
  reason: string;
}

export interface SubscriptionResult {
  accepted: Topic[];
  refused: RefusedTopic[];
}

/**
 * Serialises a topic's event. Its `data` is a header line, the JSON array
 * `["<topic>","<type>","<id>"]`, then a line break and the event's data verbatim:
 *
 *     event: sse-hub-event
 *     data: ["/rows/1/events","message","1-7"]
 *     data: {"row":1,"status":"ok"}
 *
 * The data is not escaped a second time, so the hub needs no `JSON.parse` of it and an app's
 * JSON payload costs the bytes it is. `JSON.stringify` escapes every line break, so the header
 * is always one line whatever the topic, type and id hold. Line breaks in the data become
 * `data:` lines, so a `\r\n` or `\r` arrives as `\n`, as `EventSource` reports it.
 */
export function formatTopicEvent(frame: Omit<TopicEventFrame, 'kind'>): string {
  const header = JSON.stringify([frame.topic, frame.type, frame.id]);
  return formatEvent({ type: HUB_TOPIC_EVENT_TYPE, data: `${header}\n${frame.data}` });
}

/** Reads the `data` of a `HUB_TOPIC_EVENT_TYPE` event back; undefined when its header is malformed. */
export function parseTopicEvent(data: string): TopicEventFrame | undefined {
  const headerEnd = data.indexOf('\n');
  if (headerEnd === -1) return undefined;
  return readPlainHeader(data, headerEnd) ?? readJsonHeader(data, headerEnd);
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPENING_BRACKET = 0x5b;
const CLOSING_BRACKET = 0x5d;
/**
 * A first line without backslashes or control characters: no field of the header was escaped.
 * JSON escapes U+0000–U+001F; `\p{Cc}` also takes in U+007F–U+009F, which JSON leaves raw, so
 * such a header goes to `readJsonHeader` and reads the same. A property escape rather than a
 * range of control characters, which `no-control-regex` would flag in the helper bundle.
 */
const PLAIN_FIRST_LINE = /^[^\\\p{Cc}]*\n/u;

/**
 * The common case, read without `JSON.parse`: a header exactly as `JSON.stringify` writes it
 * when no field needs an escape, `["<topic>","<type>","<id>"]`. Its fields hold no quote,
 * backslash or control character, so they are the JSON strings' values as they stand. On
 * the strings the event-stream parser hands over, this took about 90 ns per event here and
 * `JSON.parse` about 480 ns, when a million events a second leave 1,000 ns for everything.
 * Anything else (escapes, other spacing, a malformed header) returns undefined and is left
 * to `readJsonHeader`, so both readers accept exactly the same headers.
 */
function readPlainHeader(data: string, headerEnd: number): TopicEventFrame | undefined {
  // The shortest header is `["","",""]`.
  if (headerEnd < 10) return undefined;
  if (data.charCodeAt(0) !== OPENING_BRACKET || data.charCodeAt(1) !== QUOTE) return undefined;
  if (data.charCodeAt(headerEnd - 2) !== QUOTE || data.charCodeAt(headerEnd - 1) !== CLOSING_BRACKET) return undefined;
  const topicEnd = data.indexOf('"', 2);
  if (!isFieldSeparator(data, topicEnd)) return undefined;
  const typeEnd = data.indexOf('"', topicEnd + 3);
  if (!isFieldSeparator(data, typeEnd)) return undefined;
  const idEnd = data.indexOf('"', typeEnd + 3);
  if (idEnd !== headerEnd - 2 || !PLAIN_FIRST_LINE.test(data)) return undefined;
  return {
    kind: 'event',
    topic: data.slice(2, topicEnd),
    type: data.slice(topicEnd + 3, typeEnd),
    data: data.slice(headerEnd + 1),
    id: data.slice(typeEnd + 3, idEnd),
  };
}

/** Whether the quote at `quote` closes a field and opens the next: `","`. */
function isFieldSeparator(data: string, quote: number): boolean {
  return data.charCodeAt(quote + 1) === COMMA && data.charCodeAt(quote + 2) === QUOTE;
}

function readJsonHeader(data: string, headerEnd: number): TopicEventFrame | undefined {
  let header: unknown;
  try {
    header = JSON.parse(data.slice(0, headerEnd));
  } catch {
    return undefined;
  }
  if (!Array.isArray(header) || header.length !== 3) return undefined;
  const topic: unknown = header[0];
  const type: unknown = header[1];
  const id: unknown = header[2];
  if (typeof topic !== 'string' || typeof type !== 'string' || typeof id !== 'string') return undefined;
  return { kind: 'event', topic, type, data: data.slice(headerEnd + 1), id };
}
