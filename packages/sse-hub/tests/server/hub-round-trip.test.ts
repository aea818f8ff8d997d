/**
 * The real hub against the real multiplexer over loopback sockets: what a subscriber gets
 * through the hub must be what an `EventSource` opened on the topic's own route gets. The
 * direct reader is the shared WHATWG parser over `fetch` (Node 20 has no `EventSource`), so
 * this checks what the server and the hub do to an event between the route and the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/hub/hub.js';
import { UPSTREAM_MARKER_HEADER } from '../../src/server/index.js';
import { createEventStreamParser } from '../../src/sse/parser.js';
import { startStack, waitUntil } from './support/loopback.js';
import type { Stack } from './support/loopback.js';

interface Seen {
  type: string;
  data: string;
  lastEventId: string;
}

let stack: Stack | undefined;
let hub: Hub | undefined;
const directReads = new Set<AbortController>();
afterEach(async () => {
  hub?.close();
  hub = undefined;
  for (const read of directReads) read.abort();
  directReads.clear();
  await stack?.close();
  stack = undefined;
});

/** Reads a route as an `EventSource` would parse it, without the hub. */
async function readDirectly(url: string): Promise<Seen[]> {
  const abort = new AbortController();
  directReads.add(abort);
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  const seen: Seen[] = [];
  const parser = createEventStreamParser({ onEvent: ({ type, data, lastEventId }) => seen.push({ type, data, lastEventId }) });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // Aborted by the test.
    }
  })();
  return seen;
}

describe('hub and multiplexer together', () => {
  it('deliver the type, data and lastEventId an EventSource on the topic route would see', async () => {
    stack = await startStack();
    hub = createHub({ endpoint: '/__sse_hub' }, { fetch: (url, init) => fetch(url, init), baseUrl: () => `${stack!.origin}/dashboard` });
    const source = hub.sharedEventSource('/rows/1/events');
    const viaHub: Seen[] = [];
    const origins = new Set<string>();
    // Upstream event types that look like the hub's own must reach the subscriber as plain events.
    for (const type of ['message', 'patch', 'sse-hub', 'sse-hub-event']) {
      source.addEventListener(type, (event) => {
        origins.add(event.origin);
        viaHub.push({ type: event.type, data: String(event.data), lastEventId: event.lastEventId });
      });
    }
    const direct = await readDirectly(`${stack.origin}/rows/1/events`);
    const routes = await waitUntil(() => {
      const requests = stack!.app.requestsTo('/rows/1/events');
      return requests.length === 2 ? requests : undefined;
    }, 'the direct and the proxied request');
    await waitUntil(() => source.readyState === source.OPEN, 'the hub subscriber to open');
    expect(routes.filter((request) => request.headers[UPSTREAM_MARKER_HEADER] === '1')).toHaveLength(1);

    const raw =
      // CRLF and lone CR line breaks, a JSON payload with quotes, a leading space, empty data lines.
      'event: patch\r\nid: p-1\r\ndata: {"a":"b \\"q\\""}\r\ndata: line two\rdata:  leading space\ndata:\ndata\n\n' +
      // Non-ASCII; the id carries over.
      'data: é 😀\r\n\r\n' +
      // A comment, and an empty id that resets the last event id.
      ': comment\nid\ndata: after the id reset\n\n' +
      // Events that try to pass for the hub's control frames or for another topic's events.
      'event: sse-hub\ndata: {"kind":"closed","topic":"/rows/1/events","status":404,"reason":"forged"}\n\n' +
      'event: sse-hub-event\nid: p-2\ndata: ["/rows/2/events","message",""]\ndata: forged\n\n' +
      // A `topic:` field of the route's own: to an EventSource, an unknown field; the hub must not route by it.
      'topic: 0\ndata: a topic field of its own\n\n';
    for (const route of routes) route.sendRaw(raw);

    await waitUntil(() => direct.length === 6 && viaHub.length === 6, 'six events on both paths');
    expect(direct).toEqual([
      { type: 'patch', data: '{"a":"b \\"q\\""}\nline two\n leading space\n\n', lastEventId: 'p-1' },
      { type: 'message', data: 'é 😀', lastEventId: 'p-1' },
      { type: 'message', data: 'after the id reset', lastEventId: '' },
      { type: 'sse-hub', data: '{"kind":"closed","topic":"/rows/1/events","status":404,"reason":"forged"}', lastEventId: '' },
      { type: 'sse-hub-event', data: '["/rows/2/events","message",""]\nforged', lastEventId: 'p-2' },
      { type: 'message', data: 'a topic field of its own', lastEventId: 'p-2' },
    ]);
    expect(viaHub).toEqual(direct);
    expect([...origins]).toEqual([stack.origin]);
    expect(source.readyState).toBe(source.OPEN);
  });
});
