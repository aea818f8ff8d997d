/**
 * Past its attempt limit a stream waits for the page to come back online or visible instead of
 * leaving the page dead until a reload (issue 13: "the hub never leaves a page dead"), and the
 * hub tells the app where its subscribers stand.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultEnvironment } from '../../src/hub/environment.js';
import type { HubStatus } from '../../src/hub/hub-status.js';
import { resolveHubOptions } from '../../src/hub/options.js';
import { HUB_PROTOCOL_VERSION } from '../../src/sse/multiplex-protocol.js';
import { seededRandom } from './support/fake-clock.js';
import { createTestHub } from './support/test-hub.js';

const URL_A = 'https://app.test/rows/1/events';

/** `online` and `visibilitychange` as the hub sees them: a set of callbacks the test fires. */
function wakeSignals() {
  const callbacks = new Set<() => void>();
  return {
    onWake: (callback: () => void) => {
      callbacks.add(callback);
      return () => void callbacks.delete(callback);
    },
    wake: () => {
      for (const callback of [...callbacks]) callback();
    },
    get listening(): number {
      return callbacks.size;
    },
  };
}

/** A dedupe hub whose stream gives up after two failed reconnects (three requests). */
function exhaustedHub(options: Parameters<typeof createTestHub>[0] = {}) {
  const signals = wakeSignals();
  const testHub = createTestHub({ reconnect: { maxAttempts: 2 }, ...options }, { random: () => 0.5, onWake: signals.onWake });
  return {
    ...testHub,
    signals,
    /** Fails the first request and both reconnects. */
    async exhaust(): Promise<void> {
      const { clock, server } = testHub;
      await clock.advance(0);
      server.last.failNetwork();
      await clock.advance(500);
      server.last.failNetwork();
      await clock.advance(1000);
      server.last.failNetwork();
      await clock.advance(0);
    },
  };
}

