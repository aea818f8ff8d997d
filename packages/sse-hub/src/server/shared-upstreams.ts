/**
 * One upstream request per (caller, topic URL), shared by that caller's streams and tabs.
 * The caller's key comes from its credentials (see credential-binding.ts), so the request
 * would carry the very same headers for each of them; different credentials never share.
 *
 * A stream joins a running upstream only when that loses it nothing: a fresh subscription
 * (no `lastEventId`) gets the events from now on, never ones sent before it came; a resume
 * joins only when its id is the one the upstream is at. Any other resume opens its own
 * upstream with its own `Last-Event-ID`, so that the route replays exactly what it missed.
 */
import { proxyUpstream } from './upstream-proxy.js';
import type { UpstreamEnvironment, UpstreamTarget } from './upstream-proxy.js';
import type { TopicEnd, TopicOutput } from './topic-output.js';

/**
 * The upstream slot (see upstream-caps.ts) of the subscribing topic. A joining topic gives its
 * slot back; an opening one hands it to the shared upstream, which keeps it until its request
 * is over, whichever topic leaves first.
 */
export interface SlotHandover {
  /** The topic joined a running upstream: it holds no slot any more. */
  giveBack(): void;
  /** The topic opens the upstream: its release function, or why no slot can be had. */
  claim(): { release: () => void } | TopicEnd;
}

interface Subscriber {
  output: TopicOutput;
  settle(end: TopicEnd | undefined): void;
}

interface SharedUpstream {
  subscribers: Set<Subscriber>;
  stop: AbortController;
  /** Connected now: a stream joining gets its `open` at once. */
  connected: boolean;
  lastEventId: string;
  /** Settles once the request is over and its socket released. */
  done: Promise<void>;
}

export class SharedUpstreams {
  readonly #running = new Map<string, SharedUpstream>();

  /** Whether a stream subscribing with `lastEventId` would join a running upstream. */
  canJoin(key: string, lastEventId: string): boolean {
    const upstream = this.#running.get(key);
    return upstream !== undefined && (lastEventId === '' || lastEventId === upstream.lastEventId);
  }

  /** Requests that `run` is serving now, one per key; what the app sees. */
  get size(): number {
    return this.#running.size;
  }

  /**
   * Feeds `output` until the upstream is over (returns why) or `signal` aborts (returns
   * undefined; for the last subscriber, only once the request has unwound).
   */
  run(
    key: string,
    target: UpstreamTarget,
    output: TopicOutput,
    signal: AbortSignal,
    environment: UpstreamEnvironment,
    slot: SlotHandover,
  ): Promise<TopicEnd | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    let upstream = this.canJoin(key, target.lastEventId) ? this.#running.get(key) : undefined;
    if (upstream === undefined) {
      // The upstream this topic meant to join at its POST may have ended since.
      const claimed = slot.claim();
      if (!('release' in claimed)) return Promise.resolve(claimed);
      upstream = this.#open(key, target, environment, claimed.release);
    } else {
      slot.giveBack();
    }
    const joined = upstream;
    return new Promise((settle) => {
      const subscriber: Subscriber = { output, settle };
      joined.subscribers.add(subscriber);
      if (joined.connected) output.open();
      signal.addEventListener(
        'abort',
        () => {
          joined.subscribers.delete(subscriber);
          // The last one out closes the request; the others keep it.
          if (joined.subscribers.size > 0) {
            settle(undefined);
            return;
          }
          joined.stop.abort();
          // So that `close()` and the caps see the socket gone, not just unsubscribed.
          void joined.done.then(() => settle(undefined));
        },
        { once: true },
      );
    });
  }

  #open(key: string, target: UpstreamTarget, environment: UpstreamEnvironment, releaseSlot: () => void): SharedUpstream {
    const stop = new AbortController();
    const upstream: SharedUpstream = {
      subscribers: new Set(),
      stop,
      connected: false,
      lastEventId: target.lastEventId,
      done: Promise.resolve(),
    };
    const each = (send: (output: TopicOutput) => void): void => {
      for (const subscriber of [...upstream.subscribers]) send(subscriber.output);
    };
    const fanOut: TopicOutput = {
      open() {
        upstream.connected = true;
        each((output) => output.open());
      },
      event(type, data, lastEventId) {
        upstream.lastEventId = lastEventId;
        each((output) => output.event(type, data, lastEventId));
      },
      error(status) {
        upstream.connected = false;
        each((output) => output.error(status));
      },
      // The slowest stream sets the pace; one that stops reading is dropped by its own write limits.
      drained: async () => {
        await Promise.all([...upstream.subscribers].map((subscriber) => subscriber.output.drained()));
      },
    };
    this.#running.set(key, upstream);
    const forget = (): void => {
      if (this.#running.get(key) === upstream) this.#running.delete(key);
    };
    // An ended upstream takes no more subscribers from the moment it is aborted.
    upstream.stop.signal.addEventListener('abort', forget, { once: true });
    const finish = (end: TopicEnd | undefined): void => {
      forget();
      releaseSlot();
      for (const subscriber of upstream.subscribers) subscriber.settle(end);
      upstream.subscribers.clear();
    };
    upstream.done = proxyUpstream(target, fanOut, stop.signal, environment).then(finish, () =>
      // proxyUpstream turns its failures into a TopicEnd; this only guards against a bug there.
      finish({ status: 500, reason: 'source failed' }),
    );
    return upstream;
  }
}
