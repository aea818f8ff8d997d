import { DEFAULT_HUB_ENDPOINT } from '../sse/multiplex-protocol.js';

export interface ReconnectPolicy {
  /** Base of the capped exponential backoff. Default 1000 ms. */
  initialDelayMs?: number;
  /** Cap of the backoff. Default 30000 ms. */
  maxDelayMs?: number;
  /**
   * After this many failed reconnects in a row the stream stops trying on its own. Default 10;
   * `Infinity` never stops. What happens then is `afterLastAttempt`'s choice.
   */
  maxAttempts?: number;
  /** The attempt counter resets only once a connection has stayed open this long. Default 10000 ms. */
  healthyAfterMs?: number;
  /**
   * `'wait'` (default): past `maxAttempts` the stream waits, readyState still CONNECTING, and
   * starts a fresh round of attempts (with the same jitter) when the browser comes back online
   * or the tab becomes visible; where the page cannot tell (no such events), it closes.
   * `'close'`: it closes (readyState CLOSED, `error` event).
   */
  afterLastAttempt?: 'wait' | 'close';
}

/**
 * A server that takes its topics as a repeated query parameter, as a Mercure hub does
 * (`/.well-known/mercure?topic=a&topic=b`): subscribers of one topic each are carried by one
 * connection that asks for all their topics, reopened (resuming with `Last-Event-ID`) when the
 * set changes. The events of such a stream do not say which topic they belong to, so
 * `topicOf` must: each event goes only to the subscribers of the topics it returns.
 */
export interface MergedTopicsRule {
  /** The stream's URL without the topic parameter: `'/.well-known/mercure'` or an absolute URL (another origin is fine). */
  url: string;
  /** The query parameter that names one topic, repeated once per topic. Mercure's is `'topic'`. */
  param: string;
  /** The topic or topics an event belongs to, read from the event (a Mercure update's payload usually names its resource). */
  topicOf: (event: { type: string; data: string; lastEventId: string }) => string | readonly string[] | undefined;
}

export interface HubOptions {
  /** URL of the server multiplexer. Default `'/__sse_hub'`. */
  endpoint?: string;
  /** `'multiplex'` when `endpoint` is given, else `'dedupe'` (which needs no server change). */
  mode?: 'multiplex' | 'dedupe';
  reconnect?: ReconnectPolicy;
  /** How long an unused physical connection stays open, so that a quick re-subscribe reuses it. Default 1000 ms. */
  lingerMs?: number;
  /** One tab per origin holds the connections (Web Locks + BroadcastChannel). Default false. */
  crossTab?: boolean;
  /**
   * How long a stream request may wait for its response headers, and the multiplexed stream
   * then for its `ready` frame, before it counts as failed and reconnects through the backoff.
   * Default 30000 for the multiplexed stream. Dedupe streams wait as long as the network does
   * unless this is set, as `EventSource` does: many SSE servers send their headers only with
   * their first event. `Infinity` never times out.
   */
  connectTimeoutMs?: number;
  /**
   * A multiplexed stream that hears nothing, not even the server's `: ping`, for this many of
   * the heartbeat intervals the server announces in `ready` is treated as dropped and
   * reconnects through the backoff. Default 2. `Infinity` never gives up on a silent stream.
   */
  stallAfterHeartbeats?: number;
  /**
   * A subscriber that joins a stream already open gets the stream's last event right after its
   * `open` (per topic in multiplex mode), as if it had been there: for streams that send the
   * current value (a price, a job's progress). Default false: like a new `EventSource` on a
   * running server, a joiner gets only what comes next.
   */
  replayLastEvent?: boolean;
  /**
   * Servers that take topics as a repeated query parameter (Mercure): the subscribers of one
   * such server share a connection whatever their topics, in any mode. See `MergedTopicsRule`.
   */
  mergeTopics?: readonly MergedTopicsRule[];
}

export type ResolvedReconnectPolicy = Required<ReconnectPolicy>;

export interface ResolvedHubOptions {
  endpoint: string;
  mode: 'multiplex' | 'dedupe';
  reconnect: ResolvedReconnectPolicy;
  lingerMs: number;
  crossTab: boolean;
  multiplexConnectTimeoutMs: number;
  dedupeConnectTimeoutMs: number;
  stallAfterHeartbeats: number;
  replayLastEvent: boolean;
  mergeTopics: readonly MergedTopicsRule[];
}

