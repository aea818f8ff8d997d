/**
 * Validates `MultiplexerOptions` and fills in the defaults, once, at creation: a wrong
 * option should stop the app at start-up, not surface as refused topics in production.
 */
import { DEFAULT_HUB_ENDPOINT } from '../sse/multiplex-protocol.js';
import { ALWAYS_BOUND_HEADERS } from './credential-binding.js';
import { createTopicPolicy } from './topic-policy.js';
import type { TopicPolicy } from './topic-policy.js';
import type { MultiplexerOptions } from './types.js';

export interface ResolvedOptions {
  endpoint: string;
  topicPolicy: TopicPolicy;
  resolve: MultiplexerOptions['resolve'];
  /** A normalised origin, or undefined to use the origin each request arrived on. */
  upstreamOrigin: string | undefined;
  /** Lower-cased names of the headers copied to upstream requests. */
  forwardHeaders: string[];
  /** Lower-cased names of the headers a POST must repeat exactly (see credential-binding.ts). */
  boundHeaders: string[];
  heartbeatMs: number;
  upstreamHeadersTimeoutMs: number;
  retryMs: [number, number];
  maxTopicsPerConnection: number;
  maxBufferedBytesPerStream: number;
  writeTimeoutMs: number;
  requestBodyTimeoutMs: number;
  maxUpstreams: number;
  maxUpstreamsPerCaller: number;
  /** `Infinity` when the app set no cap. */
  maxStreamsPerCaller: number;
}

export const DEFAULT_FORWARD_HEADERS = ['cookie', 'authorization'];
export const DEFAULT_HEARTBEAT_MS = 15_000;
/**
 * A route answers with its headers as it starts streaming; one that takes this long is hung,
 * and without a limit Node's fetch would hold it for five minutes.
 */
export const DEFAULT_UPSTREAM_HEADERS_TIMEOUT_MS = 30_000;
export const DEFAULT_RETRY_MS: [number, number] = [2000, 8000];
export const DEFAULT_MAX_TOPICS_PER_CONNECTION = 64;
/** Far above what a reading client ever queues (sources wait for it after each event), far below what hurts a server. */
export const DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM = 4 * 1024 * 1024;
/** Two heartbeats: the hub itself gives up on a silent stream after about as long. */
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
/** A subscription change is at most 64 KiB; a browser sends it in well under a second. */
export const DEFAULT_REQUEST_BODY_TIMEOUT_MS = 10_000;
/** About 2,048 descriptors when the app is this process (two per upstream): half a common 4,096 limit. */
export const DEFAULT_MAX_UPSTREAMS = 1024;
/** One stream at the default maxTopicsPerConnection, all proxied; a second tab or caller beyond it is refused. */
export const DEFAULT_MAX_UPSTREAMS_PER_CALLER = 64;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function resolveOptions(options: MultiplexerOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createMultiplexer needs an options object with an `allow` list');
  }
  const endpoint = options.endpoint ?? DEFAULT_HUB_ENDPOINT;
  if (typeof endpoint !== 'string' || !/^\/(?!\/)[^?#\s]*$/.test(endpoint)) {
    throw new TypeError(`endpoint must be a path starting with a single "/", got ${JSON.stringify(endpoint)}`);
  }
  if (!Array.isArray(options.allow) || options.allow.length === 0) {
    throw new TypeError('allow must list at least one path pattern, e.g. ["/rows/:id/events"]');
  }
  if (options.resolve !== undefined && typeof options.resolve !== 'function') {
    throw new TypeError('resolve must be a function');
  }

  const forwardHeaders = (options.forwardHeaders ?? DEFAULT_FORWARD_HEADERS).map((name) => {
    if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
      throw new TypeError(`forwardHeaders: ${JSON.stringify(name)} is not a header name`);
    }
    return name.toLowerCase();
  });

  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  if (
    !Array.isArray(retryMs) ||
    retryMs.length !== 2 ||
    !retryMs.every((value) => Number.isFinite(value) && value >= 0) ||
    retryMs[0] > retryMs[1]
  ) {
    throw new TypeError('retryMs must be [min, max] with 0 <= min <= max');
  }

  return {
    endpoint,
    topicPolicy: createTopicPolicy(options.allow, endpoint),
    resolve: options.resolve,
    upstreamOrigin: options.upstreamOrigin === undefined ? undefined : normaliseOrigin(options.upstreamOrigin),
    forwardHeaders: [...new Set(forwardHeaders)],
    boundHeaders: [...new Set([...ALWAYS_BOUND_HEADERS, ...forwardHeaders])],
    heartbeatMs: timerDelay('heartbeatMs', options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS),
    upstreamHeadersTimeoutMs: timerDelay(
      'upstreamHeadersTimeoutMs',
      options.upstreamHeadersTimeoutMs ?? DEFAULT_UPSTREAM_HEADERS_TIMEOUT_MS,
    ),
    retryMs: [retryMs[0], retryMs[1]],
    maxTopicsPerConnection: positiveInteger(
      'maxTopicsPerConnection',
      options.maxTopicsPerConnection ?? DEFAULT_MAX_TOPICS_PER_CONNECTION,
    ),
    maxBufferedBytesPerStream: positiveInteger(
      'maxBufferedBytesPerStream',
      options.maxBufferedBytesPerStream ?? DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM,
    ),
    writeTimeoutMs: timerDelay('writeTimeoutMs', options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS),
    requestBodyTimeoutMs: timerDelay('requestBodyTimeoutMs', options.requestBodyTimeoutMs ?? DEFAULT_REQUEST_BODY_TIMEOUT_MS),
    maxUpstreams: positiveInteger('maxUpstreams', options.maxUpstreams ?? DEFAULT_MAX_UPSTREAMS),
    maxUpstreamsPerCaller: positiveInteger('maxUpstreamsPerCaller', options.maxUpstreamsPerCaller ?? DEFAULT_MAX_UPSTREAMS_PER_CALLER),
    // No default: anonymous callers behind one proxy share an address, and a stream alone is cheap.
    maxStreamsPerCaller:
      options.maxStreamsPerCaller === undefined ? Infinity : positiveInteger('maxStreamsPerCaller', options.maxStreamsPerCaller),
  };
}

function normaliseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`upstreamOrigin must be an absolute http(s) origin, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`upstreamOrigin must be an http: or https: origin, got ${JSON.stringify(value)}`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    // A path here would suggest topics are resolved under it, which they are not.
    throw new TypeError(`upstreamOrigin must be an origin only (scheme, host, port), got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

// setInterval treats anything above 2^31 - 1 ms as 1 ms, which would turn a typo into a flood.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

function timerDelay(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_DELAY_MS)) {
    throw new TypeError(`${name} must be a positive number of milliseconds up to ${MAX_TIMER_DELAY_MS}, got ${String(value)}`);
  }
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
