/**
 * Everything the hub takes from its surroundings. The hub never touches a global directly,
 * so tests can drive it with a scripted `fetch`, a fake clock, a seeded random source and
 * fake cross-tab primitives, and so it runs wherever these few things exist.
 */

/** The part of `fetch` the hub uses. */
export type HubFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The part of `BroadcastChannel` the hub uses. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** The part of `navigator.locks` the hub uses: hold a named lock until the callback's promise settles. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

export interface HubEnvironment {
  fetch: HubFetch;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1), as `Math.random()`; drives the reconnect jitter and tab ids. */
  random(): number;
  now(): number;
  /** What relative URLs resolve against (the page's `location.href`); undefined outside a page. */
  baseUrl(): string | undefined;
  /** Undefined where the API is missing: cross-tab sharing then falls back to one connection per tab. */
  BroadcastChannel: (new (name: string) => BroadcastChannelLike) | undefined;
  locks: LockManagerLike | undefined;
  Event: typeof Event;
  MessageEvent: typeof MessageEvent;
  /**
   * Calls `callback` each time the page has a new reason to expect the network to work: the
   * browser comes back `online`, or the tab becomes visible again. Returns the function that
   * stops listening. Undefined where neither event exists (Node, some workers): a stream past
   * its attempt limit then closes instead of waiting for one.
   */
  onWake: ((callback: () => void) => () => void) | undefined;
}

/**
 * The real environment. Timers, clock and fetch are looked up on each call rather than
 * captured once, so that a later polyfill or instrumentation (and test fake timers) apply.
 */
export function defaultEnvironment(): HubEnvironment {
  const scope = globalThis as typeof globalThis & {
    navigator?: { locks?: LockManagerLike };
    location?: { href: string };
    BroadcastChannel?: new (name: string) => BroadcastChannelLike;
    addEventListener?: EventTarget['addEventListener'];
    removeEventListener?: EventTarget['removeEventListener'];
    document?: EventTarget & { visibilityState?: string };
  };
  return {
    fetch: (url, init) => scope.fetch(url, init),
    setTimeout: (callback, milliseconds) => scope.setTimeout(callback, milliseconds),
    clearTimeout: (handle) => scope.clearTimeout(handle as ReturnType<typeof setTimeout>),
    random: () => Math.random(),
    now: () => Date.now(),
    baseUrl: () => scope.location?.href,
    BroadcastChannel: scope.BroadcastChannel,
    locks: scope.navigator?.locks,
    Event: scope.Event,
    MessageEvent: scope.MessageEvent,
    onWake: wakeSignals(scope),
  };
}

type WakeScope = {
  addEventListener?: EventTarget['addEventListener'];
  removeEventListener?: EventTarget['removeEventListener'];
  document?: EventTarget & { visibilityState?: string };
};

/** `online` on the global scope (windows and workers) and `visibilitychange` to visible on the document. */
function wakeSignals(scope: WakeScope): HubEnvironment['onWake'] {
  const onlineTarget = typeof scope.addEventListener === 'function' && typeof scope.removeEventListener === 'function' ? scope : undefined;
  const document = scope.document && typeof scope.document.addEventListener === 'function' ? scope.document : undefined;
  if (!onlineTarget && !document) return undefined;
  return (callback) => {
    const online = (): void => callback();
    const visibility = (): void => {
      if (document?.visibilityState === 'visible') callback();
    };
    onlineTarget?.addEventListener!('online', online);
    document?.addEventListener('visibilitychange', visibility);
    return () => {
      onlineTarget?.removeEventListener!('online', online);
      document?.removeEventListener('visibilitychange', visibility);
    };
  };
}

export function resolveEnvironment(overrides: Partial<HubEnvironment> = {}): HubEnvironment {
  return { ...defaultEnvironment(), ...overrides };
}
