/**
 * What the browser hub costs a page, measured in Node against a scripted network
 * (`scripted-hub-environment.js`): the bytes of the real wire format (`formatTopicEvent`
 * for a topic's events, JSON control frames in `HUB_EVENT_TYPE` events, as the server
 * multiplexer writes them) go into the body of a `fetch` response, so every figure covers
 * the stream read, UTF-8 decode, event-stream parse, topic event decode, topic routing and
 * the dispatch of a `MessageEvent` to each subscriber's `onmessage`: what a page pays, minus
 * the network.
 *
 * - routing: events/s and deliveries/s for 1,000 topics × 1 subscriber and 1 topic ×
 *   1,000 subscribers, bytes pushed in 64 KiB reads, beside one stream per subscriber
 *   (the hub's own reader and parser on a stream of its own for each subscriber, the shape
 *   of a naive page; the browser's native `EventSource` is not measured);
 * - subscribe + unsubscribe: time per pair, including the batched side-channel POSTs;
 * - memory per subscription: heap with 10,000 subscriptions held, minus the heap before,
 *   in a child process started with `--expose-gc`;
 * - physical connections opened for 1, 10, 100 and 1,000 subscribers.
 *
 * Every measurement also counts what it routed and reports any miscount in `problems`.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TextEncoder } from 'node:util';
import { createScriptedEnvironment } from './scripted-hub-environment.js';
import { spread } from './statistics.js';

const { EventTarget, MessageEvent } = globalThis;
const THIS_FILE = fileURLToPath(import.meta.url);
const ENDPOINT = '/__sse_hub';
const CHUNK_BYTES = 64 * 1024;
/** Issue 16: events per CPU-second for 1,000 topics × 1 subscriber, and the hub at least 0.9× one plain stream per subscriber. */
const TARGET_EVENTS_PER_CPU_SECOND = 1_000_000;
const TARGET_TO_PLAIN = 0.9;
const encoder = new TextEncoder();

/** The scenarios `npm run bench -- hub` measures; tests run the same functions at tiny sizes. */
export const ROUTING_SHAPES = [
  { topics: 1000, subscribersPerTopic: 1, events: 200_000 },
  { topics: 1, subscribersPerTopic: 1000, events: 2_000 },
];
export const CHURN = { operations: 10_000, batch: 100 };
export const MEMORY_SUBSCRIPTIONS = 10_000;
export const CONNECTION_SUBSCRIBERS = [1, 10, 100, 1000];

/** The built hub and the wire helpers, as `npm run bench` ships them; tests pass the sources instead. */
export async function loadBuiltHub() {
  const [{ createHub }, { createEventStreamParser, formatEvent }, protocol] = await Promise.all([
    import('../../packages/sse-hub/dist/hub/index.js'),
    import('../../packages/sse-hub/dist/sse/parser.js'),
    import('../../packages/sse-hub/dist/sse/multiplex-protocol.js'),
  ]);
  const { HUB_EVENT_TYPE, HUB_PROTOCOL_VERSION, formatTopicEvent } = protocol;
  return { createHub, createEventStreamParser, formatEvent, HUB_EVENT_TYPE, HUB_PROTOCOL_VERSION, formatTopicEvent };
}

function topicPath(topic) {
  return `/rows/${topic}/events`;
}

/** A small JSON payload, as a dashboard row's status would be; its prefix names the topic, so a misrouted event shows. */
function eventData(topic, sequence) {
  return `{"row":${topic},"seq":${sequence},"status":"ok"}`;
}

function dataPrefix(topic) {
  return `{"row":${topic},`;
}

/** Splits at fixed byte offsets, not at event boundaries: network reads end anywhere, even inside a line. */
function toChunks(text, chunkBytes) {
  const bytes = encoder.encode(text);
  const chunks = [];
  for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) chunks.push(bytes.subarray(offset, offset + chunkBytes));
  return chunks;
}

function byteCount(chunks) {
  return chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
}

/** A control frame (`ready`, `open`), as the server multiplexer writes it. */
function frameText(library, frame) {
  return library.formatEvent({ type: library.HUB_EVENT_TYPE, data: JSON.stringify(frame) });
}

