/**
 * The hub benchmark at tiny sizes: what it counts must be true, so that its figures are
 * figures of the real work. Each test checks the counts against an observer of its own (a
 * wrapped hub or a recording fetch), not only against the benchmark's self-check; timings
 * are never asserted.
 */
import { describe, expect, it } from 'vitest';
import {
  buildRoutingPayload,
  countHubConnections,
  countNaiveConnections,
  formatHubThroughput,
  measureEventFloor,
  measureRouting,
  measureSubscribeChurn,
  measureSubscriptionMemory,
} from '../../scripts/bench/hub-throughput.js';
import type { HubEnvironment, HubFetch } from '../../packages/sse-hub/src/hub/environment.js';
import { createHub, type Hub } from '../../packages/sse-hub/src/hub/hub.js';
import type { HubOptions } from '../../packages/sse-hub/src/hub/options.js';
import { HUB_EVENT_TYPE, HUB_PROTOCOL_VERSION, formatTopicEvent, type SubscriptionChange } from '../../packages/sse-hub/src/sse/multiplex-protocol.js';
import { createEventStreamParser, formatEvent, type ParsedEvent } from '../../packages/sse-hub/src/sse/parser.js';

const library = { createHub, createEventStreamParser, formatEvent, HUB_EVENT_TYPE, HUB_PROTOCOL_VERSION, formatTopicEvent };

interface Observed {
  /** Per URL subscribed through `sharedEventSource`: the data of every message it dispatched. */
  messages: Map<string, string[]>;
  /** Bodies of the POSTs the hub sent. */
  posts: SubscriptionChange[];
  /** URLs of the GETs the hub made. */
  gets: string[];
}

/** The real hub, watched from outside: every facade it returns and every request it makes are recorded. */
function observedLibrary(rewriteUrl: (url: string) => string = (url) => url): { library: typeof library; observed: Observed } {
  const observed: Observed = { messages: new Map(), posts: [], gets: [] };
  const watchedCreateHub = (options: HubOptions, environment: Partial<HubEnvironment>): Hub => {
    const realFetch = environment.fetch!;
    const fetch: HubFetch = (url, init) => {
      if (init.method === 'POST') observed.posts.push(JSON.parse(String(init.body)) as SubscriptionChange);
      else observed.gets.push(url);
      return realFetch(url, init);
    };
    const hub = createHub(options, { ...environment, fetch });
    return {
      sharedEventSource(url, init) {
        const source = hub.sharedEventSource(rewriteUrl(String(url)), init);
        const seen: string[] = [];
        observed.messages.set(String(url), seen);
        source.addEventListener('message', (event) => seen.push(String(event.data)));
        return source;
      },
      subscribe: (url, handlers, init) => hub.subscribe(url, handlers, init),
      configure: (options) => hub.configure(options),
      close: () => hub.close(),
      stats: () => hub.stats(),
      status: () => hub.status(),
      onStatusChange: (listener) => hub.onStatusChange(listener),
    };
  };
  return { library: { ...library, createHub: watchedCreateHub as typeof createHub }, observed };
}

function topicsOf(entries: SubscriptionChange['subscribe']): string[] {
  return (entries ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.topic));
}

