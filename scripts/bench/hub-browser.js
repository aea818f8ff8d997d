/**
 * `npm run bench -- hub-browser`: events per second that reach a page's handlers in Chromium
 * (the system build the proof uses, through playwright-core), over a real HTTP/1.1 server on
 * 127.0.0.1:
 *
 * - one native `EventSource` carrying every event;
 * - the hub (multiplex mode, the built `packages/sse-hub/dist`) with 1 topic, and with 100
 *   topics, each topic one `sharedEventSource`;
 * - 100 native `EventSource`s, one per topic, each closed once it has its share. On HTTP/1.1
 *   only six of them connect at once: the others wait for a free connection, as a page's would.
 *
 * The server is scripted: every stream's bytes are formatted before the page subscribes and
 * written in 64 KiB slices as fast as the socket takes them, and the hub's endpoint speaks the
 * multiplex protocol (ready, subscription answer, numbered topics) without the multiplexer's
 * own per-event work, which `npm run bench -- fanout` measures. So these figures are the
 * browser's side: network read, parse, routing and the `MessageEvent` to each handler.
 *
 * Each run is a fresh browser context; the four shapes take turns, run by run, and the hub's
 * ratio to one native `EventSource` is taken within each round.
 */
import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../proof/chromium.js';
import { spread } from './statistics.js';

const LIBRARY_DIR = fileURLToPath(new URL('../../packages/sse-hub/dist/', import.meta.url));
const ENDPOINT = '/__sse_hub';
const SLICE_BYTES = 64 * 1024;
const TOPICS = 100;
/** Issue 16: in Chromium, the hub with 100 topics delivers at least 4× one native EventSource. */
const TARGET_HUB_TO_NATIVE = 4;
export const DEFAULT_EVENTS = 100_000;
const RUN_TIMEOUT_MS = 120_000;

/** The shapes measured, in the order each round runs them. */
export const SHAPES = [
  { key: 'native1', label: 'one native EventSource', transport: 'native', topics: 1 },
  { key: 'hub1', label: 'hub (multiplex), 1 topic', transport: 'hub', topics: 1 },
  { key: 'hub100', label: `hub (multiplex), ${TOPICS} topics`, transport: 'hub', topics: TOPICS },
  { key: 'native100', label: `${TOPICS} native EventSources`, transport: 'native', topics: TOPICS },
];

/** A small JSON payload, as a dashboard row's status would be; it names its topic, so a misrouted event shows. */
function eventData(topic, sequence) {
  return `{"row":${topic},"seq":${sequence},"status":"ok"}`;
}

/** How many of `events` events, dealt round-robin, topic `topic` of `topics` gets. */
export function eventsOfTopic(topic, topics, events) {
  return Math.floor(events / topics) + (topic < events % topics ? 1 : 0);
}

/**
 * The page: opens the shape's sources, counts what each handler receives, and reports the
 * time from its first event to its last. `window.benchDone` resolves with the counts.
 */
function pageHtml() {
  return `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<script type="module">
import { configureHub, sharedEventSource } from '/lib/hub/index.js';
const query = new URLSearchParams(location.search);
const transport = query.get('transport');
const topics = Number(query.get('topics'));
const events = Number(query.get('events'));
configureHub({ endpoint: '${ENDPOINT}' });
const received = new Array(topics).fill(0);
let misrouted = 0;
let delivered = 0;
let first = 0;
let finish;
window.benchDone = new Promise((resolve) => { finish = resolve; });
for (let topic = 0; topic < topics; topic++) {
  const share = Math.floor(events / topics) + (topic < events % topics ? 1 : 0);
  const url = '/topics/' + topic + '/events?events=' + share + '&topic=' + topic;
  const source = transport === 'hub' ? sharedEventSource(url) : new EventSource(url);
  const prefix = '{"row":' + topic + ',';
  source.onmessage = (event) => {
    if (delivered === 0) first = performance.now();
    if (!event.data.startsWith(prefix)) misrouted += 1;
    received[topic] += 1;
    delivered += 1;
    // A native stream that has its share is closed, so that its connection goes to a waiting one.
    if (received[topic] === share) source.close();
    if (delivered === events) finish({ delivered, misrouted, received, milliseconds: performance.now() - first });
  };
}
</script>`;
}

/** The events of one topic as its own route sends them, then as a multiplexed topic numbered `number`. */
function plainEvents(topic, share) {
  const parts = [];
  for (let sequence = 0; sequence < share; sequence++) parts.push(`id: ${sequence}\ndata: ${eventData(topic, sequence)}\n\n`);
  return parts.join('');
}