function readyText(library, maxTopics) {
  return frameText(library, { kind: 'ready', connection: 'bench', maxTopics, protocol: library.HUB_PROTOCOL_VERSION });
}

/** One event of a topic, in the format the server multiplexer writes; topic `k` has number `k`. */
function topicEventText(library, topic, sequence) {
  return library.formatTopicEvent({ number: topic, type: 'message', data: eventData(topic, sequence), id: String(sequence) });
}

/** Events are spread over the topics in turn: event k belongs to topic k mod topics. */
function eventsOfTopic(topic, topics, events) {
  return Math.floor(events / topics) + (topic < events % topics ? 1 : 0);
}

/**
 * The bytes a routing run pushes, built once per scenario and reused by every run (building
 * 22 MB of text is not the hub's work, and its garbage should not be collected inside a
 * timed run). `transport` is `'hub'`: one multiplexed stream of topic events, or
 * `'per-subscriber'`: what each topic's own route sends, the same bytes to each of its subscribers.
 */
export function buildRoutingPayload(library, { topics, events, transport = 'hub', chunkBytes = CHUNK_BYTES }) {
  if (transport === 'hub') {
    let text = '';
    for (let sequence = 0; sequence < events; sequence++) {
      const topic = sequence % topics;
      text += topicEventText(library, topic, sequence);
    }
    const chunks = toChunks(text, chunkBytes);
    return { transport, bytes: byteCount(chunks), chunks };
  }
  const chunksOfTopic = [];
  let bytes = 0;
  for (let topic = 0; topic < topics; topic++) {
    let text = '';
    for (let sequence = topic; sequence < events; sequence += topics) text += library.formatEvent({ data: eventData(topic, sequence), id: String(sequence) });
    const chunks = toChunks(text, chunkBytes);
    chunksOfTopic.push(chunks);
    bytes += byteCount(chunks);
  }
  return { transport, bytes, chunksOfTopic };
}

/**
 * One routing run. `transport` is `'hub'` (multiplex mode: one stream, every topic on it) or
 * `'per-subscriber'` (dedupe mode on a distinct URL per subscriber: one stream each, as a
 * page with one `EventSource` per subscriber has, read by the same code). `payload` defaults to
 * a fresh `buildRoutingPayload`.
 */
