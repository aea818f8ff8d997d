/**
 * The transport-neutral core: opens client streams, answers subscription changes, and
 * owns the registry. The Node and fetch adapters translate their requests into calls
 * here, so both behave identically.
 */
import type { ForwardedOutcome } from './backplane.js';
import { ClientConnection } from './client-connection.js';
import type { ConnectionOpening } from './client-connection.js';
import { ConnectionRegistry } from './connection-registry.js';
import { CallerStreams } from './caller-streams.js';
import { callerKey, credentialFingerprint, sameFingerprint } from './credential-binding.js';
import type { HeaderLookup } from './credential-binding.js';
import { createFetchHandler } from './fetch-adapter.js';
import { createNodeHandler } from './node-adapter.js';
import { resolveOptions } from './options.js';
import { errorResponse, jsonResponse } from './plain-response.js';
import type { PlainResponse } from './plain-response.js';
import { createPublishedTopics } from './published-topics.js';
import { DEFAULT_UPSTREAM_BACKOFF, abortableDelay } from './reconnect-backoff.js';
import { createTopicPolicy } from './topic-policy.js';
import { SharedUpstreams } from './shared-upstreams.js';
import { UpstreamCaps } from './upstream-caps.js';
import { MAX_SUBSCRIPTION_BODY_BYTES, parseSubscriptionChangeJson, readSubscriptionChange } from './subscription-change.js';
import type { Multiplexer, MultiplexerOptions } from './types.js';
import type { UpstreamEnvironment } from './upstream-proxy.js';

/** What a POST body turned out to be; a body parser may have read it before we did. */
export type BodyReading =
  | { kind: 'text'; text: string }
  | { kind: 'parsed'; value: unknown }
  | { kind: 'too-large' }
  | { kind: 'timed-out' };

export interface MultiplexerCore {
  readonly endpoint: string;
  isClosed(): boolean;
  /** Registers the client's stream and writes its `retry:` and ready frame. */
  openStream(opening: ConnectionOpening): ClientConnection;
  /** A 429 when the caller already holds `maxStreamsPerCaller` streams; checked before `openStream`. */
  refuseStream(header: HeaderLookup, remoteAddress: string | undefined): PlainResponse | undefined;
  answerSubscriptionChange(
    header: HeaderLookup,
    readBody: (limitBytes: number, timeoutMs: number) => Promise<BodyReading>,
  ): Promise<PlainResponse>;
  notFound(): PlainResponse;
  methodNotAllowed(): PlainResponse;
  unavailable(): PlainResponse;
}

/** Seams for tests: the real `fetch`, `Math.random`, timers and backoff unless replaced. */
export type MultiplexerEnvironment = UpstreamEnvironment;

export const DEFAULT_ENVIRONMENT: MultiplexerEnvironment = {
  fetch: (input, init) => globalThis.fetch(input, init),
  random: Math.random,
  backoff: DEFAULT_UPSTREAM_BACKOFF,
  sleep: abortableDelay,
};

