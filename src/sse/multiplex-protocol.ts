/**
 * The wire protocol between the browser hub (`eslint-plugin-sse/hub`, multiplex mode)
 * and the server multiplexer (`eslint-plugin-sse/server`). Both sides import these
 * types and constants so that they cannot drift apart. docs/hub.md and docs/server.md
 * describe the protocol in prose.
 *
 * One stream, many topics, changed over a side channel:
 * 1. `GET {endpoint}` opens the multiplexed stream (`text/event-stream`). Its first
 *    event is a control frame `{"kind":"ready","connection":"<id>"}`.
 * 2. `POST {endpoint}` with a JSON `SubscriptionChange` adds and removes topics on that
 *    connection, without touching the stream. The reply is a `SubscriptionResult`.
 * 3. Every later event on the stream is a `TopicFrame` in the `data` of an event named
 *    `HUB_EVENT_TYPE`; the stream's own `id:` is not used, each topic keeps its own
 *    last event id, which a subscription change can hand back to resume a topic.
 */

/** Where the hub looks for the multiplexer unless `configureHub({ endpoint })` says otherwise. */
export const DEFAULT_HUB_ENDPOINT = '/__sse_hub';

/** The SSE event name that carries frames, so that a stray `message` cannot be mistaken for one. */
export const HUB_EVENT_TYPE = 'sse-hub';

/** A topic is the same-origin path and query that the caller would have opened, e.g. `/rows/3/events?x=1`. */
export type Topic = string;

export interface ReadyFrame {
  kind: 'ready';
  connection: string;
  /** The most topics this connection may hold at once. */
  maxTopics: number;
}

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

export type HubFrame = ReadyFrame | TopicEventFrame | TopicOpenFrame | TopicErrorFrame | TopicClosedFrame;

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
