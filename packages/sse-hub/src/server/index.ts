/**
 * `sse-hub/server`: the server side of the subscription hub. One browser
 * stream carries many topics; each topic is fed by the app's `resolve` hook or, by
 * default, by the app's own per-item SSE route read from the server side. See
 * docs/server.md for mounting, the protocol and the security model.
 */
import { createMultiplexerWithEnvironment } from './multiplexer.js';
import type { Multiplexer, MultiplexerOptions } from './types.js';

export type { Multiplexer, MultiplexerEvent, MultiplexerOptions, MultiplexerStats } from './types.js';
export type { Backplane, ForwardedChange, ForwardedOutcome, PublishedEntry } from './backplane.js';
export { UPSTREAM_MARKER_HEADER } from './upstream-proxy.js';

export function createMultiplexer(options: MultiplexerOptions): Multiplexer {
  return createMultiplexerWithEnvironment(options);
}