export function createMultiplexerWithEnvironment(
  options: MultiplexerOptions,
  environment: Partial<MultiplexerEnvironment> = {},
): Multiplexer {
  const resolved = resolveOptions(withPublishedTopicsAllowed(options));
  const published = createPublishedTopics(options, resolved.endpoint);
  const connectionOptions = { ...resolved, resolve: published.resolve };
  const services = { ...DEFAULT_ENVIRONMENT, ...environment };
  const registry = new ConnectionRegistry();
  const upstreamCaps = new UpstreamCaps(resolved.maxUpstreams, resolved.maxUpstreamsPerCaller);
  const sharedUpstreams = new SharedUpstreams();
  const callerStreams = new CallerStreams(resolved.maxStreamsPerCaller);
  const callerOf = (header: HeaderLookup, remoteAddress: string | undefined): string =>
    callerKey(resolved.boundHeaders, header, credentialFingerprint(resolved.boundHeaders, header), remoteAddress);
  const publishedPolicy = options.publish?.length ? createTopicPolicy(options.publish, resolved.endpoint) : undefined;
  // Published topics are served from the backplane: they never hold an upstream slot.
  const mayOpenUpstream = (topic: string): boolean => publishedPolicy?.check(topic, 'http://published.invalid').ok !== true;
  // Kept here too, so a change forwarded by another instance can be checked against it.
  const fingerprints = new WeakMap<ClientConnection, Buffer>();
  let closing: Promise<void> | undefined;

  const forbidden = (): PlainResponse => errorResponse(403, 'this connection was opened with other credentials');
  const unknownConnection = (): PlainResponse => errorResponse(404, 'unknown or closed connection');

  published.backplane.serveChanges(({ change, fingerprint }) => {
    const connection = closing === undefined ? registry.get(change.connection) : undefined;
    const expected = connection === undefined ? undefined : fingerprints.get(connection);
    if (connection === undefined || expected === undefined) return { kind: 'unknown' };
    if (!sameFingerprint(expected, Buffer.from(fingerprint, 'base64'))) return { kind: 'forbidden' };
    return { kind: 'applied', result: connection.applyChange(change) };
  });

  const core: MultiplexerCore = {
    endpoint: resolved.endpoint,
    isClosed: () => closing !== undefined,
    refuseStream(header, remoteAddress) {
      if (!callerStreams.isFull(callerOf(header, remoteAddress))) return undefined;
      // Streams end when tabs close; a few seconds is when one may have.
      return errorResponse(429, `maxStreamsPerCaller: a caller may hold at most ${resolved.maxStreamsPerCaller} streams`, {
        'retry-after': '10',
      });
    },
    openStream(opening) {
      const uncount = callerStreams.add(callerOf(opening.header, opening.remoteAddress));
      const connection = new ClientConnection(registry.newId(), opening, {
        options: connectionOptions,
        environment: services,
        trackSource: (task) => registry.trackSource(task),
        onClose: (closed) => {
          uncount();
          registry.remove(closed);
        },
        upstreamCaps,
        sharedUpstreams,
        mayOpenUpstream,
      });
      registry.add(connection);
      fingerprints.set(connection, credentialFingerprint(resolved.boundHeaders, opening.header));
      return connection;
    },
    async answerSubscriptionChange(header, readBody) {
      if (closing !== undefined) return core.unavailable();
      const mediaType = header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json') {
        // JSON also forces a CORS preflight on cross-site callers, which this endpoint never approves.
        return errorResponse(415, 'subscription changes must be sent as application/json');
      }
      if (header('sec-fetch-site') === 'cross-site') {
        return errorResponse(403, 'subscription changes must come from the page that opened the stream');
      }
      const body = await readBody(MAX_SUBSCRIPTION_BODY_BYTES, resolved.requestBodyTimeoutMs);
      if (body.kind === 'too-large') {
        return errorResponse(413, `subscription changes are limited to ${MAX_SUBSCRIPTION_BODY_BYTES} bytes`);
      }
      if (body.kind === 'timed-out') {
        return errorResponse(408, `a subscription change must arrive within ${resolved.requestBodyTimeoutMs} ms`);
      }
      const reading = body.kind === 'text' ? parseSubscriptionChangeJson(body.text) : readSubscriptionChange(body.value);
      if (!reading.ok) return errorResponse(400, reading.reason);
      const connection = registry.get(reading.change.connection);
      if (connection === undefined) {
        // Without stickiness the stream may be held by another instance: the backplane asks them.
        let outcome: ForwardedOutcome;
        try {
          outcome = await published.backplane.forwardChange({
            change: reading.change,
            fingerprint: credentialFingerprint(resolved.boundHeaders, header).toString('base64'),
          });
        } catch {
          // Unknown rather than gone (404): the stream may be alive elsewhere. The hub restarts its stream on either.
          return errorResponse(503, 'the other instances could not be asked about this connection');
        }
        if (outcome.kind === 'applied') return jsonResponse(200, outcome.result);
        return outcome.kind === 'forbidden' ? forbidden() : unknownConnection();
      }
      if (!connection.isSameCaller(header)) return forbidden();
      return jsonResponse(200, connection.applyChange(reading.change));
    },
    notFound: () => errorResponse(404, 'not found'),
    methodNotAllowed: () => errorResponse(405, 'use GET to open the stream and POST to change subscriptions', { allow: 'GET, POST' }),
    unavailable: () => errorResponse(503, 'the multiplexer is shutting down'),
  };

  return {
    node: createNodeHandler(core),
    fetch: createFetchHandler(core),
    stats: () => registry.stats(),
    publish: (topic, event) => published.publish(topic, event),
    close() {
      closing ??= registry.closeAll().then(() => published.backplane.close());
      return closing;
    },
  };
}

/** Published topics join the allow-list: declaring them is permission enough. */
function withPublishedTopicsAllowed(options: MultiplexerOptions): MultiplexerOptions {
  if (options === null || typeof options !== 'object') return options;
  const { allow, publish } = options;
  if (!Array.isArray(allow) || !Array.isArray(publish) || publish.length === 0) return options;
  return { ...options, allow: [...allow, ...publish] };
}
