import { afterEach, describe, expect, it } from 'vitest';
import type { MultiplexerEvent, MultiplexerOptions } from '../../src/server/index.js';
import { startStack, waitUntil } from './support/loopback.js';
import type { Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/**
 * An async iterable the test feeds by hand, which records when it stops. Given a signal
 * it stops on abort, as real sources must: a generator suspended in an `await` cannot be
 * stopped from outside.
 */
function manualSource(signal?: AbortSignal) {
  const queue: MultiplexerEvent[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  signal?.addEventListener('abort', () => source.end());
  const source = {
    released: false,
    push(event: MultiplexerEvent) {
      queue.push(event);
      wake?.();
    },
    end() {
      ended = true;
      wake?.();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<MultiplexerEvent> {
      try {
        for (;;) {
          while (queue.length > 0) yield queue.shift()!;
          if (ended) return;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        source.released = true;
      }
    },
  };
  return source;
}

describe('topics served by resolve()', () => {
  it('streams what resolve yields, and proxies the topics it declines', async () => {
    const feed = manualSource();
    const seen: { topic: string; url: string; cookie: string | null; lastEventId: string | null }[] = [];
    const resolve: MultiplexerOptions['resolve'] = (topic, request) => {
      seen.push({
        topic,
        url: request.url,
        cookie: request.headers.get('cookie'),
        lastEventId: request.headers.get('last-event-id'),
      });
      return topic.startsWith('/feed') ? feed : undefined;
    };
    stack = await startStack({ allow: ['/feed', '/rows/:id/events'], resolve });
    const client = await stack.open({ cookie: 'session=alice' });

    await client.post({
      connection: client.connection,
      subscribe: [{ topic: '/feed', lastEventId: 'f-9' }, '/rows/1/events'],
    });
    await client.nextFrame('open', (frame) => frame.topic === '/feed');
    feed.push({ data: 'hello' });
    feed.push({ type: 'update', data: 'a\nb', id: 'f-10' });
    feed.push({ data: 'keeps the id' });

    expect(await client.nextFrame('event', (frame) => frame.topic === '/feed')).toEqual({
      kind: 'event',
      topic: '/feed',
      number: 0,
      type: 'message',
      data: 'hello',
      id: 'f-9',
    });
    expect(await client.nextFrame('event', (frame) => frame.topic === '/feed')).toEqual({
      kind: 'event',
      topic: '/feed',
      number: 0,
      type: 'update',
      data: 'a\nb',
      id: 'f-10',
    });
    expect(await client.nextFrame('event', (frame) => frame.topic === '/feed')).toMatchObject({ id: 'f-10' });

    // The declined topic went to the app's own route.
    await client.nextFrame('open', (frame) => frame.topic === '/rows/1/events');
    expect(stack.app.requests.map((request) => request.path)).toEqual(['/rows/1/events']);

    expect(seen).toEqual([
      { topic: '/feed', url: `${stack.origin}/feed`, cookie: 'session=alice', lastEventId: 'f-9' },
      { topic: '/rows/1/events', url: `${stack.origin}/rows/1/events`, cookie: 'session=alice', lastEventId: null },
    ]);
  });

  it("hands resolve a lastEventId outside Latin-1 as the route's Last-Event-ID header would read", async () => {
    let header: string | null = null;
    stack = await startStack({
      allow: ['/feed'],
      resolve: (_, request) => {
        header = request.headers.get('last-event-id');
        return manualSource();
      },
    });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [{ topic: '/feed', lastEventId: '\u2713-9' }] });
    // A Headers object cannot hold U+2713: this used to fail the topic with "source failed".
    await client.nextFrame('open');
    expect(Buffer.from(header ?? '', 'latin1').toString('utf8')).toBe('\u2713-9');
  });

  it('sends the line breaks of resolved data as EventSource would report them: CRLF and CR become LF', async () => {
    const feed = manualSource();
    stack = await startStack({ allow: ['/feed'], resolve: () => feed });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/feed'] });
    await client.nextFrame('open');
    feed.push({ data: 'one\r\ntwo\rthree\n', id: 'f-1' });

    expect(await client.nextFrame('event')).toEqual({ kind: 'event', topic: '/feed', number: 0, type: 'message', data: 'one\ntwo\nthree\n', id: 'f-1' });
    expect(client.text).toContain('id: f-1\ntopic: 0\ndata: one\ndata: two\ndata: three\ndata: \n\n');
  });

  it('still applies the allow-list before calling resolve', async () => {
    const asked: string[] = [];
    stack = await startStack({
      allow: ['/feed'],
      resolve: (topic) => {
        asked.push(topic);
        return manualSource();
      },
    });
    const client = await stack.open();
    const answer = await client.post({ connection: client.connection, subscribe: ['/secret'] });
    expect(answer.body.refused).toEqual([{ topic: '/secret', status: 403, reason: 'topic is not on the allow-list' }]);
    expect(asked).toEqual([]);
  });

  it('closes the topic with 204 when the source ends', async () => {
    const feed = manualSource();
    stack = await startStack({ allow: ['/feed'], resolve: () => feed });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/feed'] });
    feed.push({ data: 'last' });
    feed.end();

    expect(await client.nextFrame('closed')).toEqual({ kind: 'closed', topic: '/feed', status: 204, reason: 'source ended' });
    expect(client.framesOf('event').map((frame) => frame.data)).toEqual(['last']);
  });

  it('closes the topic with 500 when resolve or the source throws, without leaking the message', async () => {
    stack = await startStack({
      allow: ['/feed/:kind'],
      resolve: async (topic) => {
        if (topic === '/feed/throws') throw new Error('database password is hunter2');
        return (async function* () {
          yield { data: 'first' };
          throw new Error('internal detail');
        })();
      },
    });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/feed/throws', '/feed/fails-later'] });

    expect(await client.nextFrame('closed', (frame) => frame.topic === '/feed/throws')).toEqual({
      kind: 'closed',
      topic: '/feed/throws',
      status: 500,
      reason: 'source failed',
    });
    expect(await client.nextFrame('closed', (frame) => frame.topic === '/feed/fails-later')).toMatchObject({
      status: 500,
      reason: 'source failed',
    });
    expect(client.framesOf('event', '/feed/fails-later').map((frame) => frame.data)).toEqual(['first']);
  });

  it('aborts the signal on unsubscribe, so the source can stop', async () => {
    let feed: ReturnType<typeof manualSource> | undefined;
    let signal: AbortSignal | undefined;
    stack = await startStack({
      allow: ['/feed'],
      resolve: (_topic, _request, topicSignal) => {
        signal = topicSignal;
        feed = manualSource(topicSignal);
        return feed;
      },
    });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/feed'] });
    await client.nextFrame('open');
    expect(signal?.aborted).toBe(false);

    await client.post({ connection: client.connection, unsubscribe: ['/feed'] });
    expect(signal?.aborted).toBe(true);
    await waitUntil(() => feed?.released, 'the source generator to run its finally block');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the source to finish');
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 0, upstreams: 0 });
    expect(client.framesOf('closed')).toEqual([]);
  });

  it('does not let a source that ignores the signal hold up the teardown', async () => {
    const stuck = manualSource();
    stack = await startStack({ allow: ['/feed'], resolve: () => stuck });
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/feed'] });
    await client.nextFrame('open');

    client.disconnect();
    await waitUntil(() => stack!.multiplexer.stats().connections === 0, 'the connection to close');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the source task to settle');
    await stack.multiplexer.close();
    // The generator is still parked in its await; only the signal could have reached it.
    expect(stuck.released).toBe(false);
  });
});
