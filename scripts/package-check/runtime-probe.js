/**
 * Copied into a fresh project that has only `sse-hub` installed, and run there with Node: it
 * imports both entries by their package names, mounts `createMultiplexer` on `node:http` at
 * 127.0.0.1 (port 0), opens the hub stream, subscribes one topic, and waits for that topic's
 * event to arrive on the stream. Prints one JSON line with what it saw; exits 1 on a timeout.
 */
/* global fetch, TextDecoderStream -- Node's web globals */
import { createServer } from 'node:http';
import * as hub from 'sse-hub';
import { createMultiplexer } from 'sse-hub/server';

const TOPIC = '/rows/7/events';
const timeout = setTimeout(() => {
  console.error('runtime probe: no event within 10 s');
  process.exit(1);
}, 10_000);

const multiplexer = createMultiplexer({
  allow: ['/rows/:id/events'],
  // One event per topic, then the topic stays open until the hub ends it.
  async *resolve(topic, _request, signal) {
    yield { data: `hello from ${topic}`, id: '1' };
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  },
});
const server = createServer((req, res) => multiplexer.node(req, res, () => res.writeHead(404).end()));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const endpoint = `http://127.0.0.1:${port}${hub.DEFAULT_HUB_ENDPOINT}`;

const response = await fetch(endpoint);
const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
let received = '';
/** Reads the stream until `pattern` matches what has arrived; resolves with the match. */
async function waitFor(pattern) {
  for (;;) {
    const match = pattern.exec(received);
    if (match) return match;
    const { value, done } = await reader.read();
    if (done) throw new Error(`the hub stream ended before ${pattern}; it sent:\n${received}`);
    received += value;
  }
}

const [, connection] = await waitFor(/"kind":"ready","connection":"([^"]+)"/);
const subscription = await fetch(endpoint, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ connection, subscribe: [TOPIC] }),
});
const answer = await subscription.json();
const [event] = await waitFor(/id: .*\ntopic: \d+\ndata: hello from \/rows\/7\/events\n/);

await reader.cancel();
await multiplexer.close();
server.close();
clearTimeout(timeout);
console.log(
  JSON.stringify({
    status: response.status,
    contentType: response.headers.get('content-type'),
    accepted: answer.accepted,
    event,
    hubExports: Object.keys(hub).sort(),
    hubFunctions: ['configureHub', 'sharedEventSource'].filter((name) => typeof hub[name] === 'function'),
  }),
);
