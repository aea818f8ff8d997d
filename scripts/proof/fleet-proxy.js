/**
 * The fleet proof's balancer: round-robin over the instances for every request, with no
 * stickiness at all, skipping an instance that refuses connections (a dead one). It also
 * serves the proof's page and the built hub, and records what the browser sent through it:
 * the event streams it opened (and to which instance) and how long each subscription POST took.
 */
import { Buffer } from 'node:buffer';
import { request as httpRequest, createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE_DIR = fileURLToPath(new URL('./fleet-page/', import.meta.url));
const LIBRARY_DIR = fileURLToPath(new URL('../../packages/sse-hub/dist/', import.meta.url));
const HUB_ENDPOINT = '/__sse_hub';
const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * @param {{ ports: number[] }} fleet the instances' ports on 127.0.0.1, in round-robin order
 */
export async function startFleetProxy({ ports }) {
  let next = 0;
  const streams = { opened: 0, open: 0, peak: 0, byInstance: /** @type {number[]} */ ([]) };
  /** Where the stream open now lives (index into `ports`), or -1. */
  let streamInstance = -1;
  /** @type {number[]} */
  const subscriptionPostsMs = [];

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method === 'GET' && (path === '/fleet.html' || path === '/fleet.js' || path.startsWith('/lib/'))) {
      serveFile(response, path).catch(() => response.destroy());
      return;
    }
    const started = performance.now();
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => forward(request, response, Buffer.concat(chunks), started, 0));
  });

  /** Tries the next instance; one that refuses the connection is skipped, as a health-checking balancer would. */
  function forward(request, response, body, started, tried) {
    if (tried >= ports.length) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end('no instance answered');
      return;
    }
    const instance = next;
    next = (next + 1) % ports.length;
    const upstream = httpRequest({
      host: '127.0.0.1',
      port: ports[instance],
      method: request.method,
      path: request.url,
      headers: request.headers,
    });
    upstream.once('error', (error) => {
      if (!response.headersSent) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNREFUSED') forward(request, response, body, started, tried + 1);
        else response.writeHead(502).end();
        return;
      }
      // The instance died mid-stream: the browser must see its stream drop, as it would behind a real balancer.
      response.destroy();
    });
    upstream.once('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      const isStream = request.method === 'GET' && request.url?.split('?')[0] === HUB_ENDPOINT && answer.statusCode === 200;
      if (isStream) {
        response.flushHeaders();
        streams.opened += 1;
        streams.open += 1;
        streams.peak = Math.max(streams.peak, streams.open);
        streams.byInstance.push(instance);
        streamInstance = instance;
        response.once('close', () => {
          streams.open -= 1;
          if (streamInstance === instance) streamInstance = -1;
          upstream.destroy();
        });
      }
      answer.on('data', (chunk) => response.write(chunk));
      answer.once('end', () => {
        response.end();
        if (request.method === 'POST' && request.url?.split('?')[0] === HUB_ENDPOINT) {
          subscriptionPostsMs.push(performance.now() - started);
        }
      });
      answer.once('aborted', () => response.destroy());
      answer.once('error', () => response.destroy());
    });
    upstream.end(body);
  }

  await new Promise((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    /** The instance holding the browser's stream now, or -1 when none is open. */
    streamInstance: () => streamInstance,
    stats: () => ({ streams: { ...streams, byInstance: [...streams.byInstance] }, subscriptionPostsMs: [...subscriptionPostsMs] }),
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose(undefined));
      }),
  };
}

async function serveFile(response, path) {
  const [root, relative] = path.startsWith('/lib/') ? [LIBRARY_DIR, path.slice('/lib/'.length)] : [PAGE_DIR, path.slice(1)];
  const file = resolve(root, decodeURIComponent(relative));
  const type = CONTENT_TYPES[/** @type {'.js' | '.html'} */ (extname(file))];
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || type === undefined) {
    response.writeHead(404).end();
    return;
  }
  let contents;
  try {
    contents = await readFile(file);
  } catch {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(contents);
}
