/**
 * The live-dashboard example's server: plain `node:http` (HTTP/1.1 on purpose — the
 * six-connections-per-origin budget is what the example demonstrates), serving
 *
 * - `public/` (page A: one EventSource per row; page B: the same rows through the hub),
 * - the built runtime under `/lib/` (`packages/sse-hub/dist/`, so the hub's relative imports resolve)
 *   and `/hub.js` as a one-line module that re-exports `/lib/hub/index.js`,
 * - `GET /rows/:id/events`, one event stream per row,
 * - `POST /api/send`, which answers at once (the request that starves on page A),
 * - the server multiplexer from the `sse-hub` package (`sse-hub/server`) at `/__sse_hub`,
 *   allowed to carry the row streams.
 *
 * It also counts what reached it, so that `scripts/proof.js` can report connections:
 * TCP sockets and event streams, split into those the browser opened and those the
 * multiplexer opened to this same server (they carry `x-sse-multiplexer: 1`).
 *
 * Run it with `npm run build && node examples/live-dashboard/server.js`. The mercure-topics
 * example's server counts and serves files with the helpers exported here.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const LIBRARY_DIR = fileURLToPath(new URL('../../packages/sse-hub/dist/', import.meta.url));
const HUB_ENDPOINT = '/__sse_hub';
const ROW_EVENT_INTERVAL_MS = 500;
const ROW_ROUTE = /^\/rows\/([1-9]\d{0,3})\/events$/;

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Starts the example server; resolves once it listens.
 * @param {{ port?: number, host?: string, publicDir?: string }} [options] `publicDir`: the
 *   static files to serve instead of this example's `public/` (the proof serves a copy the
 *   codemod converted).
 * @returns {Promise<{ url: string, stats: () => DashboardStats, close: () => Promise<void> }>}
 */
