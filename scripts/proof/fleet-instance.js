/* global AbortController, fetch, TextDecoderStream -- Node 20 globals */
/**
 * One instance of the fleet proof's app, run as its own process so that the proof can kill
 * it for real (SIGKILL): the multiplexer with the Redis backplane, serving published row
 * topics, and the page's `POST /api/send`. Prints `listening <port>` once it accepts requests.
 *
 * Usage: node scripts/proof/fleet-instance.js <redis url> <key prefix>
 */
import { createServer } from 'node:http';
import { createMultiplexer } from 'sse-hub/server';
import { redisBackplane } from 'sse-hub/server/redis';

const [redisUrl, keyPrefix] = process.argv.slice(2);
if (!redisUrl || !keyPrefix) {
  console.error('usage: node scripts/proof/fleet-instance.js <redis url> <key prefix>');
  process.exit(2);
}

const multiplexer = createMultiplexer({
  allow: [],
  publish: ['/rows/:id/events'],
  backplane: redisBackplane({ url: redisUrl, keyPrefix }),
  // Shorter than the default [2000, 8000], so that the hubs of a dead instance come back within seconds.
  retryMs: [500, 2000],
});

const server = createServer((request, response) => {
  if (request.url === '/api/send' && request.method === 'POST') {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ ok: true }));
    });
    return;
  }
  multiplexer.node(request, response, () => {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
});
server.listen(0, '127.0.0.1', async () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await probeReadiness(`http://127.0.0.1:${port}/__sse_hub`);
  process.stdout.write(`listening ${port}\n`);
});

/**
 * Joins the balancer only after one stream and one subscription change went through, as a
 * readiness probe would see to: the first request of a fresh Node process pays for loading
 * `fetch`'s internals (about 150 ms here), which is no cost of the multiplexer.
 */
async function probeReadiness(endpointUrl) {
  const abort = new AbortController();
  const stream = await fetch(endpointUrl, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
  const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('"connection"')) text += (await reader.read()).value ?? '';
  const connection = /"connection":"([^"]+)"/.exec(text)?.[1];
  await fetch(endpointUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ connection, subscribe: ['/rows/0/events'] }),
  }).then((answer) => answer.text());
  abort.abort();
  await reader.cancel().catch(() => undefined);
}
process.once('SIGTERM', () => {
  multiplexer.close().then(() => server.close(() => process.exit(0)));
});
