/**
 * A whole app in a child process, so that its memory can be measured apart from the test
 * runner: a burst route (`/burst/:name`) that replays many tiny events after one long id,
 * the multiplexer in front of it, and a sampler of the process's RSS. The parent talks to
 * it over IPC: `{ kind: 'listening', origin }` when ready, then answers `measure` with the
 * baseline, the peak since the baseline and `stats()`.
 *
 * The burst is the shape that made re-framing expensive: each 8-byte upstream event is
 * written to the client with its topic (about 2,000 characters) and the 1,000-character id
 * in force, about 400 times its size.
 */
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMultiplexer } from '../../../src/server/index.js';

const EVENTS_PER_BURST = Number(process.env.BURST_EVENTS ?? 200_000);
const LONG_ID = 'i'.repeat(1000);
const EVENTS_PER_WRITE = 500;
const SAMPLE_EVERY_MS = 20;

const gc = (globalThis as { gc?: () => void }).gc;

const multiplexer = createMultiplexer({
  allow: ['/burst/:name'],
  writeTimeoutMs: Number(process.env.WRITE_TIMEOUT_MS ?? 1500),
});

const server = createServer((req, res) => {
  if (req.url?.startsWith('/burst/')) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    void replayBurst(res);
    return;
  }
  multiplexer.node(req, res);
});

/** Honours backpressure itself: the route's own buffering is not what is being measured. */
async function replayBurst(res: ServerResponse): Promise<void> {
  res.write(`id: ${LONG_ID}\n\n`);
  const batch = 'data: x\n\n'.repeat(EVENTS_PER_WRITE);
  for (let sent = 0; sent < EVENTS_PER_BURST && !res.destroyed; sent += EVENTS_PER_WRITE) {
    if (!res.write(batch)) await drainedOrClosed(res);
  }
  // Stays open: the burst is a replay, the live stream continues (quietly).
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

let baselineRss = 0;
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, SAMPLE_EVERY_MS);

process.on('message', (message: { kind: string }) => {
  if (message.kind === 'baseline') {
    gc?.();
    baselineRss = process.memoryUsage().rss;
    peakRss = baselineRss;
    process.send?.({ kind: 'baseline', rss: baselineRss });
  } else if (message.kind === 'measure') {
    process.send?.({ kind: 'measure', baselineRss, peakRss, stats: multiplexer.stats() });
  } else if (message.kind === 'stop') {
    clearInterval(sampler);
    void multiplexer.close().then(() => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
  }
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ kind: 'listening', origin: `http://127.0.0.1:${port}` });
});
