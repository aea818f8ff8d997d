/**
 * `mergeTopics`: subscribers of a server that takes its topics as a repeated query parameter
 * (a Mercure hub's `?topic=`) share one connection that asks for all their topics. Against the
 * scripted server; tests/server/mercure-style.test.ts runs the same against a real HTTP server
 * that speaks that protocol.
 */
import { describe, expect, it } from 'vitest';
import type { MergedTopicsRule } from '../../src/hub/options.js';
import { createTestHub, record } from './support/test-hub.js';

const MERCURE = 'https://app.test/.well-known/mercure';

/** Updates name their resource in their payload, as API Platform's do (`@id`). */
const byResource: MergedTopicsRule = {
  url: '/.well-known/mercure',
  param: 'topic',
  topicOf: (event) => (JSON.parse(event.data) as { '@id'?: string })['@id'],
};

function mercureHub(rule: Partial<MergedTopicsRule> = {}) {
  return createTestHub({ mergeTopics: [{ ...byResource, ...rule }] });
}

function topicsOf(url: string): string[] {
  return new URL(url).searchParams.getAll('topic');
}

describe('mergeTopics', () => {
  it('carries the subscribers of three topics on one connection that asks for all three, and routes by topicOf', async () => {
    const { hub, clock, server } = mercureHub();
    const seen = ['/books/1', '/books/2', '/books/3'].map((topic) => record(hub.sharedEventSource(`/.well-known/mercure?topic=${encodeURIComponent(topic)}`)));
    await clock.advance(0);
    expect(server.requests).toHaveLength(1);
    expect(server.last.url).toBe(`${MERCURE}?topic=%2Fbooks%2F1&topic=%2Fbooks%2F2&topic=%2Fbooks%2F3`);
    const stream = server.last.openStream();
    stream.event({ id: 'u1', data: '{"@id":"/books/2","title":"two"}' });
    stream.event({ id: 'u2', data: '{"@id":"/books/1","title":"one"}' });
    // An update topicOf names no subscribed topic for reaches nobody.
    stream.event({ id: 'u3', data: '{"@id":"/authors/9"}' });
    stream.event({ id: 'u4', data: '{"title":"no resource"}' });
    await clock.advance(0);
    expect(seen).toEqual([
      ['open', 'message:{"@id":"/books/1","title":"one"}'],
      ['open', 'message:{"@id":"/books/2","title":"two"}'],
      ['open'],
    ]);
    expect(hub.stats()).toEqual({ connections: 1, topics: 3, subscribers: 3 });
  });

  it('opens the new set with Last-Event-ID beside the old connection, which serves until the new one is open, and delivers nothing twice', async () => {
    const { hub, clock, server } = mercureHub();
    const first = record(hub.sharedEventSource('/.well-known/mercure?topic=/a'));
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.event({ id: 'u7', data: '{"@id":"/a","n":1}' });
    await clock.advance(0);
    const second = record(hub.sharedEventSource('/.well-known/mercure?topic=/b'));
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    expect(topicsOf(server.last.url)).toEqual(['/a', '/b']);
    expect(server.last.headers.get('last-event-id')).toBe('u7');
    // The old connection still serves while the new one connects.
    expect(server.requests[0]!.aborted).toBe(false);
    stream.event({ id: 'u8', data: '{"@id":"/a","n":2}' });
    await clock.advance(0);
    const reopened = server.last.openStream();
    await clock.advance(0);
    expect(server.requests[0]!.aborted).toBe(true);
    // The new connection replays what came after u7, u8 included, which the old one delivered.
    reopened.event({ id: 'u8', data: '{"@id":"/a","n":2}' });
    reopened.event({ id: 'u9', data: '{"@id":"/b","n":3}' });
    reopened.event({ id: 'u10', data: '{"@id":"/a","n":4}' });
    await clock.advance(0);
    expect(first).toEqual(['open', 'message:{"@id":"/a","n":1}', 'message:{"@id":"/a","n":2}', 'message:{"@id":"/a","n":4}']);
    expect(second).toEqual(['open', 'message:{"@id":"/b","n":3}']);
  });

  it('replaces a change that has not opened yet by the next one, keeping the serving connection', async () => {
    const { hub, clock, server } = mercureHub();
    hub.sharedEventSource('/.well-known/mercure?topic=/a');
    await clock.advance(0);
    server.last.openStream();
    hub.sharedEventSource('/.well-known/mercure?topic=/b');
    await clock.advance(0);
    hub.sharedEventSource('/.well-known/mercure?topic=/c');
    await clock.advance(0);
    expect(server.requests.map((request) => [topicsOf(request.url), request.aborted])).toEqual([
      [['/a'], false],
      [['/a', '/b'], true],
      [['/a', '/b', '/c'], false],
    ]);
  });

  it('batches the changes of one task into one reopen, and does not reopen for a topic already carried', async () => {
    const { hub, clock, server } = mercureHub();
    hub.sharedEventSource('/.well-known/mercure?topic=/a');
    await clock.advance(0);
    server.last.openStream();
    const late = record(hub.sharedEventSource('/.well-known/mercure?topic=/a'));
    hub.sharedEventSource('/.well-known/mercure?topic=/b');
    hub.sharedEventSource('/.well-known/mercure?topic=/c');
    await clock.advance(0);
    expect(server.requests.map((request) => topicsOf(request.url))).toEqual([['/a'], ['/a', '/b', '/c']]);
    // A second subscriber of /a, joining while /a was carried, got its open without a new request.
    expect(late).toEqual(['open']);
  });

  it('drops a topic nobody wants at the next reopen, and closes the connection after the linger time once none is left', async () => {
    const { hub, clock, server } = mercureHub();
    const a = hub.sharedEventSource('/.well-known/mercure?topic=/a');
    const b = hub.sharedEventSource('/.well-known/mercure?topic=/b');
    await clock.advance(0);
    server.last.openStream();
    b.close();
    await clock.advance(0);
    expect(server.requests.map((request) => topicsOf(request.url))).toEqual([['/a', '/b'], ['/a']]);
    server.last.openStream();
    a.close();
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
    expect(server.last.aborted).toBe(true);
    await clock.advance(1000);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
    expect(clock.pending).toBe(0);
  });

  it('delivers an update that names several topics once to each subscriber of any of them', async () => {
    const { hub, clock, server } = mercureHub({ topicOf: (event) => event.data.split(',') });
    const both = record(hub.sharedEventSource('/.well-known/mercure?topic=/a&topic=/b'), ['message']);
    const onlyB = record(hub.sharedEventSource('/.well-known/mercure?topic=/b'), ['message']);
    await clock.advance(0);
    expect(topicsOf(server.last.url)).toEqual(['/a', '/b']);
    const stream = server.last.openStream();
    stream.event({ data: '/a,/b' });
    stream.event({ data: '/a' });
    await clock.advance(0);
    expect(both).toEqual(['message:/a,/b', 'message:/a']);
    expect(onlyB).toEqual(['message:/a,/b']);
  });

  it('keeps the stream going when topicOf throws on an event, and reports the error instead of swallowing it', async () => {
    const { hub, clock, server } = mercureHub();
    const seen = record(hub.sharedEventSource('/.well-known/mercure?topic=/a'), ['message']);
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.event({ data: 'not json' });
    stream.event({ data: '{"@id":"/a"}' });
    await expect(clock.advance(0)).rejects.toThrow(SyntaxError);
    expect(seen).toEqual(['message:{"@id":"/a"}']);
  });

  it('keeps connections apart by the other query parameters and by credentials, and leaves URLs that match no rule alone', async () => {
    const { hub, clock, server } = mercureHub({ url: 'https://hub.example/.well-known/mercure' });
    hub.sharedEventSource('https://hub.example/.well-known/mercure?topic=/a&lang=en');
    hub.sharedEventSource('https://hub.example/.well-known/mercure?lang=en&topic=/b');
    hub.sharedEventSource('https://hub.example/.well-known/mercure?topic=/c&lang=fr');
    hub.sharedEventSource('https://hub.example/.well-known/mercure?topic=/d', { withCredentials: true });
    // No topic parameter, another path, or the rule's path on the page's origin: not this server's topics.
    hub.sharedEventSource('https://hub.example/.well-known/mercure?lang=en');
    hub.sharedEventSource('https://hub.example/other?topic=/e');
    hub.sharedEventSource('/.well-known/mercure?topic=/f');
    await clock.advance(0);
    expect(server.requests.map((request) => [request.url, request.credentials])).toEqual([
      ['https://hub.example/.well-known/mercure?lang=en', 'same-origin'],
      ['https://hub.example/other?topic=/e', 'same-origin'],
      ['https://app.test/.well-known/mercure?topic=/f', 'same-origin'],
      ['https://hub.example/.well-known/mercure?lang=en&topic=%2Fa&topic=%2Fb', 'same-origin'],
      ['https://hub.example/.well-known/mercure?lang=fr&topic=%2Fc', 'same-origin'],
      ['https://hub.example/.well-known/mercure?topic=%2Fd', 'include'],
    ]);
  });

  it.each([
    ['no topicOf', { url: '/m', param: 'topic' }],
    ['an empty parameter name', { url: '/m', param: '', topicOf: (): undefined => undefined }],
    ['a URL that is not a string', { url: 5, param: 'topic', topicOf: (): undefined => undefined }],
  ])('refuses a rule with %s', (_, rule) => {
    expect(() => createTestHub({ mergeTopics: [rule as unknown as MergedTopicsRule] })).toThrow(
      new TypeError(
        'each mergeTopics rule is { url: string, param: string, topicOf: function of an event }: the events of a merged stream do not say their topic, so topicOf must',
      ),
    );
  });
});
