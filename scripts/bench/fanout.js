/**
 * `npm run bench -- fanout`: the server multiplexer over the Redis backplane, measured with
 * real processes on loopback: a `redis-server`, two multiplexer instances (fanout-instance.js)
 * and this process as the clients and the app's publisher.
 *
 * For 1,000 and 10,000 client streams (half on each instance, each client subscribed to one of
 * 100 published topics through the *other* instance, so every subscription crosses the
 * backplane):
 * - events/s delivered: the publisher sends 20 events to every topic as fast as Redis takes
 *   them; the figure is client deliveries divided by the time from the first publish to the
 *   last delivery. This process parses every stream too, so it is a floor for the servers;
 * - memory per stream: each instance's heap and RSS with its streams open and subscribed,
 *   minus before, after a full garbage collection, divided by its streams; and the heap with
 *   the streams open but not yet subscribed, to tell the stream's cost from its topic's.
 *
 * Every client must receive exactly its topic's events; any miscount goes into `problems`.
 * Runs only when named (`npm run bench -- fanout`): it needs `redis-server`, and its figures
 * are quoted in docs/server.md, not in docs/benchmarks.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, get as httpGet, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { redisBackplane } from 'sse-hub/server/redis';
import { startRedisServer } from '../proof/redis-server.js';
import { spread } from './statistics.js';

const INSTANCE_SCRIPT = fileURLToPath(new URL('./fanout-instance.js', import.meta.url));
const TOPICS = 100;
const EVENTS_PER_TOPIC = 20;
const STREAM_COUNTS = [1000, 10_000];
/** Streams opening at once: enough to be quick, few enough not to overflow accept queues. */
const OPEN_CONCURRENCY = 200;
const PUBLISH_CONCURRENCY = 64;
const DELIVERY_LIMIT_MS = 120_000;
/** Every topic event has a `topic:` line (protocol 3); data lines start with `data:`, so they cannot hold one. */
const TOPIC_MARKER = '\ntopic: ';

/** The descriptor limit of this shell; each stream costs one here and one in an instance. */
function descriptorLimit() {
  try {
    return Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  } catch {
    return Number.NaN;
  }
}

export async function measureFanout({ runs = 3, streamCounts = STREAM_COUNTS } = {}) {
  const limit = descriptorLimit();
  const problems = [];
  const shapes = [];
  for (const streams of streamCounts) {
    // Loader and instances run in separate processes, each under the limit; leave room for the rest.
    if (Number.isFinite(limit) && streams + 512 > limit) {
      shapes.push({ streams, skipped: `needs ${streams + 512} descriptors, the limit is ${limit}` });
      continue;
    }
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await measureOnce(streams, problems));
    shapes.push({
      streams,
      topics: TOPICS,
      eventsPerTopic: EVENTS_PER_TOPIC,
      deliveriesPerRun: streams * EVENTS_PER_TOPIC,
      deliveriesPerSecond: spread(samples.map((sample) => sample.deliveriesPerSecond)),
      publishesPerSecond: spread(samples.map((sample) => sample.publishesPerSecond)),
      heapBytesPerStream: spread(samples.map((sample) => sample.heapBytesPerStream)),
      rssBytesPerStream: spread(samples.map((sample) => sample.rssBytesPerStream)),
      heapBytesPerIdleStream: spread(samples.map((sample) => sample.heapBytesPerIdleStream)),
      openSeconds: spread(samples.map((sample) => sample.openSeconds)),
    });
  }
  return { runs, descriptorLimit: limit, shapes, problems };
}

