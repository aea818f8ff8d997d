/**
 * The fetch-style handler, served through a small Node server that converts
 * `IncomingMessage` → `Request` and `Response` → `ServerResponse`, as Hono's Node
 * server or Next.js do (no framework dependency).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createMultiplexer, UPSTREAM_MARKER_HEADER } from '../../src/server/index.js';
import type { Multiplexer } from '../../src/server/index.js';
import { createRowApp, listen, openHubClient, waitUntil } from './support/loopback.js';
import type { HubClient, Listening, RowApp } from './support/loopback.js';

interface FetchStack {
  app: RowApp;
  multiplexer: Multiplexer;
  server: Listening;
  endpointUrl: string;
}

let stack: FetchStack | undefined;
const clients: HubClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await stack?.multiplexer.close();
  await stack?.server.close();
  stack = undefined;
});

/**
 * `abortOnClose`: whether the bridge aborts the `Request`'s signal when the client goes
 * (Next.js does); without it, only cancelling the response body tells the multiplexer.
 */
async function startFetchStack(abortOnClose: boolean, { withUpstreamOrigin = true } = {}): Promise<FetchStack> {
  const app = createRowApp();
  // The fetch adapter proxies only to an origin it is told: the server's is known once it listens.
  let multiplexer: Multiplexer | undefined;
  const server = await listen((req, res) => {
    app.handle(req, res, () => {
      void bridge(multiplexer!, req, res, abortOnClose);
    });
  });
  multiplexer = createMultiplexer({
    allow: ['/rows/:id/events'],
    ...(withUpstreamOrigin ? { upstreamOrigin: server.origin } : {}),
  });
  return { app, multiplexer, server, endpointUrl: `${server.origin}/__sse_hub` };
}

async function bridge(multiplexer: Multiplexer, req: IncomingMessage, res: ServerResponse, abortOnClose: boolean): Promise<void> {
  const abort = new AbortController();
  if (abortOnClose) res.on('close', () => abort.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);

  const response = await multiplexer.fetch(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // Cancelled because the client went away.
  }
  res.end();
}

async function open(headers: Record<string, string> = {}): Promise<HubClient> {
  const client = await openHubClient(stack!.endpointUrl, headers);
  clients.push(client);
  return client;
}

