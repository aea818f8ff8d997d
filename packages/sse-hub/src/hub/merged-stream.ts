import type { ParsedEvent } from '../sse/parser.js';
import type { HubEnvironment } from './environment.js';
import { EventStreamConnection } from './event-stream-connection.js';
import { Feed, type FeedSink } from './feed.js';
import { DelayedCall } from './delayed-call.js';
import type { MergedTopicsRule, ResolvedHubOptions } from './options.js';
import type { MergedTarget } from './stream-target.js';

/** The subscribers that asked for one list of topics, and those topics. */
interface TopicFeed {
  feed: Feed;
  topics: readonly string[];
}

/**
 * `mergeTopics`: one connection to a server that takes its topics as a repeated query parameter
 * (a Mercure hub), asking for the topics of every subscriber at once. When the set changes,
 * within one task as in multiplex mode, the connection is reopened with the new set and
 * `Last-Event-ID`, so that the server sends what was published in between (a Mercure hub keeps
 * that history). Subscribers stay OPEN across a planned reopen. An event goes to the
 * subscribers of the topics `topicOf` names for it, each of them once.
 */
export class MergedStream {
  readonly #target: MergedTarget;
  readonly #rule: MergedTopicsRule;
  readonly #options: ResolvedHubOptions;
  readonly #environment: HubEnvironment;
  readonly #linger: DelayedCall;
  readonly #onEnded: () => void;
  /** By the subscriber's own list of topics: subscribers of the same list share a feed. */
  readonly #feeds = new Map<string, TopicFeed>();
  /** The connection that serves the subscribers now. */
  #connection: EventStreamConnection | undefined;
  /** The connection for a new topic set, until it opens and takes over from `#connection`. */
  #pending: EventStreamConnection | undefined;
  /** The ids the serving connection delivered since the change began, not to be delivered again by the new one. */
  #deliveredDuringChange: Set<string> | undefined;
  /** Whether the current connection has its response and is reading. */
  #open = false;
  /** The topics the newest connection asked for (the pending one during a change), in the order first asked. */
  #connectedTopics: string[] = [];
  /** The topics of the connection that serves now. */
  #servingTopics: string[] = [];
  /** Kept across reopens: where the next connection resumes. */
  #lastEventId: string;
  /** Gathers the changes of one task into one reopen. */
  readonly #reopenSoon: DelayedCall;
  #ended = false;

  constructor(target: MergedTarget, rule: MergedTopicsRule, lastEventId: string, options: ResolvedHubOptions, environment: HubEnvironment, onEnded: () => void) {
    this.#target = target;
    this.#rule = rule;
    this.#lastEventId = lastEventId;
    this.#options = options;
    this.#environment = environment;
    this.#onEnded = onEnded;
    this.#linger = new DelayedCall(environment, options.lingerMs, () => this.#end());
    this.#reopenSoon = new DelayedCall(environment, 0, () => this.#reopen());
  }

