import { describe, expect, it } from 'vitest';
import type { HubEnvironment } from '../../src/hub/environment.js';
import { createHub, type Hub } from '../../src/hub/hub.js';
import type { HubOptions } from '../../src/hub/options.js';
import { HUB_PROTOCOL_VERSION, type SubscriptionChange } from '../../src/sse/multiplex-protocol.js';
import { FakeClock, seededRandom } from './support/fake-clock.js';
import { FakeBroadcastBus, FakeLocks } from './support/fake-cross-tab.js';
import { FakeServer } from './support/fake-server.js';
import { PAGE, record } from './support/test-hub.js';

const LEADER = 'sse-hub/leader';

/** One browser profile: tabs share the clock, the network, the locks and the channels. */
function browser(options: HubOptions = {}, environment: Partial<HubEnvironment> = {}) {
  const clock = new FakeClock();
  const server = new FakeServer(clock);
  const locks = new FakeLocks();
  const bus = new FakeBroadcastBus();
  let opened = 0;
  const tabs = new Map<string, Hub>();
  return {
    clock,
    server,
    locks,
    bus,
    /** Opens a tab and lets it settle into its role. */
    async openTab(): Promise<{ id: string; hub: Hub }> {
      const id = `tab${++opened}`;
      const hub = createHub(
        { crossTab: true, ...options },
        {
          fetch: server.fetch,
          setTimeout: clock.setTimeout,
          clearTimeout: clock.clearTimeout,
          now: clock.now,
          random: seededRandom(opened),
          baseUrl: () => PAGE,
          BroadcastChannel: bus.channelClass(id),
          locks: locks.client(id),
          ...environment,
        },
      );
      tabs.set(id, hub);
      // The router starts on first use; a subscription that is closed at once starts it.
      hub.sharedEventSource('/warm-up').close();
      await clock.advance(0);
      return { id, hub };
    },
    /** The tab is closed by the user: the browser drops its locks and channels and stops its network. */
    crash(id: string): void {
      locks.kill(id);
      bus.kill(id);
      tabs.get(id)!.close();
    },
  };
}

