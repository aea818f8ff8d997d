import { afterEach, describe, expect, it } from 'vitest';
import { createMultiplexer } from '../../src/server/index.js';
import { HUB_PROTOCOL_VERSION } from '../../src/sse/multiplex-protocol.js';
import { listen, startStack, waitUntil } from './support/loopback.js';
import type { Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe('the multiplexed stream (GET)', () => {
  it('answers with unbuffered event-stream headers, a retry line and a ready frame', async () => {
    stack = await startStack({ maxTopicsPerConnection: 5, heartbeatMs: 20_000 });
    const client = await stack.open();

    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(client.headers.get('x-accel-buffering')).toBe('no');
    expect(client.headers.get('connection')).toBe('keep-alive');
    expect(client.frames[0]).toEqual({
      kind: 'ready',
      connection: client.connection,
      maxTopics: 5,
      protocol: HUB_PROTOCOL_VERSION,
      heartbeatMs: 20_000,
    });
    // The exact bytes: the protocol version and the heartbeat the hub watches for are part of the wire format.
    expect(client.text).toBe(
      `retry: ${client.retry}\n\nevent: sse-hub\ndata: {"kind":"ready","connection":"${client.connection}","maxTopics":5,"protocol":3,"heartbeatMs":20000}\n\n`,
    );
    expect(client.connection).toMatch(/^[\w-]{24}$/);
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 0, upstreams: 0 });
  });

  it('gives each connection its own unguessable id', async () => {
    stack = await startStack();
    const first = await stack.open();
    const second = await stack.open();
    expect(first.connection).not.toBe(second.connection);
    expect(stack.multiplexer.stats().connections).toBe(2);
  });

  it('sends a retry value drawn from retryMs, inclusive of both ends', async () => {
    stack = await startStack({ retryMs: [3000, 4000] }, { random: () => 0 });
    expect((await stack.open()).retry).toBe(3000);
    await stack.close();

    stack = await startStack({ retryMs: [3000, 4000] }, { random: () => 0.999_999 });
    expect((await stack.open()).retry).toBe(4000);
    await stack.close();

    stack = await startStack({ retryMs: [3000, 4000] }, { random: () => 0.25 });
    expect((await stack.open()).retry).toBe(3250);
  });

  it('sends the default retry within 2000..8000 ms', async () => {
    stack = await startStack();
    const { retry } = await stack.open();
    expect(retry).toBeGreaterThanOrEqual(2000);
    expect(retry).toBeLessThanOrEqual(8000);
  });

  it('sends ": ping" heartbeat comments at heartbeatMs', async () => {
    stack = await startStack({ heartbeatMs: 50 });
    const client = await stack.open();
    await waitUntil(() => client.comments.length >= 2, 'two heartbeats');
    expect(new Set(client.comments)).toEqual(new Set(['ping']));
  });

  it('answers other methods on the endpoint with 405 and an Allow header', async () => {
    stack = await startStack();
    for (const method of ['PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const response = await fetch(stack.endpointUrl, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow'), method).toBe('GET, POST');
      await response.body?.cancel();
    }
  });

  it('serves a custom endpoint and ignores its query string', async () => {
    stack = await startStack({ endpoint: '/api/events/hub' });
    const client = await stack.open();
    expect(client.connection).not.toBe('');

    const withQuery = await fetch(`${stack.endpointUrl}?v=2`, { method: 'PUT' });
    expect(withQuery.status).toBe(405);
    await withQuery.body?.cancel();
  });
});

describe('paths other than the endpoint', () => {
  it('are passed to next() untouched', async () => {
    stack = await startStack();
    const response = await fetch(`${stack.origin}/somewhere-else`);
    // The stack's fallback route answers 404 itself; the multiplexer neither answered nor recorded anything.
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
    expect(stack.app.requests).toHaveLength(0);
  });

  it('get a 404 when there is no next()', async () => {
    const multiplexer = createMultiplexer({ allow: ['/rows/:id/events'] });
    const server = await listen((req, res) => multiplexer.node(req, res));
    try {
      const response = await fetch(`${server.origin}/__sse_hubx`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not found' });
    } finally {
      await multiplexer.close();
      await server.close();
    }
  });
});
