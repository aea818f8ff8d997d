/**
 * The mercure-topics example's server: a page whose rows each follow a topic of a
 * Mercure-style hub, served by plain `node:http` (HTTP/1.1, where the page's six connections
 * per origin are the budget), serving
 *
 * - `public/` (`topics.html`: one EventSource per row's topic),
 * - `GET /.well-known/mercure?topic=a&topic=b`: the subscribe side of the Mercure protocol, as
 *   far as the hub's `mergeTopics` relies on it (written from the protocol's description, not
 *   from a Mercure hub): one event stream of the updates published to any of its topics, each
 *   with its own `id:` and without its topics; a `Last-Event-ID` header replays first the
 *   updates published after that id to those topics, from the history the server keeps;
 * - `POST /api/send`, which answers at once (the request that starves behind the streams).
 *
 * Every ROW_UPDATE_INTERVAL_MS it publishes one update to each row's topic (`/rows/<id>`),
 * whoever listens, as a server publishes what happens. The update's data names its row, which
 * is how a page that shares one connection tells the topics apart (`topicOf`).
 *
 * It counts connections as the live-dashboard server does (the same accounting), so that
 * `scripts/proof.js` reads both servers alike; there is no multiplexer here, since a Mercure
 * hub is not a Node app.
 *
 * Run it with `npm run build && node examples/mercure-topics/server.js`.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, createConnectionAccounting, listen, resolveInside, sendNotFound, sendText } from '../live-dashboard/server.js';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
export const MERCURE_PATH = '/.well-known/mercure';
export const ROW_COUNT = 20;
const ROW_UPDATE_INTERVAL_MS = 500;
/** How many updates the server remembers for `Last-Event-ID`: a few seconds of every row's. */
const HISTORY_LENGTH = 2_000;

/** The topic of a row: what a page subscribes to, and what `topicOf` reads back from an update. */
export const rowTopic = (rowId) => `/rows/${rowId}`;

/**
 * Starts the example server; resolves once it listens.
 * @param {{ port?: number, host?: string, publicDir?: string }} [options] `publicDir`: the
 *   static files to serve instead of this example's `public/` (the proof serves a copy the
 *   codemod converted).
 * @returns {Promise<{ url: string, stats: () => import('../live-dashboard/server.js').DashboardStats & { mercure: MercureStats }, close: () => Promise<void> }>}
 */
export async function startMercureTopicsServer({ port = 0, host = '127.0.0.1', publicDir = PUBLIC_DIR } = {}) {
  const publicRoot = resolve(publicDir);
  const accounting = createConnectionAccounting();
  const topics = createTopicStreams();
  let counter = 0;
  const publisher = setInterval(() => {
    counter += 1;
    for (let row = 1; row <= ROW_COUNT; row++) topics.publish([rowTopic(row)], JSON.stringify({ row, counter }));
  }, ROW_UPDATE_INTERVAL_MS);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    accounting.onRequest(request.socket, 'browser');
    if (request.method === 'GET' && url.pathname === MERCURE_PATH) {
      accounting.onStreamRequest(response, 'browser');
      topics.subscribe(request, response, url.searchParams.getAll('topic'));
      return;
    }
    route(request, response, url).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error');
    });
  });
  server.on('connection', () => accounting.onSocket());

  async function route(request, response, url) {
    if (url.pathname === '/api/send' && request.method === 'POST') {
      for await (const chunk of request) void chunk;
      accounting.onPost();
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify({ ok: true, at: new Date().toISOString() }));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendNotFound(response);
      return;
    }
    const file = resolveInside(publicRoot, url.pathname === '/' ? 'topics.html' : url.pathname.slice(1), Object.keys(CONTENT_TYPES));
    const contents = file ? await readFile(file).catch(() => undefined) : undefined;
    if (contents === undefined) sendNotFound(response);
    else sendText(response, 200, CONTENT_TYPES[extname(file)], contents);
  }

  const url = await listen(server, port, host, 'the mercure-topics server');

  let closing;
  return {
    url,
    stats: () => ({ ...accounting.snapshot(), mercure: topics.stats() }),
    close: () => {
      closing ??= (async () => {
        clearInterval(publisher);
        topics.endAll();
        const closed = new Promise((resolveClose) => server.close(() => resolveClose(undefined)));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}

/**
 * @typedef {{ streams: number, requests: { topics: number, resumed: boolean }[] }} MercureStats
 * `requests`: every stream request, with how many topics it named and whether it carried a
 * `Last-Event-ID`: the page's merged connection names every row's topic at once.
 */

/** The hub's subscribers and the history it replays from. */
function createTopicStreams() {
  /** @type {{ id: string, topics: string[], data: string }[]} */
  const history = [];
  /** @type {Set<{ topics: Set<string>, response: import('node:http').ServerResponse }>} */
  const subscribers = new Set();
  /** @type {MercureStats['requests']} */
  const requests = [];
  let nextId = 1;

  const deliver = (subscriber, update) => {
    if (update.topics.some((topic) => subscriber.topics.has(topic))) {
      subscriber.response.write(`id: ${update.id}\ndata: ${update.data}\n\n`);
    }
  };

  return {
    subscribe(request, response, topics) {
      const lastEventId = request.headers['last-event-id'];
      requests.push({ topics: topics.length, resumed: lastEventId !== undefined });
      if (topics.length === 0) {
        sendText(response, 400, 'text/plain; charset=utf-8', 'at least one topic is required');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      // A comment, so that the headers leave now and the page sees the stream open before the first update.
      response.write(': connected\n\n');
      const subscriber = { topics: new Set(topics), response };
      if (typeof lastEventId === 'string') {
        const after = history.findIndex((update) => update.id === lastEventId);
        // An id the history no longer holds replays nothing: the page gets what comes next.
        if (after !== -1) for (const update of history.slice(after + 1)) deliver(subscriber, update);
      }
      subscribers.add(subscriber);
      response.on('close', () => subscribers.delete(subscriber));
    },
    publish(topics, data) {
      const update = { id: `urn:update:${nextId++}`, topics, data };
      history.push(update);
      if (history.length > HISTORY_LENGTH) history.splice(0, history.length - HISTORY_LENGTH);
      for (const subscriber of subscribers) deliver(subscriber, update);
    },
    stats: () => ({ streams: subscribers.size, requests: [...requests] }),
    endAll() {
      for (const { response } of subscribers) response.end();
      subscribers.clear();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 3001);
  const example = await startMercureTopicsServer({ port });
  console.log(`mercure topics: ${example.url}/topics.html (one EventSource per row's topic)`);
  const shutdown = () => {
    example.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
