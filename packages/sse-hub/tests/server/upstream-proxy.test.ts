import { afterEach, describe, expect, it } from 'vitest';
import { listen, startStack, waitUntil } from './support/loopback.js';
import type { HubClient, Listening, ScriptedAnswer, Stack } from './support/loopback.js';

let stack: Stack | undefined;
let upstream: Listening | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
  await upstream?.close();
  upstream = undefined;
});

const TOPIC = '/rows/1/events';

/** No jitter: `random() = 0` makes every reconnect immediate unless the upstream set a `retry:` floor. */
const IMMEDIATE_RETRY = { random: () => 0 };

/** A stack with one client subscribed to TOPIC; `script` is in place before the first upstream request. */
async function subscribed(
  environment: Parameters<typeof startStack>[1] = IMMEDIATE_RETRY,
  script: ScriptedAnswer[] = [],
): Promise<HubClient> {
  stack = await startStack({}, environment);
  stack.app.script(TOPIC, script);
  const client = await stack.open();
  await client.post({ connection: client.connection, subscribe: [TOPIC] });
  return client;
}

describe('upstream answers that end a topic for good', () => {
  it.each([
    [404, 'upstream refused (404)'],
    [401, 'upstream refused (401)'],
    [204, 'upstream asked the client to stop (204)'],
  ])('sends a closed frame for %i and does not retry', async (status, reason) => {
    stack = await startStack({}, IMMEDIATE_RETRY);
    stack.app.script(TOPIC, [{ status }, { status }]);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [TOPIC] });

    expect(await client.nextFrame('closed')).toEqual({ kind: 'closed', topic: TOPIC, status, reason });
    // Once the source has finished it cannot retry any more; one request is all the app saw.
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the source to finish');
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(1);
    expect(client.framesOf('error')).toEqual([]);
    expect(client.framesOf('open')).toEqual([]);
  });

  it('does not follow a redirect, which could leave the upstream origin', async () => {
    stack = await startStack({}, IMMEDIATE_RETRY);
    stack.app.script(TOPIC, [{ status: 302, headers: { location: 'http://evil.example/steal' } }]);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [TOPIC] });

    expect(await client.nextFrame('closed')).toMatchObject({ status: 302, reason: 'upstream redirected; redirects are not followed' });
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(1);
  });

  it('closes a topic whose upstream is not an event stream', async () => {
    stack = await startStack({}, IMMEDIATE_RETRY);
    stack.app.script(TOPIC, [{ status: 200, headers: { 'content-type': 'text/html' }, body: '<p>login</p>' }]);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [TOPIC] });

    expect(await client.nextFrame('closed')).toEqual({
      kind: 'closed',
      topic: TOPIC,
      status: 502,
      reason: 'upstream did not answer with text/event-stream',
    });
  });
});