export async function measureRouting(library, options) {
  const { topics, subscribersPerTopic, events, transport = 'hub', chunkBytes = CHUNK_BYTES, payload } = options;
  const bytesToPush = payload ?? buildRoutingPayload(library, { topics, events, transport, chunkBytes });
  const network = createScriptedEnvironment();
  const hub = library.createHub(transport === 'hub' ? { endpoint: ENDPOINT } : { mode: 'dedupe' }, network.environment);
  const subscribers = topics * subscribersPerTopic;
  const received = new Uint32Array(subscribers);
  const problems = [];
  const scenario = `${transport} ${topics}×${subscribersPerTopic}`;
  let opened = 0;
  let delivered = 0;
  let misrouted = 0;
  let expected = Infinity;
  let finish;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });
  for (let topic = 0; topic < topics; topic++) {
    const prefix = dataPrefix(topic);
    for (let copy = 0; copy < subscribersPerTopic; copy++) {
      const index = topic * subscribersPerTopic + copy;
      const url = transport === 'hub' ? topicPath(topic) : `${topicPath(topic)}?subscriber=${copy}`;
      const source = hub.sharedEventSource(url);
      source.onopen = () => {
        opened += 1;
      };
      source.onmessage = (event) => {
        if (!event.data.startsWith(prefix)) misrouted += 1;
        received[index] += 1;
        delivered += 1;
        if (delivered === expected) finish();
      };
    }
  }

  await network.drain();
  let push;
  let reads;
  if (transport === 'hub') {
    const [stream] = network.streams;
    stream.push(encoder.encode(readyText(library, topics)));
    await network.drain();
    let opens = '';
    for (let topic = 0; topic < topics; topic++) {
      opens += frameText(library, { kind: 'subscribed', topic: topicPath(topic), number: topic });
      opens += frameText(library, { kind: 'open', topic: topicPath(topic) });
    }
    stream.push(encoder.encode(opens));
    reads = bytesToPush.chunks.length;
    push = () => bytesToPush.chunks.forEach((chunk) => stream.push(chunk));
  } else {
    // Subscriber `index` has stream `index`: each subscribed, and so fetched, in that order.
    reads = bytesToPush.chunksOfTopic.reduce((sum, chunks) => sum + chunks.length, 0) * subscribersPerTopic;
    push = () => network.streams.forEach((stream, index) => bytesToPush.chunksOfTopic[Math.floor(index / subscribersPerTopic)].forEach((chunk) => stream.push(chunk)));
  }
  await network.drain(() => opened === subscribers);
  if (opened !== subscribers) problems.push(`${scenario}: ${opened} of ${subscribers} subscribers saw open`);

  expected = events * subscribersPerTopic;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  push();
  // The race only matters when events go missing: the scripted network goes quiet instead of hanging.
  await Promise.race([finished, network.drain(() => delivered >= expected)]);
  const milliseconds = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMilliseconds = (cpu.user + cpu.system) / 1000;
  // Anything still queued is read before counting, so that a surplus delivery shows too.
  await network.drain();

  if (delivered !== expected) problems.push(`${scenario}: delivered ${delivered} of ${expected} events`);
  if (misrouted > 0) problems.push(`${scenario}: ${misrouted} events reached a subscriber of another topic`);
  const wrongCounts = received.filter((count, index) => count !== eventsOfTopic(Math.floor(index / subscribersPerTopic), topics, events)).length;
  if (wrongCounts > 0) problems.push(`${scenario}: subscribers that received a wrong number of events: ${wrongCounts}`);
  const physicalStreams = network.streams.length;
  hub.close();
  return {
    transport,
    topics,
    subscribersPerTopic,
    events,
    deliveries: delivered,
    bytes: transport === 'hub' ? bytesToPush.bytes : bytesToPush.bytes * subscribersPerTopic,
    reads,
    physicalStreams,
    milliseconds,
    cpuMilliseconds,
    eventsPerSecond: (events / milliseconds) * 1000,
    deliveriesPerSecond: (delivered / milliseconds) * 1000,
    eventsPerCpuSecond: (events / cpuMilliseconds) * 1000,
    problems,
  };
}

/**
 * Two steps every routed event must take, timed alone on this machine: the event-stream parse
 * of a topic event (its lines read, its topic number, id and data taken out, the one object the
 * hub hands on) and one `MessageEvent` dispatched to one listener (the `EventSource` contract).
 * Their sum bounds events/s from above before any stream reading, UTF-8 decoding or routing;
 * it also lets a reader scale the routing figures to another machine.
 */
export function measureEventFloor(library, { events = 100_000 } = {}) {
  // 1,000 topic events as one decoded text, fed as often as it takes to parse `events` events.
  let text = '';
  for (let topic = 0; topic < 1000; topic++) text += topicEventText(library, topic, topic);
  let checksum = 0;
  let parsed = 0;
  const datas = [];
  const parser = library.createEventStreamParser(
    {
      onEvent: (event) => {
        checksum += event.topic;
        parsed += 1;
        if (datas.length < 1000) datas.push(event.data);
      },
    },
    { topicNumbers: true },
  );
  let started = performance.now();
  while (parsed < events) parser.push(text);
  const eventStreamParseNanoseconds = ((performance.now() - started) * 1e6) / parsed;
  const target = new EventTarget();
  target.addEventListener('message', (event) => {
    checksum += event.data.length;
  });
  started = performance.now();
  for (let index = 0; index < events; index++) {
    target.dispatchEvent(new MessageEvent('message', { data: datas[index % datas.length], lastEventId: String(index), origin: 'https://app.test' }));
  }
  const dispatchNanoseconds = ((performance.now() - started) * 1e6) / events;
  return { eventStreamParseNanoseconds, dispatchNanoseconds, ceilingEventsPerSecond: 1e9 / (eventStreamParseNanoseconds + dispatchNanoseconds), checksum };
}

