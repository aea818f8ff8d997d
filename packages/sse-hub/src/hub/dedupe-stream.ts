import type { HubEnvironment } from './environment.js';
import { EventStreamConnection } from './event-stream-connection.js';
import { Feed, type FeedSink } from './feed.js';
import { DelayedCall } from './delayed-call.js';
import type { ResolvedHubOptions } from './options.js';
import type { DedupeTarget } from './stream-target.js';

/** Dedupe mode: one physical stream for one URL, shared by everyone who subscribes to it. No server change needed. */
export class DedupeStream {
  readonly #feed: Feed;
  readonly #connection: EventStreamConnection;
  readonly #linger: DelayedCall;
  /** Tells the pool to forget this stream; called once, before subscribers hear it closed. */
  readonly #onEnded: () => void;
  #ended = false;

  constructor(target: DedupeTarget, lastEventId: string, options: ResolvedHubOptions, environment: HubEnvironment, onEnded: () => void) {
    this.#feed = new Feed(lastEventId, options.replayLastEvent);
    this.#onEnded = onEnded;
    this.#linger = new DelayedCall(environment, options.lingerMs, () => this.#end());
    this.#connection = new EventStreamConnection(
      {
        url: target.url,
        withCredentials: target.withCredentials,
        sameOrigin: target.sameOrigin,
        lastEventId,
        connectTimeoutMs: options.dedupeConnectTimeoutMs,
        // An arbitrary server may never send a comment: silence on its open stream proves nothing.
        openSilenceMs: Infinity,
      },
      options.reconnect,
      environment,
      {
        open: () => this.#feed.open(),
        event: (event) => this.#feed.message(event),
        retrying: () => this.#feed.error(),
        waiting: (waiting) => this.#feed.wait(waiting),
        closed: () => this.terminate(),
      },
    );
    this.#connection.connect();
  }

  get subscriberCount(): number {
    return this.#feed.size;
  }

  attach(sink: FeedSink): () => void {
    this.#linger.cancel();
    this.#feed.add(sink);
    return () => {
      if (this.#feed.remove(sink) && this.#feed.size === 0 && !this.#ended) this.#linger.start();
    };
  }

  /** Ends the stream and tells its subscribers it is over (readyState CLOSED, `error`). */
  terminate(): void {
    this.#end();
    this.#feed.close();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#linger.cancel();
    this.#connection.close();
    // Before the subscribers hear about it: one that re-subscribes from its `error` handler must get a fresh stream.
    this.#onEnded();
  }
}
