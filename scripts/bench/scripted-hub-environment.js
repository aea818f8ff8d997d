/**
 * A `HubEnvironment` for benchmarks: a scripted `fetch` that answers at once (GET with a
 * `text/event-stream` body the benchmark pushes bytes into, POST with 200 and a JSON
 * `SubscriptionResult` that accepts every topic), a clock that stands still and runs only
 * the timers already due (the hub's same-task batching timer), and no cross-tab APIs.
 * Unlike the tests' fakes it leaves nothing to answer by hand: a benchmark only pushes
 * stream bytes and waits for the hub to go quiet.
 */
import { ReadableStream } from 'node:stream/web';
import { setImmediate } from 'node:timers';

const { Response, Event, MessageEvent, DOMException } = globalThis;

export const PAGE_URL = 'https://app.test/dashboard';

/** What a real browser `fetch` would hand the hub: a response whose body is a byte stream. */
class ScriptedStream {
  /** @type {ReadableStreamDefaultController<Uint8Array> | undefined} */
  #controller;
  #open = true;

  constructor(url) {
    this.url = url;
    this.body = new ReadableStream({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.#open = false;
      },
    });
  }

  get open() {
    return this.#open;
  }

  /** Queues bytes as one network read would deliver them. */
  push(bytes) {
    if (this.#open) this.#controller.enqueue(bytes);
  }

  abort() {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.error(new DOMException('The operation was aborted.', 'AbortError'));
  }
}

export function createScriptedEnvironment() {
  let nextTimer = 1;
  /** Timers by id; the clock never moves, so only delay-0 timers ever become due. */
  const timers = new Map();
  /** @type {ScriptedStream[]} */
  const streams = [];
  let posts = 0;
  let postsInFlight = 0;

  function fetch(url, init) {
    if (init.signal?.aborted) return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    if ((init.method ?? 'GET') === 'POST') return answerPost(init.body);
    const stream = new ScriptedStream(url);
    streams.push(stream);
    init.signal?.addEventListener('abort', () => stream.abort(), { once: true });
    return Promise.resolve(new Response(stream.body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
  }

  /** 200 with every requested topic accepted; in flight until the hub has read the answer. */
  function answerPost(body) {
    posts += 1;
    postsInFlight += 1;
    const change = JSON.parse(body);
    const accepted = (change.subscribe ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.topic));
    const response = new Response(JSON.stringify({ accepted, refused: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    const json = response.json.bind(response);
    response.json = () =>
      json().finally(() => {
        postsInFlight -= 1;
      });
    return Promise.resolve(response);
  }

  const environment = {
    fetch,
    setTimeout: (callback, milliseconds) => {
      const id = nextTimer++;
      timers.set(id, { callback, milliseconds });
      return id;
    },
    clearTimeout: (id) => {
      timers.delete(id);
    },
    random: () => 0.5,
    now: () => 0,
    baseUrl: () => PAGE_URL,
    BroadcastChannel: undefined,
    locks: undefined,
    Event,
    MessageEvent,
  };

  function runDueTimers() {
    let ran = false;
    for (const [id, timer] of timers) {
      if (timer.milliseconds > 0) continue;
      timers.delete(id);
      timer.callback();
      ran = true;
    }
    return ran;
  }

  /**
   * Lets the hub finish what it started: due timers, POSTs and their answers, stream reads
   * of bytes already pushed, until a whole turn of the event loop changes nothing, or until
   * `until()` holds.
   */
  async function drain(until = () => false) {
    for (;;) {
      if (until()) return;
      const ran = runDueTimers();
      await new Promise((resolve) => setImmediate(resolve));
      if (!ran && postsInFlight === 0 && !hasDueTimer()) {
        await new Promise((resolve) => setImmediate(resolve));
        if (postsInFlight === 0 && !hasDueTimer()) return;
      }
    }
  }

  function hasDueTimer() {
    for (const timer of timers.values()) if (timer.milliseconds <= 0) return true;
    return false;
  }

  return {
    environment,
    drain,
    /** Every GET stream the hub opened, in order: its physical connections. */
    streams,
    get posts() {
      return posts;
    },
    /** Timers still queued (the hub's linger timers once streams are unused). */
    get pendingTimers() {
      return timers.size;
    },
  };
}
