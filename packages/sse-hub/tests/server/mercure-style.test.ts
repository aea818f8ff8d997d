/**
 * `mergeTopics` against a real HTTP/1.1 server that speaks Mercure's subscribe protocol
 * (support/mercure-style-server.ts): the hub's own fetch-based reader in Node, the real
 * network on 127.0.0.1, one connection for every topic, and nothing lost or doubled when the
 * topic set changes while updates are being published.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/hub/hub.js';
import { startMercureStyleServer, type MercureStyleServer, MERCURE_PATH } from './support/mercure-style-server.js';
import { waitUntil } from './support/loopback.js';

let server: MercureStyleServer | undefined;
let hub: Hub | undefined;

afterEach(async () => {
  hub?.close();
  hub = undefined;
  await server?.close();
  server = undefined;
});

/** A hub on a page of the server's origin, whose updates name their resource as API Platform's do. */
async function mercureHub(): Promise<{ server: MercureStyleServer; hub: Hub }> {
  server = await startMercureStyleServer();
  hub = createHub(
    { mergeTopics: [{ url: MERCURE_PATH, param: 'topic', topicOf: (event) => (JSON.parse(event.data) as { '@id': string })['@id'] }] },
    { fetch: (url, init) => fetch(url, init), baseUrl: () => `${server!.origin}/books` },
  );
  return { server, hub };
}

function subscribe(target: Hub, topic: string): string[] {
  const seen: string[] = [];
  const source = target.sharedEventSource(`${MERCURE_PATH}?topic=${encodeURIComponent(topic)}`);
  source.addEventListener('message', (event) => seen.push((JSON.parse(String(event.data)) as { n: number }).n.toString()));
  return seen;
}

describe('mergeTopics against a Mercure-style server', () => {
  it('serves three topics over one connection, each subscriber getting its own updates only', async () => {
    const { server: mercure, hub: page } = await mercureHub();
    const seen = ['/books/1', '/books/2', '/books/3'].map((topic) => subscribe(page, topic));
    await waitUntil(() => mercure.openStreams === 1, 'the merged stream');
    mercure.publish(['/books/2'], '{"@id":"/books/2","n":1}');
    mercure.publish(['/books/1'], '{"@id":"/books/1","n":2}');
    mercure.publish(['/books/3'], '{"@id":"/books/3","n":3}');
    mercure.publish(['/authors/1'], '{"@id":"/authors/1","n":4}');
    await waitUntil(() => seen.every((list) => list.length === 1), 'one update per subscriber');
    expect(seen).toEqual([['2'], ['1'], ['3']]);
    expect(mercure.requests).toEqual([{ topics: ['/books/1', '/books/2', '/books/3'], lastEventId: undefined }]);
    expect(mercure.openStreams).toBe(1);
  });

  it('loses and doubles nothing across the reopen when a topic joins, and still holds one connection', async () => {
    const { server: mercure, hub: page } = await mercureHub();
    const first = subscribe(page, '/books/1');
    await waitUntil(() => mercure.openStreams === 1, 'the first stream');
    mercure.publish(['/books/1'], '{"@id":"/books/1","n":1}');
    await waitUntil(() => first.length === 1, 'the first update');
    // Published when the hub has closed its stream for the change and asks for the new one:
    // only the replay after the last delivered update can bring them.
    mercure.onNextStreamRequest(() => {
      mercure.publish(['/books/1'], '{"@id":"/books/1","n":2}');
      mercure.publish(['/books/2'], '{"@id":"/books/2","n":3}');
    });
    const second = subscribe(page, '/books/2');
    await waitUntil(() => first.length === 2 && second.length === 1, 'the updates published during the change');
    await waitUntil(() => mercure.openStreams === 1, 'the reopened stream alone');
    mercure.publish(['/books/2'], '{"@id":"/books/2","n":4}');
    mercure.publish(['/books/1'], '{"@id":"/books/1","n":5}');
    await waitUntil(() => first.length === 3 && second.length === 2, 'the updates published after the change');
    expect(first).toEqual(['1', '2', '5']);
    expect(second).toEqual(['3', '4']);
    expect(mercure.requests).toEqual([
      { topics: ['/books/1'], lastEventId: undefined },
      { topics: ['/books/1', '/books/2'], lastEventId: 'urn:update:1' },
    ]);
  });

  it('keeps every update of a topic across a change made while updates are published', async () => {
    const { server: mercure, hub: page } = await mercureHub();
    const first = subscribe(page, '/books/1');
    await waitUntil(() => mercure.openStreams === 1, 'the first stream');
    const second = subscribe(page, '/books/2');
    // Written to the old stream's socket while the hub closes it: some arrive there, the rest by replay.
    for (let n = 1; n <= 40; n++) mercure.publish([n % 2 === 0 ? '/books/1' : '/books/2'], `{"@id":"/books/${n % 2 === 0 ? 1 : 2}","n":${n}}`);
    await waitUntil(() => first.length === 20 && mercure.requests.length === 2, 'every update of /books/1');
    mercure.publish(['/books/2'], '{"@id":"/books/2","n":41}');
    await waitUntil(() => second.at(-1) === '41', 'an update of /books/2 after the change');
    expect(first).toEqual(Array.from({ length: 20 }, (_, index) => String(2 * (index + 1))));
    // /books/2, like a new EventSource, gets what comes once its stream is open, and those of its
    // updates published after the last one the old stream delivered: each once, in order.
    const numbers = second.map(Number);
    expect(numbers.every((n) => n % 2 === 1)).toBe(true);
    expect(numbers).toEqual([...new Set(numbers)].sort((x, y) => x - y));
  });
});
