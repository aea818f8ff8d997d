/**
 * The per-stream write limits through the fetch adapter, whose backpressure signal is the
 * response body's queue: a body nobody reads is a client that stopped reading.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMultiplexer } from '../../src/server/index.js';
import type { Multiplexer, MultiplexerOptions } from '../../src/server/index.js';
import { waitUntil } from './support/loopback.js';

const ORIGIN = 'http://app.test';
const MIB = 1024 * 1024;
const BIG_EVENT = 'x'.repeat(MIB);

let multiplexer: Multiplexer | undefined;
afterEach(async () => {
  await multiplexer?.close();
  multiplexer = undefined;
});

/** Every topic yields 1 MiB events, as fast as it is let. */
function bigEventsMultiplexer(options: Partial<MultiplexerOptions>): Multiplexer {
  return createMultiplexer({
    allow: ['/big/:id'],
    resolve: async function* () {
      for (let index = 0; ; index += 1) yield { data: BIG_EVENT, id: String(index) };
    },
    ...options,
  });
}

/** Opens a stream, reads its first chunk (the ready frame) and then stops reading. */
async function openUnreadStream(handler: Multiplexer): Promise<{ connection: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const response = await handler.fetch(new Request(`${ORIGIN}/__sse_hub`));
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  const connection = /"connection":"([^"]+)"/.exec(first)?.[1];
  if (connection === undefined) throw new Error(`no ready frame in ${JSON.stringify(first)}`);
  return { connection, reader };
}

async function subscribe(handler: Multiplexer, connection: string, topics: string[]): Promise<number> {
  const answer = await handler.fetch(
    new Request(`${ORIGIN}/__sse_hub`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connection, subscribe: topics }),
    }),
  );
  return answer.status;
}

describe('write limits (fetch adapter)', () => {
  it('drops a stream whose queue passes maxBufferedBytesPerStream, at once, and stops its sources', async () => {
    const handler = (multiplexer = bigEventsMultiplexer({ maxBufferedBytesPerStream: 4 * MIB, writeTimeoutMs: 60_000 }));
    const { connection, reader } = await openUnreadStream(handler);
    // Each source waits for the client after its event, so 8 topics queue 8 MiB at most: over the cap.
    const opened = Date.now();
    expect(await subscribe(handler, connection, Array.from({ length: 8 }, (_, index) => `/big/${index}`))).toBe(200);

    await waitUntil(() => handler.stats().connections === 0 && handler.stats().upstreams === 0, 'the stream to be dropped');
    // Long before the 60 s write timeout: the cap did it.
    expect(Date.now() - opened).toBeLessThan(30_000);
    // The body errors rather than ends: a reader must not take a dropped stream for a finished one.
    await expect(reader.read()).rejects.toThrow('client stream dropped: it stopped reading');
  });

  it('drops a stream that takes nothing for writeTimeoutMs while under the cap', async () => {
    const handler = (multiplexer = bigEventsMultiplexer({ maxBufferedBytesPerStream: 4 * MIB, writeTimeoutMs: 300 }));
    const { connection, reader } = await openUnreadStream(handler);
    // One topic: one 1 MiB event queued, then its source waits; under the cap.
    expect(await subscribe(handler, connection, ['/big/1'])).toBe(200);
    await waitUntil(() => handler.stats().connections === 0, 'the stream to be dropped by the write timeout');
    expect(handler.stats().upstreams).toBe(0);
    await expect(reader.read()).rejects.toThrow('client stream dropped: it stopped reading');
  });

  it('keeps a stream that stays behind but keeps taking bytes', async () => {
    const handler = (multiplexer = bigEventsMultiplexer({ maxBufferedBytesPerStream: 4 * MIB, writeTimeoutMs: 300 }));
    const { connection, reader } = await openUnreadStream(handler);
    expect(await subscribe(handler, connection, ['/big/1'])).toBe(200);
    // One event every 150 ms: the queue is never empty (the source refills it at once), but the
    // client keeps taking from it within the 300 ms timeout. 2 s is over six timeouts.
    let received = 0;
    const until = Date.now() + 2000;
    while (Date.now() < until) {
      const { value } = await reader.read();
      received += value?.byteLength ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(handler.stats().connections).toBe(1);
    expect(received).toBeGreaterThan(8 * MIB);
    await reader.cancel();
  });
});

describe('write limit options', () => {
  it('are checked at creation', () => {
    expect(() => createMultiplexer({ allow: ['/a'], maxBufferedBytesPerStream: 0 })).toThrow(
      'maxBufferedBytesPerStream must be a positive integer, got 0',
    );
    expect(() => createMultiplexer({ allow: ['/a'], writeTimeoutMs: -1 })).toThrow(
      'writeTimeoutMs must be a positive number of milliseconds up to 2147483647, got -1',
    );
    expect(() => createMultiplexer({ allow: ['/a'], requestBodyTimeoutMs: Number.NaN })).toThrow(
      'requestBodyTimeoutMs must be a positive number of milliseconds up to 2147483647, got NaN',
    );
  });
});