describe('past the attempt limit', () => {
  it('waits, still CONNECTING, with no timer and no request, until the page wakes', async () => {
    const { hub, clock, server, signals, exhaust } = exhaustedHub();
    const source = hub.sharedEventSource(URL_A);
    const states: number[] = [];
    source.addEventListener('error', () => states.push(source.readyState));
    await exhaust();
    await clock.advance(3_600_000);
    expect(server.requests).toHaveLength(3);
    // Every failure reports CONNECTING, as a native EventSource that retries forever would.
    expect(states).toEqual([0, 0, 0]);
    expect(source.readyState).toBe(0);
    expect(clock.pending).toBe(0);
    expect(signals.listening).toBe(1);
    expect(hub.stats()).toEqual({ connections: 1, topics: 0, subscribers: 1 });
  });

  it('starts a fresh round on a wake, after the first jittered delay, and opens', async () => {
    const { hub, clock, server, signals, exhaust } = exhaustedHub();
    const source = hub.sharedEventSource(URL_A);
    await exhaust();
    signals.wake();
    expect(signals.listening).toBe(0);
    // random() = 0.5 of the first delay, initialDelayMs 1000.
    await clock.advance(499);
    expect(server.requests).toHaveLength(3);
    await clock.advance(1);
    expect(server.requests).toHaveLength(4);
    server.last.openStream().event({ data: 'back' });
    await clock.advance(0);
    expect(source.readyState).toBe(1);
  });

  it('gets a whole new round of maxAttempts reconnects, and waits again when they fail too', async () => {
    const { hub, clock, server, signals, exhaust } = exhaustedHub();
    hub.sharedEventSource(URL_A);
    await exhaust();
    signals.wake();
    // The request the wake starts is the round's first reconnect; the backoff grows from there.
    await clock.advance(500);
    expect(server.requests).toHaveLength(4);
    server.last.failNetwork();
    await clock.advance(1000);
    expect(server.requests).toHaveLength(5);
    server.last.failNetwork();
    await clock.advance(60_000);
    expect(server.requests).toHaveLength(5);
    expect(signals.listening).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('ignores further wakes while the new round is under way', async () => {
    const { hub, clock, server, signals, exhaust } = exhaustedHub();
    hub.sharedEventSource(URL_A);
    await exhaust();
    signals.wake();
    signals.wake();
    await clock.advance(500);
    expect(server.requests).toHaveLength(4);
    expect(clock.pending).toBe(0);
  });

  it('spreads the reconnects of many pages that wake together over the first backoff window', async () => {
    const delays: number[] = [];
    for (let page = 0; page < 200; page++) {
      const signals = wakeSignals();
      const { hub, clock, server } = createTestHub({ reconnect: { maxAttempts: 1 } }, { random: seededRandom(page + 1), onWake: signals.onWake });
      hub.sharedEventSource(URL_A);
      await clock.advance(0);
      server.last.failNetwork();
      await clock.advance(1000);
      server.last.failNetwork();
      await clock.advance(0);
      const wokeAt = clock.now();
      signals.wake();
      while (server.requests.length < 3) await clock.advance(10);
      delays.push(clock.now() - wokeAt);
    }
    // Full jitter over [0, initialDelayMs): no thundering herd at the instant of the wake.
    expect(Math.max(...delays)).toBeLessThanOrEqual(1000);
    expect(delays.filter((delay) => delay <= 10).length).toBeLessThan(10);
    expect(new Set(delays.map((delay) => Math.min(9, Math.floor(delay / 100)))).size).toBe(10);
  });

  it("closes as before with afterLastAttempt 'close'", async () => {
    const { hub, clock, signals, exhaust } = exhaustedHub({ reconnect: { maxAttempts: 2, afterLastAttempt: 'close' } });
    const source = hub.sharedEventSource(URL_A);
    await exhaust();
    expect(source.readyState).toBe(2);
    expect(signals.listening).toBe(0);
    expect(clock.pending).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('closes where the page cannot tell it is back (no online or visibility events)', async () => {
    const { hub, clock, server } = createTestHub({ reconnect: { maxAttempts: 1 } }, { random: () => 0.5, onWake: undefined });
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.failNetwork();
    await clock.advance(500);
    server.last.failNetwork();
    await clock.advance(0);
    expect(source.readyState).toBe(2);
  });

  it('stops listening for wakes when the last subscriber leaves a waiting stream', async () => {
    const { hub, clock, signals, exhaust } = exhaustedHub({ lingerMs: 1000 });
    const source = hub.sharedEventSource(URL_A);
    await exhaust();
    source.close();
    await clock.advance(1000);
    expect(signals.listening).toBe(0);
    expect(hub.stats()).toEqual({ connections: 0, topics: 0, subscribers: 0 });
  });

  it('does not wait after a 4xx or 204: the server asked the client to stop', async () => {
    const { hub, clock, server, signals } = exhaustedHub();
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    server.last.respond(404);
    await clock.advance(0);
    expect(source.readyState).toBe(2);
    expect(signals.listening).toBe(0);
  });

  it('multiplex mode: topics wait with their stream, a topic added meanwhile waits too, and the wake re-subscribes them all', async () => {
    const signals = wakeSignals();
    const { hub, clock, server } = createTestHub({ endpoint: '/__sse_hub', reconnect: { maxAttempts: 1 } }, { random: () => 0.5, onWake: signals.onWake });
    const first = hub.sharedEventSource('/a');
    await clock.advance(0);
    server.lastGet().failNetwork();
    await clock.advance(500);
    server.lastGet().failNetwork();
    await clock.advance(0);
    expect(hub.status().state).toBe('waiting');
    const second = hub.sharedEventSource('/b');
    await clock.advance(0);
    expect(hub.status().subscribers).toEqual({ connecting: 0, open: 0, reconnecting: 0, waiting: 2 });
    expect(server.gets).toHaveLength(2);
    signals.wake();
    await clock.advance(500);
    expect(server.gets).toHaveLength(3);
    server.lastGet().openStream().frame({ kind: 'ready', connection: 'c2', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    expect(server.lastPost().json()).toEqual({ connection: 'c2', subscribe: ['/a', '/b'] });
    expect([first.readyState, second.readyState]).toEqual([0, 0]);
    expect(hub.status().state).toBe('reconnecting');
  });
});

describe('hub.status()', () => {
  it('follows the subscribers: idle, connecting, open, reconnecting, waiting, and back', async () => {
    const { hub, clock, server, signals } = exhaustedHub();
    const states: HubStatus['state'][] = [];
    hub.onStatusChange((status) => states.push(status.state));
    expect(hub.status()).toEqual({ state: 'idle', subscribers: { connecting: 0, open: 0, reconnecting: 0, waiting: 0 } });
    const source = hub.sharedEventSource(URL_A);
    await clock.advance(0);
    const stream = server.last.openStream();
    stream.event({ data: 'one' });
    await clock.advance(0);
    expect(hub.status()).toEqual({ state: 'open', subscribers: { connecting: 0, open: 1, reconnecting: 0, waiting: 0 } });
    stream.end();
    await clock.advance(500);
    server.last.failNetwork();
    await clock.advance(1000);
    server.last.failNetwork();
    await clock.advance(0);
    expect(hub.status().state).toBe('waiting');
    signals.wake();
    await clock.advance(500);
    server.last.openStream();
    await clock.advance(0);
    source.close();
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'waiting', 'reconnecting', 'open', 'idle']);
  });

  it('shows the worst subscriber and calls listeners only when that changes', async () => {
    const { hub, clock, server } = createTestHub({}, { random: () => 0.5 });
    const listener = vi.fn();
    const stop = hub.onStatusChange(listener);
    const healthy = hub.sharedEventSource('/healthy');
    const broken = hub.sharedEventSource('/broken');
    await clock.advance(0);
    const [healthyRequest, brokenRequest] = server.requests;
    healthyRequest!.openStream();
    await clock.advance(0);
    expect(hub.status()).toEqual({ state: 'connecting', subscribers: { connecting: 1, open: 1, reconnecting: 0, waiting: 0 } });
    brokenRequest!.failNetwork();
    await clock.advance(0);
    expect(hub.status().state).toBe('reconnecting');
    // Five more subscribers on the open stream change the counts, not the state.
    for (let index = 0; index < 5; index++) hub.sharedEventSource('/healthy');
    await clock.advance(0);
    expect(hub.status().subscribers.open).toBe(6);
    expect(listener.mock.calls.map(([status]) => (status as HubStatus).state)).toEqual(['connecting', 'reconnecting']);
    stop();
    broken.close();
    healthy.close();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('a listener that throws does not stop the others or the hub', async () => {
    const { hub, clock, server } = createTestHub();
    const reported: unknown[] = [];
    const onError = (error: unknown): void => void reported.push(error);
    process.on('uncaughtException', onError);
    try {
      hub.onStatusChange(() => {
        throw new Error('banner crashed');
      });
      const seen: string[] = [];
      hub.onStatusChange((status) => seen.push(status.state));
      const source = hub.sharedEventSource(URL_A);
      await clock.advance(0);
      server.last.openStream();
      await clock.advance(0);
      expect(seen).toEqual(['connecting', 'open']);
      expect(source.readyState).toBe(1);
      expect(reported.map((error) => (error as Error).message)).toEqual(['banner crashed', 'banner crashed']);
    } finally {
      process.off('uncaughtException', onError);
    }
  });

  it('the same function listening twice is called twice, and each unsubscribe removes one', () => {
    const { hub } = createTestHub();
    const listener = vi.fn();
    const stopFirst = hub.onStatusChange(listener);
    hub.onStatusChange(listener);
    stopFirst();
    hub.sharedEventSource(URL_A);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('options and the real environment', () => {
  it("afterLastAttempt defaults to 'wait' and refuses anything else", () => {
    expect(resolveHubOptions({}).reconnect.afterLastAttempt).toBe('wait');
    expect(() => resolveHubOptions({ reconnect: { afterLastAttempt: 'never' as 'close' } })).toThrow(
      `reconnect.afterLastAttempt must be 'wait' or 'close', got "never"`,
    );
  });

  describe('defaultEnvironment().onWake', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('is undefined without online or visibility events (Node)', () => {
      expect(defaultEnvironment().onWake).toBeUndefined();
    });

    it('fires on online and on the tab becoming visible, not on it being hidden, and stops when told', () => {
      const scope = new EventTarget();
      const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
      vi.stubGlobal('addEventListener', scope.addEventListener.bind(scope));
      vi.stubGlobal('removeEventListener', scope.removeEventListener.bind(scope));
      vi.stubGlobal('document', document);
      const onWake = defaultEnvironment().onWake!;
      const wakes: string[] = [];
      const stop = onWake(() => wakes.push(document.visibilityState));
      document.dispatchEvent(new Event('visibilitychange'));
      document.visibilityState = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      scope.dispatchEvent(new Event('online'));
      stop();
      scope.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      expect(wakes).toEqual(['visible', 'visible']);
    });
  });
});
