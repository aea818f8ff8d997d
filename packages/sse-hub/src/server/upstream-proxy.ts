/**
 * The default topic source: reads the app's own per-item SSE route from the server
 * side, with the caller's credentials, and reconnects it like a careful EventSource
 * would. A server-side connection costs the browser nothing; that is the whole point.
 */
import { lastEventIdHeader } from '../sse/last-event-id.js';
import { createEventStreamParser } from '../sse/parser.js';
import { createUtf8ChunkDecoder } from '../sse/utf8-chunks.js';
import { fullJitterDelay } from '../sse/backoff.js';
import type { BackoffPolicy } from './reconnect-backoff.js';
import type { TopicEnd, TopicOutput } from './topic-output.js';

/** Set to `'1'` on every upstream request, so the app can tell them from browser requests. */
export const UPSTREAM_MARKER_HEADER = 'x-sse-multiplexer';

export interface UpstreamEnvironment {
  fetch: typeof fetch;
  /** Returns a number in [0, 1); drives the backoff jitter. */
  random: () => number;
  backoff: BackoffPolicy;
  /** Waits before a reconnect; must resolve early when `signal` aborts. */
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

export interface UpstreamTarget {
  /** Already checked against the allow-list and the upstream origin. */
  url: URL;
  /** The caller's forwarded credential headers. */
  headers: Readonly<Record<string, string>>;
  /** Resume after this id (from the subscription); later reconnects use the last id seen. */
  lastEventId: string;
  /** How long a request may wait for its response headers before it is dropped and retried. */
  headersTimeoutMs: number;
}

/** What one connection attempt came to. */
type AttemptOutcome =
  | { kind: 'closed'; end: TopicEnd }
  | { kind: 'retry'; status?: number; deliveredEvents: boolean };

/**
 * Runs until the topic is over (returns why) or `signal` aborts (returns undefined,
 * with every request and timer released).
 */
export async function proxyUpstream(
  target: UpstreamTarget,
  output: TopicOutput,
  signal: AbortSignal,
  environment: UpstreamEnvironment,
): Promise<TopicEnd | undefined> {
  let retryFloorMs = 0;
  let deliveredEvents = false;
  /**
   * Events parsed from one read, written one by one with a wait for the client between them:
   * a single read can hold thousands of small events, and each grows by its topic and id
   * when re-framed, so waiting once per read would let one read fill the server's memory.
   */
  let parsed: { type: string; data: string; lastEventId: string }[] = [];
  const parser = createEventStreamParser(
    {
      onEvent(event) {
        deliveredEvents = true;
        parsed.push({ type: event.type, data: event.data, lastEventId: event.lastEventId });
      },
      onRetry(milliseconds) {
        retryFloorMs = milliseconds;
      },
    },
    { lastEventId: target.lastEventId },
  );

  /**
   * One request, under a signal of its own: the topic's abort ends it, and so does an upstream
   * that accepts the connection and sends no headers in time, which would otherwise hold the
   * topic until the runtime's own timeout (five minutes in Node's fetch).
   */
  async function attempt(): Promise<AttemptOutcome> {
    const request = new AbortController();
    const abortRequest = (): void => request.abort();
    if (signal.aborted) request.abort();
    signal.addEventListener('abort', abortRequest, { once: true });
    try {
      return await exchange(request);
    } finally {
      signal.removeEventListener('abort', abortRequest);
    }
  }

  async function exchange(request: AbortController): Promise<AttemptOutcome> {
    parser.reset();
    parsed = [];
    deliveredEvents = false;
    const headers: Record<string, string> = {
      ...target.headers,
      accept: 'text/event-stream',
      'cache-control': 'no-cache',
      [UPSTREAM_MARKER_HEADER]: '1',
    };
    if (parser.lastEventId !== '') headers['last-event-id'] = lastEventIdHeader(parser.lastEventId);

    let response: Response;
    const headersTimer = setTimeout(() => request.abort(), target.headersTimeoutMs);
    try {
      // `manual`: a redirect could lead off the upstream origin, which the allow-list forbids.
      response = await environment.fetch(target.url, { headers, signal: request.signal, redirect: 'manual' });
    } catch {
      return { kind: 'retry', deliveredEvents: false };
    } finally {
      clearTimeout(headersTimer);
    }

    const { status } = response;
    if (status === 204 || (status >= 300 && status < 500)) {
      await discardBody(response);
      const reason =
        status === 204 ? 'upstream asked the client to stop (204)' : status < 400 ? 'upstream redirected; redirects are not followed' : `upstream refused (${status})`;
      return { kind: 'closed', end: { status, reason } };
    }
    if (status < 200 || status >= 300) {
      await discardBody(response);
      return { kind: 'retry', status, deliveredEvents: false };
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'text/event-stream' || response.body === null) {
      // EventSource fails for good on a wrong content type; so does the proxy.
      await discardBody(response);
      return { kind: 'closed', end: { status: 502, reason: 'upstream did not answer with text/event-stream' } };
    }

    output.open();
    const reader = response.body.getReader();
    // Not `TextDecoderStream`: it strips a byte order mark the parser must see (the format strips only one).
    const decoder = createUtf8ChunkDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value));
        const events = parsed;
        parsed = [];
        for (const event of events) {
          if (signal.aborted) break;
          output.event(event.type, event.data, event.lastEventId);
          await output.drained();
        }
      }
    } catch {
      // A dropped upstream or our own abort; both end this attempt.
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    return { kind: 'retry', deliveredEvents };
  }

  let failuresInARow = 0;
  for (;;) {
    const outcome = await attempt();
    if (signal.aborted) return undefined;
    if (outcome.kind === 'closed') return outcome.end;

    // A connection that delivered events was a success; only the reconnect after it counts.
    failuresInARow = outcome.deliveredEvents ? 1 : failuresInARow + 1;
    if (failuresInARow >= environment.backoff.maxAttempts) {
      return {
        status: outcome.status ?? 502,
        reason: `upstream unavailable after ${environment.backoff.maxAttempts} attempts`,
      };
    }
    output.error(outcome.status);
    const delay = fullJitterDelay(environment.backoff, failuresInARow - 1, retryFloorMs, environment.random);
    await environment.sleep(delay, signal);
    if (signal.aborted) return undefined;
  }
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
