/**
 * The wire protocol between the browser hub (`sse-hub`, multiplex mode)
 * and the server multiplexer (`sse-hub/server`). Both sides import these
 * types, constants and the topic event format so that they cannot drift apart.
 * docs/hub.md and docs/server.md describe the protocol in prose.
 *
 * One stream, many topics, changed over a side channel:
 * 1. `GET {endpoint}` opens the multiplexed stream (`text/event-stream`). Its first
 *    event is a control frame
 *    `{"kind":"ready","connection":"<id>","maxTopics":64,"protocol":3,"heartbeatMs":15000}`.
 *    A `: ping` comment follows at least every `heartbeatMs`, so a hub can tell a silent
 *    stream from a dead one.
 * 2. `POST {endpoint}` with a JSON `SubscriptionChange` adds and removes topics on that
 *    connection, without touching the stream. The reply is a `SubscriptionResult`.
 * 3. Each topic the server accepts gets a small number on this connection, announced on the
 *    stream by a `subscribed` frame before anything else of the topic (see `TopicNumberFrame`).
 * 4. A topic's events are ordinary events with one more field, `topic: <number>` (see
 *    `formatTopicEvent`). The other frames (`ready`, `subscribed`, `open`, `error`, `closed`)
 *    are JSON in the `data` of events named `HUB_EVENT_TYPE`, with no `topic:` field. The
 *    stream's own `id:`s are its topics' ids: each topic keeps its own last event id, which a
 *    subscription change hands back to resume it; the stream itself is not resumed.
 */
import { formatEvent } from './parser.js';

/** Where the hub looks for the multiplexer unless `configureHub({ endpoint })` says otherwise. */
export const DEFAULT_HUB_ENDPOINT = '/__sse_hub';

/** The SSE event name of control frames (JSON), so that a stray `message` cannot be mistaken for one. */
export const HUB_EVENT_TYPE = 'sse-hub';

/**
 * The version of this protocol, announced by the server in `ready`. A browser tab keeps the
 * hub it loaded while the server is redeployed under it, so the two can differ at run time
 * even though they ship in one package; a hub that meets another version reconnects through
 * its backoff (and stops at the attempt limit) instead of silently missing events.
 *
 * - Version 1 was the unversioned format that sent topic events as JSON frames.
 * - Version 2 sent a topic's event as an event named `sse-hub-event` whose data was a JSON
 *   header line `["<topic>","<type>","<id>"]` and then the event's own data.
 * - Version 3 numbers the topics: a topic's event is the event itself plus `topic: <number>`,
 *   so the hub routes it by an array index, with no header to join, split or look up by name.
 *
 * A field that a hub may go without does not change the version: `heartbeatMs` came later
 * within version 2. Hubs before it ignore it, and a hub that meets a server without it
 * simply does not watch that stream for silence.
 */
export const HUB_PROTOCOL_VERSION = 3;

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

/** One event of a topic, as `formatTopicEvent` writes it. */
export interface TopicEventFrame {
  kind: 'event';
  /** The topic's number on this connection, from its `subscribed` frame. */
  number: number;
  /** The event's own type (`message` when the upstream named none). */
  type: string;
  data: string;
  /** The upstream's last event id in force, as `EventSource#lastEventId` would report it. */
  id: string;
}

/**
 * The server accepted `topic` on this connection: its events carry `number` from now on. It
 * comes before anything else of the topic, on the stream itself: the POST that asked for the
 * topic is answered on another connection, which may arrive after the topic's first events.
 *
 * Numbers are small (the lowest free one), and a number is given again once its topic has
 * left the connection. That is safe because the stream is ordered: every event of the old
 * topic was written before the frame that gives its number to another.
 */
export interface TopicNumberFrame {
  kind: 'subscribed';
  topic: Topic;
  number: number;
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
export type HubControlFrame = ReadyFrame | TopicNumberFrame | TopicOpenFrame | TopicErrorFrame | TopicClosedFrame;

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
 * Serialises a topic's event: the event as its own route would send it, plus its topic's number
 *
 *     id: 1-7
 *     topic: 3
 *     data: {"row":1,"status":"ok"}
 *
 * The data is written as it is, so an app's JSON payload costs the bytes it is. The `id:` is
 * always written, even empty: ids persist from one event to the next in an event stream, and
 * the previous event on this stream may belong to another topic. `event:` is left out for
 * `message`. To a parser that does not know `topic:`, it is an unknown field and ignored.
 */
export function formatTopicEvent(frame: Omit<TopicEventFrame, 'kind'>): string {
  return formatEvent({ type: frame.type, id: frame.id, topic: frame.number, data: frame.data });
}
