import {
  HUB_EVENT_TYPE,
  HUB_PROTOCOL_VERSION,
  type HubControlFrame,
  type SubscriptionChange,
  type SubscriptionResult,
  type Topic,
  type TopicSubscription,
} from '../sse/multiplex-protocol.js';
import type { ParsedEvent } from '../sse/parser.js';
import type { HubEnvironment } from './environment.js';
import { EventStreamConnection } from './event-stream-connection.js';
import { Feed, type FeedSink } from './feed.js';
import { DelayedCall } from './delayed-call.js';
import type { ResolvedHubOptions } from './options.js';
import type { MultiplexTarget } from './stream-target.js';

/** What this connection knows of one topic. */
interface TopicState {
  /**
   * The topic's subscribers. A feed whose last subscriber left stays until the next flush, in
   * case it is taken again; after that it is undefined while the unsubscribe is on its way.
   */
  feed: Feed | undefined;
  /** Whether the server holds the topic for #connection, counting the POST in flight. */
  requested: boolean;
}

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
  readonly #linger: DelayedCall;
  readonly #onEnded: () => void;
  readonly #stallAfterHeartbeats: number;
  readonly #replayLastEvent: boolean;
  /**
   * Every topic with a feed or held by the server; an entry goes once it has neither. One map,
   * so that routing an event costs one lookup of its topic.
   */
  readonly #topics = new Map<Topic, TopicState>();
  /**
   * The topics by the numbers the server gave them on the current stream (`subscribed` frames),
   * so that routing an event is an array index. An entry may outlive its topic's place in
   * `#topics` (a topic left while events were on their way); its feed is gone by then.
   */
  #numbered: (TopicState | undefined)[] = [];
  /** The current stream's `maxTopics`: the server numbers its topics below it. */
  #maxTopics = 0;
  /** The id from the current stream's `ready` frame; undefined while (re)connecting. */
  #connection: string | undefined;
  #pendingPost: AbortController | undefined;
  /** Gathers the changes of one task into one POST. */
  readonly #flushSoon: DelayedCall;
  /** Past the attempt limit, waiting for the page to come back online or visible: new topics start out waiting too. */
  #waiting = false;
  #ended = false;

  constructor(target: MultiplexTarget, options: ResolvedHubOptions, environment: HubEnvironment, onEnded: () => void) {
    this.#endpoint = target.endpoint;
    this.#withCredentials = target.withCredentials;
    this.#environment = environment;
    this.#onEnded = onEnded;
    this.#stallAfterHeartbeats = options.stallAfterHeartbeats;
    this.#replayLastEvent = options.replayLastEvent;
    this.#linger = new DelayedCall(environment, options.lingerMs, () => this.#end());
    this.#flushSoon = new DelayedCall(environment, 0, () => this.#flush());
    this.#stream = new EventStreamConnection(
      {
        url: target.endpoint,
        withCredentials: target.withCredentials,
        sameOrigin: target.sameOrigin,
        multiplexed: true,
        connectTimeoutMs: options.multiplexConnectTimeoutMs,
        // The multiplexer writes `ready` with its headers; until it comes, the connect timeout runs on.
        openSilenceMs: options.multiplexConnectTimeoutMs,
      },
      options.reconnect,
      environment,
      {
        // Topics open one by one, on their own `open` frames; the stream itself waits for `ready`.
        open: () => undefined,
        event: (event) => this.#receive(event),
        retrying: () => this.#streamLost(),
        waiting: (waiting) => {
          this.#waiting = waiting;
          for (const feed of this.#feeds()) feed.wait(waiting);
        },
        closed: () => this.terminate(),
      },
    );
    this.#stream.connect();
  }

  get topicCount(): number {
    return this.#feeds().length;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const feed of this.#feeds()) count += feed.size;
    return count;
  }

  attach(topic: Topic, sink: FeedSink, lastEventId: string): () => void {
    this.#linger.cancel();
    let state = this.#topics.get(topic);
    if (!state) {
      state = { feed: undefined, requested: false };
      this.#topics.set(topic, state);
    }
    let feed = state.feed;
    if (!feed) {
      feed = new Feed(lastEventId, this.#replayLastEvent);
      feed.wait(this.#waiting);
      state.feed = feed;
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
    const feeds = this.#feeds();
    this.#topics.clear();
    for (const feed of feeds) feed.close();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#linger.cancel();
    this.#flushSoon.cancel();
    this.#abortPost();
    this.#stream.close();
    this.#onEnded();
  }

  /**
   * A topic's event carries its number; the other frames are `HUB_EVENT_TYPE` events. Events
   * of other types, malformed frames and numbers no topic holds are ignored. The parsed event
   * is handed on as it is: with the `MessageEvent` each subscriber gets, that is all this
   * path allocates per event.
   */
  #receive(event: ParsedEvent): void {
    if (event.topic !== -1) {
      const state = this.#numbered[event.topic];
      if (state?.requested) state.feed?.message(event);
      return;
    }
    if (event.type !== HUB_EVENT_TYPE) return;
    const frame = parseControlFrame(event.data);
    if (!frame) return;
    if (frame.kind === 'ready') {
      if (frame.protocol !== HUB_PROTOCOL_VERSION) {
        // A server of another version (the page outlived a deploy, or a rolling deploy mixes
        // versions): its frames cannot be trusted to mean what this hub reads. The backoff
        // tries again, and its attempt limit ends a mismatch that does not go away.
        this.#stream.restart();
        return;
      }
      this.#connection = frame.connection;
      this.#maxTopics = typeof frame.maxTopics === 'number' ? frame.maxTopics : 0;
      this.#stream.limitSilence(this.#stallLimit(frame.heartbeatMs));
      this.#forgetRequests();
      // The new connection holds nothing yet: the next POST carries the whole set, each topic with its last event id.
      this.#flush();
      return;
    }
    if (frame.kind === 'subscribed') {
      this.#number(frame.topic, frame.number);
      return;
    }
    const feed = this.#feedOf(frame.topic);
    if (!feed) return;
    switch (frame.kind) {
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

  /**
   * The server writes at least a `: ping` every `heartbeatMs`: a stream silent for several of
   * those has lost its server, whatever TCP says. A server that announces no interval (one of
   * protocol 2 from before the field) is not watched.
   */
  #stallLimit(heartbeatMs: unknown): number {
    if (typeof heartbeatMs !== 'number' || !(heartbeatMs > 0) || heartbeatMs === Infinity) return Infinity;
    return heartbeatMs * this.#stallAfterHeartbeats;
  }

  /**
   * The server numbers each topic it accepts, and may give a number again once its topic has
   * left. A number past `maxTopics` is not one the server gives: it would only grow the array.
   */
  #number(topic: Topic, number: unknown): void {
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number >= this.#maxTopics) return;
    const state = this.#topics.get(topic);
    // A topic left since it was asked for gets no events, whatever comes under its number.
    this.#numbered[number] = state?.requested ? state : undefined;
  }

  /** Frames for a topic we have left, or not yet asked for on this connection, are stale. */
  #feedOf(topic: Topic): Feed | undefined {
    const state = this.#topics.get(topic);
    return state?.requested ? state.feed : undefined;
  }

  #feeds(): Feed[] {
    const feeds: Feed[] = [];
    for (const { feed } of this.#topics.values()) if (feed) feeds.push(feed);
    return feeds;
  }

  /** The server holds nothing for a new or lost connection; topics nobody wants are forgotten. */
  #forgetRequests(): void {
    this.#numbered = [];
    for (const [topic, state] of this.#topics) {
      state.requested = false;
      if (!state.feed) this.#topics.delete(topic);
    }
  }

  #streamLost(): void {
    this.#connection = undefined;
    this.#forgetRequests();
    this.#abortPost();
    for (const feed of this.#feeds()) feed.error();
  }

  #scheduleFlush(): void {
    if (!this.#ended) this.#flushSoon.start();
  }

  /** Drops topics nobody wants any more, tells the server what changed, and lingers once nothing is left. */
  #flush(): void {
    if (this.#ended) return;
    for (const [topic, state] of this.#topics) {
      if (state.feed?.size !== 0) continue;
      state.feed = undefined;
      if (!state.requested) this.#topics.delete(topic);
    }
    if (this.#connection !== undefined && this.#pendingPost === undefined) this.#sendChanges(this.#connection);
    if (this.#feeds().length === 0) this.#linger.start();
  }

  #sendChanges(connection: string): void {
    const subscribe: (Topic | TopicSubscription)[] = [];
    const unsubscribe: Topic[] = [];
    for (const [topic, state] of this.#topics) {
      const { feed } = state;
      if (feed && !state.requested) {
        state.requested = true;
        subscribe.push(feed.lastEventId === '' ? topic : { topic, lastEventId: feed.lastEventId });
      } else if (!feed && state.requested) {
        this.#topics.delete(topic);
        unsubscribe.push(topic);
      }
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
    const state = this.#topics.get(topic);
    this.#topics.delete(topic);
    const feed = state?.feed;
    if (!state || !feed) return;
    // Its number may still be in `#numbered` until the server gives it to another topic.
    state.feed = undefined;
    state.requested = false;
    feed.close();
    if (this.#feeds().length === 0 && !this.#ended) this.#linger.start();
  }
}

function parseControlFrame(data: string): HubControlFrame | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const candidate = frame as { kind?: unknown; connection?: unknown; topic?: unknown };
  switch (candidate.kind) {
    case 'ready':
      return typeof candidate.connection === 'string' ? (frame as HubControlFrame) : undefined;
    case 'subscribed':
    case 'open':
    case 'error':
    case 'closed':
      return typeof candidate.topic === 'string' ? (frame as HubControlFrame) : undefined;
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