describe('the routing payload', () => {
  it('is the real wire format: topic events under their numbers, spread over the topics in turn, split at fixed byte offsets', () => {
    const payload = buildRoutingPayload(library, { topics: 3, events: 10, transport: 'hub', chunkBytes: 37 });
    expect(payload.chunks!.slice(0, -1).every((chunk: Uint8Array) => chunk.byteLength === 37)).toBe(true);
    const events: ParsedEvent[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(event) }, { topicNumbers: true });
    const decoder = new TextDecoder();
    for (const chunk of payload.chunks!) parser.push(decoder.decode(chunk, { stream: true }));
    expect(events).toHaveLength(10);
    events.forEach((event, sequence) => {
      const topic = sequence % 3;
      expect(event).toEqual({ topic, type: 'message', data: `{"row":${topic},"seq":${sequence},"status":"ok"}`, lastEventId: String(sequence) });
    });
    expect(payload.bytes).toBe(payload.chunks!.reduce((sum: number, chunk: Uint8Array) => sum + chunk.byteLength, 0));
  });

  it('for a stream per subscriber, is what each topic route sends: plain events of that topic only', () => {
    const payload = buildRoutingPayload(library, { topics: 2, events: 5, transport: 'per-subscriber', chunkBytes: 1024 });
    const decoder = new TextDecoder();
    const perTopic = payload.chunksOfTopic!.map((chunks: Uint8Array[]) => chunks.map((chunk) => decoder.decode(chunk)).join(''));
    expect(perTopic[0]).toBe([0, 2, 4].map((sequence) => formatEvent({ data: `{"row":0,"seq":${sequence},"status":"ok"}`, id: String(sequence) })).join(''));
    expect(perTopic[1]).toBe([1, 3].map((sequence) => formatEvent({ data: `{"row":1,"seq":${sequence},"status":"ok"}`, id: String(sequence) })).join(''));
  });
});

describe('measureRouting', () => {
  it('hub, many topics: every event reaches its topic subscriber exactly once, over one stream', async () => {
    const { library: watched, observed } = observedLibrary();
    // 53-byte reads split frames, lines and the `\n\n` between events.
    const result = await measureRouting(watched, { topics: 7, subscribersPerTopic: 1, events: 100, chunkBytes: 53 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ events: 100, deliveries: 100, physicalStreams: 1 });
    expect(observed.gets).toEqual(['https://app.test/__sse_hub']);
    for (let topic = 0; topic < 7; topic++) {
      const expected = Array.from({ length: 100 }, (_, sequence) => sequence)
        .filter((sequence) => sequence % 7 === topic)
        .map((sequence) => `{"row":${topic},"seq":${sequence},"status":"ok"}`);
      expect(observed.messages.get(`/rows/${topic}/events`)).toEqual(expected);
    }
    expect(result.reads).toBe(Math.ceil(result.bytes / 53));
  });

  it('hub, one topic: every subscriber gets every event once', async () => {
    const { library: watched, observed } = observedLibrary();
    const result = await measureRouting(watched, { topics: 1, subscribersPerTopic: 4, events: 30 });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ deliveries: 120, physicalStreams: 1 });
    // The four facades share one URL, so the observer kept the last one's log.
    expect(observed.messages.get('/rows/0/events')).toHaveLength(30);
  });

  it('a stream per subscriber: one GET per subscriber, each delivering its topic once', async () => {
    const { library: watched, observed } = observedLibrary();
    const result = await measureRouting(watched, { topics: 3, subscribersPerTopic: 2, events: 12, transport: 'per-subscriber' });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ deliveries: 24, physicalStreams: 6 });
    expect(new Set(observed.gets).size).toBe(6);
    expect(observed.messages.get('/rows/2/events?subscriber=1')).toEqual([2, 5, 8, 11].map((sequence) => `{"row":2,"seq":${sequence},"status":"ok"}`));
  });

  it('reports events that reached the wrong subscriber', async () => {
    // A broken hub: the subscriber of topic 0 is attached to topic 1 instead.
    const { library: broken } = observedLibrary((url) => url.replace('/rows/0/', '/rows/1/'));
    const result = await measureRouting(broken, { topics: 2, subscribersPerTopic: 1, events: 10 });
    expect(result.deliveries).toBe(10);
    expect(result.problems).toEqual(['hub 2×1: 5 events reached a subscriber of another topic']);
  });

  it('reports events that reached nobody, without waiting for them forever', async () => {
    // A broken hub: the subscriber of topic 0 is attached to a topic that gets no events.
    const { library: broken } = observedLibrary((url) => url.replace('/rows/0/', '/rows/99/'));
    const result = await measureRouting(broken, { topics: 3, subscribersPerTopic: 1, events: 9 });
    expect(result.deliveries).toBe(6);
    expect(result.problems).toEqual([
      'hub 3×1: 2 of 3 subscribers saw open',
      'hub 3×1: delivered 6 of 9 events',
      'hub 3×1: subscribers that received a wrong number of events: 1',
    ]);
  });
});

