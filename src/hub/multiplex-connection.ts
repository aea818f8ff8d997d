import {
  HUB_EVENT_TYPE,
  type HubFrame,
  type SubscriptionChange,
  type SubscriptionResult,
  type Topic,
  type TopicSubscription,
} from '../sse/multiplex-protocol.js';
import type { ParsedEvent } from '../sse/parser.js';
import type { HubEnvironment } from './environment.js';
import { EventStreamConnection } from './event-stream-connection.js';
import { Feed, type FeedSink } from './feed.js';
import { LingerTimer } from './linger-timer.js';
import type { ResolvedHubOptions } from './options.js';
import type { MultiplexTarget } from './stream-target.js';

/**
 * Multiplex mode: one `GET` stream to the server multiplexer carries every topic of this
 * origin and credentials mode; topics are added and removed by `POST` on the side, so the
 * stream (and every other topic on it) is never interrupted by a change.
 *
 * Changes are batched: everything subscribed or left within one task is sent as one POST
 * (a page that mounts 20 rows sends one request, and a topic left and taken again in the
 * same task is not touched at all). At most one POST is in flight, so the server applies
 * changes in the order they were made.
 */
export class MultiplexConnection {
  readonly #endpoint: string;
  readonly #withCredentials: boolean;
  readonly #environment: HubEnvironment;
  readonly #stream: EventStreamConnection;
  readonly #linger: LingerTimer;
  readonly #onEnded: () => void;
  /** Every topic with a feed; a feed whose last subscriber left stays until the next flush, in case it is taken again. */
  readonly #topics = new Map<Topic, Feed>();
  /** Topics the server holds for #connection, counting those in the POST in flight. */
  readonly #requested = new Set<Topic>();
  /** The id from the current stream's `ready` frame; undefined while (re)connecting. */
  #connection: string | undefined;
  #pendingPost: AbortController | undefined;
  #flushTimer: unknown;
  #ended = false;

