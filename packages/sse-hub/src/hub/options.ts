import { DEFAULT_HUB_ENDPOINT } from '../sse/multiplex-protocol.js';

export interface ReconnectPolicy {
  /** Base of the capped exponential backoff. Default 1000 ms. */
  initialDelayMs?: number;
  /** Cap of the backoff. Default 30000 ms. */
  maxDelayMs?: number;
  /** After this many failed reconnects in a row the stream gives up (readyState CLOSED, `error` event). Default 10; `Infinity` never gives up. */
  maxAttempts?: number;
  /** The attempt counter resets only once a connection has stayed open this long. Default 10000 ms. */
  healthyAfterMs?: number;
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
}

export const DEFAULT_RECONNECT_POLICY: ResolvedReconnectPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  healthyAfterMs: 10_000,
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
    },
    lingerMs: options.lingerMs ?? DEFAULT_LINGER_MS,
    crossTab: options.crossTab ?? false,
    multiplexConnectTimeoutMs: connectTimeoutMs ?? DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS,
    dedupeConnectTimeoutMs: connectTimeoutMs ?? Infinity,
    stallAfterHeartbeats: positiveOrInfinity('stallAfterHeartbeats', options.stallAfterHeartbeats) ?? DEFAULT_STALL_AFTER_HEARTBEATS,
  };
}

function positiveOrInfinity(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(`${name} must be a positive number (Infinity turns it off), got ${String(value)}`);
  }
  return value;
}