async function measureOnce(streamCount, problems) {
  const redis = await startRedisServer();
  const keyPrefix = `bench-${randomBytes(6).toString('hex')}`;
  const instances = [];
  const clients = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const publisher = redisBackplane({ url: redis.url, keyPrefix });
  try {
    for (let index = 0; index < 2; index++) instances.push(await startInstance(redis.url, keyPrefix));
    const before = await Promise.all(instances.map((instance) => readMemory(instance.port)));

    const openStarted = performance.now();
    await inParallel(streamCount, async (index) => {
      const client = await openClient(instances[index % 2].port);
      client.topic = `/topics/${index % TOPICS}`;
      client.subscribeThrough = instances[(index + 1) % 2].port;
      clients.push(client);
    });
    const opened = await Promise.all(instances.map((instance) => readMemory(instance.port)));
    await inParallel(streamCount, (index) => {
      const client = clients[index];
      return postJson(client.subscribeThrough, agent, { connection: client.connection, subscribe: [client.topic] });
    });
    const openSeconds = (performance.now() - openStarted) / 1000;
    // Every subscription's SUBSCRIBE has gone out before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await Promise.all(instances.map((instance) => readMemory(instance.port)));

    const expected = streamCount * EVENTS_PER_TOPIC;
    const publishStarted = performance.now();
    let nextEvent = 0;
    const total = TOPICS * EVENTS_PER_TOPIC;
    await Promise.all(
      Array.from({ length: PUBLISH_CONCURRENCY }, async () => {
        while (nextEvent < total) {
          const event = nextEvent++;
          const topic = event % TOPICS;
          await publisher.publish(`/topics/${topic}`, { id: String(Math.floor(event / TOPICS) + 1), data: `{"n":${event}}` });
        }
      }),
    );
    const publishSeconds = (performance.now() - publishStarted) / 1000;
    const delivered = () => clients.reduce((sum, client) => sum + client.events, 0);
    const deadline = performance.now() + DELIVERY_LIMIT_MS;
    while (delivered() < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    const deliverySeconds = (clients.reduce((last, client) => Math.max(last, client.lastEventAt), 0) - publishStarted) / 1000;

    const wrong = clients.filter((client) => client.events !== EVENTS_PER_TOPIC);
    if (wrong.length > 0) {
      problems.push(`${streamCount} streams: ${wrong.length} clients did not receive exactly ${EVENTS_PER_TOPIC} events (first: ${wrong[0].events})`);
    }
    const streamsPerInstance = streamCount / 2;
    const perStream = (key, from = before, to = after) =>
      to.reduce((sum, usage, index) => sum + (usage[key] - from[index][key]), 0) / instances.length / streamsPerInstance;
    for (const [index, usage] of after.entries()) {
      if (usage.stats.connections !== streamsPerInstance) {
        problems.push(`${streamCount} streams: instance ${index} held ${usage.stats.connections} streams, not ${streamsPerInstance}`);
      }
    }
    return {
      deliveriesPerSecond: delivered() / deliverySeconds,
      publishesPerSecond: total / publishSeconds,
      heapBytesPerStream: perStream('heapUsed'),
      rssBytesPerStream: perStream('rss'),
      // The stream alone, before its subscription: the rest is what one published topic adds.
      heapBytesPerIdleStream: perStream('heapUsed', before, opened),
      openSeconds,
    };
  } finally {
    for (const client of clients) client.close();
    agent.destroy();
    await publisher.close();
    for (const instance of instances) instance.child.kill('SIGKILL');
    await redis.stop();
  }
}

/** Runs `task(0..count-1)`, at most OPEN_CONCURRENCY at a time. */
async function inParallel(count, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: OPEN_CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function startInstance(redisUrl, keyPrefix) {
  const child = spawn(process.execPath, ['--expose-gc', INSTANCE_SCRIPT, redisUrl, keyPrefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`a fanout instance exited with ${code} (is sse-hub built?)`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
  });
}

/** One client stream, read as raw text: topic events are counted by their event line, nothing else is parsed. */
function openClient(port) {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: '127.0.0.1', port, path: '/__sse_hub', agent: false, headers: { accept: 'text/event-stream' } });
    request.once('error', reject);
    request.once('response', (response) => {
      response.setEncoding('utf8');
      let text = '';
      // Shorter than the marker, so a marker split across two chunks is found once, never twice.
      let tail = '';
      const client = { connection: '', topic: '', events: 0, lastEventAt: 0, close: () => request.destroy() };
      response.on('data', (chunk) => {
        if (client.connection === '') {
          text += chunk;
          const match = /"connection":"([^"]+)"/.exec(text);
          if (match) {
            client.connection = match[1];
            resolve(client);
          }
          return;
        }
        const scanned = tail + chunk;
        for (let at = scanned.indexOf(TOPIC_MARKER); at !== -1; at = scanned.indexOf(TOPIC_MARKER, at + 1)) client.events += 1;
        tail = scanned.slice(-(TOPIC_MARKER.length - 1));
        client.lastEventAt = performance.now();
      });
    });
  });
}

function postJson(port, agent, body) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path: '/__sse_hub', method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`POST answered ${response.statusCode}: ${text}`))));
      },
    );
    request.once('error', reject);
    request.end(JSON.stringify(body));
  });
}

function readMemory(port) {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path: '/memory', agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    }).once('error', reject);
  });
}

export function formatFanout(fanout) {
  const lines = [`Server fanout over the Redis backplane (2 instances, ${TOPICS} topics, ${EVENTS_PER_TOPIC} events each; median of ${fanout.runs} runs, min–max):`];
  for (const shape of fanout.shapes) {
    if (shape.skipped) {
      lines.push(`  ${shape.streams} streams: skipped, ${shape.skipped}`);
      continue;
    }
    const range = ({ median, min, max }, digits = 0) => `${median.toFixed(digits)} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
    lines.push(
      `  ${shape.streams} streams: ${range(shape.deliveriesPerSecond)} deliveries/s, ${range(shape.publishesPerSecond)} publishes/s; ` +
        `per stream ${range(shape.heapBytesPerStream)} B heap (${range(shape.heapBytesPerIdleStream)} B before its subscription), ${range(shape.rssBytesPerStream)} B RSS; opened and subscribed in ${range(shape.openSeconds, 1)} s`,
    );
  }
  for (const problem of fanout.problems) lines.push(`  PROBLEM: ${problem}`);
  return lines;
}