export const DEFAULT_RECONNECT_POLICY: ResolvedReconnectPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  healthyAfterMs: 10_000,
  afterLastAttempt: 'wait',
};

export const DEFAULT_LINGER_MS = 1000;

/**
 * The multiplexer writes its headers and `ready` as soon as the request arrives, so only a
 * hung server, a dead network path, or a request queued behind the browser's connection
 * budget takes this long.
 */
export const DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS = 30_000;

/** Two intervals: one heartbeat lost, and a whole interval of slack for a busy server or network. */
export const DEFAULT_STALL_AFTER_HEARTBEATS = 2;

/** Later calls override only the fields they name; a nested `reconnect` is merged field by field too. */
export function mergeHubOptions(current: HubOptions, update: HubOptions): HubOptions {
  const merged: HubOptions = { ...current, ...update };
  if (current.reconnect || update.reconnect) merged.reconnect = { ...current.reconnect, ...update.reconnect };
  return merged;
}

/** Throws on a timeout that cannot be meant: a hub that reconnected at once, forever, would flood its server. */
export function resolveHubOptions(options: HubOptions): ResolvedHubOptions {
  const connectTimeoutMs = positiveOrInfinity('connectTimeoutMs', options.connectTimeoutMs);
  return {
    endpoint: options.endpoint ?? DEFAULT_HUB_ENDPOINT,
    mode: options.mode ?? (options.endpoint === undefined ? 'dedupe' : 'multiplex'),
    reconnect: {
      initialDelayMs: options.reconnect?.initialDelayMs ?? DEFAULT_RECONNECT_POLICY.initialDelayMs,
      maxDelayMs: options.reconnect?.maxDelayMs ?? DEFAULT_RECONNECT_POLICY.maxDelayMs,
      maxAttempts: options.reconnect?.maxAttempts ?? DEFAULT_RECONNECT_POLICY.maxAttempts,
      healthyAfterMs: options.reconnect?.healthyAfterMs ?? DEFAULT_RECONNECT_POLICY.healthyAfterMs,
      afterLastAttempt: afterLastAttempt(options.reconnect?.afterLastAttempt),
    },
    lingerMs: options.lingerMs ?? DEFAULT_LINGER_MS,
    crossTab: options.crossTab ?? false,
    multiplexConnectTimeoutMs: connectTimeoutMs ?? DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS,
    dedupeConnectTimeoutMs: connectTimeoutMs ?? Infinity,
    stallAfterHeartbeats: positiveOrInfinity('stallAfterHeartbeats', options.stallAfterHeartbeats) ?? DEFAULT_STALL_AFTER_HEARTBEATS,
    replayLastEvent: booleanOption('replayLastEvent', options.replayLastEvent),
    mergeTopics: mergeTopicsRules(options.mergeTopics),
  };
}

function mergeTopicsRules(rules: readonly MergedTopicsRule[] | undefined): readonly MergedTopicsRule[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) throw new TypeError('mergeTopics must be a list of { url, param, topicOf }');
  for (const rule of rules as readonly Partial<MergedTopicsRule>[]) {
    if (typeof rule?.url !== 'string' || typeof rule.param !== 'string' || rule.param === '' || typeof rule.topicOf !== 'function') {
      throw new TypeError(
        'each mergeTopics rule is { url: string, param: string, topicOf: function of an event }: the events of a merged stream do not say their topic, so topicOf must',
      );
    }
  }
  return [...rules];
}

function booleanOption(name: string, value: boolean | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function afterLastAttempt(value: ReconnectPolicy['afterLastAttempt']): 'wait' | 'close' {
  if (value === undefined) return DEFAULT_RECONNECT_POLICY.afterLastAttempt;
  if (value !== 'wait' && value !== 'close') {
    throw new TypeError(`reconnect.afterLastAttempt must be 'wait' or 'close', got ${JSON.stringify(value)}`);
  }
  return value;
}

function positiveOrInfinity(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(`${name} must be a positive number (Infinity turns it off), got ${String(value)}`);
  }
  return value;
}