/** Topics' events dealt round-robin on one multiplexed stream, as the server multiplexer writes them. */
function multiplexedEvents(subscribed) {
  const parts = [];
  const remaining = subscribed.map(({ share }) => share);
  for (let sequence = 0, left = remaining.reduce((sum, n) => sum + n, 0); left > 0; sequence++) {
    for (const [number, { topic }] of subscribed.entries()) {
      if (remaining[number] === 0) continue;
      remaining[number] -= 1;
      left -= 1;
      parts.push(`id: ${sequence}\ntopic: ${number}\ndata: ${eventData(topic, sequence)}\n\n`);
    }
  }
  return parts.join('');
}

/** Writes `text` in slices, waiting whenever the socket's buffer is full. */
async function writeAll(response, text) {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += SLICE_BYTES) {
    if (response.destroyed) return;
    if (!response.write(bytes.subarray(offset, offset + SLICE_BYTES))) await once(response, 'drain');
  }
}

const STREAM_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

/**
 * The scripted server: the page, the built hub under `/lib/`, one route per topic, and the hub's
 * endpoint. It counts the event-stream requests it answered, to report the connections used.
 */
async function startBenchServer({ hubModule } = {}) {
  const libraryRoot = resolve(LIBRARY_DIR);
  /** Multiplexed streams by connection id, waiting for their subscription. */
  const hubStreams = new Map();
  const counts = { topicStreams: 0, hubStreams: 0, posts: 0 };
  let nextConnection = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    handle(request, response, url).catch((error) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });

  async function handle(request, response, url) {
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml());
      return;
    }
    if (hubModule !== undefined && url.pathname === '/lib/hub/index.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(hubModule);
      return;
    }
    if (url.pathname.startsWith('/lib/')) {
      const file = resolve(libraryRoot, `.${url.pathname.slice('/lib'.length)}`);
      if (!file.startsWith(libraryRoot + sep) || extname(file) !== '.js') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await readFile(file));
      return;
    }
    if (url.pathname === ENDPOINT && request.method === 'GET') {
      counts.hubStreams += 1;
      const connection = `c${nextConnection++}`;
      hubStreams.set(connection, response);
      response.writeHead(200, STREAM_HEADERS);
      response.write(`event: sse-hub\ndata: ${JSON.stringify({ kind: 'ready', connection, maxTopics: TOPICS, protocol: 3 })}\n\n`);
      response.on('close', () => hubStreams.delete(connection));
      return;
    }
    if (url.pathname === ENDPOINT && request.method === 'POST') {
      counts.posts += 1;
      let body = '';
      for await (const chunk of request) body += chunk;
      const change = JSON.parse(body);
      const topics = (change.subscribe ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.topic));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: topics, refused: [] }));
      const stream = hubStreams.get(change.connection);
      if (!stream || topics.length === 0) return;
      const subscribed = topics.map((topic) => {
        const query = new URL(topic, 'http://localhost').searchParams;
        return { path: topic, topic: Number(query.get('topic')), share: Number(query.get('events')) };
      });
      let frames = '';
      for (const [number, { path }] of subscribed.entries()) {
        frames += `event: sse-hub\ndata: ${JSON.stringify({ kind: 'subscribed', topic: path, number })}\n\n`;
        frames += `event: sse-hub\ndata: ${JSON.stringify({ kind: 'open', topic: path })}\n\n`;
      }
      await writeAll(stream, frames + multiplexedEvents(subscribed));
      return;
    }
    if (url.pathname.startsWith('/topics/') && request.method === 'GET') {
      counts.topicStreams += 1;
      const topic = Number(url.searchParams.get('topic'));
      const share = Number(url.searchParams.get('events'));
      response.writeHead(200, STREAM_HEADERS);
      // The stream stays open after its events, as a live route's would: the page closes it.
      await writeAll(response, plainEvents(topic, share));
      return;
    }
    response.writeHead(404).end();
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    counts,
    resetCounts() {
      Object.assign(counts, { topicStreams: 0, hubStreams: 0, posts: 0 });
    },
    async close() {
      for (const stream of hubStreams.values()) stream.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** One shape in a fresh context: what the page's handlers received, and how fast. */
export async function measureShapeInBrowser(browser, server, shape, events) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    server.resetCounts();
    await page.goto(`${server.origin}/?transport=${shape.transport}&topics=${shape.topics}&events=${events}`);
    // Runs in the page, where the module script above set `benchDone` on the window.
    const outcome = await page.evaluate(
      (timeoutMs) => Promise.race([globalThis.benchDone, new Promise((resolve) => setTimeout(() => resolve(undefined), timeoutMs))]),
      RUN_TIMEOUT_MS,
    );
    const problems = [...pageErrors];
    if (!outcome) problems.push(`${shape.key}: not every event arrived within ${RUN_TIMEOUT_MS / 1000} s`);
    else {
      if (outcome.misrouted > 0) problems.push(`${shape.key}: ${outcome.misrouted} events reached a handler of another topic`);
      const wrong = outcome.received.filter((count, topic) => count !== eventsOfTopic(topic, shape.topics, events)).length;
      if (wrong > 0) problems.push(`${shape.key}: ${wrong} topics received a wrong number of events`);
    }
    const streams = shape.transport === 'hub' ? server.counts.hubStreams : server.counts.topicStreams;
    return {
      key: shape.key,
      delivered: outcome?.delivered ?? 0,
      milliseconds: outcome?.milliseconds ?? Number.NaN,
      eventsPerSecond: outcome ? (events / outcome.milliseconds) * 1000 : 0,
      streams,
      problems,
    };
  } finally {
    await context.close();
  }
}

