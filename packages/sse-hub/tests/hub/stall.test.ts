/**
 * Silent connections: a server that accepts and never answers, and a stream that goes quiet
 * after it opened. Both count as dropped after their documented timeout, on the fake clock.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS, DEFAULT_STALL_AFTER_HEARTBEATS } from '../../src/hub/options.js';
import { HUB_PROTOCOL_VERSION } from '../../src/sse/multiplex-protocol.js';
import { createTestHub, record } from './support/test-hub.js';

const HEARTBEAT_MS = 15_000;
/** `random() = 0.5`: the first reconnect waits half of `initialDelayMs` (1000). */
const FIRST_RETRY_MS = 500;
const TEN_MINUTES = 600_000;

function multiplexHub(options: Parameters<typeof createTestHub>[0] = {}) {
  return createTestHub({ endpoint: '/__sse_hub', ...options }, { random: () => 0.5 });
}

describe('the documented defaults', () => {
  it('are 30 s to connect and two heartbeat intervals of silence', () => {
    expect(DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS).toBe(30_000);
    expect(DEFAULT_STALL_AFTER_HEARTBEATS).toBe(2);
  });
});

describe('multiplex mode', () => {
  it('drops a request that gets no response headers within connectTimeoutMs, and reconnects through the backoff', async () => {
    const { hub, clock, server } = multiplexHub();
    const source = hub.sharedEventSource('/a');
    const seen = record(source);
    await clock.advance(0);
    // The server accepted the connection and says nothing.
    await clock.advance(DEFAULT_MULTIPLEX_CONNECT_TIMEOUT_MS - 1);
    expect(server.gets[0]!.aborted).toBe(false);
    await clock.advance(1);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(seen).toEqual(['error']);
    expect(source.readyState).toBe(source.CONNECTING);
    await clock.advance(FIRST_RETRY_MS);
    expect(server.gets).toHaveLength(2);
  });

  it('drops a stream whose ready frame does not come within connectTimeoutMs', async () => {
    const { hub, clock, server } = multiplexHub({ connectTimeoutMs: 5000 });
    hub.sharedEventSource('/a');
    await clock.advance(0);
    server.lastGet().openStream();
    await clock.advance(4999);
    expect(server.gets[0]!.aborted).toBe(false);
    await clock.advance(1 + FIRST_RETRY_MS);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(server.gets).toHaveLength(2);
  });

  it('drops a stream silent for stallAfterHeartbeats heartbeat intervals after ready, and subscribes again on the new one', async () => {
    const { hub, clock, server } = multiplexHub();
    const source = hub.sharedEventSource('/a');
    const seen = record(source);
    await clock.advance(0);
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION, heartbeatMs: HEARTBEAT_MS });
    await clock.advance(0);
    server.lastPost().respondJson({ accepted: ['/a'], refused: [] });
    stream.frame({ kind: 'open', topic: '/a' });
    stream.frame({ kind: 'event', topic: '/a', type: 'message', data: 'x', id: 'a-1' });
    await clock.advance(0);
    // Then nothing: the server or the path to it is gone, though TCP has not said so.
    const limit = DEFAULT_STALL_AFTER_HEARTBEATS * HEARTBEAT_MS;
    await clock.advance(limit - 1);
    expect(server.gets[0]!.aborted).toBe(false);
    expect(source.readyState).toBe(source.OPEN);
    await clock.advance(1);
    expect(server.gets[0]!.aborted).toBe(true);
    expect(seen).toEqual(['open', 'message:x', 'error']);
    expect(source.readyState).toBe(source.CONNECTING);
    await clock.advance(FIRST_RETRY_MS);
    expect(server.gets).toHaveLength(2);
    server.lastGet().openStream().frame({ kind: 'ready', connection: 'c2', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION, heartbeatMs: HEARTBEAT_MS });
    await clock.advance(0);
    expect(server.lastPost().json()).toEqual({ connection: 'c2', subscribe: [{ topic: '/a', lastEventId: 'a-1' }] });
  });

  it('keeps a stream that hears its heartbeats, however long it runs', async () => {
    const { hub, clock, server } = multiplexHub();
    hub.sharedEventSource('/a');
    await clock.advance(0);
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION, heartbeatMs: HEARTBEAT_MS });
    for (let elapsed = 0; elapsed < TEN_MINUTES; elapsed += HEARTBEAT_MS) {
      await clock.advance(HEARTBEAT_MS);
      stream.push(': ping\n\n');
    }
    await clock.advance(0);
    expect(server.gets).toHaveLength(1);
    expect(server.gets[0]!.aborted).toBe(false);
  });

  it('counts stallAfterHeartbeats in the intervals the server announced', async () => {
    const { hub, clock, server } = multiplexHub({ stallAfterHeartbeats: 3 });
    hub.sharedEventSource('/a');
    await clock.advance(0);
    server.lastGet().openStream().frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION, heartbeatMs: 1000 });
    await clock.advance(2999);
    expect(server.gets[0]!.aborted).toBe(false);
    await clock.advance(1);
    expect(server.gets[0]!.aborted).toBe(true);
  });

  it('does not watch the silence of a server that announces no heartbeat interval (protocol 2 before the field)', async () => {
    const { hub, clock, server } = multiplexHub();
    hub.sharedEventSource('/a');
    await clock.advance(0);
    server.lastGet().openStream().frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(TEN_MINUTES);
    expect(server.gets).toHaveLength(1);
    expect(server.gets[0]!.aborted).toBe(false);
  });

  it('gives up on a server that never answers at the attempt limit, with no timer left', async () => {
    const { hub, clock, server } = multiplexHub({ reconnect: { maxAttempts: 2 } });
    const source = hub.sharedEventSource('/a');
    await clock.advance(0);
    await clock.advance(TEN_MINUTES);
    expect(server.gets).toHaveLength(3);
    expect(server.live).toEqual([]);
    expect(source.readyState).toBe(source.CLOSED);
    expect(clock.pending).toBe(0);
  });
});

