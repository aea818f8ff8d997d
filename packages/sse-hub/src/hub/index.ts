/**
 * `sse-hub`: share Server-Sent Events streams so that a page spends one
 * connection per origin (multiplex mode) or per URL (dedupe mode), not one per subscriber.
 * Browsers allow about six HTTP/1.1 connections per origin and every open stream holds
 * one; see docs/hub.md.
 */
import { createHub, type Hub, type HubHandlers } from './hub.js';
import type { HubStatus, HubStatusListener } from './hub-status.js';
import type { HubOptions } from './options.js';

export { createHub } from './hub.js';
export type { Hub, HubHandlers, HubStats } from './hub.js';
export type { HubState, HubStatus, HubStatusListener } from './hub-status.js';
export type { HubEnvironment, HubFetch, BroadcastChannelLike, LockManagerLike } from './environment.js';
export type { HubOptions, MergedTopicsRule, ReconnectPolicy } from './options.js';
export { DEFAULT_HUB_ENDPOINT } from '../sse/multiplex-protocol.js';

/** Created on first use, so that importing the module opens nothing and touches no browser API. */
let defaultHub: Hub | undefined;

function getDefaultHub(): Hub {
  defaultHub ??= createHub();
  return defaultHub;
}

/** Configures the default hub; later calls override only the fields they name. Applies to connections opened afterwards. */
export function configureHub(options: HubOptions): void {
  getDefaultHub().configure(options);
}

/** A drop-in for `new EventSource(url, init)`: same surface, but the stream is shared. */
export function sharedEventSource(url: string | URL, init?: EventSourceInit): EventSource {
  return getDefaultHub().sharedEventSource(url, init);
}

/** Calls `handlers[event.type]` for each event of the stream at `url`; returns the unsubscribe function. */
export function subscribe(url: string | URL, handlers: HubHandlers, init?: EventSourceInit): () => void {
  return getDefaultHub().subscribe(url, handlers, init);
}

/** Where the default hub's subscribers stand: `idle`, `connecting`, `open`, `reconnecting` or `waiting` (offline, will retry). */
export function hubStatus(): HubStatus {
  return getDefaultHub().status();
}

/** Calls `listener` each time the default hub's `hubStatus().state` changes; returns the function that stops it. */
export function onHubStatusChange(listener: HubStatusListener): () => void {
  return getDefaultHub().onStatusChange(listener);
}
