/** The public types of `sse-hub/server` (re-exported by `index.ts`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backplane } from './backplane.js';

/** One event a `resolve` source yields; `type` defaults to `message`, `id` persists like SSE's `id:`. */
export interface MultiplexerEvent {
  type?: string;
  data: string;
  id?: string;
}

export interface MultiplexerOptions {
  /** Path the multiplexer answers on (query ignored). Default `'/__sse_hub'`. */
  endpoint?: string;
  /**
   * Same-origin path patterns a topic must match: `'/rows/:id/events'`, `'/jobs/*'`,
   * `'/feed'`. A query string may follow the path of a topic.
   */
  allow: string[];
  /**
   * Produces a topic's events in-process. `request` is the stream's GET request as the
   * topic's own route would have received it: the topic's URL, the caller's headers, and
   * `Last-Event-ID` when the hub resumes the topic. `signal` aborts when the topic ends.
   * Return `undefined` to fall back to proxying the topic to the app's own route.
   */
  resolve?: (
    topic: string,
    request: Request,
    signal: AbortSignal,
  ) => AsyncIterable<MultiplexerEvent> | undefined | Promise<AsyncIterable<MultiplexerEvent> | undefined>;
  /**
   * Origin the default proxy fetches topics from. The Node adapter defaults to the address
   * the request arrived on (`http://<socket.localAddress>:<socket.localPort>`). The fetch
   * adapter has no default, because `request.url` comes from the client's `Host` header:
   * without this option it proxies nothing and serves only what `resolve` answers.
   */
  upstreamOrigin?: string;
  /** Request headers copied from the stream's GET to each upstream request. Default `['cookie', 'authorization']`. */
  forwardHeaders?: string[];
  /**
   * Interval of `: ping` comment lines. Default 15000. Announced to the hub in `ready`: a hub
   * that hears nothing for a few intervals reconnects.
   */
  heartbeatMs?: number;
  /**
   * How long a proxied upstream request may wait for its response headers before it is
   * dropped and retried with backoff. Default 30000. A route must send its headers when its
   * stream starts (in Node, `res.flushHeaders()` after `res.writeHead()`), not with its first event.
   */
  upstreamHeadersTimeoutMs?: number;
  /** The `retry:` sent to each client is uniform random in this range. Default `[2000, 8000]`. */
  retryMs?: [number, number];
  /** Most topics one client connection may hold at once. Default 64. */
  maxTopicsPerConnection?: number;
  /**
   * Bytes one client stream may have queued (in the response and its socket) before the
   * server drops it. Default 4 MiB. Sources wait for the client after every event, so only
   * a client that has stopped reading gets near it.
   */
  maxBufferedBytesPerStream?: number;
  /**
   * A client stream with bytes waiting that takes none of them for this long is dropped.
   * Default 30000. The hub reconnects and resumes each topic from its last event id.
   */
  writeTimeoutMs?: number;
  /** A subscription change whose body has not fully arrived this long after its headers gets 408. Default 10000. */
  requestBodyTimeoutMs?: number;
  /**
   * Most upstream requests the proxy holds open at once, for all callers. Default 1024. A topic
   * past it is refused with 429; published topics and those `resolve` serves in process count nothing.
   */
  maxUpstreams?: number;
  /**
   * Most upstream requests one caller may hold across its streams: a caller is its bound
   * credential headers, or its remote address when it sends none. Default 64.
   */
  maxUpstreamsPerCaller?: number;
  /**
   * Most client streams one caller (as for `maxUpstreamsPerCaller`) may hold open; one more
   * gets 429 with `Retry-After`. No default: anonymous callers behind one reverse proxy share
   * its address, so a cap fit for one browser would lock out a whole office.
   */
  maxStreamsPerCaller?: number;
  /**
   * Path patterns (the syntax of `allow`, which they join) of the topics the app feeds with
   * `multiplexer.publish()`. Such a topic is never proxied nor handed to `resolve`.
   */
  publish?: string[];
  /** Published events each topic keeps for resuming with `Last-Event-ID`, in process. Default 100. */
  replayEventsPerTopic?: number;
  /** Published topics whose events are kept in process; the one published to longest ago goes first. Default 1000. */
  replayTopics?: number;
  /**
   * Shares published events, their replay history and subscription changes with the other
   * instances, e.g. `redisBackplane({ url })` from `sse-hub/server/redis`. Without it all of
   * that stays in this process (and the replay bounds above apply).
   */
  backplane?: Backplane;
}

export interface MultiplexerStats {
  /** Client streams open now. */
  connections: number;
  /** Topics subscribed across those streams. */
  topics: number;
  /** Per-topic sources (proxied fetches and `resolve` iterations) still running, including those tearing down. */
  upstreams: number;
}

export interface Multiplexer {
  /** Node `http` / Express / Connect middleware; other paths go to `next()` (or get a 404). */
  node(req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void): void;
  /** Fetch-style handler (Hono, Next.js route handlers); other paths get a 404 `Response`. */
  fetch(request: Request): Promise<Response>;
  stats(): MultiplexerStats;
  /**
   * Sends an event to every subscriber of `topic` (which must match a `publish` pattern), on
   * every instance when there is a backplane. Resolves once the event is retained for replay.
   */
  publish(topic: string, event: MultiplexerEvent): Promise<void>;
  /** Ends every client stream and upstream; resolves once all of them are torn down. */
  close(): Promise<void>;
}
