import type { ParsedEvent } from '../sse/parser.js';
import type { ConnectionPool } from './connection-pool.js';
import type { BroadcastChannelLike, HubEnvironment, LockManagerLike } from './environment.js';
import { Feed, OPEN, type FeedSink } from './feed.js';
import { targetKey, type StreamTarget } from './stream-target.js';

const NAMESPACE = 'sse-hub';
const LEADER_LOCK = `${NAMESPACE}/leader`;
const tabLock = (tab: string): string => `${NAMESPACE}/tab/${tab}`;

/** What tabs of one origin say to each other over the BroadcastChannel. */
export type CrossTabMessage =
  /** A tab has just become the leader: every other tab re-sends what it wants. */
  | { kind: 'leader'; tab: string }
  /**
   * A follower wants a feed; `lastEventId` lets a newly opened stream resume where the tab left
   * off, and `replayLastEvent` asks for the feed's last event if it is already open.
   */
  | { kind: 'want'; tab: string; key: string; target: StreamTarget; lastEventId: string; replayLastEvent?: boolean }
  | { kind: 'drop'; tab: string; key: string }
  /** The leader reports a feed's state to the followers that want it. */
  | { kind: 'state'; key: string; state: 'open' | 'error' | 'closed' }
  /** The leader's stream for a feed waits past its attempt limit, or has woken. A kind of its own: tabs of an older version ignore it. */
  | { kind: 'waiting'; key: string; waiting: boolean }
  | { kind: 'event'; key: string; event: ParsedEvent }
  /** The last event of an open feed, for the one tab that just asked for it (other tabs have it). */
  | { kind: 'replay'; key: string; tab: string; event: ParsedEvent };

interface LocalFeed {
  target: StreamTarget;
  feed: Feed;
  /** While this tab leads: its attachment to the pool. */
  release: (() => void) | undefined;
}

interface RemoteFeed {
  /** Follower tabs that want the feed. */
  tabs: Set<string>;
  release: () => void;
  open: boolean;
  waiting: boolean;
  /** The feed's latest event, kept for tabs that join it open and ask for a replay. */
  lastEvent: ParsedEvent | undefined;
}

/**
 * One tab per origin holds the connections; the others get their events over a
 * BroadcastChannel. The leader is whoever holds a Web Lock: when its tab closes the
 * browser releases the lock and the next waiting tab takes over at once, re-opening the
 * feeds the remaining tabs want, each from its last event id.
 *
 * Each tab also holds a lock of its own for its lifetime; the leader queues for the locks
 * of the tabs it serves, and is granted one exactly when that tab has gone. That is how
 * it stops serving a closed tab without heartbeats.
 */
export class CrossTabRouter {
  readonly #tab: string;
  readonly #pool: ConnectionPool;
  /** Read when a feed is created, so that `configure` applies to feeds opened afterwards. */
  readonly #replayLastEvent: () => boolean;
  readonly #locks: LockManagerLike;
  readonly #channel: BroadcastChannelLike;
  /** Aborts lock requests still waiting; held locks are released through #heldLocks. */
  readonly #lifetime = new AbortController();
  readonly #heldLocks = new Set<() => void>();
  readonly #local = new Map<string, LocalFeed>();
  readonly #remote = new Map<string, RemoteFeed>();
  readonly #watchedTabs = new Map<string, AbortController>();
  /** 'starting' until this tab holds its own lock: before that the leader could not notice it leave. */
  #role: 'starting' | 'follower' | 'leader' = 'starting';

  /** Undefined where Web Locks or BroadcastChannel are missing: the caller then keeps a connection per tab. */
  static create(pool: ConnectionPool, environment: HubEnvironment, replayLastEvent: () => boolean): CrossTabRouter | undefined {
    const { BroadcastChannel, locks } = environment;
    if (!BroadcastChannel || !locks) return undefined;
    return new CrossTabRouter(pool, environment, new BroadcastChannel(NAMESPACE), locks, replayLastEvent);
  }