/**
 * @param {{ runs?: number, events?: number, browser?: import('playwright-core').Browser, hubModule?: string }} [options]
 *   `hubModule`: the hub as one bundled ES module, served instead of the built `dist/` (tests bundle the sources)
 */
export async function measureHubInBrowser({ runs = 3, events = DEFAULT_EVENTS, browser: given, hubModule } = {}) {
  const machine = { date: new Date().toISOString().slice(0, 10), cpus: os.cpus().length, loadAverageAtStart: os.loadavg() };
  const browser = given ?? (await launchChromium({ launchTimeoutMs: 30_000 }));
  const server = await startBenchServer({ hubModule });
  const problems = [];
  const samples = Object.fromEntries(SHAPES.map((shape) => [shape.key, []]));
  try {
    // Round 0 warms up the browser and the server; the shapes take turns in every round.
    for (let round = 0; round <= runs; round++) {
      for (const shape of SHAPES) {
        const sample = await measureShapeInBrowser(browser, server, shape, events);
        problems.push(...sample.problems);
        if (round > 0) samples[shape.key].push(sample);
      }
    }
  } finally {
    await server.close();
    if (!given) await browser.close();
  }
  machine.loadAverageAtEnd = os.loadavg();
  const shapes = SHAPES.map((shape) => ({
    ...shape,
    events,
    streams: samples[shape.key][0]?.streams ?? 0,
    eventsPerSecond: spread(samples[shape.key].map((sample) => sample.eventsPerSecond)),
  }));
  const ratio = (key) => spread(samples[key].map((sample, round) => sample.eventsPerSecond / samples.native1[round].eventsPerSecond));
  const toNative = { hub1: ratio('hub1'), hub100: ratio('hub100'), native100: ratio('native100') };
  return {
    runs,
    events,
    machine,
    chromium: browser.version(),
    shapes,
    toNative,
    target: { hubToNative: TARGET_HUB_TO_NATIVE, measured: toNative.hub100.median, met: toNative.hub100.median >= TARGET_HUB_TO_NATIVE },
    problems,
  };
}

function count(value) {
  return Math.round(value).toLocaleString('en-US');
}

export function formatHubInBrowser(result) {
  const withRange = ({ median, min, max }, format) => `${format(median)} [${format(min)}–${format(max)}]`;
  const ratio = (value) => `${value.toFixed(2)}×`;
  const lines = [
    `Hub in Chromium ${result.chromium}, ${count(result.events)} events to page handlers per shape over HTTP/1.1 on 127.0.0.1; median of ${result.runs} runs after 1 warm-up, min–max in brackets:`,
    `  load average ${result.machine.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${result.machine.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end`,
    '',
    `  ${'shape'.padEnd(36)} ${'streams'.padStart(7)}  ${'events/s delivered'.padEnd(34)} ×one native EventSource`,
    ...result.shapes.map(
      (shape) =>
        `  ${shape.label.padEnd(36)} ${String(shape.streams).padStart(7)}  ${withRange(shape.eventsPerSecond, count).padEnd(34)} ${shape.key === 'native1' ? '1' : withRange(result.toNative[shape.key], ratio)}`,
    ),
    `  target: the hub with ${TOPICS} topics ≥ ${TARGET_HUB_TO_NATIVE}× one native EventSource: ${result.target.met ? 'met' : 'NOT met'} (${ratio(result.target.measured)})`,
  ];
  if (result.problems.length > 0) lines.push('', '  PROBLEMS:', ...result.problems.map((problem) => `    ${problem}`));
  return lines;
}
