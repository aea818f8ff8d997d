import { afterEach, describe, expect, it } from 'vitest';
import { createMultiplexer } from '../../src/server/index.js';
import { createLocalBackplane } from '../../src/server/local-backplane.js';
import { MAX_QUEUED_PUBLISHED_EVENTS, publishedEvents } from '../../src/server/published-source.js';
import { startStack } from './support/loopback.js';
import type { HubClient, Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

async function subscribe(client: HubClient, topic: string, lastEventId?: string): Promise<void> {
  const answer = await client.post({
    connection: client.connection,
    subscribe: [lastEventId === undefined ? topic : { topic, lastEventId }],
  });
  expect(answer).toEqual({ status: 200, body: { accepted: [topic], refused: [] } });
  await client.nextFrame('open', (frame) => frame.topic === topic);
}

async function eventsOf(client: HubClient, topic: string, count: number): Promise<string[]> {
  const data: string[] = [];
  for (let index = 0; index < count; index += 1) {
    data.push((await client.nextFrame('event', (frame) => frame.topic === topic)).data);
  }
  return data;
}

describe('multiplexer.publish()', () => {
  it('delivers published events to every subscriber of the topic, with no upstream request and no resolve call', async () => {
    const asked: string[] = [];
    stack = await startStack({
      // Published topics need not be on `allow`: declaring them allows them.
      allow: ['/rows/:id/events'],
      publish: ['/rooms/:id'],
      resolve: (topic) => {
        asked.push(topic);
        return undefined;
      },
    });
    const alice = await stack.open();
    const bob = await stack.open();
    await subscribe(alice, '/rooms/1');
    await subscribe(bob, '/rooms/1');
    await subscribe(bob, '/rooms/2');

    await stack.multiplexer.publish('/rooms/1', { data: 'hello', id: 'r1-1' });
    await stack.multiplexer.publish('/rooms/2', { type: 'joined', data: 'carol', id: 'r2-1' });
    await stack.multiplexer.publish('/rooms/1', { data: 'line\nbreak' });

    expect(await alice.nextFrame('event')).toEqual({ kind: 'event', topic: '/rooms/1', number: 0, type: 'message', data: 'hello', id: 'r1-1' });
    // An event without an id keeps the id in force, as EventSource does.
    expect(await alice.nextFrame('event')).toEqual({ kind: 'event', topic: '/rooms/1', number: 0, type: 'message', data: 'line\nbreak', id: 'r1-1' });
    expect(await eventsOf(bob, '/rooms/1', 2)).toEqual(['hello', 'line\nbreak']);
    expect(await bob.nextFrame('event', (frame) => frame.topic === '/rooms/2')).toEqual({
      kind: 'event',
      topic: '/rooms/2',
      number: 1,
      type: 'joined',
      data: 'carol',
      id: 'r2-1',
    });
    expect(alice.framesOf('event', '/rooms/2')).toEqual([]);
    expect(stack.app.requests).toEqual([]);
    expect(asked).toEqual([]);
    expect(stack.multiplexer.stats()).toEqual({ connections: 2, topics: 3, upstreams: 3 });
  });

  it('replays what a resuming subscriber missed, after its Last-Event-ID, each event once', async () => {
    stack = await startStack({ publish: ['/rooms/:id'] });
    const first = await stack.open();
    await subscribe(first, '/rooms/1');
    await stack.multiplexer.publish('/rooms/1', { data: 'a', id: '1' });
    await stack.multiplexer.publish('/rooms/1', { data: 'b', id: '2' });
    expect(await eventsOf(first, '/rooms/1', 2)).toEqual(['a', 'b']);
    first.disconnect();

    // Published while no stream was open: only the buffer has them.
    await stack.multiplexer.publish('/rooms/1', { data: 'c', id: '3' });
    await stack.multiplexer.publish('/rooms/1', { data: 'd' });
    await stack.multiplexer.publish('/rooms/1', { data: 'e', id: '5' });

    const resumed = await stack.open();
    await subscribe(resumed, '/rooms/1', '2');
    expect(await eventsOf(resumed, '/rooms/1', 3)).toEqual(['c', 'd', 'e']);
    await stack.multiplexer.publish('/rooms/1', { data: 'f', id: '6' });
    expect(await resumed.nextFrame('event')).toMatchObject({ data: 'f', id: '6' });
    expect(resumed.framesOf('event').map((frame) => `${frame.data}@${frame.id}`)).toEqual(['c@3', 'd@3', 'e@5', 'f@6']);

    // A first subscription (no id) starts with what comes next, not with the history.
    const fresh = await stack.open();
    await subscribe(fresh, '/rooms/1');
    await stack.multiplexer.publish('/rooms/1', { data: 'g', id: '7' });
    expect(await fresh.nextFrame('event')).toMatchObject({ data: 'g', id: '7' });
    expect(fresh.framesOf('event')).toHaveLength(1);
  });

  it('keeps replayEventsPerTopic events per topic: an id that fell out replays everything kept', async () => {
    stack = await startStack({ publish: ['/rooms/:id'], replayEventsPerTopic: 3 });
    for (let id = 1; id <= 6; id += 1) await stack.multiplexer.publish('/rooms/1', { data: `e${id}`, id: String(id) });

    const withinBound = await stack.open();
    await subscribe(withinBound, '/rooms/1', '4');
    expect(await eventsOf(withinBound, '/rooms/1', 2)).toEqual(['e5', 'e6']);

    // Ids 1 to 3 are gone: the client gets the 3 kept events, and the gap is the bound's cost.
    const tooOld = await stack.open();
    await subscribe(tooOld, '/rooms/1', '2');
    expect(await eventsOf(tooOld, '/rooms/1', 3)).toEqual(['e4', 'e5', 'e6']);
  });

  it('keeps the history of replayTopics topics, dropping the one published to longest ago', async () => {
    stack = await startStack({ publish: ['/rooms/:id'], replayTopics: 2 });
    await stack.multiplexer.publish('/rooms/1', { data: 'one', id: '1' });
    await stack.multiplexer.publish('/rooms/2', { data: 'two', id: '1' });
    await stack.multiplexer.publish('/rooms/1', { data: 'one again', id: '2' });
    await stack.multiplexer.publish('/rooms/3', { data: 'three', id: '1' });

    const client = await stack.open();
    await subscribe(client, '/rooms/1', '1');
    await subscribe(client, '/rooms/2', '0');
    await subscribe(client, '/rooms/3', '0');
    expect(await client.nextFrame('event', (frame) => frame.topic === '/rooms/1')).toMatchObject({ data: 'one again' });
    expect(await client.nextFrame('event', (frame) => frame.topic === '/rooms/3')).toMatchObject({ data: 'three' });
    await stack.multiplexer.publish('/rooms/2', { data: 'live', id: '2' });
    // `/rooms/2` was evicted: its first event after the subscription is the live one.
    expect(await client.nextFrame('event', (frame) => frame.topic === '/rooms/2')).toMatchObject({ data: 'live' });
  });

  it('stops delivering after unsubscribe, and refuses topics and events it cannot publish', async () => {
    stack = await startStack({ publish: ['/rooms/:id'] });
    const client = await stack.open();
    await subscribe(client, '/rooms/1');
    await client.post({ connection: client.connection, unsubscribe: ['/rooms/1'] });
    await stack.multiplexer.publish('/rooms/1', { data: 'after', id: '1' });
    await subscribe(client, '/rooms/2');
    await stack.multiplexer.publish('/rooms/2', { data: 'marker', id: '1' });
    await client.nextFrame('event', (frame) => frame.topic === '/rooms/2');
    expect(client.framesOf('event', '/rooms/1')).toEqual([]);
    expect(stack.multiplexer.stats()).toMatchObject({ topics: 1, upstreams: 1 });

    await expect(stack.multiplexer.publish('/rows/1/events', { data: 'x' })).rejects.toThrow(
      'publish: "/rows/1/events" matches none of the publish patterns',
    );
    await expect(stack.multiplexer.publish('/rooms/1', { data: 'x', id: 'a\nb' })).rejects.toThrow(
      'publish: an event is { data: string, type?: string, id?: string }',
    );
    await expect(stack.multiplexer.publish('/rooms/1', { data: 42 } as never)).rejects.toThrow(TypeError);
  });

  it('serves published topics through the fetch adapter too, which has no upstream origin to proxy to', async () => {
    const multiplexer = createMultiplexer({ allow: [], publish: ['/rooms/:id'] });
    const abort = new AbortController();
    const response = await multiplexer.fetch(
      new Request('http://app.test/__sse_hub', { headers: { accept: 'text/event-stream' }, signal: abort.signal }),
    );
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${JSON.stringify(needle)}`);
        text += value;
      }
    };
    try {
      await readUntil('"connection"');
      const connection = /"connection":"([^"]+)"/.exec(text)?.[1];
      const answer = await multiplexer.fetch(
        new Request('http://app.test/__sse_hub', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ connection, subscribe: ['/rooms/1'] }),
        }),
      );
      expect(await answer.json()).toEqual({ accepted: ['/rooms/1'], refused: [] });
      await readUntil('"kind":"open"');
      await multiplexer.publish('/rooms/1', { data: 'hi', id: 'r-1' });
      await readUntil('data: hi\n\n');
      expect(text).toContain('event: sse-hub\ndata: {"kind":"subscribed","topic":"/rooms/1","number":0}\n\n');
      expect(text).toContain('id: r-1\ntopic: 0\ndata: hi\n\n');
    } finally {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await multiplexer.close();
    }
  });

  it(`drops a subscriber that falls ${MAX_QUEUED_PUBLISHED_EVENTS} events behind instead of queueing without bound`, async () => {
    const backplane = createLocalBackplane({ eventsPerTopic: 1, topics: 1 });
    const abort = new AbortController();
    const events = publishedEvents(backplane, '/rooms/1', '', abort.signal);
    // The first next() starts listening; nothing is read after that while the publisher runs ahead.
    const first = events.next();
    await backplane.publish('/rooms/1', { data: '0' });
    expect(await first).toEqual({ done: false, value: { data: '0' } });
    for (let index = 1; index <= MAX_QUEUED_PUBLISHED_EVENTS + 1; index += 1) await backplane.publish('/rooms/1', { data: String(index) });

    let delivered = 0;
    await expect(
      (async () => {
        for await (const _ of events) delivered += 1;
      })(),
    ).rejects.toThrow(`subscriber of /rooms/1 fell ${MAX_QUEUED_PUBLISHED_EVENTS} events behind`);
    // What was queued is delivered first; the one that did not fit is why the topic ends.
    expect(delivered).toBe(MAX_QUEUED_PUBLISHED_EVENTS);
  });

  it('throws at creation on bad replay bounds or publish patterns', async () => {
    expect(() => createMultiplexer({ allow: ['/a'], replayEventsPerTopic: 0 })).toThrow('replayEventsPerTopic must be a positive integer, got 0');
    expect(() => createMultiplexer({ allow: ['/a'], replayTopics: 1.5 })).toThrow('replayTopics must be a positive integer, got 1.5');
    expect(() => createMultiplexer({ allow: ['/a'], publish: ['rooms'] })).toThrow('must be a path starting with a single "/"');
    expect(() => createMultiplexer({ allow: ['/a'], backplane: createLocalBackplane({ eventsPerTopic: 1, topics: 1 }), replayTopics: 5 })).toThrow(
      'replayEventsPerTopic and replayTopics bound the in-process history; with a backplane, set its own bound',
    );
  });
});