/**
 * `operations` subscribe + unsubscribe pairs, `batch` at a time in one task (a page mounting a
 * list, then unmounting it), each followed by a turn of the event loop in which the hub
 * flushes its batch. Multiplex: every pair is a new topic, so each batch costs one subscribe
 * POST and one unsubscribe POST (answered 200 at once). Dedupe: every pair joins one open stream.
 */
export async function measureSubscribeChurn(library, { mode, operations = CHURN.operations, batch = CHURN.batch }) {
  const network = createScriptedEnvironment();
  const hub = library.createHub(mode === 'multiplex' ? { endpoint: ENDPOINT } : { mode: 'dedupe' }, network.environment);
  const problems = [];
  let messages = 0;
  const handlers = {
    message: () => {
      messages += 1;
    },
  };
  // Open the physical stream first, so that the timed loop measures subscriptions, not the connection.
  const warmUp = hub.subscribe(mode === 'multiplex' ? '/warm-up' : '/feed', handlers);
  await network.drain();
  if (mode === 'multiplex') {
    network.streams[0].push(encoder.encode(readyText(library, batch + 1)));
    await network.drain();
  }
  warmUp();
  await network.drain();
  const postsBefore = network.posts;

  const unsubscribes = new Array(batch);
  let peakSubscribers = 0;
  const started = performance.now();
  for (let done = 0; done < operations; done += batch) {
    const size = Math.min(batch, operations - done);
    for (let index = 0; index < size; index++) {
      unsubscribes[index] = hub.subscribe(mode === 'multiplex' ? topicPath(done + index) : '/feed', handlers);
    }
    await network.drain();
    peakSubscribers = Math.max(peakSubscribers, hub.stats().subscribers);
    for (let index = 0; index < size; index++) unsubscribes[index]();
    await network.drain();
  }
  const milliseconds = performance.now() - started;

  const posts = network.posts - postsBefore;
  const batches = Math.ceil(operations / batch);
  const stats = hub.stats();
  if (peakSubscribers !== Math.min(batch, operations)) problems.push(`churn ${mode}: ${peakSubscribers} subscribers held at a batch's peak, expected ${Math.min(batch, operations)}`);
  if (stats.subscribers !== 0 || stats.topics !== 0 || stats.connections !== 1) problems.push(`churn ${mode}: left ${JSON.stringify(stats)}`);
  if (network.streams.length !== 1) problems.push(`churn ${mode}: opened ${network.streams.length} streams, expected 1`);
  const expectedPosts = mode === 'multiplex' ? 2 * batches : 0;
  if (posts !== expectedPosts) problems.push(`churn ${mode}: ${posts} POSTs, expected ${expectedPosts}`);
  if (messages !== 0) problems.push(`churn ${mode}: ${messages} unexpected messages`);
  hub.close();
  return { mode, operations, batch, posts, milliseconds, microsecondsPerPair: (milliseconds * 1000) / operations, problems };
}

/**
 * Heap held by `subscriptions` live subscriptions, per subscription, and what stays after
 * they are all unsubscribed (measured on a second cycle, after an unmeasured first one). The hub's physical stream (and one keeper subscription) exist
 * before the baseline, so only the per-subscription cost is counted: the facade, its
 * listeners, the topic's feed and bookkeeping, and the unsubscribe function the caller keeps.
 * Multiplex: each subscription a new topic; dedupe: all on one URL.
 */
