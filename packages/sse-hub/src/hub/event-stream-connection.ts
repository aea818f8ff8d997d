import { lastEventIdHeader } from '../sse/last-event-id.js';
import { createEventStreamParser, type EventStreamParser, type ParsedEvent } from '../sse/parser.js';
import { createUtf8ChunkDecoder } from '../sse/utf8-chunks.js';
import type { HubEnvironment } from './environment.js';
import type { ResolvedReconnectPolicy } from './options.js';
import { ReconnectBackoff } from './reconnect-backoff.js';

export interface EventStreamListener {
  /** The server answered 200 with `text/event-stream`. */
  open(): void;
  event(event: ParsedEvent): void;
  /** The stream failed and a reconnect is scheduled (what `EventSource` reports as readyState CONNECTING). */
  retrying(): void;
  /**
   * `true`: past the attempt limit, the stream waits for the page to come back online or
   * visible (still CONNECTING to subscribers); `false`: it woke and tries again.
   */
  waiting(waiting: boolean): void;
  /** The stream is over for good: HTTP 204, a 4xx, not an event stream, or too many failures. */
  closed(): void;
}

export interface EventStreamRequest {
  url: string;
  withCredentials: boolean;
  /**
   * Cross-origin requests leave out `Cache-Control`: unlike `EventSource`, `fetch` would
   * need a CORS preflight for it, which servers written for `EventSource` do not answer.
   * `cache: 'no-store'` keeps the response out of caches either way.
   */
  sameOrigin: boolean;
  /** Resume point for the first request (a stream handed over from another tab). */
  lastEventId?: string;
  /**
   * The hub's multiplexed stream: its events carry their topic's number (`topic:`), and its
   * `id:`s belong to those topics, each resumed on its own by a subscription change. The
   * stream itself is never resumed, so a reconnect sends no `Last-Event-ID` (cross-origin,
   * that header would also cost a CORS preflight).
   */
  multiplexed?: boolean;
  /** Most time from the request to its response headers; `Infinity` waits as long as the network does. */
  connectTimeoutMs: number;
  /** Most silence on an open stream, until `limitSilence` sets another limit for the connection; `Infinity` for none. */
  openSilenceMs: number;
}

// setTimeout fires at once for a longer delay; a longer limit is waited out in steps.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * One physical `text/event-stream` request that reconnects by itself. It is read through
 * `fetch` rather than `EventSource` because the hub must see the HTTP status (stop on 204
 * and 4xx, retry 5xx), read `retry:`, and send `Last-Event-ID` itself.
 *
 * A connection that stays silent too long counts as dropped: a request without response
 * headers after `connectTimeoutMs`, or an open stream that hears nothing for its silence
 * limit. A half-open TCP connection, or a server that accepts and never answers, would
 * otherwise keep subscribers CONNECTING or OPEN forever.
 */
export class EventStreamConnection {
  readonly #request: EventStreamRequest;
  readonly #environment: HubEnvironment;
  readonly #listener: EventStreamListener;
  readonly #backoff: ReconnectBackoff;
  readonly #afterLastAttempt: ResolvedReconnectPolicy['afterLastAttempt'];
  readonly #parser: EventStreamParser;
  /** The running attempt; aborting it ends its fetch and its reads, and mutes its parser output. */
  #attempt: AbortController | undefined;
  #retryTimer: unknown;
  /** While the stream waits past its attempt limit: stops listening for the wake signals. */
  #stopWaiting: (() => void) | undefined;
  #finished = false;
  /** How long the current attempt may stay silent, and when it was last heard from. */
  #silenceLimitMs = Infinity;
  #lastHeardAt = 0;
  #silenceTimer: unknown;

  constructor(request: EventStreamRequest, policy: ResolvedReconnectPolicy, environment: HubEnvironment, listener: EventStreamListener) {
    this.#request = request;
    this.#environment = environment;
    this.#listener = listener;
    this.#backoff = new ReconnectBackoff(policy, environment.random, environment.now);
    this.#afterLastAttempt = policy.afterLastAttempt;
    this.#parser = createEventStreamParser(
      {
        // Muted once the attempt is given up: `#abortAttempt` forgets it before aborting it, so
        // no signal needs reading here, on the path of every event.
        onEvent: (event) => {
          if (this.#attempt) this.#listener.event(event);
        },
        onRetry: (milliseconds) => this.#backoff.setFloor(milliseconds),
      },
      { lastEventId: request.lastEventId ?? '', topicNumbers: request.multiplexed === true },
    );
  }