describe('measureSubscribeChurn', () => {
  it('multiplex: one subscribe POST and one unsubscribe POST per batch, each naming exactly that batch', async () => {
    const { library: watched, observed } = observedLibrary();
    const result = await measureSubscribeChurn(watched, { mode: 'multiplex', operations: 120, batch: 50 });
    expect(result.problems).toEqual([]);
    expect(result.posts).toBe(6);
    // The warm-up topic's two POSTs come first.
    expect(observed.posts.slice(0, 2).map((post) => [topicsOf(post.subscribe), post.unsubscribe ?? []])).toEqual([[['/warm-up'], []], [[], ['/warm-up']]]);
    const timed = observed.posts.slice(2);
    const batches = [
      [0, 50],
      [50, 100],
      [100, 120],
    ];
    expect(timed.map((post) => [topicsOf(post.subscribe), post.unsubscribe ?? []])).toEqual(
      batches.flatMap(([from, to]) => {
        const topics = Array.from({ length: to! - from! }, (_, index) => `/rows/${from! + index}/events`);
        return [
          [topics, []],
          [[], topics],
        ];
      }),
    );
    expect(observed.gets).toHaveLength(1);
  });

  it('dedupe: every pair joins the one open stream, without a request', async () => {
    const { library: watched, observed } = observedLibrary();
    const result = await measureSubscribeChurn(watched, { mode: 'dedupe', operations: 75, batch: 25 });
    expect(result.problems).toEqual([]);
    expect(result.posts).toBe(0);
    expect(observed.gets).toEqual(['https://app.test/feed']);
  });
});

describe('measureSubscriptionMemory', () => {
  it('reads the heap after a collection with every subscription held, and again after releasing them', async () => {
    const readings = [50_000_000, 50_000_000 + 40 * 1900, 50_000_000 + 40 * 3];
    const calls: string[] = [];
    const result = await measureSubscriptionMemory(library, {
      mode: 'multiplex',
      subscriptions: 40,
      collectGarbage: () => calls.push('gc'),
      heapUsed: () => {
        calls.push('heap');
        return readings.shift()!;
      },
    });
    expect(result.problems).toEqual([]);
    expect(calls).toEqual(['gc', 'heap', 'gc', 'heap', 'gc', 'heap']);
    expect(result.bytesPerSubscription).toBe(1900);
    expect(result.bytesLeftPerSubscription).toBe(3);
    // The keeper plus the 40 measured, each its own topic, on one connection.
    expect(result.statsHeld).toEqual({ connections: 1, topics: 41, subscribers: 41 });
  });

  it('dedupe: all subscriptions on the one stream', async () => {
    let heap = 0;
    const result = await measureSubscriptionMemory(library, { mode: 'dedupe', subscriptions: 25, collectGarbage: () => undefined, heapUsed: () => (heap += 100) });
    expect(result.problems).toEqual([]);
    expect(result.statsHeld).toEqual({ connections: 1, topics: 0, subscribers: 26 });
  });
});

describe('connection counts', () => {
  it.each([1, 10, 100])('%i subscribers on distinct URLs: multiplex opens one stream and sends one POST, dedupe one stream each', async (subscribers) => {
    const { library: watched, observed } = observedLibrary();
    expect(await countHubConnections(watched, { mode: 'multiplex', subscribers })).toEqual({ opened: 1, held: 1, posts: 1 });
    expect(topicsOf(observed.posts[0]!.subscribe)).toHaveLength(subscribers);
    expect(await countHubConnections(library, { mode: 'dedupe', subscribers })).toEqual({ opened: subscribers, held: subscribers, posts: 0 });
    expect(countNaiveConnections({ subscribers })).toEqual({ opened: subscribers });
  });

  it('subscribers on one URL: dedupe and multiplex share one stream; the naive page still opens one each', async () => {
    expect(await countHubConnections(library, { mode: 'dedupe', subscribers: 10, sameUrl: true })).toEqual({ opened: 1, held: 1, posts: 0 });
    expect(await countHubConnections(library, { mode: 'multiplex', subscribers: 10, sameUrl: true })).toEqual({ opened: 1, held: 1, posts: 1 });
    expect(countNaiveConnections({ subscribers: 10, sameUrl: true })).toEqual({ opened: 10 });
  });
});