describe('upstream failures that are retried server-side', () => {
  it('sends an error frame for each 5xx, then reconnects and opens', async () => {
    stack = await startStack({}, IMMEDIATE_RETRY);
    stack.app.script(TOPIC, [{ status: 500 }, { status: 503 }]);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [TOPIC] });

    await client.nextFrame('open');
    expect(client.framesOf('error')).toEqual([
      { kind: 'error', topic: TOPIC, status: 500 },
      { kind: 'error', topic: TOPIC, status: 503 },
    ]);
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(3);

    stack.app.requestsTo(TOPIC)[2]!.send({ data: 'after the outage' });
    expect(await client.nextFrame('event')).toMatchObject({ data: 'after the outage' });
  });

  it('gives up after maxAttempts failures in a row with a closed frame', async () => {
    const client = await subscribed(
      { ...IMMEDIATE_RETRY, backoff: { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 3 } },
      [{ status: 500 }, { status: 500 }, { status: 502 }, { status: 500 }],
    );

    expect(await client.nextFrame('closed')).toEqual({
      kind: 'closed',
      topic: TOPIC,
      status: 502,
      reason: 'upstream unavailable after 3 attempts',
    });
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the source to finish');
    expect(stack!.app.requestsTo(TOPIC)).toHaveLength(3);
    expect(client.framesOf('error').map((frame) => frame.status)).toEqual([500, 500]);
  });

  it('reconnects after the upstream ends its stream, resuming with the last event id', async () => {
    const client = await subscribed();
    await client.nextFrame('open');
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 1, 'the first upstream request');
    const first = stack!.app.requestsTo(TOPIC)[0]!;
    first.send({ data: 'one', id: 'r1-1' });
    first.send({ data: 'two', id: 'r1-2' });
    await client.nextFrame('event', (frame) => frame.data === 'two');
    first.end();

    await client.nextFrame('error');
    await client.nextFrame('open');
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'the reconnect');
    expect(stack!.app.requestsTo(TOPIC)[1]!.headers['last-event-id']).toBe('r1-2');
  });

  it('resumes from the last dispatched event when the upstream is cut mid-event', async () => {
    const client = await subscribed();
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 1, 'the first upstream request');
    const first = stack!.app.requestsTo(TOPIC)[0]!;
    first.sendRaw('id: m-1\ndata: one\n\nid: m-2\ndata: two\n');
    await client.nextFrame('event', (frame) => frame.data === 'one');
    first.end();

    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'the reconnect');
    expect(stack!.app.requestsTo(TOPIC)[1]!.headers['last-event-id']).toBe('m-1');
    expect(client.framesOf('event').map((frame) => [frame.data, frame.id])).toEqual([['one', 'm-1']]);
  });

  it('resumes after an id outside Latin-1 with its UTF-8 bytes, as EventSource sends them', async () => {
    const client = await subscribed();
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 1, 'the first upstream request');
    const first = stack!.app.requestsTo(TOPIC)[0]!;
    first.send({ data: 'one', id: '\u2713-1' });
    await client.nextFrame('event', (frame) => frame.data === 'one');
    first.end();

    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'the reconnect');
    // Node reads header bytes as Latin-1; these are the bytes Chromium's EventSource sends.
    expect(Buffer.from(String(stack!.app.requestsTo(TOPIC)[1]!.headers['last-event-id']), 'latin1')).toEqual(Buffer.from('\u2713-1'));
    expect(client.framesOf('closed')).toEqual([]);
  });

  it('keeps reconnecting a stream that delivers events and ends, as EventSource would', async () => {
    const client = await subscribed({ ...IMMEDIATE_RETRY, backoff: { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 2 } });
    // Each connection delivers an event and ends: a success every time, so the attempt limit never trips.
    for (let round = 1; round <= 4; round++) {
      await waitUntil(() => stack!.app.requestsTo(TOPIC).length === round, `upstream connection ${round}`);
      const upstream = stack!.app.requestsTo(TOPIC)[round - 1]!;
      upstream.send({ data: `round ${round}`, id: `r${round}` });
      await client.nextFrame('event', (frame) => frame.data === `round ${round}`);
      upstream.end();
    }
    expect(client.framesOf('closed')).toEqual([]);
  });
});

describe('upstreams that hang', () => {
  it('drops an upstream that sends no headers within upstreamHeadersTimeoutMs, and retries it', async () => {
    // Accepts every request; the first two are never answered, the third streams.
    const requests: { closed: boolean }[] = [];
    upstream = await listen((req, res) => {
      const request = { closed: false };
      requests.push(request);
      req.on('close', () => {
        request.closed = true;
      });
      if (requests.length <= 2) return;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: at last\n\n');
    });
    stack = await startStack({ upstreamOrigin: upstream.origin, upstreamHeadersTimeoutMs: 300 }, IMMEDIATE_RETRY);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [TOPIC] });

    expect(await client.nextFrame('event')).toMatchObject({ topic: TOPIC, data: 'at last' });
    expect(requests).toHaveLength(3);
    // The hung requests were let go, not left open beside their retries.
    await waitUntil(() => requests[0]!.closed && requests[1]!.closed, 'the hung requests to be dropped');
    expect(client.framesOf('error')).toEqual([
      { kind: 'error', topic: TOPIC },
      { kind: 'error', topic: TOPIC },
    ]);
    expect(client.framesOf('open')).toHaveLength(1);
  });
});

describe('reconnect delays', () => {
  /** Records each delay the proxy asks for and skips the wait, so no test waits on a clock. */
  function recordingSleep(delays: number[]) {
    return {
      sleep: async (milliseconds: number) => {
        delays.push(milliseconds);
      },
    };
  }

  it('grow exponentially with full jitter up to the cap', async () => {
    const delays: number[] = [];
    const client = await subscribed(
      {
        random: () => 0.5,
        backoff: { initialDelayMs: 100, maxDelayMs: 500, maxAttempts: 6 },
        ...recordingSleep(delays),
      },
      Array.from({ length: 6 }, () => ({ status: 500 })),
    );
    await client.nextFrame('closed');
    // Half of min(500, 100 * 2^(n-1)) for the five waits between six failed attempts.
    expect(delays).toEqual([50, 100, 200, 250, 250]);
  });

  it("never undercut the upstream's retry: field", async () => {
    const delays: number[] = [];
    const client = await subscribed({ random: () => 0, ...recordingSleep(delays) });
    await client.nextFrame('open');
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 1, 'the first upstream request');
    const upstream = stack!.app.requestsTo(TOPIC)[0]!;
    upstream.sendRetry(4321);
    upstream.send({ data: 'x' });
    await client.nextFrame('event');
    upstream.end();

    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'the reconnect');
    expect(delays).toEqual([4321]);
  });
});
