import { afterEach, describe, expect, it } from 'vitest';
import { startStack, waitUntil } from './support/loopback.js';
import type { HubClient, Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function subscribeRows(client: HubClient, rows: number[]): Promise<void> {
  const topics = rows.map((row) => `/rows/${row}/events`);
  await client.post({ connection: client.connection, subscribe: topics });
  for (const topic of topics) await client.nextFrame('open', (frame) => frame.topic === topic);
  await waitUntil(() => stack!.app.requests.length >= rows.length, 'the upstream requests');
}

describe('upstream cleanup', () => {
  it('unsubscribing aborts that topic upstream only', async () => {
    stack = await startStack();
    const client = await stack.open();
    await subscribeRows(client, [1, 2]);
    const [row1] = stack.app.requestsTo('/rows/1/events');
    const [row2] = stack.app.requestsTo('/rows/2/events');

    const answer = await client.post({ connection: client.connection, unsubscribe: ['/rows/1/events'] });
    expect(answer.body).toEqual({ accepted: [], refused: [] });
    await waitUntil(() => row1!.closed, 'the app to see /rows/1/events close');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 1, 'one upstream left');

    expect(row2!.closed).toBe(false);
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 1, upstreams: 1 });
    // The remaining topic still flows.
    row2!.send({ data: 'still here' });
    expect(await client.nextFrame('event')).toMatchObject({ topic: '/rows/2/events', data: 'still here' });
  });

  it('a client disconnect closes every upstream and the connection', async () => {
    stack = await startStack();
    const client = await stack.open();
    await subscribeRows(client, [1, 2, 3]);
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 3, upstreams: 3 });

    client.disconnect();
    await waitUntil(() => stack!.app.requests.every((request) => request.closed), 'every upstream request to close');
    await waitUntil(
      () => stack!.multiplexer.stats().upstreams === 0 && stack!.multiplexer.stats().connections === 0,
      'the multiplexer to forget the connection',
    );
    expect(stack.multiplexer.stats()).toEqual({ connections: 0, topics: 0, upstreams: 0 });
  });

  it('a disconnect leaves other clients and their upstreams alone', async () => {
    stack = await startStack();
    const leaving = await stack.open();
    const staying = await stack.open();
    await subscribeRows(leaving, [1]);
    await subscribeRows(staying, [2]);

    leaving.disconnect();
    await waitUntil(() => stack!.multiplexer.stats().connections === 1, 'one connection left');
    await waitUntil(() => stack!.app.requestsTo('/rows/1/events')[0]!.closed, 'row 1 upstream closed');
    expect(stack.app.requestsTo('/rows/2/events')[0]!.closed).toBe(false);
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 1, upstreams: 1 });
  });

  it('close() ends every stream and upstream, and refuses new streams', async () => {
    stack = await startStack();
    const first = await stack.open();
    const second = await stack.open();
    await subscribeRows(first, [1, 2]);
    await subscribeRows(second, [3]);

    await stack.multiplexer.close();

    expect(stack.multiplexer.stats()).toEqual({ connections: 0, topics: 0, upstreams: 0 });
    await waitUntil(() => first.ended && second.ended, 'both client streams to end');
    await waitUntil(() => stack!.app.requests.every((request) => request.closed), 'every upstream request to close');

    const late = await fetch(stack.endpointUrl);
    expect(late.status).toBe(503);
    await late.body?.cancel();
    const latePost = await first.post({ connection: first.connection, subscribe: ['/rows/9/events'] });
    expect(latePost.status).toBe(503);
  });

  it('a topic whose upstream ends for good leaves the connection and frees its slot', async () => {
    stack = await startStack({ maxTopicsPerConnection: 1 });
    stack.app.script('/rows/1/events', [{ status: 404 }]);
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events'] });
    await client.nextFrame('closed');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the source to finish');
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 0, upstreams: 0 });

    const next = await client.post({ connection: client.connection, subscribe: ['/rows/2/events'] });
    expect(next.body).toEqual({ accepted: ['/rows/2/events'], refused: [] });
  });
});
