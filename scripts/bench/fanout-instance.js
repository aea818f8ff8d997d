/**
 * One multiplexer instance for `npm run bench -- fanout`, in a process of its own so that its
 * memory is its own: the Redis backplane, one published topic pattern, and `GET /memory`,
 * which collects garbage first (the process runs with `--expose-gc`) and answers
 * `process.memoryUsage()`. Prints `listening <port>` once it accepts requests.
 *
 * Usage: node --expose-gc scripts/bench/fanout-instance.js <redis url> <key prefix>
 */
import { createServer } from 'node:http';
import { createMultiplexer } from 'sse-hub/server';
import { redisBackplane } from 'sse-hub/server/redis';

const [redisUrl, keyPrefix] = process.argv.slice(2);
const multiplexer = createMultiplexer({
  allow: [],
  publish: ['/topics/:id'],
  backplane: redisBackplane({ url: redisUrl, keyPrefix }),
  // Above the default 64 only so that nothing here is refused; each client holds one topic.
  maxTopicsPerConnection: 64,
});

const server = createServer((request, response) => {
  if (request.url === '/memory') {
    globalThis.gc?.();
    globalThis.gc?.();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...process.memoryUsage(), stats: multiplexer.stats() }));
    return;
  }
  multiplexer.node(request, response, () => response.writeHead(404).end());
});
// The default backlog (511) drops connections when thousands of clients arrive at once.
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
});