export async function startDashboardServer({ port = 0, host = '127.0.0.1', publicDir = PUBLIC_DIR } = {}) {
  const publicRoot = resolve(publicDir);
  const { createMultiplexer, UPSTREAM_MARKER_HEADER } = await importServerPackage();
  const multiplexer = createMultiplexer({ endpoint: HUB_ENDPOINT, allow: ['/rows/:id/events'] });
  const accounting = createConnectionAccounting();
  /** Row streams still open, so that `close()` can end them instead of waiting for clients. */
  const openRowStreams = new Set();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers[UPSTREAM_MARKER_HEADER] === '1' ? 'upstream' : 'browser';
    accounting.onRequest(request.socket, origin);
    if (request.method === 'GET' && (url.pathname === HUB_ENDPOINT || ROW_ROUTE.test(url.pathname))) {
      accounting.onStreamRequest(response, origin);
    }
    route(request, response, url).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error');
    });
  });
  server.on('connection', () => accounting.onSocket());

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response @param {URL} url */
  async function route(request, response, url) {
    if (url.pathname === HUB_ENDPOINT) {
      multiplexer.node(request, response, () => sendNotFound(response));
      return;
    }
    const rowMatch = ROW_ROUTE.exec(url.pathname);
    if (rowMatch && request.method === 'GET') {
      streamRow(request, response, Number(rowMatch[1]));
      return;
    }
    if (url.pathname === '/api/send' && request.method === 'POST') {
      await answerSend(request, response);
      return;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      await serveFile(response, url.pathname);
      return;
    }
    sendNotFound(response);
  }

  /** One stream per row: an event right away, then one every ROW_EVENT_INTERVAL_MS; resumes after `Last-Event-ID`. */
  function streamRow(request, response, rowId) {
    const resumeFrom = Number(request.headers['last-event-id']);
    let counter = Number.isSafeInteger(resumeFrom) && resumeFrom >= 0 ? resumeFrom + 1 : 1;
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = () => {
      // JSON.stringify never puts a line break in its output, so one data line holds the event.
      response.write(`id: ${counter}\ndata: ${JSON.stringify({ row: rowId, counter })}\n\n`);
      counter += 1;
    };
    send();
    const timer = setInterval(send, ROW_EVENT_INTERVAL_MS);
    openRowStreams.add(response);
    response.on('close', () => {
      clearInterval(timer);
      openRowStreams.delete(response);
    });
  }

  /** Answers at once: any delay the page measures was spent waiting for a free connection. */
  async function answerSend(request, response) {
    let bytes = 0;
    for await (const chunk of request) bytes += chunk.length;
    accounting.onPost();
    const body = JSON.stringify({ ok: true, receivedBytes: bytes, at: new Date().toISOString() });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(body);
  }

  /** @param {import('node:http').ServerResponse} response @param {string} pathname */
  async function serveFile(response, pathname) {
    if (pathname === '/hub.js') {
      // A re-export rather than the file itself: served at the root, the hub's own
      // relative imports (`../sse/parser.js`) would resolve outside `/lib/`.
      sendText(response, 200, CONTENT_TYPES['.js'], "export * from '/lib/hub/index.js';\n");
      return;
    }
    const file = pathname.startsWith('/lib/')
      ? resolveInside(LIBRARY_DIR, pathname.slice('/lib/'.length), ['.js'])
      : resolveInside(publicRoot, pathname === '/' ? 'index.html' : pathname.slice(1), Object.keys(CONTENT_TYPES));
    if (!file) {
      sendNotFound(response);
      return;
    }
    let contents;
    try {
      contents = await readFile(file);
    } catch {
      sendNotFound(response);
      return;
    }
    sendText(response, 200, CONTENT_TYPES[extname(file)], contents);
  }

  const url = await listen(server, port, host, 'the dashboard server');

  let closing;
  return {
    url,
    stats: () => ({ ...accounting.snapshot(), multiplexer: multiplexer.stats() }),
    close: () => {
      closing ??= (async () => {
        // The multiplexer first: its upstreams are requests to this very server.
        await multiplexer.close();
        for (const response of openRowStreams) response.end();
        const closed = new Promise((resolveClose) => server.close(() => resolveClose(undefined)));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/**
 * Starts `server` listening and resolves with its `http://host:port` URL once it does.
 * @param {import('node:http').Server} server
 * @param {number} port
 * @param {string} host
 * @param {string} name the server, for the error when it has no TCP address
 * @returns {Promise<string>}
 */
export async function listen(server, port, host, name) {
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      resolveListen(undefined);
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${name} has no TCP address`);
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/**
 * @typedef {{ opened: number, open: number, peak: number }} Gauge
 * @typedef {{
 *   sockets: { accepted: number, browser: Gauge, upstream: Gauge },
 *   streams: { browser: Gauge, upstream: Gauge },
 *   posts: number,
 *   multiplexer?: { connections: number, topics: number, upstreams: number },
 * }} DashboardStats
 */

/**
 * Counts sockets and event streams by who opened them. A socket is attributed to the
 * browser or to the multiplexer by its first request (keep-alive sockets are never
 * shared between the two); one that never carries a request counts only as accepted.
 */
export function createConnectionAccounting() {
  const gauge = () => ({ opened: 0, open: 0, peak: 0 });
  const sockets = { accepted: 0, browser: gauge(), upstream: gauge() };
  const streams = { browser: gauge(), upstream: gauge() };
  /** @type {WeakMap<import('node:net').Socket, 'browser' | 'upstream'>} */
  const socketOrigin = new WeakMap();
  let posts = 0;

  /** @param {{ opened: number, open: number, peak: number }} counter */
  function track(counter, emitter, closeEvent) {
    counter.opened += 1;
    counter.open += 1;
    counter.peak = Math.max(counter.peak, counter.open);
    emitter.once(closeEvent, () => {
      counter.open -= 1;
    });
  }

  return {
    onSocket() {
      sockets.accepted += 1;
    },
    /** @param {import('node:net').Socket} socket @param {'browser' | 'upstream'} origin */
    onRequest(socket, origin) {
      if (socketOrigin.has(socket)) return;
      socketOrigin.set(socket, origin);
      track(sockets[origin], socket, 'close');
    },
    /** @param {import('node:http').ServerResponse} response @param {'browser' | 'upstream'} origin */
    onStreamRequest(response, origin) {
      track(streams[origin], response, 'close');
    },
    onPost() {
      posts += 1;
    },
    /** @returns {DashboardStats} */
    snapshot() {
      const copy = (counter) => ({ ...counter });
      return {
        sockets: { accepted: sockets.accepted, browser: copy(sockets.browser), upstream: copy(sockets.upstream) },
        streams: { browser: copy(streams.browser), upstream: copy(streams.upstream) },
        posts,
      };
    },
  };
}

/** The path of `relativePath` inside `root`, or undefined if it escapes `root` or has another extension. */
export function resolveInside(root, relativePath, allowedExtensions) {
  let decoded;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return undefined;
  }
  const file = resolve(root, decoded);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (!allowedExtensions.includes(extname(file))) return undefined;
  return file;
}

export function sendText(response, status, contentType, body) {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

export function sendNotFound(response) {
  sendText(response, 404, 'text/plain; charset=utf-8', 'not found');
}

/** The server multiplexer from the runtime package, by its name, as an app imports it (the workspace links it here). */
async function importServerPackage() {
  try {
    return await import('sse-hub/server');
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
    if (missing) throw new Error('sse-hub/server is not built: run `npm run build` first', { cause: error });
    throw error;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3000);
  const dashboard = await startDashboardServer({ port }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
  console.log(`live dashboard: ${dashboard.url}/page-a.html (one EventSource per row)`);
  console.log(`                ${dashboard.url}/page-b.html (the same rows through the hub)`);
  const shutdown = () => {
    dashboard.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
