/**
 * One browser's multiplexed stream: its topics and their sources, its heartbeat, and
 * the credentials it was opened with. Everything it started stops when it closes.
 */
import { lastEventIdHeader } from '../sse/last-event-id.js';
import { HUB_PROTOCOL_VERSION, formatTopicEvent } from '../sse/multiplex-protocol.js';
import type { RefusedTopic, SubscriptionResult, Topic } from '../sse/multiplex-protocol.js';
import { unlessAborted } from './abort-race.js';
import { HEARTBEAT_CHUNK, frameChunk, retryChunk } from './client-stream.js';
import type { ClientSink } from './client-stream.js';
import { callerKey, credentialFingerprint, sameFingerprint } from './credential-binding.js';
import type { HeaderLookup } from './credential-binding.js';
import type { ResolvedOptions } from './options.js';
import type { NormalisedChange } from './subscription-change.js';
import type { TopicEnd, TopicOutput } from './topic-output.js';
import { runTopicSource } from './topic-source.js';
import type { SharedUpstreams } from './shared-upstreams.js';
import type { UpstreamCaps } from './upstream-caps.js';
import { UPSTREAM_MARKER_HEADER } from './upstream-proxy.js';
import type { UpstreamEnvironment } from './upstream-proxy.js';
import { budgetedSink } from './write-budget.js';

/** Stands in for the origin when checking topics that only `resolve` may serve; never fetched. */
const NO_UPSTREAM_ORIGIN = 'http://upstream-origin.invalid';

/** What the adapter knows about the GET request that opened the stream. */
export interface ConnectionOpening {
  sink: ClientSink;
  header: HeaderLookup;
  /** All of the request's headers, for the `Request` handed to `resolve`. */
  headers: () => Headers;
  /** The origin the request arrived on; topics are fetched from it unless `upstreamOrigin` is set. */
  arrivalOrigin: string | undefined;
  /** Who an anonymous caller is for the upstream caps; unknown to the fetch adapter. */
  remoteAddress?: string | undefined;
}

export interface ConnectionServices {
  options: ResolvedOptions;
  environment: UpstreamEnvironment;
  /** Registers a running source, so that `stats()` and `close()` account for it until it settles. */
  trackSource(task: Promise<void>): void;
  /** Called once, when the connection closes. */
  onClose(connection: ClientConnection): void;
  /** Shared by every connection of the multiplexer. */
  upstreamCaps: UpstreamCaps;
  sharedUpstreams: SharedUpstreams;
  /** False for published topics, which never open an upstream. */
  mayOpenUpstream(topic: Topic): boolean;
}

/** A topic this connection holds: how to stop its source, and its number on the stream. */
interface RunningTopic {
  controller: AbortController;
  number: number;
}

// A last event id becomes an HTTP header upstream; line breaks or NUL would break it.
const INVALID_LAST_EVENT_ID = /[\0\r\n]/;
const MAX_LAST_EVENT_ID_LENGTH = 1024;

export class ClientConnection {
  readonly id: string;
  readonly #opening: ConnectionOpening;
  /** The opening's sink under this connection's write limits; everything is written through it. */
  readonly #sink: ClientSink;
  readonly #services: ConnectionServices;
  readonly #fingerprint: Buffer;
  readonly #callerKey: string;
  /** Undefined when neither the options nor a trustworthy arrival address give one: topics may then only be resolved. */
  readonly #upstreamOrigin: string | undefined;
  readonly #forwardedHeaders: Readonly<Record<string, string>>;
  readonly #topics = new Map<Topic, RunningTopic>();
  /** Which topic numbers are held on this stream, by number; see `TopicNumberFrame`. */
  readonly #numbersInUse: boolean[] = [];
  readonly #heartbeat: ReturnType<typeof setInterval>;
  #closed = false;

