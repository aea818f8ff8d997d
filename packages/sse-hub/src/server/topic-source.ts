/**
 * Picks where a topic's events come from: the app's `resolve` hook when it returns a
 * source, otherwise the app's own route through the upstream proxy.
 */
import { ABORTED, unlessAborted } from './abort-race.js';
import { consumeResolvedSource } from './resolved-source.js';
import type { SharedUpstreams, SlotHandover } from './shared-upstreams.js';
import type { UpstreamEnvironment } from './upstream-proxy.js';
import type { TopicEnd, TopicOutput } from './topic-output.js';
import type { MultiplexerOptions } from './types.js';

export interface TopicSourceRequest {
  topic: string;
  /** The checked upstream URL of the topic. */
  url: URL;
  lastEventId: string;
  /** The caller's credential headers, for the proxy. */
  forwardedHeaders: Readonly<Record<string, string>>;
  /** False when no trustworthy upstream origin is known (the fetch adapter without `upstreamOrigin`). */
  mayProxy: boolean;
  /** The proxy's wait for an upstream's response headers. */
  upstreamHeadersTimeoutMs: number;
  /** Builds the `Request` handed to `resolve` (only built when there is a hook). */
  buildRequest: () => Request;
  /** The topic's upstream slot: given back when `resolve` serves it or it joins a running upstream. */
  slot: SlotHandover;
  /** The upstreams running for this multiplexer, and this topic's key among them (caller and URL). */
  sharedUpstreams: SharedUpstreams;
  upstreamKey: string;
}

export async function runTopicSource(
  request: TopicSourceRequest,
  resolve: MultiplexerOptions['resolve'],
  output: TopicOutput,
  signal: AbortSignal,
  environment: UpstreamEnvironment,
): Promise<TopicEnd | undefined> {
  if (resolve !== undefined) {
    let resolved: Awaited<ReturnType<typeof resolve>> | typeof ABORTED;
    try {
      // `new Promise` turns a synchronous throw in the hook into a rejection.
      const pending = new Promise<Awaited<ReturnType<typeof resolve>>>((settle) => {
        settle(resolve(request.topic, request.buildRequest(), signal));
      });
      resolved = await unlessAborted(pending, signal);
    } catch {
      return signal.aborted ? undefined : { status: 500, reason: 'source failed' };
    }
    if (resolved === ABORTED) return undefined;
    // `null` is treated like `undefined`: plain JavaScript hooks often return it for "not mine".
    if (resolved !== undefined && resolved !== null) {
      request.slot.giveBack();
      return consumeResolvedSource(resolved, request.lastEventId, output, signal);
    }
  }
  if (!request.mayProxy) {
    return { status: 500, reason: 'cannot proxy this topic: set the multiplexer option upstreamOrigin' };
  }
  return request.sharedUpstreams.run(
    request.upstreamKey,
    {
      url: request.url,
      headers: request.forwardedHeaders,
      lastEventId: request.lastEventId,
      headersTimeoutMs: request.upstreamHeadersTimeoutMs,
    },
    output,
    signal,
    environment,
    request.slot,
  );
}