describe('the fetch adapter', () => {
  it('streams a ready frame, proxies topics with credentials and tags their events', async () => {
    stack = await startFetchStack(true);
    const client = await open({ cookie: 'session=alice' });
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.retry).toBeGreaterThanOrEqual(2000);

    const answer = await client.post({ connection: client.connection, subscribe: ['/rows/5/events', '//evil.example/x'] });
    expect(answer.body).toEqual({
      accepted: ['/rows/5/events'],
      refused: [{ topic: '//evil.example/x', status: 400, reason: 'a topic must be a same-origin path starting with a single "/"' }],
    });
    await client.nextFrame('open');
    await waitUntil(() => stack!.app.requests.length === 1, 'the upstream request');
    const upstream = stack.app.requests[0]!;
    expect(upstream.headers.cookie).toBe('session=alice');
    expect(upstream.headers[UPSTREAM_MARKER_HEADER]).toBe('1');

    upstream.send({ data: 'five', id: 'r5-1' });
    expect(await client.nextFrame('event')).toEqual({ kind: 'event', topic: '/rows/5/events', number: 0, type: 'message', data: 'five', id: 'r5-1' });
  });

  it('never proxies to the origin of the Host header: without upstreamOrigin a proxied topic closes with 500', async () => {
    // A client controls `Host`, from which frameworks build `request.url`; trusting it would
    // let a client point the server at another host.
    stack = await startFetchStack(true, { withUpstreamOrigin: false });
    const client = await open({ host: 'evil.example:80' });
    const answer = await client.post({ connection: client.connection, subscribe: ['/rows/5/events'] });
    expect(answer.body).toEqual({ accepted: ['/rows/5/events'], refused: [] });
    expect(await client.nextFrame('closed')).toEqual({
      kind: 'closed',
      topic: '/rows/5/events',
      status: 500,
      reason: 'cannot proxy this topic: set the multiplexer option upstreamOrigin',
    });
    expect(stack.app.requests).toEqual([]);
  });

  it('applies the same credential binding as the Node adapter', async () => {
    stack = await startFetchStack(true);
    const client = await open({ cookie: 'session=alice' });
    const forged = await client.post(
      { connection: client.connection, subscribe: ['/rows/5/events'] },
      { headers: { cookie: 'session=mallory' } },
    );
    expect(forged).toEqual({ status: 403, body: { error: 'this connection was opened with other credentials' } });
  });

  it.each([
    ['cancelling the response body', false],
    ['aborting the request signal', true],
  ])('closes every upstream when the client goes (%s)', async (_how, abortOnClose) => {
    stack = await startFetchStack(abortOnClose);
    const client = await open();
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events', '/rows/2/events'] });
    await waitUntil(() => stack!.app.requests.length === 2, 'both upstream requests');
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 2, upstreams: 2 });

    client.disconnect();
    await waitUntil(() => stack!.app.requests.every((request) => request.closed), 'every upstream request to close');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the sources to finish');
    expect(stack.multiplexer.stats()).toEqual({ connections: 0, topics: 0, upstreams: 0 });
  });

  it('answers other paths with 404 and other methods with 405', async () => {
    const multiplexer = createMultiplexer({ allow: ['/rows/:id/events'] });
    try {
      const other = await multiplexer.fetch(new Request('http://app.test/rows/1/events'));
      expect(other.status).toBe(404);
      const put = await multiplexer.fetch(new Request('http://app.test/__sse_hub?x=1', { method: 'PUT' }));
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, POST');
    } finally {
      await multiplexer.close();
    }
  });

  it('answers a body over the limit with 413 without reading all of it', async () => {
    const multiplexer = createMultiplexer({ allow: ['/rows/:id/events'] });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    try {
      const response = await multiplexer.fetch(
        new Request('http://app.test/__sse_hub', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: endless,
          duplex: 'half',
        } as RequestInit),
      );
      expect(response.status).toBe(413);
      // 64 KiB in 16 KiB chunks: the fifth chunk crosses the limit and reading stops.
      expect(pulled).toBeLessThan(10);
    } finally {
      await multiplexer.close();
    }
  });
});

describe('backpressure', () => {
  it('pauses a source while the client is not reading, and resumes it when it reads', async () => {
    let produced = 0;
    const multiplexer = createMultiplexer({
      allow: ['/feed'],
      resolve: async function* () {
        for (;;) {
          // One event per macrotask, so an unthrottled source would race far ahead.
          await new Promise((resolve) => setImmediate(resolve));
          produced++;
          yield { data: 'x'.repeat(1024) };
        }
      },
    });
    const turns = async (count: number): Promise<void> => {
      for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      const stream = await multiplexer.fetch(new Request('http://app.test/__sse_hub'));
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      const first = await reader.read();
      const connection = /"connection":"([^"]+)"/.exec(first.value ?? '')?.[1];
      const answer = await multiplexer.fetch(
        new Request('http://app.test/__sse_hub', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ connection, subscribe: ['/feed'] }),
        }),
      );
      expect(await answer.json()).toEqual({ accepted: ['/feed'], refused: [] });

      await turns(600);
      const whileStalled = produced;
      // The stream queues 64 KiB, about 60 frames of this size, before the source must wait.
      expect(whileStalled).toBeGreaterThan(20);
      expect(whileStalled).toBeLessThan(150);

      let received = '';
      while (received.length < 200 * 1024) received += (await reader.read()).value ?? '';
      await turns(50);
      expect(produced).toBeGreaterThan(whileStalled + 100);
      await reader.cancel();
    } finally {
      await multiplexer.close();
    }
  });
});
