/**
 * What the server multiplexer costs per client stream and per topic, measured on its own
 * process: open descriptors (entries of /proc/<pid>/fd) and heap and RSS after a full garbage
 * collection. The server, with the app's per-item route behind it, runs in a child process;
 * the clients run here, so their own sockets are not counted.
 *
 * Steps: STREAMS client streams with no topic; then each subscribes TOPICS proxied topics of
 * its own (each stream is its own caller, by cookie, so no cap is reached); then as many
 * published topics. Usage (after `npm run build`): node scripts/measure-server-cost.js
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const STREAMS = 50;
const TOPICS = 8;

if (process.argv[2] === 'serve') await serve();
else await measure();

async function serve() {
  const { createMultiplexer } = await import('sse-hub/server');
  const multiplexer = createMultiplexer({ allow: ['/rows/:id/events'], publish: ['/published/:id'] });
  const server = createServer((req, res) => {
    if (req.url === '/memory') {
      globalThis.gc();
      globalThis.gc();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...process.memoryUsage(), stats: multiplexer.stats() }));
      return;
    }
    multiplexer.node(req, res, () => {
      if (!/^\/rows\/[^/]+\/events$/.test(req.url ?? '')) return void res.writeHead(404).end();
      // The app's own per-item route: an open stream that sends nothing while measured.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

async function measure() {
  const child = fork(fileURLToPath(import.meta.url), ['serve'], { execArgv: ['--expose-gc'] });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const sample = async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const memory = JSON.parse(await get(`${origin}/memory`));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) * 1024;
    return { descriptors: readdirSync(`/proc/${child.pid}/fd`).length, heap: memory.heapUsed, rss, stats: memory.stats };
  };

  const baseline = await sample();
  const streams = [];
  for (let index = 0; index < STREAMS; index++) streams.push(await openStream(`${origin}/__sse_hub`, `session=${index}`));
  const withStreams = await sample();
  for (const [index, stream] of streams.entries()) {
    const topics = Array.from({ length: TOPICS }, (_, topic) => `/rows/${index * TOPICS + topic}/events`);
    await stream.subscribe(topics);
  }
  const withProxied = await sample();
  for (const [index, stream] of streams.entries()) {
    await stream.subscribe(Array.from({ length: TOPICS }, (_, topic) => `/published/${index * TOPICS + topic}`));
  }
  const withPublished = await sample();

  const per = (after, before, count) => ({
    descriptors: (after.descriptors - before.descriptors) / count,
    heapKiB: (after.heap - before.heap) / count / 1024,
    rssKiB: (after.rss - before.rss) / count / 1024,
  });
  const report = {
    streams: STREAMS,
    topicsPerStream: TOPICS,
    upstreamsRunning: withProxied.stats.upstreams,
    perStream: per(withStreams, baseline, STREAMS),
    perProxiedTopic: per(withProxied, withStreams, STREAMS * TOPICS),
    perPublishedTopic: per(withPublished, withProxied, STREAMS * TOPICS),
  };
  const format = (cost) =>
    `${cost.descriptors.toFixed(2)} descriptors, heap ${cost.heapKiB.toFixed(1)} KiB, RSS ${cost.rssKiB.toFixed(1)} KiB`;
  console.log(`node ${process.version}, ${STREAMS} streams × ${TOPICS} topics (${report.upstreamsRunning} sources running with the proxied ones)`);
  console.log(`per client stream:    ${format(report.perStream)}`);
  console.log(`per proxied topic:    ${format(report.perProxiedTopic)}`);
  console.log(`per published topic:  ${format(report.perPublishedTopic)}`);
  for (const stream of streams) stream.close();
  child.kill();
}

function get(url) {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text));
    })
      .on('error', reject)
      .end();
  });
}

function openStream(url, cookie) {
  return new Promise((resolve, reject) => {
    const stream = request(url, { agent: false, headers: { accept: 'text/event-stream', cookie } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (text === undefined) return;
        text += chunk;
        const match = /"connection":"([^"]+)"/.exec(text);
        if (match === null) return;
        text = undefined;
        resolve({
          subscribe: (topics) => post(url, cookie, { connection: match[1], subscribe: topics }),
          close: () => stream.destroy(),
        });
      });
    });
    stream.on('error', reject);
    stream.end();
  });
}

function post(url, cookie, change) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(change);
    request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', cookie } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const answer = JSON.parse(text);
        if (res.statusCode !== 200 || answer.refused.length > 0) reject(new Error(`subscription refused: ${text}`));
        else resolve(answer);
      });
    })
      .on('error', reject)
      .end(body);
  });
}