describe('cross-tab sharing', () => {
  it('the first tab leads and holds the only connection; followers get the events', async () => {
    const { clock, server, locks, openTab } = browser();
    const leader = await openTab();
    const follower = await openTab();
    expect(locks.holders()[LEADER]).toBe(leader.id);
    const mine = record(leader.hub.sharedEventSource('/prices'));
    const theirs = record(follower.hub.sharedEventSource('/prices'));
    await clock.advance(0);
    expect(server.live.map((request) => request.url)).toEqual(['https://app.test/prices']);
    const stream = server.live[0]!.openStream();
    stream.event({ data: '42', id: '1' });
    await clock.advance(0);
    expect(mine).toEqual(['open', 'message:42']);
    expect(theirs).toEqual(['open', 'message:42']);
    expect(leader.hub.stats()).toEqual({ connections: 1, topics: 0, subscribers: 1 });
    expect(follower.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 1 });
  });

  it('the leader opens what only a follower wants, and a late follower still gets open', async () => {
    const { clock, server, openTab } = browser();
    await openTab();
    const follower = await openTab();
    const third = await openTab();
    const first = follower.hub.sharedEventSource('/jobs/7');
    const events: MessageEvent[] = [];
    first.addEventListener('progress', (event) => events.push(event));
    await clock.advance(0);
    server.live[0]!.openStream().event({ type: 'progress', data: '50%', id: 'j-3' });
    await clock.advance(0);
    expect(events.map((event) => [event.type, event.data, event.lastEventId, event.origin])).toEqual([['progress', '50%', 'j-3', 'https://app.test']]);
    const late = third.hub.sharedEventSource('/jobs/7');
    const seen = record(late);
    await clock.advance(0);
    expect(seen).toEqual(['open']);
    expect(first.readyState).toBe(1);
    expect(server.gets).toHaveLength(1);
  });

  it('stops serving a topic when the follower that wanted it unsubscribes', async () => {
    const { clock, server, openTab } = browser({ lingerMs: 1000 });
    const leader = await openTab();
    const follower = await openTab();
    const unsubscribe = follower.hub.subscribe('/jobs/7', {});
    await clock.advance(0);
    server.live[0]!.openStream();
    await clock.advance(0);
    unsubscribe();
    await clock.advance(1000);
    expect(server.live).toEqual([]);
    expect(leader.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
    expect(clock.pending).toBe(0);
  });

  it('when the leader tab closes, a follower takes over at once and re-opens the union of what the tabs want, resuming from the last event id', async () => {
    const { clock, server, locks, openTab, crash } = browser({ endpoint: '/__sse_hub' });
    const leader = await openTab();
    const second = await openTab();
    const third = await openTab();
    leader.hub.sharedEventSource('/only-the-leader');
    const a = second.hub.sharedEventSource('/a');
    const b = third.hub.sharedEventSource('/b');
    const states: string[] = [];
    for (const [name, source] of [['a', a], ['b', b]] as const) {
      for (const type of ['open', 'error']) source.addEventListener(type, () => states.push(`${name} ${type}@${source.readyState}`));
    }
    const received = record(b, ['message']);
    await clock.advance(0);
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    server.lastPost().respondJson({ accepted: ['/only-the-leader', '/a', '/b'], refused: [] });
    stream.frame({ kind: 'open', topic: '/a' });
    stream.frame({ kind: 'open', topic: '/b' });
    stream.frame({ kind: 'event', topic: '/b', type: 'message', data: 'one', id: 'b-1' });
    await clock.advance(0);
    expect(server.live).toHaveLength(1);

    const before = clock.now();
    crash(leader.id);
    await clock.advance(0);
    expect(clock.now()).toBe(before);
    expect(locks.holders()[LEADER]).toBe(second.id);
    expect(states).toEqual(['a open@1', 'b open@1', 'a error@0', 'b error@0']);
    const renewed = server.lastGet();
    expect(renewed.aborted).toBe(false);
    expect(server.live).toEqual([renewed]);
    const next = renewed.openStream();
    next.frame({ kind: 'ready', connection: 'c2', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    // The dead tab's own topic is gone; the other tabs' topics come back, /b from where it was.
    const change = server.lastPost().json<SubscriptionChange>();
    expect(change.connection).toBe('c2');
    expect(change.subscribe).toEqual(expect.arrayContaining(['/a', { topic: '/b', lastEventId: 'b-1' }]));
    expect(change.subscribe).toHaveLength(2);
    server.lastPost().respondJson({ accepted: ['/a', '/b'], refused: [] });
    next.frame({ kind: 'open', topic: '/a' });
    next.frame({ kind: 'open', topic: '/b' });
    next.frame({ kind: 'event', topic: '/b', type: 'message', data: 'two', id: 'b-2' });
    await clock.advance(0);
    expect(states.slice(4)).toEqual(['a open@1', 'b open@1']);
    expect(received).toEqual(['message:one', 'message:two']);
  });

  it('a leader that closes its hub hands over the same way', async () => {
    const { clock, server, locks, openTab } = browser();
    const leader = await openTab();
    const follower = await openTab();
    const source = follower.hub.sharedEventSource('/feed');
    await clock.advance(0);
    server.lastGet().openStream().event({ data: 'x', id: '5' });
    await clock.advance(0);
    leader.hub.close();
    await clock.advance(0);
    expect(locks.holders()[LEADER]).toBe(follower.id);
    expect(server.live).toEqual([server.lastGet()]);
    expect(server.lastGet().headers.get('last-event-id')).toBe('5');
    expect(source.readyState).toBe(0);
    server.lastGet().openStream();
    await clock.advance(0);
    expect(source.readyState).toBe(1);
    expect(follower.hub.stats()).toEqual({ connections: 1, topics: 0, subscribers: 1 });
  });

  it('the leader stops serving a follower tab that closed without saying so', async () => {
    const { clock, server, openTab, crash } = browser({ lingerMs: 1000 });
    const leader = await openTab();
    const follower = await openTab();
    follower.hub.sharedEventSource('/feed');
    await clock.advance(0);
    server.lastGet().openStream();
    await clock.advance(0);
    crash(follower.id);
    await clock.advance(1000);
    expect(server.live).toEqual([]);
    expect(leader.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('passes a stream that failed for good on to the followers', async () => {
    const { clock, server, openTab } = browser();
    await openTab();
    const follower = await openTab();
    const source = follower.hub.sharedEventSource('/gone');
    const seen = record(source);
    await clock.advance(0);
    server.lastGet().respond(410);
    await clock.advance(0);
    expect(seen).toEqual(['error']);
    expect(source.readyState).toBe(2);
    expect(follower.hub.stats().subscribers).toBe(0);
    // A new subscription gets a new stream.
    follower.hub.sharedEventSource('/gone');
    await clock.advance(0);
    expect(server.gets).toHaveLength(2);
  });

  it('relays waiting past the attempt limit: a follower, and a tab that joins meanwhile, show waiting until the leader wakes', async () => {
    // Each tab hears its own online and visibility events; only the leader's stream acts on them.
    const wakes = new Map<number, () => void>();
    let listeners = 0;
    const onWake = (callback: () => void): (() => void) => {
      const id = ++listeners;
      wakes.set(id, callback);
      return () => void wakes.delete(id);
    };
    const { clock, server, openTab } = browser({ reconnect: { maxAttempts: 1 } }, { onWake });
    const leader = await openTab();
    const follower = await openTab();
    const source = follower.hub.sharedEventSource('/jobs/7');
    await clock.advance(0);
    server.last.failNetwork();
    // The jitter of the first reconnect is at most initialDelayMs.
    await clock.advance(1000);
    server.last.failNetwork();
    await clock.advance(0);
    expect(follower.hub.status().state).toBe('waiting');
    expect(source.readyState).toBe(0);
    const late = await openTab();
    late.hub.sharedEventSource('/jobs/7');
    await clock.advance(0);
    expect(late.hub.status().subscribers).toEqual({ connecting: 0, open: 0, reconnecting: 0, waiting: 1 });
    expect(wakes.size).toBe(1);
    for (const wake of [...wakes.values()]) wake();
    await clock.advance(1000);
    server.last.openStream();
    await clock.advance(0);
    expect([follower.hub.status().state, late.hub.status().state, leader.hub.status().state]).toEqual(['open', 'open', 'idle']);
    expect(server.requests).toHaveLength(3);
  });

  it('replayLastEvent: a tab that joins an open feed gets its last event; the tabs already on it do not get it twice', async () => {
    const { clock, server, openTab } = browser({ replayLastEvent: true });
    const leader = await openTab();
    const second = await openTab();
    const third = await openTab();
    const seenBySecond = record(second.hub.sharedEventSource('/prices'));
    await clock.advance(0);
    const stream = server.live[0]!.openStream();
    stream.event({ data: '41', id: '1' });
    stream.event({ data: '42', id: '2' });
    await clock.advance(0);
    const seenByThird = record(third.hub.sharedEventSource('/prices'));
    const seenByLeader = record(leader.hub.sharedEventSource('/prices'));
    await clock.advance(0);
    stream.event({ data: '43', id: '3' });
    await clock.advance(0);
    expect(seenBySecond).toEqual(['open', 'message:41', 'message:42', 'message:43']);
    expect(seenByThird).toEqual(['open', 'message:42', 'message:43']);
    expect(seenByLeader).toEqual(['open', 'message:42', 'message:43']);
    expect(server.gets).toHaveLength(1);
  });

  it('relays retries: followers see CONNECTING and an error while the leader reconnects', async () => {
    const { clock, server, openTab } = browser();
    await openTab();
    const follower = await openTab();
    const source = follower.hub.sharedEventSource('/feed');
    const states: string[] = [];
    for (const type of ['open', 'error']) source.addEventListener(type, () => states.push(`${type}@${source.readyState}`));
    await clock.advance(0);
    server.lastGet().openStream().end();
    await clock.advance(0);
    expect(states).toEqual(['open@1', 'error@0']);
  });

  it.each([
    ['Web Locks', { locks: undefined }],
    ['BroadcastChannel', { BroadcastChannel: undefined }],
  ])('without %s, falls back to one connection per tab', async (_, missing) => {
    const clock = new FakeClock();
    const server = new FakeServer(clock);
    const locks = new FakeLocks();
    const bus = new FakeBroadcastBus();
    const tabs = ['tab1', 'tab2'].map((id) =>
      createHub(
        { crossTab: true },
        {
          fetch: server.fetch,
          setTimeout: clock.setTimeout,
          clearTimeout: clock.clearTimeout,
          now: clock.now,
          random: seededRandom(1),
          baseUrl: () => PAGE,
          BroadcastChannel: bus.channelClass(id),
          locks: locks.client(id),
          ...missing,
        },
      ),
    );
    const seen = tabs.map((hub) => record(hub.sharedEventSource('/feed')));
    await clock.advance(0);
    expect(server.live).toHaveLength(2);
    for (const request of server.live) request.openStream().event({ data: 'own' });
    await clock.advance(0);
    expect(seen).toEqual([
      ['open', 'message:own'],
      ['open', 'message:own'],
    ]);
    expect(bus.log).toEqual([]);
    expect(locks.holders()).toEqual({});
  });

  it('mergeTopics across tabs: the leader carries every tab\'s topics on one connection and each tab gets only its own', async () => {
    const mercure = { url: '/.well-known/mercure', param: 'topic', topicOf: (event: { data: string }) => (JSON.parse(event.data) as { topic: string }).topic };
    const { clock, server, openTab } = browser({ mergeTopics: [mercure] });
    const leader = await openTab();
    const follower = await openTab();
    const mine = record(leader.hub.sharedEventSource('/.well-known/mercure?topic=/a'));
    const theirs = record(follower.hub.sharedEventSource('/.well-known/mercure?topic=/b'));
    await clock.advance(0);
    // Both subscriptions reach the leader's pool in the same task: one request for both topics.
    expect(server.live.map((request) => new URL(request.url).searchParams.getAll('topic'))).toEqual([['/a', '/b']]);
    const stream = server.live[0]!.openStream();
    stream.event({ id: 'u1', data: '{"topic":"/b","n":1}' });
    stream.event({ id: 'u2', data: '{"topic":"/a","n":2}' });
    await clock.advance(0);
    expect(mine).toEqual(['open', 'message:{"topic":"/a","n":2}']);
    expect(theirs).toEqual(['open', 'message:{"topic":"/b","n":1}']);
    expect(follower.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 1 });

    // A third topic from the follower: the leader reopens for the new set, resuming after u2.
    const later = record(follower.hub.sharedEventSource('/.well-known/mercure?topic=/c'));
    await clock.advance(0);
    expect(server.live.map((request) => new URL(request.url).searchParams.getAll('topic'))).toEqual([['/a', '/b'], ['/a', '/b', '/c']]);
    expect(server.live[1]!.headers.get('last-event-id')).toBe('u2');
    server.live[1]!.openStream().event({ id: 'u3', data: '{"topic":"/c","n":3}' });
    await clock.advance(0);
    expect(server.live).toHaveLength(1);
    expect(later).toEqual(['open', 'message:{"topic":"/c","n":3}']);
    expect(theirs).toEqual(['open', 'message:{"topic":"/b","n":1}']);
  });

  it('leaves nothing behind after 1,000 follower subscribe/unsubscribe cycles and closing every tab', async () => {
    const { clock, server, locks, bus, openTab } = browser({ lingerMs: 1000 });
    const leader = await openTab();
    const follower = await openTab();
    for (let cycle = 0; cycle < 1000; cycle++) {
      const unsubscribe = follower.hub.subscribe(`/rows/${cycle % 10}`, {});
      await clock.advance(0);
      const pending = server.live.find((request) => !request.answered);
      pending?.openStream();
      await clock.advance(0);
      unsubscribe();
      await clock.advance(0);
    }
    expect(follower.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
    expect(leader.hub.stats().subscribers).toBe(0);
    await clock.advance(1000);
    expect(leader.hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
    expect(server.live).toEqual([]);
    follower.hub.close();
    leader.hub.close();
    await clock.advance(0);
    expect(clock.pending).toBe(0);
    expect(locks.holders()).toEqual({});
    expect(locks.waiting).toBe(0);
    expect(bus.open).toBe(0);
  });
});
