import { describe, expect, it } from 'vitest';
import { HUB_PROTOCOL_VERSION, type SubscriptionChange, type SubscriptionResult } from '../../src/sse/multiplex-protocol.js';
import type { ScriptedStream } from './support/fake-server.js';
import { createTestHub, record } from './support/test-hub.js';

const ENDPOINT = 'https://app.test/__sse_hub';

function multiplexHub(options: Parameters<typeof createTestHub>[0] = {}, overrides: Parameters<typeof createTestHub>[1] = {}) {
  const testHub = createTestHub({ endpoint: '/__sse_hub', ...options }, { random: () => 0.5, ...overrides });
  const { server, clock } = testHub;
  return {
    ...testHub,
    /** Answers the pending GET of the multiplexer and sends `ready`. */
    async connect(connection = 'c1'): Promise<ScriptedStream> {
      const request = server.gets.at(-1)!;
      expect(request.url).toBe(ENDPOINT);
      const stream = request.openStream();
      stream.frame({ kind: 'ready', connection, maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
      await clock.advance(0);
      return stream;
    },
    /** Accepts every topic of the last POST (minus `refuse`), returning its body. */
    async accept(refused: SubscriptionResult['refused'] = []): Promise<SubscriptionChange> {
      const post = server.lastPost();
      const change = post.json<SubscriptionChange>();
      const topics = (change.subscribe ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.topic));
      post.respondJson({ accepted: topics.filter((topic) => !refused.some((entry) => entry.topic === topic)), refused });
      await clock.advance(0);
      return change;
    },
  };
}

describe('multiplex mode', () => {
  it('carries 20 topics on one GET and subscribes them with one POST', async () => {
    const { hub, clock, server, connect } = multiplexHub();
    for (let row = 0; row < 20; row++) hub.sharedEventSource(`/rows/${row}/events`);
    await clock.advance(0);
    expect(server.gets).toHaveLength(1);
    expect(server.posts).toHaveLength(0);
    await connect();
    expect(server.posts).toHaveLength(1);
    const post = server.lastPost();
    expect(post.url).toBe(ENDPOINT);
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(post.credentials).toBe('same-origin');
    expect(post.json()).toEqual({ connection: 'c1', subscribe: Array.from({ length: 20 }, (_, row) => `/rows/${row}/events`) });
    expect(hub.stats()).toEqual({ connections: 1, topics: 20, subscribers: 20 });
  });

  it('routes each frame to the subscribers of its topic only, keeping type, data and lastEventId', async () => {
    const { hub, clock, connect, accept } = multiplexHub();
    const one = hub.sharedEventSource('/rows/1/events?full=1');
    const two = hub.sharedEventSource('/rows/2/events');
    const events: string[] = [];
    for (const [name, source] of [['one', one], ['two', two]] as const) {
      source.addEventListener('open', () => events.push(`${name} open`));
      for (const type of ['message', 'status']) {
        source.addEventListener(type, (event) => events.push(`${name} ${event.type} ${event.data} ${event.lastEventId} ${event.origin}`));
      }
    }
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/rows/1/events?full=1' });
    stream.frame({ kind: 'event', topic: '/rows/1/events?full=1', type: 'status', data: 'busy', id: '41' });
    stream.frame({ kind: 'open', topic: '/rows/2/events' });
    stream.frame({ kind: 'event', topic: '/rows/2/events', type: 'message', data: 'x\ny', id: '' });
    stream.frame({ kind: 'event', topic: '/rows/3/events', type: 'message', data: 'not ours', id: '' });
    // Events other than hub frames, and malformed frames, are ignored.
    stream.event({ data: 'stray' });
    stream.event({ type: 'sse-hub', data: '{not json' });
    // Numbers no topic holds, or that the server would never give (past maxTopics, not an integer).
    stream.push('topic: 9\ndata: under a number nobody holds\n\n');
    stream.frame({ kind: 'subscribed', topic: '/rows/2/events', number: 64 });
    stream.push('topic: 64\ndata: past maxTopics\n\n');
    stream.event({ type: 'sse-hub', data: JSON.stringify({ kind: 'subscribed', topic: '/rows/2/events', number: '5' }) });
    stream.event({ type: 'sse-hub', data: JSON.stringify({ kind: 'subscribed', topic: '/rows/2/events', number: 0.5 }) });
    stream.push('topic: 5\ndata: still nothing under a number given in a malformed frame\n\n');
    // The topic events of protocol versions 2 and 1 are not topic events any more.
    stream.event({ type: 'sse-hub-event', data: '["/rows/2/events","message",""]\nversion 2' });
    stream.event({ type: 'sse-hub', data: JSON.stringify({ kind: 'event', topic: '/rows/2/events', type: 'message', data: 'old format', id: '' }) });
    await clock.advance(0);
    expect(events).toEqual([
      'one open',
      'one status busy 41 https://app.test',
      'two open',
      'two message x\ny  https://app.test',
    ]);
    expect([one.readyState, two.readyState]).toEqual([1, 1]);
  });

  it('routes by the number in force: a number given to another topic carries its events only after its subscribed frame', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const seenA = record(hub.sharedEventSource('/a'));
    const leaving = hub.sharedEventSource('/b');
    const seenB = record(leaving);
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'subscribed', topic: '/a', number: 0 });
    stream.frame({ kind: 'subscribed', topic: '/b', number: 1 });
    stream.push('id: b-1\ntopic: 1\ndata: for b\n\nid: a-1\ntopic: 0\ndata: for a\n\n');
    await clock.advance(0);
    leaving.close();
    const seenC = record(hub.sharedEventSource('/c'));
    await clock.advance(0);
    expect(server.lastPost().json()).toEqual({ connection: 'c1', subscribe: ['/c'], unsubscribe: ['/b'] });
    // Written by the server before it read that POST: still /b's, which nobody here wants.
    stream.push('id: b-2\ntopic: 1\ndata: late for b\n\n');
    await clock.advance(0);
    // The server let /b go and gave its number to /c; the stream is ordered, so what follows is /c's.
    stream.unsubscribed('/b');
    stream.frame({ kind: 'subscribed', topic: '/c', number: 1 });
    stream.frame({ kind: 'open', topic: '/c' });
    stream.push('id: c-1\ntopic: 1\ndata: for c\n\n');
    await accept();
    // A topic's first event counts as its open when no open frame came first.
    expect(seenA).toEqual(['open', 'message:for a']);
    expect(seenB).toEqual(['open', 'message:for b']);
    expect(seenC).toEqual(['open', 'message:for c']);
  });

  it('drops the events under the number of a topic that closed, until the number is given again', async () => {
    const { hub, clock, connect, accept } = multiplexHub();
    const ending = hub.sharedEventSource('/ending');
    const seen = record(ending);
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/ending' });
    stream.frame({ kind: 'event', topic: '/ending', type: 'message', data: 'last', id: '' });
    const number = stream.numberOf('/ending');
    stream.frame({ kind: 'closed', topic: '/ending', status: 204, reason: 'done' });
    stream.push(`topic: ${number}\ndata: after the end\n\n`);
    await clock.advance(0);
    expect(seen).toEqual(['open', 'message:last', 'error']);
    expect(ending.readyState).toBe(2);
  });

  it('sends no Last-Event-ID when it reconnects the multiplexed stream: the ids on it belong to its topics', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const seen = record(hub.sharedEventSource('/a'), ['message']);
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: '1', id: 'a-9' });
    await clock.advance(0);
    stream.end();
    await clock.advance(500);
    expect(server.gets).toHaveLength(2);
    expect(server.gets[1]!.headers.get('last-event-id')).toBeNull();
    // The topic resumes on its own, through the subscription change.
    const renewed = await connect('c2');
    expect(server.lastPost().json()).toEqual({ connection: 'c2', subscribe: [{ topic: '/a', lastEventId: 'a-9' }] });
    await accept();
    // Numbers belong to one stream: the old one's number means nothing until the new stream gives it.
    renewed.push(`topic: ${stream.numberOf('/a')}\ndata: unannounced\n\n`);
    renewed.frame({ kind: 'event', topic: '/a', type: 'message', data: '2', id: 'a-10' });
    await clock.advance(0);
    expect(seen).toEqual(['message:1', 'message:2']);
  });

  it('unsubscribes a topic nobody wants without touching the stream or the other topics', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const stay = hub.sharedEventSource('/a');
    const leave = hub.sharedEventSource('/b');
    const seen = record(stay);
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/a' });
    leave.close();
    await clock.advance(0);
    expect(server.lastPost().json()).toEqual({ connection: 'c1', unsubscribe: ['/b'] });
    await accept();
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: 'fine', id: '' });
    stream.frame({ kind: 'event', topic: '/b', type: 'message', data: 'late', id: '' });
    await clock.advance(0);
    expect(seen).toEqual(['open', 'message:fine']);
    expect(server.gets).toHaveLength(1);
    expect(server.lastGet().aborted).toBe(false);
    expect(hub.stats().topics).toBe(1);
  });

  it('sends nothing for a topic left and taken again in the same task; the newcomer still gets open', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const first = hub.sharedEventSource('/a');
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/a' });
    await clock.advance(0);
    first.close();
    const second = hub.sharedEventSource('/a');
    const seen = record(second);
    await clock.advance(0);
    expect(server.posts).toHaveLength(1);
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: 'continues', id: '' });
    await clock.advance(0);
    expect(seen).toEqual(['open', 'message:continues']);
  });

  it('shares a topic between its subscribers', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const a = hub.sharedEventSource('/a');
    const b = hub.sharedEventSource('/a');
    await clock.advance(0);
    const stream = await connect();
    expect(await accept()).toEqual({ connection: 'c1', subscribe: ['/a'] });
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: 'both', id: '' });
    await clock.advance(0);
    a.close();
    await clock.advance(0);
    expect(server.posts).toHaveLength(1);
    expect(b.readyState).toBe(1);
  });

  it('keeps one POST in flight: changes made meanwhile go in the next one', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    hub.sharedEventSource('/a');
    await clock.advance(0);
    await connect();
    const b = hub.sharedEventSource('/b');
    hub.sharedEventSource('/c');
    await clock.advance(0);
    b.close();
    await clock.advance(0);
    expect(server.posts).toHaveLength(1);
    await accept();
    expect(server.posts).toHaveLength(2);
    expect(server.lastPost().json()).toEqual({ connection: 'c1', subscribe: ['/c'] });
  });

  it('routes by what the server holds: a topic left while a POST is in flight and taken again keeps flowing without a request of its own', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const first = hub.sharedEventSource('/b');
    await clock.advance(0);
    const stream = await connect();
    await accept();
    // A POST in flight, so leaving /b cannot be sent yet: the server still holds it.
    const seenC = record(hub.sharedEventSource('/c'));
    await clock.advance(0);
    expect(server.posts).toHaveLength(2);
    first.close();
    // Asked for only once the POST in flight is answered.
    const seenD = record(hub.sharedEventSource('/d'));
    await clock.advance(0);
    expect(hub.stats().topics).toBe(2);
    stream.frame({ kind: 'event', topic: '/b', type: 'message', data: 'to nobody', id: 'b-1' });
    await clock.advance(0);
    const second = hub.sharedEventSource('/b');
    const seenB = record(second);
    await clock.advance(0);
    stream.frame({ kind: 'event', topic: '/b', type: 'message', data: 'flows', id: 'b-2' });
    // The server may send a topic's events before its POST is answered.
    stream.frame({ kind: 'event', topic: '/c', type: 'message', data: 'asked for', id: '' });
    stream.frame({ kind: 'event', topic: '/d', type: 'message', data: 'not asked for yet', id: '' });
    await clock.advance(0);
    expect(seenB).toEqual(['open', 'message:flows']);
    expect(seenC).toEqual(['open', 'message:asked for']);
    expect(seenD).toEqual([]);
    await accept();
    expect(server.posts.map((post) => post.json())).toEqual([
      { connection: 'c1', subscribe: ['/b'] },
      { connection: 'c1', subscribe: ['/c'] },
      { connection: 'c1', subscribe: ['/d'] },
    ]);
    expect(hub.stats()).toEqual({ connections: 1, topics: 3, subscribers: 3 });
  });

  it('closes only the subscribers of refused topics', async () => {
    const { hub, clock, connect, accept } = multiplexHub();
    const allowed = hub.sharedEventSource('/a');
    const refused = hub.sharedEventSource('/admin');
    const seenAllowed = record(allowed);
    const seenRefused = record(refused);
    await clock.advance(0);
    const stream = await connect();
    await accept([{ topic: '/admin', status: 403, reason: 'not allowed' }]);
    stream.frame({ kind: 'open', topic: '/a' });
    await clock.advance(0);
    expect(seenRefused).toEqual(['error']);
    expect(refused.readyState).toBe(2);
    expect(seenAllowed).toEqual(['open']);
    expect(allowed.readyState).toBe(1);
  });

  it('closes a topic on a closed frame and reports upstream retries with error frames', async () => {
    const { hub, clock, connect, accept } = multiplexHub();
    const flaky = hub.sharedEventSource('/flaky');
    const ending = hub.sharedEventSource('/ending');
    const flakyStates: string[] = [];
    for (const type of ['open', 'error']) flaky.addEventListener(type, () => flakyStates.push(`${type}@${flaky.readyState}`));
    const seenEnding = record(ending);
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/flaky' });
    stream.frame({ kind: 'error', topic: '/flaky', status: 502 });
    stream.frame({ kind: 'open', topic: '/flaky' });
    stream.frame({ kind: 'open', topic: '/ending' });
    stream.frame({ kind: 'closed', topic: '/ending', status: 204, reason: 'done' });
    await clock.advance(0);
    expect(flakyStates).toEqual(['open@1', 'error@0', 'open@1']);
    expect(seenEnding).toEqual(['open', 'error']);
    expect(ending.readyState).toBe(2);
  });

  it('after losing the stream: every topic reconnects, and the new connection gets the whole set with last event ids', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const a = hub.sharedEventSource('/a');
    const b = hub.sharedEventSource('/b');
    const states: string[] = [];
    for (const [name, source] of [['a', a], ['b', b]] as const) {
      for (const type of ['open', 'error']) source.addEventListener(type, () => states.push(`${name} ${type}@${source.readyState}`));
    }
    await clock.advance(0);
    const stream = await connect();
    await accept();
    stream.frame({ kind: 'open', topic: '/a' });
    stream.frame({ kind: 'open', topic: '/b' });
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: '1', id: 'a-9' });
    await clock.advance(0);
    hub.sharedEventSource('/c');
    stream.end();
    await clock.advance(0);
    expect(states).toEqual(['a open@1', 'b open@1', 'a error@0', 'b error@0']);
    // The POST for /c was never sent on the dead connection.
    expect(server.posts).toHaveLength(1);
    await clock.advance(500);
    expect(server.gets).toHaveLength(2);
    const renewed = await connect('c2');
    expect(server.lastPost().json()).toEqual({ connection: 'c2', subscribe: [{ topic: '/a', lastEventId: 'a-9' }, '/b', '/c'] });
    await accept();
    renewed.frame({ kind: 'open', topic: '/a' });
    await clock.advance(0);
    expect(states.at(-1)).toBe('a open@1');
  });

  it('reconnects when a POST answers 404 (the server forgot the connection)', async () => {
    const { hub, clock, server, connect } = multiplexHub();
    const source = hub.sharedEventSource('/a');
    const seen = record(source);
    await clock.advance(0);
    await connect('old');
    server.lastPost().respond(404);
    await clock.advance(0);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(seen).toEqual(['error']);
    await clock.advance(500);
    await connect('new');
    expect(server.lastPost().json()).toEqual({ connection: 'new', subscribe: ['/a'] });
  });

  it.each([
    ['a 5xx', (post: { respond(status: number): void }) => post.respond(503)],
    ['a network error', (post: { failNetwork(): void }) => post.failNetwork()],
  ])('reconnects when a POST fails with %s', async (_, fail) => {
    const { hub, clock, server, connect } = multiplexHub();
    hub.sharedEventSource('/a');
    await clock.advance(0);
    await connect();
    fail(server.lastPost() as never);
    await clock.advance(500);
    expect(server.gets).toHaveLength(2);
  });

  it.each([400, 413, 415])('closes the topics of a POST the server rejects as malformed (%i), leaving the others', async (status) => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const first = hub.sharedEventSource('/a');
    await clock.advance(0);
    await connect();
    await accept();
    const second = hub.sharedEventSource('/b');
    await clock.advance(0);
    server.lastPost().respond(status, '{"error":"no"}');
    await clock.advance(60_000);
    expect([first.readyState, second.readyState]).toEqual([0, 2]);
    expect(server.gets).toHaveLength(1);
    expect(server.posts).toHaveLength(2);
  });

  it('reconnects when a POST answers 403 (credentials changed since the stream opened), within the attempt limit', async () => {
    const { hub, clock, server, connect } = multiplexHub({ reconnect: { maxAttempts: 2 } });
    const source = hub.sharedEventSource('/a');
    await clock.advance(0);
    for (const connection of ['c1', 'c2', 'c3']) {
      await connect(connection);
      expect(server.lastPost().json()).toEqual({ connection, subscribe: ['/a'] });
      server.lastPost().respond(403, '{"error":"this connection was opened with other credentials"}');
      // Past the backoff, short of the connect timeout: each new GET is answered here.
      await clock.advance(5000);
    }
    expect(server.gets).toHaveLength(3);
    expect(source.readyState).toBe(2);
    expect(server.live).toEqual([]);
  });

  it('reconnects without subscribing when the server speaks another protocol version; a matching server then gets the topics', async () => {
    const { hub, clock, server, connect } = multiplexHub();
    const source = hub.sharedEventSource('/a');
    const seen = record(source);
    await clock.advance(0);
    // The page outlived a deploy: this server writes a format the hub cannot read.
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION + 1 });
    await clock.advance(0);
    expect(server.posts).toHaveLength(0);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(seen).toEqual(['error']);
    expect(source.readyState).toBe(0);
    await clock.advance(500);
    await connect('c2');
    expect(server.posts.map((post) => post.json())).toEqual([{ connection: 'c2', subscribe: ['/a'] }]);
  });

  it('reads nothing more of a read once a ready frame in it gives the connection up', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    const source = hub.sharedEventSource('/a');
    const seen = record(source, ['message']);
    await clock.advance(0);
    const stream = await connect('c1');
    await accept();
    stream.frame({ kind: 'open', topic: '/a' });
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: 'before', id: '' });
    await clock.advance(0);
    const number = stream.numberOf('/a');
    // One read: a server of another version, then an event under the number `/a` held: the
    // number belongs to a connection the hub has given up.
    stream.push(
      `event: sse-hub\ndata: ${JSON.stringify({ kind: 'ready', connection: 'c2', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION + 1 })}\n\n` +
        `id: \ntopic: ${number}\ndata: after\n\n`,
    );
    await clock.advance(0);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(seen).toEqual(['message:before']);
  });

  it('gives up on a protocol mismatch that does not go away at the attempt limit', async () => {
    const { hub, clock, server } = multiplexHub({ reconnect: { maxAttempts: 2 } });
    const source = hub.sharedEventSource('/a');
    await clock.advance(0);
    const readyFrames = [
      JSON.stringify({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION + 1 }),
      JSON.stringify({ kind: 'ready', connection: 'c2', maxTopics: 64, protocol: String(HUB_PROTOCOL_VERSION) }),
      // Version 1 had no protocol field.
      JSON.stringify({ kind: 'ready', connection: 'c3', maxTopics: 64 }),
    ];
    for (const ready of readyFrames) {
      server.lastGet().openStream().event({ type: 'sse-hub', data: ready });
      // Past the backoff, short of the connect timeout: each new GET is answered here.
      await clock.advance(5000);
    }
    expect(server.gets).toHaveLength(3);
    expect(server.posts).toHaveLength(0);
    expect(source.readyState).toBe(2);
    expect(server.live).toEqual([]);
  });

  it('answers a second ready frame (a new connection id) with the whole set', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub();
    hub.sharedEventSource('/a');
    await clock.advance(0);
    const stream = await connect('c1');
    await accept();
    stream.frame({ kind: 'ready', connection: 'c9', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    expect(server.lastPost().json()).toEqual({ connection: 'c9', subscribe: ['/a'] });
  });

  it('closes every topic when the multiplexer itself answers 4xx', async () => {
    const { hub, clock, server } = multiplexHub();
    const sources = [hub.sharedEventSource('/a'), hub.sharedEventSource('/b')];
    await clock.advance(0);
    server.lastGet().respond(404);
    await clock.advance(60_000);
    expect(sources.map((source) => source.readyState)).toEqual([2, 2]);
    expect(server.requests).toHaveLength(1);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('falls back to dedupe for a URL on another origin', async () => {
    const { hub, clock, server } = multiplexHub();
    hub.sharedEventSource('/a');
    hub.sharedEventSource('https://api.other.test/feed');
    hub.sharedEventSource('https://api.other.test/feed');
    await clock.advance(0);
    expect(server.gets.map((request) => request.url)).toEqual([ENDPOINT, 'https://api.other.test/feed']);
  });

  it('opens one multiplexed stream per credentials mode', async () => {
    const { hub, clock, server } = multiplexHub();
    hub.sharedEventSource('/a');
    hub.sharedEventSource('/b', { withCredentials: true });
    hub.sharedEventSource('/c');
    await clock.advance(0);
    expect(server.gets.map((request) => [request.url, request.credentials])).toEqual([
      [ENDPOINT, 'same-origin'],
      [ENDPOINT, 'include'],
    ]);
  });

  it('uses the default endpoint for mode multiplex, and dedupe when asked even with an endpoint', async () => {
    const multiplexed = createTestHub({ mode: 'multiplex' });
    multiplexed.hub.sharedEventSource('/a');
    const deduped = createTestHub({ mode: 'dedupe', endpoint: '/__sse_hub' });
    deduped.hub.sharedEventSource('/a');
    await multiplexed.clock.advance(0);
    await deduped.clock.advance(0);
    expect(multiplexed.server.last.url).toBe(ENDPOINT);
    expect(deduped.server.last.url).toBe('https://app.test/a');
  });

  it('unsubscribes the last topic, then closes the stream after the linger time with no timer left', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub({ lingerMs: 1000 });
    const source = hub.sharedEventSource('/a#fragment-is-not-part-of-the-topic');
    await clock.advance(0);
    await connect();
    expect(await accept()).toEqual({ connection: 'c1', subscribe: ['/a'] });
    source.close();
    await clock.advance(0);
    expect(await accept()).toEqual({ connection: 'c1', unsubscribe: ['/a'] });
    await clock.advance(998);
    expect(server.lastGet().aborted).toBe(false);
    await clock.advance(2);
    expect(server.lastGet().aborted).toBe(true);
    expect(server.live).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('reuses the multiplexed stream when a topic comes back within the linger time', async () => {
    const { hub, clock, server, connect, accept } = multiplexHub({ lingerMs: 1000 });
    hub.sharedEventSource('/a').close();
    await clock.advance(0);
    await connect();
    await clock.advance(500);
    hub.sharedEventSource('/b');
    await clock.advance(5000);
    expect(await accept()).toEqual({ connection: 'c1', subscribe: ['/b'] });
    expect(server.gets).toHaveLength(1);
    expect(server.lastGet().aborted).toBe(false);
  });
});
