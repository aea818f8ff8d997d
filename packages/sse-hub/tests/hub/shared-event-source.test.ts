import { describe, expect, expectTypeOf, it } from 'vitest';
import { SharedEventSource } from '../../src/hub/shared-event-source.js';
import { createTestHub, record } from './support/test-hub.js';

function feedHub(): ReturnType<typeof createTestHub> & { push(data: string, type?: string): Promise<void> } {
  const testHub = createTestHub();
  return {
    ...testHub,
    async push(data: string, type?: string) {
      const request = testHub.server.requests[0]!;
      const stream = request.stream ?? request.openStream();
      stream.event(type === undefined ? { data } : { type, data });
      await testHub.clock.advance(0);
    },
  };
}

describe('the EventSource facade', () => {
  it('is typed as an EventSource and has its surface', async () => {
    const { hub } = feedHub();
    const source = hub.sharedEventSource('/feed?x=1', { withCredentials: true });
    expectTypeOf(source).toEqualTypeOf<EventSource>();
    expect(source.url).toBe('https://app.test/feed?x=1');
    expect(source.withCredentials).toBe(true);
    expect([source.CONNECTING, source.OPEN, source.CLOSED]).toEqual([0, 1, 2]);
    expect([SharedEventSource.CONNECTING, SharedEventSource.OPEN, SharedEventSource.CLOSED]).toEqual([0, 1, 2]);
    expect(source.readyState).toBe(0);
    expect([source.onopen, source.onmessage, source.onerror]).toEqual([null, null, null]);
    expect(source).toBeInstanceOf(EventTarget);
  });

  it('accepts a URL object and resolves relative URLs against the page', () => {
    const { hub, server } = createTestHub();
    const source = hub.sharedEventSource(new URL('https://app.test/a/b?c=d'));
    const relative = hub.sharedEventSource('../x');
    expect([source.url, relative.url]).toEqual(['https://app.test/a/b?c=d', 'https://app.test/x']);
    expect(server.requests.map((request) => request.url)).toEqual(['https://app.test/a/b?c=d', 'https://app.test/x']);
  });

  it('throws a SyntaxError for a URL that cannot be parsed, as EventSource does', async () => {
    const { hub } = createTestHub({}, { baseUrl: () => undefined });
    expect(() => hub.sharedEventSource('/relative-without-a-page')).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
  });

  it('moves readyState CONNECTING -> OPEN -> CONNECTING -> OPEN -> CLOSED with the stream', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0 });
    const source = hub.sharedEventSource('/feed');
    const states: string[] = [];
    for (const type of ['open', 'error']) source.addEventListener(type, () => states.push(`${type}@${source.readyState}`));
    await clock.advance(0);
    server.last.openStream().end();
    await clock.advance(0);
    server.last.openStream();
    await clock.advance(0);
    source.close();
    expect(states).toEqual(['open@1', 'error@0', 'open@1']);
    expect(source.readyState).toBe(2);
  });

  it('onmessage: assigning replaces the previous handler, null removes it, this is the source', async () => {
    const { hub, push } = feedHub();
    const source = hub.sharedEventSource('/feed');
    const calls: string[] = [];
    source.onmessage = (event) => calls.push(`first:${event.data}`);
    source.onmessage = function (this: EventSource, event) {
      calls.push(`second:${event.data}:${this === source}`);
    };
    await push('a');
    source.onmessage = null;
    await push('b');
    expect(calls).toEqual(['second:a:true']);
    expect(source.onmessage).toBeNull();
  });

  it('a replaced handler keeps its place among the listeners', async () => {
    const { hub, push } = feedHub();
    const source = hub.sharedEventSource('/feed');
    const order: string[] = [];
    source.onmessage = () => order.push('handler 1');
    source.addEventListener('message', () => order.push('listener'));
    source.onmessage = () => order.push('handler 2');
    await push('x');
    expect(order).toEqual(['handler 2', 'listener']);
  });

  it('onopen and onerror fire with the stream', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    const source = hub.sharedEventSource('/feed');
    const calls: string[] = [];
    source.onopen = (event) => calls.push(event.type);
    source.onerror = (event) => calls.push(event.type);
    await clock.advance(0);
    server.last.openStream().end();
    await clock.advance(0);
    expect(calls).toEqual(['open', 'error']);
  });

  it('addEventListener honours once, signal and named event types; removeEventListener detaches', async () => {
    const { hub, push } = feedHub();
    const source = hub.sharedEventSource('/feed');
    const calls: string[] = [];
    const controller = new AbortController();
    const removed = (event: MessageEvent): void => void calls.push(`removed:${event.data}`);
    source.addEventListener('tick', (event) => calls.push(`once:${event.data}`), { once: true });
    source.addEventListener('tick', (event) => calls.push(`signal:${event.data}`), { signal: controller.signal });
    source.addEventListener('tick', removed);
    source.addEventListener('tock', (event) => calls.push(`tock:${event.data}`));
    source.removeEventListener('tick', removed);
    await push('1', 'tick');
    controller.abort();
    await push('2', 'tick');
    await push('3', 'tock');
    await push('4');
    expect(calls).toEqual(['once:1', 'signal:1', 'tock:3']);
  });

  it('close() of one facade leaves the others sharing the stream running, and fires nothing', async () => {
    const { hub, push, server } = feedHub();
    const a = hub.sharedEventSource('/feed');
    const b = hub.sharedEventSource('/feed');
    const seenA = record(a);
    const seenB = record(b);
    await push('1');
    a.close();
    a.close();
    await push('2');
    expect(seenA).toEqual(['open', 'message:1']);
    expect(seenB).toEqual(['open', 'message:1', 'message:2']);
    expect(a.readyState).toBe(2);
    expect(b.readyState).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(server.last.aborted).toBe(false);
  });

  it('a facade closed before its late open gets no open', async () => {
    const { hub, push, clock } = feedHub();
    hub.sharedEventSource('/feed');
    await clock.advance(0);
    await push('warm up');
    const late = hub.sharedEventSource('/feed');
    const seen = record(late);
    late.close();
    await clock.advance(0);
    expect(seen).toEqual([]);
  });

  it('a listener that closes its own facade stops delivery to it mid-chunk', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource('/feed');
    const data: string[] = [];
    source.onmessage = (event) => {
      data.push(String(event.data));
      source.close();
    };
    await clock.advance(0);
    server.last.openStream().push('data: 1\n\ndata: 2\n\n');
    await clock.advance(0);
    expect(data).toEqual(['1']);
  });
});

describe('subscribe', () => {
  it('calls the handler named after each event type and stops after unsubscribe', async () => {
    const { hub, push } = feedHub();
    const calls: string[] = [];
    const unsubscribe = hub.subscribe('/feed', {
      open: (event) => calls.push(event.type),
      message: (event) => calls.push(`message:${event.data}`),
      price: (event) => calls.push(`price:${event.data}:${event.lastEventId}`),
      ignored: undefined,
    });
    await push('1');
    await push('9.5', 'price');
    unsubscribe();
    await push('2');
    expect(calls).toEqual(['open', 'message:1', 'price:9.5:']);
    expect(hub.stats().subscribers).toBe(0);
  });

  it('reports errors through the error handler', async () => {
    const { hub, clock, server } = createTestHub();
    const errors: number[] = [];
    hub.subscribe('/feed', { error: (event) => errors.push((event.target as EventSource).readyState) });
    await clock.advance(0);
    server.last.respond(401);
    await clock.advance(0);
    expect(errors).toEqual([2]);
  });
});