describe('dedupe mode', () => {
  it('waits for the response headers as long as EventSource does, unless connectTimeoutMs is set', async () => {
    // Node's `res.writeHead` sends nothing until the first write: such a server is silent until its first event.
    const { hub, clock, server } = createTestHub();
    hub.sharedEventSource('/feed');
    await clock.advance(TEN_MINUTES);
    expect(server.requests).toHaveLength(1);
    expect(server.last.aborted).toBe(false);
  });

  it('drops a request that gets no response headers within a configured connectTimeoutMs', async () => {
    const { hub, clock, server } = createTestHub({ connectTimeoutMs: 10_000 }, { random: () => 0.5 });
    const source = hub.sharedEventSource('/feed');
    await clock.advance(0);
    await clock.advance(9999);
    expect(server.last.aborted).toBe(false);
    await clock.advance(1);
    expect(server.requests[0]!.aborted).toBe(true);
    expect(source.readyState).toBe(source.CONNECTING);
    await clock.advance(FIRST_RETRY_MS);
    expect(server.requests).toHaveLength(2);
    // Once the headers are in, an arbitrary server may stay silent: it owes us no heartbeat.
    server.last.openStream();
    await clock.advance(TEN_MINUTES);
    expect(server.requests).toHaveLength(2);
    expect(source.readyState).toBe(source.OPEN);
  });
});

describe('timeout options', () => {
  it.each([
    ['connectTimeoutMs', 0],
    ['connectTimeoutMs', -1],
    ['stallAfterHeartbeats', 0],
    ['stallAfterHeartbeats', Number.NaN],
  ])('refuses %s: %d, and leaves the hub as it was', (name, value) => {
    expect(() => createTestHub({ [name]: value })).toThrow(TypeError);
    const { hub } = createTestHub();
    expect(() => hub.configure({ [name]: value })).toThrow(`${name} must be a positive number`);
    expect(() => hub.configure({ lingerMs: 5 })).not.toThrow();
  });
});