  constructor(id: string, opening: ConnectionOpening, services: ConnectionServices) {
    const { options, environment } = services;
    this.id = id;
    this.#opening = opening;
    this.#services = services;
    this.#sink = budgetedSink(
      opening.sink,
      { maxBufferedBytes: options.maxBufferedBytesPerStream, writeTimeoutMs: options.writeTimeoutMs },
      () => this.close(),
    );
    this.#fingerprint = credentialFingerprint(options.boundHeaders, opening.header);
    this.#callerKey = callerKey(options.boundHeaders, opening.header, this.#fingerprint, opening.remoteAddress);
    this.#upstreamOrigin = options.upstreamOrigin ?? opening.arrivalOrigin;
    const forwarded: Record<string, string> = {};
    for (const name of options.forwardHeaders) {
      // The marker says "the multiplexer sent this"; only the proxy sets it, never the client.
      if (name === UPSTREAM_MARKER_HEADER) continue;
      const value = opening.header(name);
      if (value !== undefined) forwarded[name] = value;
    }
    this.#forwardedHeaders = forwarded;

    // A fleet-wide constant `retry:` would bring every client back at the same instant after a deploy.
    const [minRetry, maxRetry] = options.retryMs;
    const retry = Math.round(minRetry + environment.random() * (maxRetry - minRetry));
    this.#sink.write(
      retryChunk(retry) +
        frameChunk({
          kind: 'ready',
          connection: id,
          maxTopics: options.maxTopicsPerConnection,
          protocol: HUB_PROTOCOL_VERSION,
          // The hub treats a stream silent for a few of these as dropped.
          heartbeatMs: options.heartbeatMs,
        }),
    );
    this.#heartbeat = setInterval(() => this.#sink.write(HEARTBEAT_CHUNK), options.heartbeatMs);
    // The open socket keeps the process alive as long as it needs to be; the timer need not.
    this.#heartbeat.unref?.();
  }

  get topicCount(): number {
    return this.#topics.size;
  }

  /** Whether a POST carries the same credentials as the GET that opened this stream. */
  isSameCaller(header: HeaderLookup): boolean {
    return sameFingerprint(this.#fingerprint, credentialFingerprint(this.#services.options.boundHeaders, header));
  }

  /** Unsubscribes first, so that one change can swap topics while at the limit. */
  applyChange(change: NormalisedChange): SubscriptionResult {
    for (const topic of change.unsubscribe) this.#stopTopic(topic);

    const accepted = new Set<Topic>();
    const refused: RefusedTopic[] = [];
    const { topicPolicy, maxTopicsPerConnection } = this.#services.options;
    for (const { topic, lastEventId = '' } of change.subscribe) {
      if (INVALID_LAST_EVENT_ID.test(lastEventId) || lastEventId.length > MAX_LAST_EVENT_ID_LENGTH) {
        refused.push({ topic, status: 400, reason: 'lastEventId must be at most 1024 characters, without line breaks or NUL' });
        continue;
      }
      const check = topicPolicy.check(topic, this.#upstreamOrigin ?? NO_UPSTREAM_ORIGIN);
      if (!check.ok) {
        refused.push({ topic, status: check.status, reason: check.reason });
        continue;
      }
      if (this.#topics.has(topic)) {
        // Already flowing: subscribing again must not restart the upstream or replay events.
        accepted.add(topic);
        continue;
      }
      if (this.#topics.size >= maxTopicsPerConnection) {
        refused.push({ topic, status: 429, reason: `a connection may hold at most ${maxTopicsPerConnection} topics` });
        continue;
      }
      // Held from now, not from the fetch: the answer to this POST is where a refusal can be told.
      // A topic that will join this caller's running upstream (another tab's) needs none.
      let slot: { release(): void } | undefined;
      if (this.#services.mayOpenUpstream(topic) && !this.#services.sharedUpstreams.canJoin(this.#upstreamKey(check.url), lastEventId)) {
        const taken = this.#services.upstreamCaps.acquire(this.#callerKey);
        if (!taken.ok) {
          refused.push({ topic, status: 429, reason: taken.reason });
          continue;
        }
        slot = taken;
      }
      this.#startTopic(topic, check.url, lastEventId, slot);
      accepted.add(topic);
    }
    return { accepted: [...accepted], refused };
  }

  /** Stops every topic and the heartbeat and ends the stream; safe to call more than once. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    for (const { controller } of this.#topics.values()) controller.abort();
    this.#topics.clear();
    this.#sink.end();
    this.#services.onClose(this);
  }

  #upstreamKey(url: URL): string {
    return `${this.#callerKey}\n${url.href}`;
  }

  #startTopic(topic: Topic, url: URL, lastEventId: string, reserved: { release(): void } | undefined): void {
    let slot = reserved;
    const caps = this.#services.upstreamCaps;
    const callerKey = this.#callerKey;
    const controller = new AbortController();
    const { signal } = controller;
    const number = this.#takeNumber();
    this.#topics.set(topic, { controller, number });
    // Before anything else of the topic: the hub routes the topic's events by this number.
    this.#sink.write(frameChunk({ kind: 'subscribed', topic, number }));
    const send = (chunk: string): void => {
      if (!signal.aborted && !this.#closed) this.#sink.write(chunk);
    };
    const output: TopicOutput = {
      open: () => send(frameChunk({ kind: 'open', topic })),
      event: (type, data, id) => send(formatTopicEvent({ number, type, data, id })),
      error: (status) => send(frameChunk(status === undefined ? { kind: 'error', topic } : { kind: 'error', topic, status })),
      drained: async () => {
        // An unsubscribed topic must not wait for a slow client before it can stop.
        await unlessAborted(this.#sink.drained(), signal);
      },
    };
    const source = runTopicSource(
      {
        topic,
        url,
        lastEventId,
        forwardedHeaders: this.#forwardedHeaders,
        mayProxy: this.#upstreamOrigin !== undefined,
        upstreamHeadersTimeoutMs: this.#services.options.upstreamHeadersTimeoutMs,
        buildRequest: () => this.#requestForResolve(url, lastEventId, signal),
        sharedUpstreams: this.#services.sharedUpstreams,
        upstreamKey: this.#upstreamKey(url),
        slot: {
          giveBack() {
            slot?.release();
            slot = undefined;
          },
          claim() {
            const claimed = slot ?? caps.acquire(callerKey);
            slot = undefined;
            return 'release' in claimed ? claimed : { status: 429, reason: claimed.reason };
          },
        },
      },
      this.#services.options.resolve,
      output,
      signal,
      this.#services.environment,
    );
    const task = source.then(
      (end) => this.#finishTopic(topic, controller, end),
      // Sources turn their failures into a TopicEnd; this only guards against a bug there.
      () => this.#finishTopic(topic, controller, { status: 500, reason: 'source failed' }),
    );
    // Released once the source has settled, when its upstream socket is really gone.
    void task.then(() => slot?.release());
    this.#services.trackSource(task);
  }

  #stopTopic(topic: Topic): void {
    const running = this.#topics.get(topic);
    if (running === undefined) return;
    this.#topics.delete(topic);
    this.#numbersInUse[running.number] = false;
    running.controller.abort();
  }

  /**
   * The lowest number no topic holds. Giving a number again is safe: the topic that held it has
   * stopped writing (its `send` checks the aborted signal), and the stream delivers in order.
   */
  #takeNumber(): number {
    let number = this.#numbersInUse.indexOf(false);
    if (number === -1) number = this.#numbersInUse.length;
    this.#numbersInUse[number] = true;
    return number;
  }

  /** A topic that ended on its own leaves the connection, so that it no longer counts against the limit. */
  #finishTopic(topic: Topic, controller: AbortController, end: TopicEnd | undefined): void {
    const running = this.#topics.get(topic);
    if (end === undefined || controller.signal.aborted || running?.controller !== controller) return;
    this.#topics.delete(topic);
    this.#numbersInUse[running.number] = false;
    this.#sink.write(frameChunk({ kind: 'closed', topic, status: end.status, reason: end.reason }));
    controller.abort();
  }

  /** The request as the topic's own route would have received it. */
  #requestForResolve(url: URL, lastEventId: string, signal: AbortSignal): Request {
    const headers = new Headers(this.#opening.headers());
    headers.delete('last-event-id');
    // Any client can send the marker; `resolve` must not see a request carrying it as one the multiplexer made.
    headers.delete(UPSTREAM_MARKER_HEADER);
    // The bytes a native `EventSource` would send, read back as Node's `http` reads them (Latin-1).
    if (lastEventId !== '') headers.set('last-event-id', lastEventIdHeader(lastEventId));
    return new Request(url, { headers, signal });
  }
}
