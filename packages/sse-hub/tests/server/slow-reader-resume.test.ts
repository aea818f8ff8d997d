/**
 * A hub whose reading stalls past `writeTimeoutMs` is dropped by the server; it must come
 * back on its own and resume each topic after the last event its subscribers got, so that
 * a client that was merely slow loses and repeats nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/hub/hub.js';
import { startStack, waitUntil } from './support/loopback.js';
import type { Stack } from './support/loopback.js';

const BIG_DATA = 'x'.repeat(256 * 1024);

let stack: Stack | undefined;
let hub: Hub | undefined;
afterEach(async () => {
  hub?.close();
  hub = undefined;
  await stack?.close();
  stack = undefined;
});

/**
 * The first stream the hub opens passes through a gate: while it is shut, nothing more is
 * read from the socket, as in a tab whose main thread is busy.
 */
function gatedFetch(): { fetch: typeof fetch; stall(): void; release(): void } {
  let streams = 0;
  let stalled = false;
  let open: (() => void) | undefined;
  const gate = async (): Promise<void> => {
    while (stalled) await new Promise<void>((resolve) => (open = resolve));
  };
  return {
    async fetch(url, init) {
      const response = await fetch(url, init);
      if ((init?.method ?? 'GET') !== 'GET' || (streams += 1) > 1 || response.body === null) return response;
      const reader = response.body.getReader();
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            await gate();
            try {
              const { done, value } = await reader.read();
              if (done) controller.close();
              else controller.enqueue(value);
            } catch (error) {
              controller.error(error);
            }
          },
          cancel: (reason) => reader.cancel(reason),
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: response.status, headers: response.headers });
    },
    stall() {
      stalled = true;
    },
    release() {
      stalled = false;
      open?.();
    },
  };
}

describe('a hub dropped for reading too slowly', () => {
  it('reconnects and resumes after the last event it delivered, losing and repeating nothing', async () => {
    stack = await startStack({ writeTimeoutMs: 500 });
    const gated = gatedFetch();
    hub = createHub({ endpoint: '/__sse_hub' }, { fetch: gated.fetch, baseUrl: () => `${stack!.origin}/dashboard` });
    const source = hub.sharedEventSource('/rows/1/events');
    const ids: string[] = [];
    source.addEventListener('message', (event) => ids.push(event.lastEventId));
    const [first] = await waitUntil(() => {
      const requests = stack!.app.requestsTo('/rows/1/events');
      return requests.length === 1 ? requests : undefined;
    }, 'the first upstream request');

    first!.send({ data: 'small', id: '1' });
    await waitUntil(() => ids.length === 1, 'the first event');
    gated.stall();
    // 10 MiB: more than loopback socket buffers hold, so the server's queue for the hub stops moving.
    for (let index = 2; index <= 41; index += 1) first!.send({ data: BIG_DATA, id: String(index) });
    await waitUntil(() => stack!.multiplexer.stats().connections === 0, 'the server to drop the stalled stream');
    await waitUntil(() => first!.closed, 'the upstream it fed to be let go');
    gated.release();

    const second = await waitUntil(() => stack!.app.requestsTo('/rows/1/events')[1], 'the resumed upstream request', 15_000);
    const delivered = ids.at(-1)!;
    // Whatever reached the page before the drop, the upstream resumes after exactly that.
    expect(second.headers['last-event-id']).toBe(delivered);
    const next = String(Number(delivered) + 1);
    second.send({ data: 'after the resume', id: next });
    await waitUntil(() => ids.at(-1) === next, 'the event after the resume');
    expect(ids).toEqual(Array.from({ length: Number(next) }, (_, index) => String(index + 1)));
  }, 30_000);
});
