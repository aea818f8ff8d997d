import type { ParsedEvent } from '../sse/parser.js';
import { CLOSED, CONNECTING, OPEN, type FeedSink, type ReadyState } from './feed.js';

/** Connects a facade's sink to its feed and returns how to disconnect it. */
export type AttachSink = (sink: FeedSink) => () => void;

export interface EventConstructors {
  Event: typeof Event;
  MessageEvent: typeof MessageEvent;
}

/**
 * Where a subscriber stands, finer than `readyState`: CONNECTING is `connecting` before the
 * first `open` and `reconnecting` after a failure, or `waiting` once the stream has used up its
 * attempts and waits for the page to come back online or visible.
 */
export type SubscriberStatus = 'connecting' | 'open' | 'reconnecting' | 'waiting' | 'closed';

/** Called on every change of a facade's status, starting from `connecting`. */
export type StatusListener = (previous: SubscriberStatus, next: SubscriberStatus) => void;

type EventHandler = ((this: EventSource, event: Event) => unknown) | null;
type MessageHandler = ((this: EventSource, event: MessageEvent) => unknown) | null;

/**
 * The `EventSource` surface over a shared feed, so that code written for `new EventSource()`
 * keeps working when only the constructor call changes. Listener bookkeeping (`once`,
 * `signal`, ordering) is the platform's own `EventTarget`.
 */
export class SharedEventSource extends EventTarget implements EventSource {
  static readonly CONNECTING = CONNECTING;
  static readonly OPEN = OPEN;
  static readonly CLOSED = CLOSED;
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSED = CLOSED;

  readonly url: string;
  readonly withCredentials: boolean;
  #readyState: ReadyState = CONNECTING;
  #status: SubscriberStatus = 'connecting';
  readonly #onStatus: StatusListener | undefined;
  #detach: (() => void) | undefined;
  readonly #handlers = new Map<string, { handler: (event: Event) => unknown; listener: (event: Event) => void }>();

  constructor(url: string, withCredentials: boolean, origin: string, attach: AttachSink, events: EventConstructors, onStatus?: StatusListener) {
    super();
    this.url = url;
    this.withCredentials = withCredentials;
    this.#onStatus = onStatus;
    const sink: FeedSink = {
      open: () => {
        if (this.#readyState === CLOSED) return;
        this.#readyState = OPEN;
        this.#setStatus('open');
        this.dispatchEvent(new events.Event('open'));
      },
      message: (event: ParsedEvent) => {
        if (this.#readyState === CLOSED) return;
        this.dispatchEvent(new events.MessageEvent(event.type, { data: event.data, lastEventId: event.lastEventId, origin }));
      },
      error: () => {
        if (this.#readyState === CLOSED) return;
        this.#readyState = CONNECTING;
        this.#setStatus('reconnecting');
        this.dispatchEvent(new events.Event('error'));
      },
      waiting: (waiting) => {
        if (this.#readyState === CLOSED) return;
        this.#setStatus(waiting ? 'waiting' : 'reconnecting');
      },
      closed: () => {
        if (this.#readyState === CLOSED) return;
        this.#disconnect();
        this.dispatchEvent(new events.Event('error'));
      },
    };
    this.#detach = attach(sink);
  }

  get readyState(): ReadyState {
    return this.#readyState;
  }

  get status(): SubscriberStatus {
    return this.#status;
  }

  get onopen(): EventHandler {
    return this.#getHandler('open') as EventHandler;
  }

  set onopen(handler: EventHandler) {
    this.#setHandler('open', handler);
  }

  get onmessage(): MessageHandler {
    return this.#getHandler('message') as MessageHandler;
  }

  set onmessage(handler: MessageHandler) {
    this.#setHandler('message', handler as EventHandler);
  }

  get onerror(): EventHandler {
    return this.#getHandler('error') as EventHandler;
  }

  set onerror(handler: EventHandler) {
    this.#setHandler('error', handler);
  }

  // `EventTarget` already does the work; these overloads only restate `EventSource`'s typing
  // (listeners that take a `MessageEvent`), which TypeScript needs for `implements EventSource`.
  override addEventListener<K extends keyof EventSourceEventMap>(
    type: K,
    listener: (this: EventSource, event: EventSourceEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: (this: EventSource, event: MessageEvent) => unknown, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: unknown, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof EventSourceEventMap>(
    type: K,
    listener: (this: EventSource, event: EventSourceEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: (this: EventSource, event: MessageEvent) => unknown, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: unknown, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Leaves the shared stream; the others sharing it keep running. Like `EventSource#close`, fires nothing. */
  close(): void {
    if (this.#readyState === CLOSED) return;
    this.#disconnect();
  }

  #disconnect(): void {
    this.#readyState = CLOSED;
    this.#setStatus('closed');
    const detach = this.#detach;
    this.#detach = undefined;
    detach?.();
  }

  #setStatus(next: SubscriberStatus): void {
    const previous = this.#status;
    if (previous === next) return;
    this.#status = next;
    this.#onStatus?.(previous, next);
  }

  #getHandler(type: string): ((event: Event) => unknown) | null {
    return this.#handlers.get(type)?.handler ?? null;
  }

  /**
   * Event handler attributes as the platform has them: assigning replaces the previous
   * handler in place (it keeps its position among the listeners), `null` removes it, and
   * anything that is not a function counts as `null`.
   */
  #setHandler(type: string, handler: EventHandler): void {
    const current = this.#handlers.get(type);
    if (typeof handler !== 'function') {
      if (current) {
        this.removeEventListener(type, current.listener);
        this.#handlers.delete(type);
      }
      return;
    }
    if (current) {
      current.handler = handler;
      return;
    }
    const entry = {
      handler: handler as (event: Event) => unknown,
      listener: (event: Event): void => {
        entry.handler.call(this, event);
      },
    };
    this.#handlers.set(type, entry);
    this.addEventListener(type, entry.listener);
  }
}
