import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { createMultiplexer } from '../../src/server/index.js';
import { redisBackplane } from '../../src/server/redis.js';
import { listen, openHubClient, waitUntil } from './support/loopback.js';
import type { HubClient } from './support/loopback.js';
import { startInstance } from './support/redis-instances.js';
import type { Instance } from './support/redis-instances.js';
import { startRedisServer } from './support/redis-server.js';
import type { RedisServer } from './support/redis-server.js';

let redis: RedisServer;
let instances: Instance[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  instances = [];
});

/** Three instances sharing one key prefix (one per test, so tests cannot see each other's history). */
async function startFleet(count = 3, changeTimeoutMs?: number): Promise<Instance[]> {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const started = await Promise.all(
    Array.from({ length: count }, (_, index) => startInstance(String.fromCharCode(65 + index), redis.url, prefix, {}, changeTimeoutMs)),
  );
  instances.push(...started);
  return started;
}

async function subscribeThrough(instance: Instance, client: HubClient, topic: string, lastEventId?: string) {
  const response = await fetch(instance.endpointUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connection: client.connection, subscribe: [lastEventId === undefined ? topic : { topic, lastEventId }] }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

function eventsSeen(client: HubClient, topic: string): string[] {
  return client.framesOf('event', topic).map((frame) => `${frame.data}@${frame.id}`);
}

async function waitForEvents(client: HubClient, topic: string, count: number): Promise<string[]> {
  for (let index = 0; index < count; index += 1) await client.nextFrame('event', (frame) => frame.topic === topic);
  return eventsSeen(client, topic);
}

describe('redisBackplane: several instances without sticky routing', () => {
  it('applies a subscription change that lands on another instance to the stream it names', async () => {
    const [a, b, c] = (await startFleet()) as [Instance, Instance, Instance];
    const client = await a.open({ cookie: 'session=alice' });

    const response = await fetch(b.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=alice' },
      body: JSON.stringify({ connection: client.connection, subscribe: ['/rooms/1', '/secret'] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accepted: ['/rooms/1'],
      refused: [{ topic: '/secret', status: 403, reason: 'topic is not on the allow-list' }],
    });
    await client.nextFrame('open', (frame) => frame.topic === '/rooms/1');
    expect(a.multiplexer.stats()).toMatchObject({ connections: 1, topics: 1 });
    expect(b.multiplexer.stats()).toMatchObject({ connections: 0, topics: 0 });

    // The credential binding holds across instances: only a digest travels, and it must match.
    const stranger = await fetch(c.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=mallory' },
      body: JSON.stringify({ connection: client.connection, unsubscribe: ['/rooms/1'] }),
    });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ error: 'this connection was opened with other credentials' });

    const unsubscribed = await fetch(c.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=alice' },
      body: JSON.stringify({ connection: client.connection, unsubscribe: ['/rooms/1'] }),
    });
    expect(await unsubscribed.json()).toEqual({ accepted: [], refused: [] });
    expect(a.multiplexer.stats()).toMatchObject({ connections: 1, topics: 0 });
  });

  it('answers 404 for a connection no instance holds, once every instance has said so', async () => {
    // Waiting for the 60 s timeout would fail the test (30 s): the answer must come from counting the instances' answers.
    const [a] = (await startFleet(3, 60_000)) as [Instance];
    const response = await fetch(a.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connection: 'no-such-connection', subscribe: ['/rooms/1'] }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'unknown or closed connection' });
  });

  it('answers 503 when the backplane cannot ask the other instances', async () => {
    const [a] = (await startFleet(2)) as [Instance];
    a.backplane.destroy();
    const response = await fetch(a.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connection: 'held-elsewhere', subscribe: ['/rooms/1'] }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'the other instances could not be asked about this connection' });
  });

  it('delivers publish() on any instance to every subscriber on every instance, once and in order', async () => {
    const [a, b, c] = (await startFleet()) as [Instance, Instance, Instance];
    const onA = await a.open();
    const onB = await b.open();
    expect((await subscribeThrough(c, onA, '/rooms/7')).status).toBe(200);
    expect((await subscribeThrough(a, onB, '/rooms/7')).status).toBe(200);
    await onA.nextFrame('open');
    await onB.nextFrame('open');

    await c.multiplexer.publish('/rooms/7', { data: 'one', id: '1' });
    await a.multiplexer.publish('/rooms/7', { type: 'note', data: 'two\nlines', id: '2' });
    await b.multiplexer.publish('/rooms/7', { data: 'three' });
    await b.multiplexer.publish('/rooms/8', { data: 'elsewhere', id: '1' });

    expect(await waitForEvents(onA, '/rooms/7', 3)).toEqual(['one@1', 'two\nlines@2', 'three@2']);
    expect(await waitForEvents(onB, '/rooms/7', 3)).toEqual(['one@1', 'two\nlines@2', 'three@2']);
    expect(onA.framesOf('event', '/rooms/7')[1]).toMatchObject({ type: 'note' });
    // Nothing of a topic they did not subscribe to, and no second copy.
    await c.multiplexer.publish('/rooms/7', { data: 'marker', id: '4' });
    expect(await waitForEvents(onA, '/rooms/7', 1)).toEqual(['one@1', 'two\nlines@2', 'three@2', 'marker@4']);
    expect(onA.framesOf('event', '/rooms/8')).toEqual([]);
  });

  it('loses and repeats nothing when the instance holding a stream dies and the client resumes on another', async () => {
    const [a, b, c] = (await startFleet()) as [Instance, Instance, Instance];
    const client = await a.open();
    expect((await subscribeThrough(a, client, '/rooms/1')).status).toBe(200);
    await client.nextFrame('open');

    // The app keeps publishing, through instances that stay up, while A dies and the client moves.
    let published = 0;
    let publishing = true;
    const publisher = (async () => {
      while (publishing) {
        published += 1;
        const through = published % 2 === 0 ? b : c;
        await through.multiplexer.publish('/rooms/1', { data: `e${published}`, id: String(published) });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await client.nextFrame('event', (frame) => Number(frame.id) >= 20);
    await a.kill();
    const before = eventsSeen(client, '/rooms/1');
    const lastSeen = client.framesOf('event', '/rooms/1').at(-1)!.id;
    // Until more than 20 events have gone out while no instance holds the client's stream (a
    // fixed wait published too few of them when the machine was busy).
    await waitUntil(() => published - before.length > 25, 'events published while the client is away');

    const resumed = await b.open();
    expect((await subscribeThrough(c, resumed, '/rooms/1', lastSeen)).status).toBe(200);
    const resumedTarget = published + 20;
    await resumed.nextFrame('event', (frame) => Number(frame.id) >= resumedTarget);
    publishing = false;
    await publisher;
    const total = published;
    await waitUntil(() => resumed.framesOf('event', '/rooms/1').some((frame) => Number(frame.id) === total), `event ${total}`);

    const seen = [...before, ...eventsSeen(resumed, '/rooms/1')];
    expect(seen).toEqual(Array.from({ length: total }, (_, index) => `e${index + 1}@${index + 1}`));
    expect(before.length).toBeGreaterThanOrEqual(20);
    // Some of them were published while no instance held the client's stream: only Redis had them.
    expect(total - before.length).toBeGreaterThan(20);
  });

  it('delivers what was published while its pub/sub connection to Redis was down, once', async () => {
    const [a, b] = (await startFleet(2)) as [Instance, Instance];
    const client = await a.open();
    expect((await subscribeThrough(b, client, '/rooms/5')).status).toBe(200);
    await client.nextFrame('open');
    await b.multiplexer.publish('/rooms/5', { data: 'e1', id: '1' });
    await client.nextFrame('event');

    const inspector = createClient({ url: redis.url });
    await inspector.connect();
    try {
      // Every instance's pub/sub connection drops; the events go out before they can resubscribe.
      await inspector.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
      for (let id = 2; id <= 6; id += 1) await b.multiplexer.publish('/rooms/5', { data: `e${id}`, id: String(id) });
    } finally {
      await inspector.close();
    }
    await waitUntil(() => client.framesOf('event', '/rooms/5').length >= 6, 'the events published during the outage');
    await b.multiplexer.publish('/rooms/5', { data: 'e7', id: '7' });
    await waitUntil(() => client.framesOf('event', '/rooms/5').length >= 7, 'the event published after the outage');
    expect(eventsSeen(client, '/rooms/5')).toEqual(['e1@1', 'e2@2', 'e3@3', 'e4@4', 'e5@5', 'e6@6', 'e7@7']);
  });

  it('replays from Redis, so an instance that never saw the events can resume a client', async () => {
    const [a, b] = (await startFleet(2)) as [Instance, Instance];
    for (let id = 1; id <= 5; id += 1) await a.multiplexer.publish('/rooms/3', { data: `e${id}`, id: String(id) });
    const client = await b.open();
    expect((await subscribeThrough(b, client, '/rooms/3', '2')).status).toBe(200);
    expect(await waitForEvents(client, '/rooms/3', 3)).toEqual(['e3@3', 'e4@4', 'e5@5']);
  });

  it('sends an event published between listening and reading the history once, not twice', async () => {
    const backplane = redisBackplane({ url: redis.url, keyPrefix: `race-${randomBytes(6).toString('hex')}`, onError: () => undefined });
    await backplane.publish('/rooms/1', { data: 'seen', id: '1' });
    // The worst moment: live delivery is on, and the history read has not started yet.
    const racing = {
      ...backplane,
      async replay(topic: string, lastEventId: string) {
        await backplane.publish(topic, { data: 'in between', id: '2' });
        return backplane.replay(topic, lastEventId);
      },
    };
    const multiplexer = createMultiplexer({ allow: [], publish: ['/rooms/:id'], backplane: racing });
    const server = await listen((req, res) => multiplexer.node(req, res));
    const client = await openHubClient(`${server.origin}/__sse_hub`);
    try {
      await client.post({ connection: client.connection, subscribe: [{ topic: '/rooms/1', lastEventId: '1' }] });
      await client.nextFrame('event');
      await backplane.publish('/rooms/1', { data: 'after', id: '3' });
      expect(await waitForEvents(client, '/rooms/1', 1)).toEqual(['in between@2', 'after@3']);
    } finally {
      client.disconnect();
      await multiplexer.close();
      await server.close();
    }
  });

  it('shuts down quietly: close() with subscribed clients reports no Redis error', async () => {
    const errors: unknown[] = [];
    const backplane = redisBackplane({ url: redis.url, keyPrefix: `quiet-${randomBytes(6).toString('hex')}`, onError: (error) => errors.push(error) });
    const multiplexer = createMultiplexer({ allow: [], publish: ['/rooms/:id'], backplane });
    const server = await listen((req, res) => multiplexer.node(req, res));
    const client = await openHubClient(`${server.origin}/__sse_hub`);
    await client.post({ connection: client.connection, subscribe: ['/rooms/1', '/rooms/2'] });
    await client.nextFrame('open');
    await client.nextFrame('open');
    await multiplexer.publish('/rooms/1', { data: 'x', id: '1' });
    await client.nextFrame('event');
    await multiplexer.close();
    // The multiplexer ended the stream itself.
    await waitUntil(() => client.ended, 'the stream to end');
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
  });

  it('caps each topic at eventsPerTopic in Redis and lets go of its connections on close()', async () => {
    const prefix = `cap-${randomBytes(6).toString('hex')}`;
    const capped = await startInstance('capped', redis.url, prefix);
    instances.push(capped);
    const small = redisBackplane({ url: redis.url, keyPrefix: prefix, eventsPerTopic: 3, onError: () => undefined });
    for (let id = 1; id <= 6; id += 1) await small.publish('/rooms/9', { data: `e${id}`, id: String(id) });
    expect((await small.replay('/rooms/9', 'gone')).map((entry) => entry.event.id)).toEqual(['4', '5', '6']);

    const inspector = createClient({ url: redis.url });
    await inspector.connect();
    try {
      expect(await inspector.sendCommand(['XLEN', `${prefix}:history:/rooms/9`])).toBe(3);
      const ttl = Number(await inspector.sendCommand(['TTL', `${prefix}:history:/rooms/9`]));
      expect(ttl).toBeGreaterThan(86_000);
      const listClients = async (): Promise<number> => countClients(String(await inspector.sendCommand(['CLIENT', 'LIST'])));
      // Each backplane holds two connections (commands and pub/sub), the inspector one.
      expect(await listClients()).toBe(5);
      await small.close();
      await capped.close();
      // Redis drops a connection just after it answers QUIT, so the count may lag for a moment.
      let after = await listClients();
      for (let attempt = 0; after !== 1 && attempt < 100; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await listClients();
      }
      expect(after).toBe(1);
    } finally {
      await inspector.close();
    }
  });
});

function countClients(list: string): number {
  return list.split('\n').filter((line) => line.startsWith('id=')).length;
}
