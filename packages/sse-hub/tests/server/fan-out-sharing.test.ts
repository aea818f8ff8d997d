/**
 * Issue 14, one upstream per (caller, topic): a caller's streams and tabs share each proxied
 * topic's request, refcounted, without replaying to a late joiner what it did not ask for and
 * without breaking a resume. Real app server and real sockets on 127.0.0.1.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, waitUntil } from './support/loopback.js';
import type { HubClient, Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const TOPIC = '/rows/1/events';
const ALICE = { cookie: 'session=alice' };
const rows = (count: number): string[] => Array.from({ length: count }, (_, index) => `/rows/${index}/events`);

async function subscribe(client: HubClient, entries: (string | { topic: string; lastEventId: string })[]): Promise<string[]> {
  const answer = await client.post({ connection: client.connection, subscribe: entries });
  expect(answer.status).toBe(200);
  expect(answer.body.refused).toEqual([]);
  for (const topic of answer.body.accepted ?? []) await client.nextFrame('open', (frame) => frame.topic === topic);
  return answer.body.accepted ?? [];
}

const eventsOf = (client: HubClient, topic: string): { data: string; id: string }[] =>
  client.framesOf('event', topic).map((frame) => ({ data: frame.data, id: frame.id }));

describe('one upstream per caller and topic', () => {
  it('serves 64 topics in 3 tabs of one caller with 64 upstream requests, not 192', async () => {
    stack = await startStack();
    const before = readdirSync('/proc/self/fd').length;
    const tabs = [await stack.open(ALICE), await stack.open(ALICE), await stack.open(ALICE)];
    for (const tab of tabs) expect(await subscribe(tab, rows(64))).toHaveLength(64);
    await waitUntil(() => stack!.app.requests.length >= 64, 'the upstream requests');
    const added = readdirSync('/proc/self/fd').length - before;
    console.log(`3 tabs × 64 proxied topics: ${stack.app.requests.length} upstream requests, ${added} descriptors added`);

    expect(stack.app.requests).toHaveLength(64);
    // Two per upstream and two per tab (both ends in this process); 192 requests would be 390.
    expect(added).toBeLessThanOrEqual(2 * 64 + 2 * 3 + 10);
    stack.app.requestsTo('/rows/7/events')[0]!.send({ data: 'to all', id: '1' });
    for (const tab of tabs) expect(await tab.nextFrame('event', (frame) => frame.topic === '/rows/7/events')).toMatchObject({ data: 'to all' });
  });

  it('never shares between different credentials', async () => {
    stack = await startStack();
    const alice = await stack.open(ALICE);
    const bob = await stack.open({ cookie: 'session=bob' });
    await subscribe(alice, [TOPIC]);
    await subscribe(bob, [TOPIC]);
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'a request per caller');
    expect(stack.app.requestsTo(TOPIC).map((request) => request.headers.cookie)).toEqual(['session=alice', 'session=bob']);
    stack.app.requestsTo(TOPIC)[1]!.send({ data: 'for bob only', id: 'b1' });
    await bob.nextFrame('event');
    expect(eventsOf(alice, TOPIC)).toEqual([]);
  });

  it('gives a late joiner the events from its subscription on, none before', async () => {
    stack = await startStack();
    const tab1 = await stack.open(ALICE);
    await subscribe(tab1, [TOPIC]);
    const [upstream] = stack.app.requestsTo(TOPIC);
    upstream!.send({ data: 'before', id: '1' });
    await tab1.nextFrame('event');

    const tab2 = await stack.open(ALICE);
    await subscribe(tab2, [TOPIC]);
    upstream!.send({ data: 'after', id: '2' });
    await tab2.nextFrame('event');
    await tab1.nextFrame('event');

    expect(stack.app.requestsTo(TOPIC)).toHaveLength(1);
    expect(eventsOf(tab2, TOPIC)).toEqual([{ data: 'after', id: '2' }]);
    expect(eventsOf(tab1, TOPIC)).toEqual([
      { data: 'before', id: '1' },
      { data: 'after', id: '2' },
    ]);
  });

  it('joins a resume at the upstream\'s own id, and gives an older one a request with its Last-Event-ID', async () => {
    stack = await startStack();
    const tab1 = await stack.open(ALICE);
    await subscribe(tab1, [TOPIC]);
    const [shared] = stack.app.requestsTo(TOPIC);
    shared!.send({ data: 'one', id: '1' });
    shared!.send({ data: 'two', id: '2' });
    await waitUntil(() => eventsOf(tab1, TOPIC).length === 2, 'both events');

    const current = await stack.open(ALICE);
    await subscribe(current, [{ topic: TOPIC, lastEventId: '2' }]);
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(1);

    const behind = await stack.open(ALICE);
    await subscribe(behind, [{ topic: TOPIC, lastEventId: '1' }]);
    await waitUntil(() => stack!.app.requestsTo(TOPIC).length === 2, 'a request of its own');
    const own = stack.app.requestsTo(TOPIC)[1]!;
    expect(own.headers['last-event-id']).toBe('1');
    // The route replays what it missed on its own request; the shared one does not reach it twice.
    own.send({ data: 'two', id: '2' });
    await behind.nextFrame('event');
    shared!.send({ data: 'three', id: '3' });
    await current.nextFrame('event');
    expect(eventsOf(behind, TOPIC)).toEqual([{ data: 'two', id: '2' }]);
    expect(eventsOf(current, TOPIC)).toEqual([{ data: 'three', id: '3' }]);
  });

  it('keeps the upstream while a subscriber is left, closes it with the last, and frees its slot then', async () => {
    stack = await startStack({ maxUpstreamsPerCaller: 1 });
    const tab1 = await stack.open(ALICE);
    const tab2 = await stack.open(ALICE);
    await subscribe(tab1, [TOPIC]);
    await subscribe(tab2, [TOPIC]);
    const [upstream] = stack.app.requestsTo(TOPIC);

    // The opener leaves first: the request stays for tab2, and so does its one slot.
    await tab1.post({ connection: tab1.connection, unsubscribe: [TOPIC] });
    upstream!.send({ data: 'still here', id: '1' });
    expect(await tab2.nextFrame('event')).toMatchObject({ data: 'still here' });
    expect(upstream!.closed).toBe(false);
    const full = await tab2.post({ connection: tab2.connection, subscribe: ['/rows/2/events'] });
    expect(full.body.refused?.map((refusal) => refusal.status)).toEqual([429]);

    await tab2.post({ connection: tab2.connection, unsubscribe: [TOPIC] });
    await waitUntil(() => upstream!.closed, 'the app to see the shared request close');
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 0, 'the sources to settle');
    expect(await subscribe(tab2, ['/rows/2/events'])).toEqual(['/rows/2/events']);
  });

  it('closes with 429 a topic whose upstream to join ended before it ran, when no slot is left', async () => {
    let releaseSecond: () => void = () => undefined;
    let calls = 0;
    stack = await startStack({
      maxUpstreamsPerCaller: 1,
      // The second resolution of TOPIC waits, long enough for the upstream it meant to join to end.
      resolve: async (topic) => {
        if (topic === TOPIC && ++calls === 2) await new Promise<void>((resolve) => (releaseSecond = resolve));
        return undefined;
      },
    });
    const tab1 = await stack.open(ALICE);
    const tab2 = await stack.open(ALICE);
    await subscribe(tab1, [TOPIC]);
    const joining = await tab2.post({ connection: tab2.connection, subscribe: [TOPIC] });
    expect(joining.body).toEqual({ accepted: [TOPIC], refused: [] });

    await tab1.post({ connection: tab1.connection, unsubscribe: [TOPIC] });
    await waitUntil(() => stack!.app.requestsTo(TOPIC)[0]?.closed, 'the shared request to close');
    // Only tab2's source, still in resolve, is left: the shared request and its slot are gone.
    await waitUntil(() => stack!.multiplexer.stats().upstreams === 1, 'tab1\'s source to settle');
    expect(await subscribe(tab1, ['/rows/2/events'])).toEqual(['/rows/2/events']);
    releaseSecond();

    expect(await tab2.nextFrame('closed')).toEqual({
      kind: 'closed',
      topic: TOPIC,
      status: 429,
      reason: 'maxUpstreamsPerCaller: a caller may hold at most 1 proxied upstreams; published or resolved topics need none',
    });
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(1);
  });

  it('ends the topic in every tab when the shared upstream ends it', async () => {
    stack = await startStack();
    const tab1 = await stack.open(ALICE);
    const tab2 = await stack.open(ALICE);
    await subscribe(tab1, [TOPIC]);
    await subscribe(tab2, [TOPIC]);
    stack.app.script(TOPIC, [{ status: 404 }]);
    stack.app.requestsTo(TOPIC)[0]!.end();
    for (const tab of [tab1, tab2]) {
      expect(await tab.nextFrame('closed')).toEqual({ kind: 'closed', topic: TOPIC, status: 404, reason: 'upstream refused (404)' });
    }
    expect(stack.app.requestsTo(TOPIC)).toHaveLength(2);
  });
});