  connect(): void {
    if (this.#finished || this.#attempt || this.#retryTimer !== undefined || this.#stopWaiting) return;
    void this.#run();
  }

  /** Treats the current connection as failed: reconnects through the backoff (the multiplexer forgot us). */
  restart(): void {
    if (this.#finished || this.#retryTimer !== undefined || this.#stopWaiting) return;
    this.#fail();
  }

  /**
   * From now on, silence longer than `milliseconds` on the open connection counts as a drop;
   * `Infinity` stops watching. A reconnect goes back to the request's own limits.
   */
  limitSilence(milliseconds: number): void {
    if (this.#attempt) this.#watchSilence(milliseconds);
  }

  /** The last event id of the events dispatched so far: where a stream that replaces this one resumes. */
  get lastEventId(): string {
    return this.#parser.lastEventId;
  }

  /** Ends the stream without telling the listener; no fetch, read or timer survives this. */
  close(): void {
    this.#finished = true;
    this.#abortAttempt();
    this.#clearRetryTimer();
    this.#clearWaiting();
  }

  async #run(): Promise<void> {
    const attempt = new AbortController();
    this.#attempt = attempt;
    this.#parser.reset();
    this.#watchSilence(this.#request.connectTimeoutMs);
    let response: Response;
    try {
      response = await this.#environment.fetch(this.#request.url, {
        headers: this.#requestHeaders(),
        credentials: this.#request.withCredentials ? 'include' : 'same-origin',
        cache: 'no-store',
        signal: attempt.signal,
      });
    } catch {
      if (this.#attempt === attempt) this.#fail();
      return;
    }
    if (this.#attempt !== attempt) {
      discardBody(response);
      return;
    }
    const status = response.status;
    if (status === 204 || (status >= 400 && status < 500)) {
      discardBody(response);
      this.#finish();
      return;
    }
    if (status >= 500 || response.body === null) {
      discardBody(response);
      this.#fail();
      return;
    }
    if (!response.ok || !isEventStream(response)) {
      discardBody(response);
      this.#finish();
      return;
    }
    this.#backoff.connected();
    this.#watchSilence(this.#request.openSilenceMs);
    this.#listener.open();
    if (this.#attempt !== attempt) return;
    await this.#read(response.body, attempt);
    if (this.#attempt === attempt) this.#fail();
  }

  async #read(body: ReadableStream<Uint8Array>, attempt: AbortController): Promise<void> {
    const reader = body.getReader();
    // Aborting the fetch errors the body in conforming implementations; cancelling as well
    // guarantees that a pending read settles even under a fetch polyfill that ignores the signal.
    const cancel = (): void => void reader.cancel().catch(() => undefined);
    attempt.signal.addEventListener('abort', cancel, { once: true });
    // A read may end inside a multi-byte character; the decoder holds such a tail for the next read.
    const decoder = createUtf8ChunkDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || attempt.signal.aborted) break;
        this.#lastHeardAt = this.#environment.now();
        this.#parser.push(decoder.decode(value));
      }
    } catch {
      // A network error ends the stream like a clean end does: the caller reconnects. (Not an
      // empty block: the helper bundle loses this comment, and `no-empty` would flag it there.)
      return;
    } finally {
      attempt.signal.removeEventListener('abort', cancel);
    }
  }

  #requestHeaders(): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.#request.sameOrigin) headers['Cache-Control'] = 'no-cache';
    if (this.#parser.lastEventId !== '' && this.#request.multiplexed !== true) headers['Last-Event-ID'] = lastEventIdHeader(this.#parser.lastEventId);
    return headers;
  }

  #fail(): void {
    this.#abortAttempt();
    const delay = this.#backoff.nextDelay();
    if (delay !== undefined) {
      this.#scheduleRun(delay);
      this.#listener.retrying();
    } else if (this.#afterLastAttempt === 'wait' && this.#environment.onWake) {
      this.#wait(this.#environment.onWake);
    } else {
      this.#finish();
    }
  }

  #scheduleRun(delay: number): void {
    this.#retryTimer = this.#environment.setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#run();
    }, delay);
  }

  /**
   * Past the attempt limit, a native `EventSource` would go on retrying forever; closing would
   * leave the page dead until a reload. Waiting costs nothing until the page has a reason to
   * expect the network back, and then every waiting tab starts over with the backoff's jitter,
   * so a fleet of pages that wake together (a laptop lid opened, a network restored) spreads
   * its reconnects instead of arriving at once.
   */
  #wait(onWake: (callback: () => void) => () => void): void {
    this.#stopWaiting = onWake(() => {
      this.#clearWaiting();
      this.#backoff.startOver();
      this.#scheduleRun(this.#backoff.nextDelay() ?? 0);
      this.#listener.waiting(false);
    });
    this.#listener.retrying();
    this.#listener.waiting(true);
  }

  #clearWaiting(): void {
    const stop = this.#stopWaiting;
    this.#stopWaiting = undefined;
    stop?.();
  }

  #finish(): void {
    this.close();
    this.#listener.closed();
  }

  #abortAttempt(): void {
    const attempt = this.#attempt;
    this.#attempt = undefined;
    this.#clearSilenceTimer();
    attempt?.abort();
  }

  #watchSilence(limitMs: number): void {
    this.#silenceLimitMs = limitMs;
    this.#lastHeardAt = this.#environment.now();
    this.#armSilenceTimer();
  }

  /**
   * One timer per limit, not one per chunk: reads only note the time, and the timer, when it
   * fires, waits again for whatever is left of the limit since the stream was last heard.
   */
  #armSilenceTimer(): void {
    this.#clearSilenceTimer();
    if (this.#silenceLimitMs === Infinity) return;
    const left = this.#lastHeardAt + this.#silenceLimitMs - this.#environment.now();
    this.#silenceTimer = this.#environment.setTimeout(
      () => {
        this.#silenceTimer = undefined;
        if (this.#environment.now() - this.#lastHeardAt >= this.#silenceLimitMs) this.#fail();
        else this.#armSilenceTimer();
      },
      Math.min(Math.max(left, 0), MAX_TIMER_DELAY_MS),
    );
  }

  #clearSilenceTimer(): void {
    if (this.#silenceTimer === undefined) return;
    this.#environment.clearTimeout(this.#silenceTimer);
    this.#silenceTimer = undefined;
  }

  #clearRetryTimer(): void {
    if (this.#retryTimer === undefined) return;
    this.#environment.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }
}

function isEventStream(response: Response): boolean {
  const contentType = response.headers.get('content-type') ?? '';
  return contentType.split(';', 1)[0]!.trim().toLowerCase() === 'text/event-stream';
}

/** Frees the underlying connection of a response we will not read. */
function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
