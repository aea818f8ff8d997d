import { describe, expect, it } from 'vitest';
import { createTestHub, record } from './support/test-hub.js';

describe('dedupe mode', () => {
  it('is the default without an endpoint, and shares one physical stream per URL', async () => {
    const { hub, clock, server } = createTestHub();
    const first = hub.sharedEventSource('/rows/1/events');
    const second = hub.sharedEventSource('https://app.test/rows/1/events#details');
    const other = hub.sharedEventSource('/rows/2/events');
    await clock.advance(0);
    expect(server.requests.map((request) => request.url)).toEqual(['https://app.test/rows/1/events', 'https://app.test/rows/2/events']);
    const firstSeen = record(first);
    const secondSeen = record(second);
    const otherSeen = record(other);
    const stream = server.requests[0]!.openStream();
    stream.event({ data: 'hello', id: '1' });
    await clock.advance(0);
    expect(firstSeen).toEqual(['open', 'message:hello']);
    expect(secondSeen).toEqual(['open', 'message:hello']);
    expect(otherSeen).toEqual([]);
    expect(hub.stats()).toEqual({ connections: 2, topics: 0, subscribers: 3 });
  });

  it('keeps separate streams for different credentials modes', async () => {
    const { hub, clock, server } = createTestHub();
    hub.sharedEventSource('/feed');
    hub.sharedEventSource('/feed', { withCredentials: true });
    hub.sharedEventSource('/feed', { withCredentials: false });
    await clock.advance(0);
    expect(server.requests.map((request) => request.credentials)).toEqual(['same-origin', 'include']);
  });

  it('delivers events with their type, data, lastEventId and the stream origin', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource('/feed');
    const events: MessageEvent[] = [];
    source.addEventListener('message', (event) => events.push(event));
    source.addEventListener('price', (event) => events.push(event));
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.event({ type: 'price', data: '{"v":1}\nsecond line', id: 'p-1' });
    stream.event({ data: 'plain' });
    await clock.advance(0);
    expect(events.map((event) => [event.type, event.data, event.lastEventId, event.origin])).toEqual([
      ['price', '{"v":1}\nsecond line', 'p-1', 'https://app.test'],
      ['message', 'plain', 'p-1', 'https://app.test'],
    ]);
    expect(events.every((event) => event instanceof MessageEvent)).toBe(true);
  });

  it('gives a subscriber that joins an open stream its own open event, after it could attach handlers', async () => {
    const { hub, clock, server } = createTestHub();
    hub.sharedEventSource('/feed');
    await clock.advance(0);
    server.last.openStream();
    await clock.advance(0);
    const late = hub.sharedEventSource('/feed');
    expect(late.readyState).toBe(late.CONNECTING);
    const seen = record(late);
    await clock.advance(0);
    expect(seen).toEqual(['open']);
    expect(late.readyState).toBe(late.OPEN);
    expect(server.requests).toHaveLength(1);
  });

  it('reuses the stream when a subscriber comes back within the linger time', async () => {
    const { hub, clock, server } = createTestHub({ lingerMs: 1000 });
    hub.sharedEventSource('/feed').close();
    await clock.advance(0);
    const stream = server.last.openStream();
    await clock.advance(999);
    const again = hub.sharedEventSource('/feed');
    const seen = record(again);
    await clock.advance(5000);
    stream.event({ data: 'still here' });
    await clock.advance(0);
    expect(server.requests).toHaveLength(1);
    expect(server.last.aborted).toBe(false);
    expect(seen).toEqual(['open', 'message:still here']);
  });

  it('closes the stream after the linger time: the fetch is aborted and no timer remains', async () => {
    const { hub, clock, server } = createTestHub({ lingerMs: 1000 });
    const source = hub.sharedEventSource('/feed');
    await clock.advance(0);
    server.last.openStream();
    source.close();
    await clock.advance(999);
    expect(server.last.aborted).toBe(false);
    await clock.advance(1);
    expect(server.last.aborted).toBe(true);
    expect(server.live).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
    hub.sharedEventSource('/feed');
    await clock.advance(0);
    expect(server.requests).toHaveLength(2);
  });

  it('also lingers a stream that is waiting to reconnect, and then cancels the reconnect', async () => {
    const { hub, clock, server } = createTestHub({ lingerMs: 100, reconnect: { initialDelayMs: 10_000 } }, { random: () => 0.5 });
    const source = hub.sharedEventSource('/feed');
    await clock.advance(0);
    server.last.respond(503);
    await clock.advance(0);
    source.close();
    await clock.advance(100);
    expect(clock.pending).toBe(0);
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(1);
  });

  it('gives a subscriber that re-subscribes from its error handler a fresh stream after a fatal error', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource('/feed');
    let replacement: EventSource | undefined;
    source.onerror = () => {
      if (source.readyState === source.CLOSED) replacement = hub.sharedEventSource('/feed');
    };
    await clock.advance(0);
    server.last.respond(404);
    await clock.advance(0);
    expect(replacement?.readyState).toBe(0);
    expect(server.requests).toHaveLength(2);
    expect(server.last.aborted).toBe(false);
  });

  it('tells every subscriber of a stream that failed for good, and forgets the stream', async () => {
    const { hub, clock, server } = createTestHub();
    const sources = [hub.sharedEventSource('/feed'), hub.sharedEventSource('/feed')];
    const seen = sources.map((source) => record(source));
    await clock.advance(0);
    server.last.respond(403);
    await clock.advance(0);
    expect(seen).toEqual([['error'], ['error']]);
    expect(sources.map((source) => source.readyState)).toEqual([2, 2]);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('hub.close() ends every stream: subscribers see CLOSED and an error, nothing stays open', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource('/feed');
    const seen = record(source);
    await clock.advance(0);
    server.last.openStream();
    await clock.advance(0);
    hub.close();
    expect(seen).toEqual(['open', 'error']);
    expect(source.readyState).toBe(2);
    expect(server.live).toEqual([]);
    expect(clock.pending).toBe(0);
  });
});
