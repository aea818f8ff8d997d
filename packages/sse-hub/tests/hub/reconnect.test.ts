import { describe, expect, it } from 'vitest';
import { seededRandom } from './support/fake-clock.js';
import { createTestHub, record } from './support/test-hub.js';

const URL_A = 'https://app.test/rows/1/events';

describe('physical stream requests', () => {
  it('asks for an event stream with the headers and credentials EventSource would use', async () => {
    const { hub, clock, server } = createTestHub();
    hub.sharedEventSource('/rows/1/events');
    await clock.advance(0);
    const request = server.last;
    expect(request.url).toBe(URL_A);
    expect(request.method).toBe('GET');
    expect(request.headers.get('accept')).toBe('text/event-stream');
    expect(request.headers.get('cache-control')).toBe('no-cache');
    expect(request.headers.has('last-event-id')).toBe(false);
    expect(request.credentials).toBe('same-origin');
    expect(request.cache).toBe('no-store');
  });

  it('sends credentials for withCredentials and leaves out Cache-Control on another origin (no CORS preflight)', async () => {
    const { hub, clock, server } = createTestHub();
    hub.sharedEventSource('https://api.other.test/feed', { withCredentials: true });
    await clock.advance(0);
    expect(server.last.credentials).toBe('include');
    expect(server.last.headers.has('cache-control')).toBe(false);
  });

  it('resumes with Last-Event-ID after a drop', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { initialDelayMs: 1000 } }, { random: () => 0.5 });
    const source = hub.sharedEventSource(URL_A);
    const ids: string[] = [];
    source.addEventListener('message', (event) => ids.push(event.lastEventId));
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.event({ data: 'a', id: '7' });
    stream.event({ data: 'b' });
    await clock.advance(0);
    expect(ids).toEqual(['7', '7']);
    stream.end();
    await clock.advance(500);
    expect(server.requests).toHaveLength(2);
    expect(server.last.headers.get('last-event-id')).toBe('7');
  });

  it('resumes from the last dispatched event after a cut mid-event: m-1, as EventSource sends', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    hub.sharedEventSource(URL_A);
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.push('id: m-1\ndata: one\n\nid: m-2\ndata: two\n');
    stream.end();
    await clock.advance(500);
    expect(server.requests).toHaveLength(2);
    // m-2 was never dispatched: asking for m-2 would make the server skip it for good.
    expect(server.last.headers.get('last-event-id')).toBe('m-1');
  });

  it('resumes after an id outside Latin-1, sending its UTF-8 bytes as EventSource does', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.openStream().push('id: \u2713-1\ndata: one\n\n');
    await clock.advance(0);
    server.last.stream!.end();
    await clock.advance(500);
    // fetch refuses a header value above U+00FF: the reconnect used to fail before leaving the page.
    expect(server.requests).toHaveLength(2);
    const header = server.last.headers.get('last-event-id') ?? '';
    expect([...header].map((character) => character.charCodeAt(0))).toEqual([0xe2, 0x9c, 0x93, 0x2d, 0x31]);
    server.last.openStream().push('data: two\n\n');
    await clock.advance(0);
    expect(source.readyState).toBe(source.OPEN);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource(URL_A);
    const seen = record(source, ['message']);
    await clock.advance(0);
    const stream = server.last.openStream();
    const bytes = new TextEncoder().encode('data: caf\u00e9 \u{1F600}\n\n');
    for (const byte of bytes) stream.pushBytes(Uint8Array.of(byte));
    await clock.advance(0);
    expect(seen).toEqual(['message:caf\u00e9 \u{1F600}']);
  });

  it('strips one byte order mark at the start of each connection, as the format has it, and not a second one', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { initialDelayMs: 1000 } }, { random: () => 0 });
    const source = hub.sharedEventSource(URL_A);
    const seen = record(source, ['message']);
    await clock.advance(0);
    // A second mark is part of the first field's name, `\uFEFFdata`, which no event has.
    const marks = new TextEncoder().encode('\uFEFF\uFEFFdata: hidden\n\ndata: seen\n\n');
    // Cut inside the first mark, as a read may be.
    const first = server.last.openStream();
    first.pushBytes(marks.subarray(0, 2));
    first.pushBytes(marks.subarray(2));
    await clock.advance(0);
    first.end();
    await clock.advance(0);
    server.last.openStream().push('\uFEFFdata: after the reconnect\n\n');
    await clock.advance(0);
    expect(seen).toEqual(['message:seen', 'message:after the reconnect']);
  });
});