  private constructor(
    pool: ConnectionPool,
    environment: HubEnvironment,
    channel: BroadcastChannelLike,
    locks: LockManagerLike,
    replayLastEvent: () => boolean,
  ) {
    this.#tab = `${environment.now().toString(36)}-${Math.floor(environment.random() * 2 ** 48).toString(36)}`;
    this.#pool = pool;
    this.#replayLastEvent = replayLastEvent;
    this.#locks = locks;
    this.#channel = channel;
    this.#channel.onmessage = (event) => this.#receive(event.data);
    this.#holdLock(tabLock(this.#tab), () => {
      this.#role = 'follower';
      this.#announceWants();
      this.#holdLock(LEADER_LOCK, () => this.#becomeLeader());
    });
  }

  /** This tab's own subscribers, and the sinks this router keeps attached to the pool on behalf of feeds. */
  counts(): { subscribers: number; relays: number } {
    let subscribers = 0;
    let relays = this.#remote.size;
    for (const local of this.#local.values()) {
      subscribers += local.feed.size;
      if (local.release) relays++;
    }
    return { subscribers, relays };
  }

  attach(target: StreamTarget, sink: FeedSink): () => void {
    const key = targetKey(target);
    let local = this.#local.get(key);
    if (!local) {
      local = { target, feed: new Feed('', this.#replayLastEvent()), release: undefined };
      this.#local.set(key, local);
      this.#source(key, local);
    }
    local.feed.add(sink);
    const attachedTo = local;
    return () => {
      if (!attachedTo.feed.remove(sink) || attachedTo.feed.size > 0 || this.#local.get(key) !== attachedTo) return;
      this.#local.delete(key);
      if (attachedTo.release) attachedTo.release();
      else if (this.#role === 'follower') this.#post({ kind: 'drop', tab: this.#tab, key });
    };
  }

  /** Leaves the group: locks are released (the next tab takes over), this tab's subscribers see CLOSED. */
  close(): void {
    this.#lifetime.abort();
    for (const release of this.#heldLocks) release();
    this.#heldLocks.clear();
    for (const watch of this.#watchedTabs.values()) watch.abort();
    this.#watchedTabs.clear();
    this.#channel.onmessage = null;
    this.#channel.close();
    const remote = [...this.#remote.values()];
    this.#remote.clear();
    for (const feed of remote) feed.release();
    const local = [...this.#local.values()];
    this.#local.clear();
    for (const { feed, release } of local) {
      release?.();
      feed.close();
    }
  }

  /** Feeds a local feed from the pool when this tab leads, else asks the leader for it. */
  #source(key: string, local: LocalFeed): void {
    if (this.#role === 'leader') {
      local.release = this.#pool.attach(local.target, this.#relayToLocal(key, local), local.feed.lastEventId);
    } else if (this.#role === 'follower') {
      this.#post({
        kind: 'want',
        tab: this.#tab,
        key,
        target: local.target,
        lastEventId: local.feed.lastEventId,
        // A tab that holds an event already needs no replay: it would see that event twice.
        replayLastEvent: this.#replayLastEvent() && local.feed.lastEvent === undefined,
      });
    }
  }

  #announceWants(): void {
    for (const [key, local] of this.#local) this.#source(key, local);
  }

  #becomeLeader(): void {
    this.#role = 'leader';
    this.#post({ kind: 'leader', tab: this.#tab });
    for (const [key, local] of this.#local) {
      // The stream this tab was reading through the old leader is gone: report it as a reconnect.
      if (local.feed.readyState === OPEN) local.feed.error();
      this.#source(key, local);
    }
  }

  #receive(data: unknown): void {
    if (!isMessage(data)) return;
    switch (data.kind) {
      case 'leader':
        if (this.#role !== 'follower') return;
        for (const local of this.#local.values()) {
          if (local.feed.readyState === OPEN) local.feed.error();
        }
        this.#announceWants();
        return;
      case 'want':
        if (this.#role === 'leader') this.#serve(data.tab, data.key, data.target, data.lastEventId, data.replayLastEvent === true);
        return;
      case 'drop':
        if (this.#role === 'leader') this.#unserve(data.tab, data.key);
        return;
      case 'state':
      case 'event':
      case 'waiting':
        if (this.#role === 'follower') this.#deliver(data);
        return;
      case 'replay':
        if (this.#role === 'follower' && data.tab === this.#tab) this.#deliver(data);
        return;
    }
  }

  #deliver(message: Extract<CrossTabMessage, { kind: 'state' | 'event' | 'waiting' | 'replay' }>): void {
    const local = this.#local.get(message.key);
    if (!local) return;
    if (message.kind === 'event' || message.kind === 'replay') {
      local.feed.message(message.event);
    } else if (message.kind === 'waiting') {
      local.feed.wait(message.waiting === true);
    } else if (message.state === 'open') {
      local.feed.open();
    } else if (message.state === 'error') {
      local.feed.error();
    } else {
      this.#local.delete(message.key);
      local.feed.close();
    }
  }

  #serve(tab: string, key: string, target: StreamTarget, lastEventId: string, replayLastEvent: boolean): void {
    let remote = this.#remote.get(key);
    if (!remote) {
      const created: RemoteFeed = { tabs: new Set(), open: false, waiting: false, lastEvent: undefined, release: () => undefined };
      this.#remote.set(key, created);
      created.release = this.#pool.attach(target, this.#relayToTabs(key, created), lastEventId);
      remote = created;
    } else if (remote.open) {
      // The feed is already open: the newcomer still needs its `open` (tabs that have it ignore a repeat).
      this.#post({ kind: 'state', key, state: 'open' });
      if (replayLastEvent && remote.lastEvent && !remote.tabs.has(tab)) this.#post({ kind: 'replay', key, tab, event: remote.lastEvent });
    } else if (remote.waiting) {
      this.#post({ kind: 'waiting', key, waiting: true });
    }
    remote.tabs.add(tab);
    this.#watch(tab);
  }

  #unserve(tab: string, key: string): void {
    const remote = this.#remote.get(key);
    if (!remote?.tabs.delete(tab) || remote.tabs.size > 0) return;
    this.#remote.delete(key);
    remote.release();
  }

  /** Waits for the tab's own lock: it is granted when that tab has closed. */
  #watch(tab: string): void {
    if (this.#watchedTabs.has(tab)) return;
    const watch = new AbortController();
    this.#watchedTabs.set(tab, watch);
    this.#locks
      .request(tabLock(tab), { signal: watch.signal }, () => {
        if (this.#watchedTabs.get(tab) !== watch) return;
        this.#watchedTabs.delete(tab);
        for (const key of [...this.#remote.keys()]) this.#unserve(tab, key);
      })
      .catch(() => undefined);
  }

  #relayToLocal(key: string, local: LocalFeed): FeedSink {
    return {
      open: () => local.feed.open(),
      message: (event) => local.feed.message(event),
      error: () => local.feed.error(),
      waiting: (waiting) => local.feed.wait(waiting),
      closed: () => {
        local.release = undefined;
        if (this.#local.get(key) === local) this.#local.delete(key);
        local.feed.close();
      },
    };
  }

  #relayToTabs(key: string, remote: RemoteFeed): FeedSink {
    return {
      open: () => {
        remote.open = true;
        this.#post({ kind: 'state', key, state: 'open' });
      },
      message: (event) => {
        remote.lastEvent = event;
        this.#post({ kind: 'event', key, event });
      },
      error: () => {
        remote.open = false;
        this.#post({ kind: 'state', key, state: 'error' });
      },
      waiting: (waiting) => {
        remote.waiting = waiting;
        this.#post({ kind: 'waiting', key, waiting });
      },
      closed: () => {
        if (this.#remote.get(key) === remote) this.#remote.delete(key);
        this.#post({ kind: 'state', key, state: 'closed' });
      },
    };
  }

  /** Requests a lock and, once granted, keeps it until this router closes. */
  #holdLock(name: string, onGranted: () => void): void {
    this.#locks
      .request(name, { signal: this.#lifetime.signal }, () => {
        if (this.#lifetime.signal.aborted) return;
        return new Promise<void>((release) => {
          this.#heldLocks.add(release);
          onGranted();
        });
      })
      .catch(() => undefined);
  }

  #post(message: CrossTabMessage): void {
    this.#channel.postMessage(message);
  }
}

function isMessage(data: unknown): data is CrossTabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { kind, key } = data as { kind?: unknown; key?: unknown };
  if (kind === 'leader') return typeof (data as { tab?: unknown }).tab === 'string';
  return (kind === 'want' || kind === 'drop' || kind === 'state' || kind === 'event' || kind === 'waiting' || kind === 'replay') && typeof key === 'string';
}
