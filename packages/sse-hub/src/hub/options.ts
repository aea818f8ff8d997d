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
}

export type ResolvedReconnectPolicy = Required<ReconnectPolicy>;

export interface ResolvedHubOptions {
  endpoint: string;
  mode: 'multiplex' | 'dedupe';
  reconnect: ResolvedReconnectPolicy;
  lingerMs: number;
  crossTab: boolean;
}

export const DEFAULT_RECONNECT_POLICY: ResolvedReconnectPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxAttempts: 10,
  healthyAfterMs: 10_000,
};

export const DEFAULT_LINGER_MS = 1000;

/** Later calls override only the fields they name; a nested `reconnect` is merged field by field too. */
export function mergeHubOptions(current: HubOptions, update: HubOptions): HubOptions {
  const merged: HubOptions = { ...current, ...update };
  if (current.reconnect || update.reconnect) merged.reconnect = { ...current.reconnect, ...update.reconnect };
  return merged;
}

export function resolveHubOptions(options: HubOptions): ResolvedHubOptions {
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
  };
}