describe('reconnect policy', () => {
  it('waits exactly the jittered backoff between attempts (seeded random), firing error with readyState CONNECTING each time', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { initialDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 6 } }, { random: seededRandom(1234) });
    const source = hub.sharedEventSource(URL_A);
    const states: number[] = [];
    source.addEventListener('error', () => states.push(source.readyState));
    await clock.advance(0);
    const replay = seededRandom(1234);
    for (let attempt = 0; attempt < 6; attempt++) {
      const expected = Math.floor(replay() * Math.min(30_000, 1000 * 2 ** attempt));
      server.last.respond(503);
      if (expected > 0) {
        await clock.advance(expected - 1);
        expect(server.requests).toHaveLength(attempt + 1);
      }
      await clock.advance(1);
      expect(server.requests).toHaveLength(attempt + 2);
    }
    expect(states).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives up after maxAttempts: readyState CLOSED, one last error, no timer left', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { maxAttempts: 2 } }, { random: () => 0.5 });
    const source = hub.sharedEventSource(URL_A);
    const states: number[] = [];
    source.addEventListener('error', () => states.push(source.readyState));
    await clock.advance(0);
    server.last.failNetwork();
    await clock.advance(500);
    server.last.failNetwork();
    await clock.advance(1000);
    server.last.failNetwork();
    await clock.advance(100_000);
    expect(server.requests).toHaveLength(3);
    expect(states).toEqual([0, 0, 2]);
    expect(source.readyState).toBe(2);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('uses the server retry value as a floor', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    hub.sharedEventSource(URL_A);
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.push('retry: 4000\n\n');
    stream.end();
    await clock.advance(3999);
    expect(server.requests).toHaveLength(1);
    await clock.advance(1);
    expect(server.requests).toHaveLength(2);
  });

  it('resets the attempt counter only after the stream stayed open for healthyAfterMs', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { healthyAfterMs: 10_000 } }, { random: () => 0.5 });
    hub.sharedEventSource(URL_A);
    await clock.advance(0);
    const delays: number[] = [];
    const dropAfter = async (openFor: number): Promise<void> => {
      const stream = server.last.openStream();
      await clock.advance(openFor);
      stream.end();
      const before = server.requests.length;
      const start = clock.now();
      while (server.requests.length === before) await clock.advance(1);
      delays.push(clock.now() - start);
    };
    await dropAfter(100); // attempt 0
    await dropAfter(9_000); // not healthy: attempt 1
    await dropAfter(9_999); // attempt 2
    await dropAfter(10_000); // healthy: back to attempt 0
    expect(delays).toEqual([500, 1000, 2000, 500]);
  });

  it('does not retry after HTTP 204', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource(URL_A);
    const seen = record(source);
    await clock.advance(0);
    server.last.respond(204);
    await clock.advance(120_000);
    expect(server.requests).toHaveLength(1);
    expect(seen).toEqual(['error']);
    expect(source.readyState).toBe(source.CLOSED);
    expect(clock.pending).toBe(0);
  });

  it.each([400, 401, 403, 404, 410, 429])('does not retry after HTTP %i', async (status) => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.respond(status, 'no');
    await clock.advance(120_000);
    expect(server.requests).toHaveLength(1);
    expect(source.readyState).toBe(2);
  });

  it.each([500, 502, 503])('retries after HTTP %i', async (status) => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    const source = hub.sharedEventSource(URL_A);
    const seen = record(source);
    await clock.advance(0);
    server.last.respond(status, 'busy');
    await clock.advance(500);
    expect(server.requests).toHaveLength(2);
    expect(seen).toEqual(['error']);
    expect(source.readyState).toBe(0);
    server.last.openStream().event({ data: 'back' });
    await clock.advance(0);
    expect(seen).toEqual(['error', 'open', 'message:back']);
    expect(source.readyState).toBe(1);
  });

  it('fails for good when the response is not an event stream, like EventSource', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.respond(200, '<html></html>', { 'content-type': 'text/html' });
    await clock.advance(120_000);
    expect(server.requests).toHaveLength(1);
    expect(source.readyState).toBe(2);
  });

  it('accepts a content type with parameters', async () => {
    const { hub, clock, server } = createTestHub();
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.openStream({ 'content-type': 'Text/Event-Stream; charset=utf-8' });
    await clock.advance(0);
    expect(source.readyState).toBe(1);
  });
});