export async function measureSubscriptionMemory(library, { mode, subscriptions = MEMORY_SUBSCRIPTIONS, collectGarbage, heapUsed }) {
  const network = createScriptedEnvironment();
  const hub = library.createHub(mode === 'multiplex' ? { endpoint: ENDPOINT } : { mode: 'dedupe' }, network.environment);
  const problems = [];
  let opened = 0;
  // Shared handlers: the page's own closures are not the hub's cost.
  const handlers = {
    open: () => {
      opened += 1;
    },
    message: () => undefined,
  };
  const keeper = hub.subscribe(mode === 'multiplex' ? '/keeper' : '/feed', handlers);
  await network.drain();
  const stream = network.streams[0];
  if (mode === 'multiplex') {
    stream.push(encoder.encode(readyText(library, subscriptions + 1)));
    await network.drain();
    stream.push(encoder.encode(frameText(library, { kind: 'open', topic: '/keeper' })));
  }
  await network.drain(() => opened === 1);
  const held = new Array(subscriptions).fill(null);
  const topicUrls = Array.from({ length: subscriptions }, (_, index) => (mode === 'multiplex' ? topicPath(index) : '/feed'));
  let opens;
  if (mode === 'multiplex') {
    let text = '';
    for (let index = 0; index < subscriptions; index++) text += frameText(library, { kind: 'open', topic: topicPath(index) });
    opens = encoder.encode(text);
  }
  const holdAll = async () => {
    const openedBefore = opened;
    for (let index = 0; index < subscriptions; index++) held[index] = hub.subscribe(topicUrls[index], handlers);
    await network.drain();
    if (opens) stream.push(opens);
    await network.drain(() => opened === openedBefore + subscriptions);
  };
  const releaseAll = async () => {
    for (const unsubscribe of held) unsubscribe();
    held.fill(null);
    await network.drain();
  };

  // One unmeasured cycle first: code compiled and tables grown on first use are not per-subscription costs.
  await holdAll();
  await releaseAll();
  collectGarbage();
  const baseline = heapUsed();
  await holdAll();
  collectGarbage();
  const whileHeld = heapUsed();
  const statsHeld = hub.stats();
  await releaseAll();
  collectGarbage();
  const afterRelease = heapUsed();
  const statsReleased = hub.stats();

  const expectedHeld = { connections: 1, topics: mode === 'multiplex' ? subscriptions + 1 : 0, subscribers: subscriptions + 1 };
  if (JSON.stringify(statsHeld) !== JSON.stringify(expectedHeld)) problems.push(`memory ${mode}: held ${JSON.stringify(statsHeld)}, expected ${JSON.stringify(expectedHeld)}`);
  const expectedReleased = { connections: 1, topics: mode === 'multiplex' ? 1 : 0, subscribers: 1 };
  if (JSON.stringify(statsReleased) !== JSON.stringify(expectedReleased)) problems.push(`memory ${mode}: after unsubscribing ${JSON.stringify(statsReleased)}, expected ${JSON.stringify(expectedReleased)}`);
  if (opened !== 2 * subscriptions + 1) problems.push(`memory ${mode}: ${opened} of ${2 * subscriptions + 1} subscriptions saw open`);
  keeper();
  hub.close();
  return {
    mode,
    subscriptions,
    bytesPerSubscription: (whileHeld - baseline) / subscriptions,
    bytesLeftPerSubscription: (afterRelease - baseline) / subscriptions,
    statsHeld,
    problems,
  };
}

/** Runs `measureSubscriptionMemory` on the built hub in a fresh Node with `--expose-gc`, so the heap holds nothing else of ours. */
export function measureSubscriptionMemoryInChild({ mode, subscriptions = MEMORY_SUBSCRIPTIONS }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', THIS_FILE, '--memory-child', mode, String(subscriptions)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      output += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(output));
      else reject(new Error(`memory child (${mode}) exited with ${code}`));
    });
  });
}

/**
 * Physical streams the hub opens for `subscribers` subscribers, on distinct URLs or all on
 * one URL: `opened` counts the GETs its `fetch` received, `held` what `stats()` reports.
 */
export async function countHubConnections(library, { mode, subscribers, sameUrl = false }) {
  const network = createScriptedEnvironment();
  const hub = library.createHub(mode === 'multiplex' ? { endpoint: ENDPOINT } : { mode: 'dedupe' }, network.environment);
  for (let index = 0; index < subscribers; index++) hub.subscribe(sameUrl ? '/feed' : topicPath(index), {});
  await network.drain();
  if (mode === 'multiplex') {
    network.streams[0].push(encoder.encode(readyText(library, subscribers)));
    await network.drain();
  }
  const result = { opened: network.streams.length, held: hub.stats().connections, posts: network.posts };
  hub.close();
  return result;
}

