import { describe, expect, it } from 'vitest';
import { HUB_PROTOCOL_VERSION, type SubscriptionChange } from '../../src/sse/multiplex-protocol.js';
import { createTestHub } from './support/test-hub.js';

const CYCLES = 10_000;

describe('10,000 subscribe/unsubscribe cycles', () => {
  it('dedupe: one stream throughout, nothing retained, and nothing left after the linger', async () => {
    const { hub, clock, server } = createTestHub({ lingerMs: 1000 });
    const keeper = hub.sharedEventSource('/feed');
    await clock.advance(0);
    const stream = server.last.openStream();
    await clock.advance(0);
    const received: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const unsubscribe = hub.subscribe('/feed', { message: () => received.push(cycle) });
      const source = hub.sharedEventSource('/feed');
      source.onmessage = () => received.push(-cycle);
      source.close();
      unsubscribe();
    }
    expect(hub.stats()).toEqual({ connections: 1, topics: 0, subscribers: 1 });
    // Closed subscribers are really gone: an event reaches nobody but the keeper.
    stream.event({ data: 'after' });
    await clock.advance(0);
    expect(received).toEqual([]);
    keeper.close();
    expect(clock.pending).toBe(1);
    await clock.advance(1000);
    expect(server.requests).toHaveLength(1);
    expect(server.live).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('multiplex: topics come and go in batches, nothing retained, and nothing left after the linger', async () => {
    const { hub, clock, server } = createTestHub({ endpoint: '/__sse_hub', lingerMs: 1000 });
    hub.sharedEventSource('/keeper').close();
    await clock.advance(0);
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    const answerPosts = async (): Promise<void> => {
      for (const post of server.posts.filter((request) => !request.answered)) {
        const change = post.json<SubscriptionChange>();
        post.respondJson({ accepted: (change.subscribe ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.topic)), refused: [] });
      }
      await clock.advance(0);
    };
    let held: (() => void)[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      held.push(hub.subscribe(`/rows/${cycle % 50}/events`, { message: () => undefined }));
      // Every 25 cycles the page's batch of mounts is sent, then it unmounts them all.
      if (cycle % 25 === 24) {
        await clock.advance(0);
        await answerPosts();
        for (const unsubscribe of held) unsubscribe();
        held = [];
        await clock.advance(0);
        await answerPosts();
      }
    }
    await answerPosts();
    expect(hub.stats()).toEqual({ connections: 1, topics: 0, subscribers: 0 });
    expect(server.gets).toHaveLength(1);
    // Every topic subscribed was unsubscribed again.
    const net = new Map<string, number>();
    for (const post of server.posts) {
      const change = post.json<SubscriptionChange>();
      for (const entry of change.subscribe ?? []) net.set(typeof entry === 'string' ? entry : entry.topic, (net.get(typeof entry === 'string' ? entry : entry.topic) ?? 0) + 1);
      for (const topic of change.unsubscribe ?? []) net.set(topic, (net.get(topic) ?? 0) - 1);
    }
    expect([...net.values()].every((count) => count === 0)).toBe(true);
    expect(net.size).toBe(50);
    expect(clock.pending).toBe(1);
    await clock.advance(1000);
    expect(server.live).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });
});