  constructor(target: MultiplexTarget, options: ResolvedHubOptions, environment: HubEnvironment, onEnded: () => void) {
    this.#endpoint = target.endpoint;
    this.#withCredentials = target.withCredentials;
    this.#environment = environment;
    this.#onEnded = onEnded;
    this.#linger = new LingerTimer(environment, options.lingerMs, () => this.#end());
    this.#stream = new EventStreamConnection(
      { url: target.endpoint, withCredentials: target.withCredentials, sameOrigin: target.sameOrigin },
      options.reconnect,
      environment,
      {
        // Topics open one by one, on their own `open` frames; the stream itself waits for `ready`.
        open: () => undefined,
        event: (event) => this.#receive(event),
        retrying: () => this.#streamLost(),
        closed: () => this.terminate(),
      },
    );
    this.#stream.connect();
  }

  get topicCount(): number {
    return this.#topics.size;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const feed of this.#topics.values()) count += feed.size;
    return count;
  }

  attach(topic: Topic, sink: FeedSink, lastEventId: string): () => void {
    this.#linger.cancel();
    let feed = this.#topics.get(topic);
    if (!feed) {
      feed = new Feed(lastEventId);
      this.#topics.set(topic, feed);
      this.#scheduleFlush();
    }
    feed.add(sink);
    const attachedTo = feed;
    return () => {
      if (attachedTo.remove(sink) && attachedTo.size === 0) this.#scheduleFlush();
    };
  }

  /** Ends the stream and tells every topic's subscribers it is over (readyState CLOSED, `error`). */
  terminate(): void {
    this.#end();
    const feeds = [...this.#topics.values()];
    this.#topics.clear();
    for (const feed of feeds) feed.close();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#linger.cancel();
    this.#cancelFlush();
    this.#abortPost();
    this.#stream.close();
    this.#onEnded();
  }

  #receive(event: ParsedEvent): void {
    if (event.type !== HUB_EVENT_TYPE) return;
    const frame = parseFrame(event.data);
    if (!frame) return;
    if (frame.kind === 'ready') {
      this.#connection = frame.connection;
      this.#requested.clear();
      // The new connection holds nothing yet: the next POST carries the whole set, each topic with its last event id.
      this.#flush();
      return;
    }
    // Frames for a topic we have left, or not yet asked for on this connection, are stale.
    const feed = this.#requested.has(frame.topic) ? this.#topics.get(frame.topic) : undefined;
    if (!feed) return;
    switch (frame.kind) {
      case 'event':
        feed.message({ type: frame.type, data: frame.data, lastEventId: frame.id });
        break;
      case 'open':
        feed.open();
        break;
      case 'error':
        feed.error();
        break;
      case 'closed':
        this.#closeTopic(frame.topic);
        break;
    }
  }

  #streamLost(): void {
    this.#connection = undefined;
    this.#requested.clear();
    this.#abortPost();
    for (const feed of [...this.#topics.values()]) feed.error();
  }

  #scheduleFlush(): void {
    if (this.#flushTimer !== undefined || this.#ended) return;
    this.#flushTimer = this.#environment.setTimeout(() => {
      this.#flushTimer = undefined;
      this.#flush();
    }, 0);
  }

  #cancelFlush(): void {
    if (this.#flushTimer === undefined) return;
    this.#environment.clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
  }

  /** Drops topics nobody wants any more, tells the server what changed, and lingers once nothing is left. */
  #flush(): void {
    if (this.#ended) return;
    for (const [topic, feed] of this.#topics) {
      if (feed.size === 0) this.#topics.delete(topic);
    }
    if (this.#connection !== undefined && this.#pendingPost === undefined) this.#sendChanges(this.#connection);
    if (this.#topics.size === 0) this.#linger.start();
  }

  #sendChanges(connection: string): void {
    const subscribe: (Topic | TopicSubscription)[] = [];
    const unsubscribe: Topic[] = [];
    for (const [topic, feed] of this.#topics) {
      if (this.#requested.has(topic)) continue;
      this.#requested.add(topic);
      subscribe.push(feed.lastEventId === '' ? topic : { topic, lastEventId: feed.lastEventId });
    }
    for (const topic of this.#requested) {
      if (this.#topics.has(topic)) continue;
      this.#requested.delete(topic);
      unsubscribe.push(topic);
    }
    if (subscribe.length === 0 && unsubscribe.length === 0) return;
    const change: SubscriptionChange = { connection };
    if (subscribe.length > 0) change.subscribe = subscribe;
    if (unsubscribe.length > 0) change.unsubscribe = unsubscribe;
    void this.#postChange(change, subscribe.map((entry) => (typeof entry === 'string' ? entry : entry.topic)));
  }

  async #postChange(change: SubscriptionChange, subscribed: Topic[]): Promise<void> {
    const post = new AbortController();
    this.#pendingPost = post;
    let status: number;
    let result: SubscriptionResult | undefined;
    try {
      const response = await this.#environment.fetch(this.#endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(change),
        credentials: this.#withCredentials ? 'include' : 'same-origin',
        cache: 'no-store',
        signal: post.signal,
      });
      status = response.status;
      if (response.ok) result = parseResult(await response.json());
      else await response.body?.cancel();
    } catch {
      status = 0;
    }
    // A POST aborted because the stream was lost or closed answers to nobody.
    if (this.#pendingPost !== post) return;
    this.#pendingPost = undefined;
    if (result) {
      for (const refused of result.refused) this.#closeTopic(refused.topic);
    } else if (status === 404 || status === 403 || status === 0 || status >= 500 || (status >= 200 && status < 300)) {
      // 404: the server no longer knows this connection (it restarted). 403: the connection
      // is bound to the credentials it was opened with, and they changed (a login, a rotated
      // cookie). Network errors, 5xx and unreadable answers leave us unsure what the server
      // holds. A new stream, through the backoff, binds the current credentials and gets the
      // whole set; the attempt limit still ends a 403 that never goes away.
      this.#stream.restart();
      return;
    } else {
      // The request itself was rejected (400, 413, 415): sending it again cannot succeed.
      for (const topic of subscribed) this.#closeTopic(topic);
    }
    this.#flush();
  }

  #abortPost(): void {
    const post = this.#pendingPost;
    this.#pendingPost = undefined;
    post?.abort();
  }

  /** Ends one topic for good; the other topics on the stream are untouched. */
  #closeTopic(topic: Topic): void {
    this.#requested.delete(topic);
    const feed = this.#topics.get(topic);
    if (!feed) return;
    this.#topics.delete(topic);
    feed.close();
    if (this.#topics.size === 0 && !this.#ended) this.#linger.start();
  }
}

function parseFrame(data: string): HubFrame | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const candidate = frame as Partial<Record<string, unknown>>;
  switch (candidate.kind) {
    case 'ready':
      return typeof candidate.connection === 'string' ? (frame as HubFrame) : undefined;
    case 'event':
      return typeof candidate.topic === 'string' &&
        typeof candidate.type === 'string' &&
        typeof candidate.data === 'string' &&
        typeof candidate.id === 'string'
        ? (frame as HubFrame)
        : undefined;
    case 'open':
    case 'error':
    case 'closed':
      return typeof candidate.topic === 'string' ? (frame as HubFrame) : undefined;
    default:
      return undefined;
  }
}

function parseResult(body: unknown): SubscriptionResult | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { accepted, refused } = body as Partial<Record<string, unknown>>;
  if (!Array.isArray(accepted) || !Array.isArray(refused)) return undefined;
  const valid = refused.every((entry: unknown) => typeof entry === 'object' && entry !== null && typeof (entry as { topic?: unknown }).topic === 'string');
  return valid ? (body as SubscriptionResult) : undefined;
}