  get subscriberCount(): number {
    let count = 0;
    for (const { feed } of this.#feeds.values()) count += feed.size;
    return count;
  }

  get topicCount(): number {
    return this.#wantedTopics().length;
  }

  attach(topics: readonly string[], sink: FeedSink): () => void {
    this.#linger.cancel();
    const key = JSON.stringify(topics);
    let entry = this.#feeds.get(key);
    if (!entry) {
      entry = { feed: new Feed(this.#lastEventId, this.#options.replayLastEvent), topics };
      this.#feeds.set(key, entry);
      // A feed of topics the connection already carries is served at once, as a dedupe joiner is.
      if (this.#open && topics.every((topic) => this.#servingTopics.includes(topic))) entry.feed.open();
      this.#scheduleReopen();
    }
    entry.feed.add(sink);
    const { feed } = entry;
    return () => {
      if (!feed.remove(sink) || feed.size > 0 || this.#feeds.get(key)?.feed !== feed) return;
      this.#feeds.delete(key);
      this.#scheduleReopen();
    };
  }

  /** Ends the stream and tells every subscriber it is over (readyState CLOSED, `error`). */
  terminate(): void {
    this.#end();
    const feeds = [...this.#feeds.values()];
    this.#feeds.clear();
    for (const { feed } of feeds) feed.close();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#linger.cancel();
    this.#reopenSoon.cancel();
    this.#closeConnections();
    this.#onEnded();
  }

  /** Every topic some subscriber wants, in the order first asked for: the connection's URL stays stable while nothing changes. */
  #wantedTopics(): string[] {
    const wanted = new Set<string>();
    for (const { topics } of this.#feeds.values()) for (const topic of topics) wanted.add(topic);
    return [...wanted];
  }

  #scheduleReopen(): void {
    if (!this.#ended) this.#reopenSoon.start();
  }

  /**
   * Opens a connection for the topics wanted now, unless the current one already asks for
   * exactly those. The current connection keeps delivering until the new one is open, so that
   * nothing published meanwhile is lost even to a topic that has had no update yet (and so has
   * no id to resume from); what both deliver is told apart by its id.
   */
  #reopen(): void {
    if (this.#ended) return;
    const wanted = this.#wantedTopics();
    if (wanted.length === 0) {
      this.#closeConnections();
      this.#connectedTopics = [];
      this.#servingTopics = [];
      this.#linger.start();
      return;
    }
    if ((this.#pending ?? this.#connection) && sameTopics(wanted, this.#connectedTopics)) return;
    // A change that has not opened yet is replaced; the connection that serves stays.
    this.#pending?.close();
    this.#connectedTopics = wanted;
    if (this.#connection) this.#lastEventId = this.#connection.lastEventId || this.#lastEventId;
    this.#deliveredDuringChange = new Set();
    const connection: EventStreamConnection = new EventStreamConnection(
      {
        url: this.#urlFor(wanted),
        withCredentials: this.#target.withCredentials,
        sameOrigin: this.#target.sameOrigin,
        lastEventId: this.#lastEventId,
        connectTimeoutMs: this.#options.dedupeConnectTimeoutMs,
        // A server not written for the hub may never send a comment: silence proves nothing.
        openSilenceMs: Infinity,
      },
      this.#options.reconnect,
      this.#environment,
      {
        open: () => {
          if (this.#pending === connection) this.#takeOver(connection);
          this.#open = true;
          for (const { feed } of this.#feeds.values()) feed.open();
        },
        event: (event) => {
          // Delivered already by the connection it replaced: the replay after its last id, or an
          // update published while both were open.
          if (event.lastEventId !== '' && this.#deliveredDuringChange?.has(event.lastEventId)) return;
          this.#deliver(event);
        },
        retrying: () => {
          if (this.#pending === connection) this.#takeOver(connection);
          this.#open = false;
          for (const { feed } of this.#feeds.values()) feed.error();
        },
        waiting: (waiting) => {
          for (const { feed } of this.#feeds.values()) feed.wait(waiting);
        },
        closed: () => {
          if (this.#connection === connection || this.#pending === connection) this.terminate();
        },
      },
    );
    if (this.#connection) {
      this.#pending = connection;
    } else {
      this.#connection = connection;
      this.#servingTopics = wanted;
    }
    connection.connect();
  }

  /** The new connection is open (or failed and retries on its own): the one it replaces goes. */
  #takeOver(connection: EventStreamConnection): void {
    this.#connection?.close();
    this.#connection = connection;
    this.#pending = undefined;
    this.#servingTopics = this.#connectedTopics;
  }

  #closeConnections(): void {
    this.#pending?.close();
    this.#pending = undefined;
    this.#connection?.close();
    this.#connection = undefined;
    this.#open = false;
  }

  #urlFor(topics: readonly string[]): string {
    const url = new URL(this.#target.url);
    for (const topic of topics) url.searchParams.append(this.#target.param, topic);
    return url.href;
  }

  /** To each feed with a topic `topicOf` names for the event, once. An event it names no topic for reaches nobody. */
  #deliver(event: ParsedEvent): void {
    this.#lastEventId = event.lastEventId;
    if (this.#pending && event.lastEventId !== '') this.#deliveredDuringChange?.add(event.lastEventId);
    let named: readonly string[];
    try {
      const result = this.#rule.topicOf({ type: event.type, data: event.data, lastEventId: event.lastEventId });
      named = result === undefined ? [] : typeof result === 'string' ? [result] : result;
    } catch (error) {
      // The app's function failed on this event: the stream goes on, and the error is reported
      // as an uncaught one would be, not swallowed.
      this.#environment.setTimeout(() => {
        throw error;
      }, 0);
      return;
    }
    if (named.length === 0) return;
    for (const { feed, topics } of this.#feeds.values()) {
      if (topics.some((topic) => named.includes(topic))) feed.message(event);
    }
  }
}

function sameTopics(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((topic) => b.includes(topic));
}