describe('measureEventFloor', () => {
  it('parses whole rounds of 1,000 topic events with their numbers, and dispatches every event to its listener', () => {
    const result = measureEventFloor(library, { events: 2500 });
    // Three rounds of topics 0-999 parsed (each event adds its topic number), 2,500 dispatches (each adds its data's length).
    let expected = 3 * ((999 * 1000) / 2);
    for (let index = 0; index < 2500; index++) {
      const topic = index % 1000;
      expected += `{"row":${topic},"seq":${topic},"status":"ok"}`.length;
    }
    expect(result.checksum).toBe(expected);
    expect(result.ceilingEventsPerSecond).toBeCloseTo(1e9 / (result.eventStreamParseNanoseconds + result.dispatchNanoseconds));
  });
});

describe('formatHubThroughput', () => {
  const range = (value: number) => ({ median: value, min: value, max: value });
  const result = {
    runs: 5,
    machine: { cpus: 2, node: 'v20.0.0', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [2, 2, 2] },
    chunkBytes: 65536,
    routing: [
      {
        transport: 'hub',
        topics: 1000,
        subscribersPerTopic: 1,
        events: 200_000,
        physicalStreams: 1,
        eventsPerSecond: range(400_000),
        eventsPerCpuSecond: range(350_000),
        deliveriesPerSecond: range(400_000),
        toPlainPerCpu: range(0.456),
      },
    ],
    floor: { eventStreamParseNanoseconds: range(1000), dispatchNanoseconds: range(250), ceilingEventsPerSecond: range(800_000) },
    churn: [{ mode: 'multiplex', posts: 200, microsecondsPerPair: range(12.34) }],
    memory: [{ mode: 'dedupe', bytesPerSubscription: range(1600), bytesLeftPerSubscription: range(-2) }],
    connections: { subscribers: [1, 1000], distinctUrls: { naive: [1, 1000], dedupe: [1, 1000], multiplex: [1, 1] }, sameUrl: { naive: [1, 1000], dedupe: [1, 1], multiplex: [1, 1] } },
    target: { eventsPerCpuSecond: 1_000_000, toPlainPerCpu: 0.9, scenario: 'hub, 1000 topics × 1 subscriber', measured: 350_000, measuredToPlain: 0.456, met: false },
    problems: ['hub 2×1: delivered 1 of 2 events'],
  };

  it('prints every figure, the target verdict and the problems', () => {
    const text = formatHubThroughput(result).join('\n');
    expect(text).toContain('hub (multiplex): 1,000 × 1');
    expect(text).toContain('400,000 [400,000–400,000]');
    expect(text).toContain('350,000 [350,000–350,000]');
    expect(text).toContain('hub / a stream per subscriber, per CPU-second, run by run (1,000 × 1): 0.46 [0.46–0.46]');
    expect(text).toContain('target ≥ 1,000,000 events per CPU-second and ≥ 0.9× a stream per subscriber (hub, 1000 topics × 1 subscriber): NOT met (350,000, 0.46×)');
    expect(text).toContain('event-stream parse of a topic event 1,000 [1,000–1,000] ns + one MessageEvent dispatch 250 [250–250] ns');
    expect(text).toContain('at most 800,000 events/s');
    expect(text).toContain('12.3 [12.3–12.3]');
    expect(text).toMatch(/1,000 on distinct URLs\s+1,000\s+1,000\s+1\n/);
    expect(text).toMatch(/1,000 on one URL\s+1,000\s+1\s+1\n/);
    expect(text).toContain('PROBLEMS:\n    hub 2×1: delivered 1 of 2 events');
  });
});