/** The code the lint rules flag: one stream per row. */
function naivePage(EventSourceClass, urls) {
  return urls.map((url) => new EventSourceClass(url));
}

/**
 * The naive baseline opens one stream per subscriber by construction; this counts it
 * through a stand-in `EventSource` constructor rather than measuring a browser.
 */
export function countNaiveConnections({ subscribers, sameUrl = false }) {
  let opened = 0;
  class CountingEventSource {
    constructor(url) {
      opened += 1;
      this.url = url;
    }
    close() {}
  }
  const urls = Array.from({ length: subscribers }, (_, index) => (sameUrl ? '/feed' : topicPath(index)));
  for (const source of naivePage(CountingEventSource, urls)) source.close();
  return { opened };
}

/** One unreported warm-up run (JIT), then `runs` measured ones. */
async function repeat(runs, measure) {
  await measure();
  const samples = [];
  for (let run = 0; run < runs; run++) samples.push(await measure());
  return samples;
}

export async function measureHubThroughput({ runs = 5, library } = {}) {
  const hubLibrary = library ?? (await loadBuiltHub());
  const problems = [];
  const machine = { date: new Date().toISOString().slice(0, 10), cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg() };

  // The two transports take turns, run by run, so that a change in the machine's load falls on
  // both: their ratio is the figure that matters, and it is taken within each pair of runs.
  const routing = [];
  for (const shape of ROUTING_SHAPES) {
    const transports = ['hub', 'per-subscriber'];
    const payloads = transports.map((transport) => buildRoutingPayload(hubLibrary, { ...shape, transport }));
    const samples = transports.map(() => []);
    for (let run = 0; run <= runs; run++) {
      for (const [index, transport] of transports.entries()) {
        const sample = await measureRouting(hubLibrary, { ...shape, transport, payload: payloads[index] });
        problems.push(...sample.problems);
        // The first round warms up.
        if (run > 0) samples[index].push(sample);
      }
    }
    const [hubSamples, plainSamples] = samples;
    for (const [index, transport] of transports.entries()) {
      const [first] = samples[index];
      routing.push({
        transport,
        topics: shape.topics,
        subscribersPerTopic: shape.subscribersPerTopic,
        events: shape.events,
        deliveries: first.deliveries,
        bytes: first.bytes,
        reads: first.reads,
        physicalStreams: first.physicalStreams,
        eventsPerSecond: spread(samples[index].map((sample) => sample.eventsPerSecond)),
        deliveriesPerSecond: spread(samples[index].map((sample) => sample.deliveriesPerSecond)),
        // Wall time is what a page waits; CPU time (every thread of the process, the garbage
        // collector's included) is what the events cost, whatever else the machine runs.
        eventsPerCpuSecond: spread(samples[index].map((sample) => sample.eventsPerCpuSecond)),
        // Per CPU-second, this run's hub against the plain streams of the same round.
        ...(transport === 'hub' ? { toPlainPerCpu: spread(hubSamples.map((sample, round) => sample.eventsPerCpuSecond / plainSamples[round].eventsPerCpuSecond)) } : {}),
      });
    }
  }

  const floorSamples = await repeat(runs, () => measureEventFloor(hubLibrary));
  const floor = {
    eventStreamParseNanoseconds: spread(floorSamples.map((sample) => sample.eventStreamParseNanoseconds)),
    dispatchNanoseconds: spread(floorSamples.map((sample) => sample.dispatchNanoseconds)),
    ceilingEventsPerSecond: spread(floorSamples.map((sample) => sample.ceilingEventsPerSecond)),
  };

  const churn = [];
  for (const mode of ['multiplex', 'dedupe']) {
    const samples = await repeat(runs, () => measureSubscribeChurn(hubLibrary, { mode }));
    for (const sample of samples) problems.push(...sample.problems);
    churn.push({ mode, ...CHURN, posts: samples[0].posts, microsecondsPerPair: spread(samples.map((sample) => sample.microsecondsPerPair)) });
  }

  const memory = [];
  for (const mode of ['multiplex', 'dedupe']) {
    const samples = [];
    for (let run = 0; run < runs; run++) samples.push(await measureSubscriptionMemoryInChild({ mode }));
    for (const sample of samples) problems.push(...sample.problems);
    memory.push({
      mode,
      subscriptions: MEMORY_SUBSCRIPTIONS,
      bytesPerSubscription: spread(samples.map((sample) => sample.bytesPerSubscription)),
      bytesLeftPerSubscription: spread(samples.map((sample) => sample.bytesLeftPerSubscription)),
    });
  }

  const connections = { subscribers: CONNECTION_SUBSCRIBERS, distinctUrls: {}, sameUrl: {} };
  for (const [layout, sameUrl] of [['distinctUrls', false], ['sameUrl', true]]) {
    connections[layout].naive = CONNECTION_SUBSCRIBERS.map((subscribers) => countNaiveConnections({ subscribers, sameUrl }).opened);
    for (const mode of ['dedupe', 'multiplex']) {
      connections[layout][mode] = [];
      for (const subscribers of CONNECTION_SUBSCRIBERS) {
        const counted = await countHubConnections(hubLibrary, { mode, subscribers, sameUrl });
        if (counted.held !== counted.opened) problems.push(`connections ${mode} ${subscribers}: opened ${counted.opened}, holds ${counted.held}`);
        connections[layout][mode].push(counted.opened);
      }
    }
  }

  const spreadHub = routing.find((row) => row.transport === 'hub' && row.subscribersPerTopic === 1);
  machine.loadAverageAtEnd = os.loadavg();
  return {
    runs,
    machine,
    chunkBytes: CHUNK_BYTES,
    routing,
    floor,
    churn,
    memory,
    connections,
    target: {
      eventsPerCpuSecond: TARGET_EVENTS_PER_CPU_SECOND,
      toPlainPerCpu: TARGET_TO_PLAIN,
      scenario: `hub, ${count(spreadHub.topics)} topics × 1 subscriber`,
      measured: spreadHub.eventsPerCpuSecond.median,
      measuredToPlain: spreadHub.toPlainPerCpu.median,
      met: spreadHub.eventsPerCpuSecond.median >= TARGET_EVENTS_PER_CPU_SECOND && spreadHub.toPlainPerCpu.median >= TARGET_TO_PLAIN,
    },
    problems,
  };
}

