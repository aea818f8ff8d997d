import type { ParsedEvent } from '../sse/parser.js';

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSED = 2;
export type ReadyState = typeof CONNECTING | typeof OPEN | typeof CLOSED;

/** Someone who listens to a feed: an `EventSource` facade, or a relay to another tab or feed. */
export interface FeedSink {
  open(): void;
  message(event: ParsedEvent): void;
  /** The stream failed and is being retried (readyState CONNECTING). */
  error(): void;
  /** Past its attempt limit the stream waits for the page to come back online or visible (`true`), or has woken (`false`). */
  waiting(waiting: boolean): void;
  /** The stream is over for good (readyState CLOSED); the sink has already been removed. */
  closed(): void;
}

/**
 * The fan-out of one logical stream (a URL in dedupe mode, a topic in multiplex mode) to
 * the sinks that share it. It keeps the state a newcomer needs: the readyState, so that a
 * late joiner still gets its `open`, and the last event id, so that a re-subscribe resumes.
 * With `replayLastEvent`, it also keeps the last event, and a late joiner gets it after its
 * `open`: the current value of a stream that sends values, not a backlog.
 */
export class Feed {
  #readyState: ReadyState = CONNECTING;
  #waiting = false;
  #lastEventId: string;
  readonly #replayLastEvent: boolean;
  #lastEvent: ParsedEvent | undefined;
  readonly #sinks = new Set<FeedSink>();
  /**
   * The sinks as an array, taken after a change when a signal is next delivered, so that
   * delivering an event copies nothing: the multiplexed stream delivers every event of the
   * page through here.
   */
  #delivery: FeedSink[] | undefined;

  constructor(lastEventId = '', replayLastEvent = false) {
    this.#lastEventId = lastEventId;
    this.#replayLastEvent = replayLastEvent;
  }

  get readyState(): ReadyState {
    return this.#readyState;
  }

  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** The event a late joiner is replayed; undefined without `replayLastEvent`. */
  get lastEvent(): ParsedEvent | undefined {
    return this.#lastEvent;
  }

  get size(): number {
    return this.#sinks.size;
  }

  add(sink: FeedSink): void {
    this.#sinks.add(sink);
    this.#delivery = undefined;
    if (this.#waiting) sink.waiting(true);
    if (this.#readyState === OPEN) {
      // Joining a stream that is already open: `open` must still come, and, as with a new
      // `EventSource`, only after the caller had the chance to attach its handlers.
      const replay = this.#lastEvent;
      void Promise.resolve().then(() => {
        if (this.#readyState !== OPEN || !this.#sinks.has(sink)) return;
        sink.open();
        // Only if it is still the latest: a newer one that came since was delivered live.
        if (replay && replay === this.#lastEvent && this.#sinks.has(sink)) sink.message(replay);
      });
    }
  }

  /** Returns whether the sink was attached. */
  remove(sink: FeedSink): boolean {
    this.#delivery = undefined;
    return this.#sinks.delete(sink);
  }

  open(): void {
    if (this.#readyState !== CONNECTING) return;
    this.#readyState = OPEN;
    this.#waiting = false;
    this.#each((sink) => sink.open());
  }

  message(event: ParsedEvent): void {
    if (this.#readyState === CLOSED) return;
    // Events only flow on an open stream; a source that skipped `open` is treated as open.
    this.open();
    this.#lastEventId = event.lastEventId;
    if (this.#replayLastEvent) this.#lastEvent = event;
    // `#each` by hand: every event of the page comes through here, and a closure per event was
    // garbage to collect (`npm run bench -- hub`).
    const sinks = (this.#delivery ??= [...this.#sinks]);
    for (const sink of sinks) {
      if (this.#stillAttached(sinks, sink)) sink.message(event);
    }
  }

  error(): void {
    if (this.#readyState === CLOSED) return;
    this.#readyState = CONNECTING;
    this.#each((sink) => sink.error());
  }

  /** A state, not an event: subscribers see no `error` for it, and a newcomer learns it on joining. */
  wait(waiting: boolean): void {
    if (this.#readyState === CLOSED || this.#waiting === waiting) return;
    this.#waiting = waiting;
    this.#each((sink) => sink.waiting(waiting));
  }

  close(): void {
    if (this.#readyState === CLOSED) return;
    this.#readyState = CLOSED;
    this.#waiting = false;
    const sinks = [...this.#sinks];
    this.#sinks.clear();
    this.#delivery = undefined;
    for (const sink of sinks) sink.closed();
  }

  /** A sink may leave (or another join) while a signal is being delivered; only the present ones get it. */
  #each(deliver: (sink: FeedSink) => void): void {
    // A change during delivery drops `#delivery`; this loop keeps the array it started with.
    const sinks = (this.#delivery ??= [...this.#sinks]);
    for (const sink of sinks) {
      if (this.#stillAttached(sinks, sink)) deliver(sink);
    }
  }

  /**
   * Whether `sink`, of the delivery array `sinks`, is still attached. Every change drops
   * `#delivery`, so while it is still `sinks` nothing has changed and no lookup is needed.
   */
  #stillAttached(sinks: FeedSink[], sink: FeedSink): boolean {
    return this.#delivery === sinks || this.#sinks.has(sink);
  }
}
