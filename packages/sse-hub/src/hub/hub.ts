import { ConnectionPool } from './connection-pool.js';
import { CrossTabRouter } from './cross-tab-router.js';
import { resolveEnvironment, type HubEnvironment } from './environment.js';
import type { FeedSink } from './feed.js';
import { HubStatusTracker, type HubStatus, type HubStatusListener } from './hub-status.js';
import { mergeHubOptions, resolveHubOptions, type HubOptions, type ResolvedHubOptions } from './options.js';
import { SharedEventSource } from './shared-event-source.js';
import { parseUrl, resolveTarget, type StreamTarget } from './stream-target.js';

/** Maps event types to handlers: `message` and named events get a `MessageEvent`, `open` and `error` an `Event`. */
export type HubHandlers = Record<string, ((event: MessageEvent<string>) => void) | undefined> & {
  open?: (event: Event) => void;
  error?: (event: Event) => void;
};

export interface HubStats {
  /** Physical streams this hub holds (in cross-tab mode: this tab, also on behalf of the others while it leads). */
  connections: number;
  /** Topics carried by its multiplexed streams. */
  topics: number;
  /** `EventSource` facades and `subscribe` calls of this hub that are still attached. */
  subscribers: number;
}

export interface Hub {
  /** A drop-in for `new EventSource(url, init)` whose stream is shared. */
  sharedEventSource(url: string | URL, init?: EventSourceInit): EventSource;
  /** Calls `handlers[event.type]` for each event of the stream; returns the unsubscribe function. */
  subscribe(url: string | URL, handlers: HubHandlers, init?: EventSourceInit): () => void;
  /** Changes the options named; applies to connections opened afterwards. */
  configure(options: HubOptions): void;
  /** Ends every connection (subscribers see readyState CLOSED and an `error` event) and leaves the cross-tab group. */
  close(): void;
  /** What the hub holds right now; for diagnostics and leak checks. */
  stats(): HubStats;
  /** Where this hub's subscribers stand, for a "reconnecting" or "offline" banner. */
  status(): HubStatus;
  /** Calls `listener` each time `status().state` changes; returns the function that stops it. */
  onStatusChange(listener: HubStatusListener): () => void;
}

type Route = (target: StreamTarget, sink: FeedSink) => () => void;

export function createHub(options: HubOptions = {}, environment: Partial<HubEnvironment> = {}): Hub {
  return new SubscriptionHub(options, resolveEnvironment(environment));
}

class SubscriptionHub implements Hub {
  readonly #environment: HubEnvironment;
  readonly #pool: ConnectionPool;
  readonly #status = new HubStatusTracker();
  #options: HubOptions;
  #resolved: ResolvedHubOptions;
  /** Created on the first cross-tab subscription, so that a hub that never shares across tabs takes no locks. */
  #router: CrossTabRouter | undefined;

  constructor(options: HubOptions, environment: HubEnvironment) {
    this.#environment = environment;
    this.#options = options;
    this.#resolved = resolveHubOptions(options);
    this.#pool = new ConnectionPool(environment, () => this.#resolved);
  }

  sharedEventSource(url: string | URL, init?: EventSourceInit): EventSource {
    const baseUrl = this.#environment.baseUrl();
    const absolute = parseUrl(String(url), baseUrl);
    if (!absolute) throw new DOMException(`The URL '${String(url)}' is invalid.`, 'SyntaxError');
    const withCredentials = Boolean(init?.withCredentials);
    const target = resolveTarget(absolute, withCredentials, this.#resolved, baseUrl);
    const route = this.#route();
    this.#status.added();
    return new SharedEventSource(
      absolute.href,
      withCredentials,
      absolute.origin,
      (sink) => route(target, sink),
      this.#environment,
      (previous, next) => this.#status.changed(previous, next),
    );
  }

  subscribe(url: string | URL, handlers: HubHandlers, init?: EventSourceInit): () => void {
    const source = this.sharedEventSource(url, init);
    for (const [type, handler] of Object.entries(handlers)) {
      if (handler) source.addEventListener(type, handler as EventListener);
    }
    return () => source.close();
  }

  configure(options: HubOptions): void {
    const merged = mergeHubOptions(this.#options, options);
    // Resolved first: options that throw leave the hub as it was.
    this.#resolved = resolveHubOptions(merged);
    this.#options = merged;
  }

  close(): void {
    const router = this.#router;
    this.#router = undefined;
    router?.close();
    this.#pool.close();
  }

  /** Counted from the live structures, not kept as a tally, so that a leak shows. */
  stats(): HubStats {
    const pool = this.#pool.stats();
    if (!this.#router) return pool;
    // Sinks the router attached to the pool are relays, not subscribers; its own feeds hold this tab's subscribers.
    const router = this.#router.counts();
    return { ...pool, subscribers: pool.subscribers - router.relays + router.subscribers };
  }

  status(): HubStatus {
    return this.#status.status();
  }

  onStatusChange(listener: HubStatusListener): () => void {
    return this.#status.listen(listener);
  }

  /** Cross-tab when asked for and possible; otherwise this tab's own connections. */
  #route(): Route {
    if (this.#resolved.crossTab) this.#router ??= CrossTabRouter.create(this.#pool, this.#environment, () => this.#resolved.replayLastEvent);
    const router = this.#resolved.crossTab ? this.#router : undefined;
    if (router) return (target, sink) => router.attach(target, sink);
    return (target, sink) => this.#pool.attach(target, sink);
  }
}