function count(value) {
  return Math.round(value).toLocaleString('en-US');
}

function withRange({ median: middle, min, max }, format) {
  return `${format(middle)} [${format(min)}–${format(max)}]`;
}

function load(averages) {
  return averages.map((value) => value.toFixed(2)).join(' ');
}

export function formatHubThroughput(result) {
  const { machine, routing, floor, churn, memory, connections, target } = result;
  const micro = (value) => value.toFixed(1);
  const connectionRow = (label, layout, index) =>
    `  ${label.padEnd(34)} ${[layout.naive, layout.dedupe, layout.multiplex].map((values) => count(values[index]).padStart(9)).join(' ')}`;
  const lines = [
    `Hub in Node against a scripted fetch (read + decode + parse + route + MessageEvent to onmessage); median of ${result.runs} run${result.runs === 1 ? '' : 's'} after 1 warm-up, min–max in brackets:`,
    `  machine: ${machine.cpus} CPUs, Node ${machine.node}; load average ${load(machine.loadAverageAtStart)} at start, ${load(machine.loadAverageAtEnd)} at end`,
    '',
    `  ${`routing (${result.chunkBytes / 1024} KiB reads)`.padEnd(40)} ${'events'.padStart(8)}  ${'events/s'.padEnd(32)} ${'events per CPU-second'.padEnd(32)} ${'deliveries/s'.padEnd(34)} streams`,
    ...routing.map((row) => {
      const label = `${row.transport === 'hub' ? 'hub (multiplex)' : 'a stream per subscriber'}: ${count(row.topics)} × ${count(row.subscribersPerTopic)}`;
      return `  ${label.padEnd(40)} ${count(row.events).padStart(8)}  ${withRange(row.eventsPerSecond, count).padEnd(32)} ${withRange(row.eventsPerCpuSecond, count).padEnd(32)} ${withRange(row.deliveriesPerSecond, count).padEnd(34)} ${count(row.physicalStreams)}`;
    }),
    ...routing
      .filter((row) => row.toPlainPerCpu)
      .map((row) => `  hub / a stream per subscriber, per CPU-second, run by run (${count(row.topics)} × ${count(row.subscribersPerTopic)}): ${withRange(row.toPlainPerCpu, (value) => value.toFixed(2))}`),
    `  target ≥ ${count(target.eventsPerCpuSecond)} events per CPU-second and ≥ ${target.toPlainPerCpu}× a stream per subscriber (${target.scenario}): ${target.met ? 'met' : 'NOT met'} (${count(target.measured)}, ${target.measuredToPlain.toFixed(2)}×)`,
    `  per-event floor here: event-stream parse of a topic event ${withRange(floor.eventStreamParseNanoseconds, count)} ns + one MessageEvent dispatch ${withRange(floor.dispatchNanoseconds, count)} ns`,
    `    = at most ${count(floor.ceilingEventsPerSecond.median)} events/s for this wire format in this runtime, before reading, decoding or routing`,
    '',
    `  ${`subscribe + unsubscribe (${count(CHURN.operations)} pairs, ${CHURN.batch} per task)`.padEnd(56)} ${'µs per pair'.padEnd(24)} POSTs`,
    ...churn.map((row) => {
      const label = row.mode === 'multiplex' ? 'multiplex: a new topic each, POSTs answered 200' : 'dedupe: joining one open stream';
      return `  ${label.padEnd(56)} ${withRange(row.microsecondsPerPair, micro).padEnd(24)} ${row.posts}`;
    }),
    '',
    `  ${`memory per subscription (${count(MEMORY_SUBSCRIPTIONS)} held, --expose-gc)`.padEnd(56)} ${'bytes held'.padEnd(24)} bytes left after unsubscribing`,
    ...memory.map((row) => {
      const label = row.mode === 'multiplex' ? 'multiplex: a topic each' : 'dedupe: all on one URL';
      return `  ${label.padEnd(56)} ${withRange(row.bytesPerSubscription, count).padEnd(24)} ${withRange(row.bytesLeftPerSubscription, count)}`;
    }),
    '',
    `  ${'physical connections opened'.padEnd(34)} ${['naive', 'dedupe', 'multiplex'].map((name) => name.padStart(9)).join(' ')}`,
    ...connections.subscribers.map((subscribers, index) => connectionRow(`${count(subscribers)} on distinct URLs`, connections.distinctUrls, index)),
    ...connections.subscribers.map((subscribers, index) => connectionRow(`${count(subscribers)} on one URL`, connections.sameUrl, index)),
    '',
    '  a stream per subscriber: the hub\'s own reader and parser on a stream of its own for each subscriber (dedupe mode, a URL each),',
    '    the shape of a naive page; the browser\'s native EventSource is not measured.',
    '  naive connections: one `new EventSource` per subscriber by construction, counted through a stand-in constructor, not a browser.',
  ];
  if (result.problems.length > 0) lines.push('  PROBLEMS:', ...result.problems.map((problem) => `    ${problem}`));
  return lines;
}

// `node --expose-gc hub-throughput.js --memory-child <mode> <subscriptions>`: one memory sample, as JSON on stdout.
if (process.argv[1] === THIS_FILE && process.argv[2] === '--memory-child') {
  const library = await loadBuiltHub();
  const collectGarbage = () => {
    globalThis.gc();
    globalThis.gc();
  };
  const result = await measureSubscriptionMemory(library, {
    mode: process.argv[3],
    subscriptions: Number(process.argv[4]),
    collectGarbage,
    heapUsed: () => process.memoryUsage().heapUsed,
  });
  process.stdout.write(JSON.stringify(result));
}
