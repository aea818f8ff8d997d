import type { HubEnvironment } from '../../../src/hub/environment.js';
import { createHub, type Hub } from '../../../src/hub/hub.js';
import type { HubOptions } from '../../../src/hub/options.js';
import { FakeClock, seededRandom } from './fake-clock.js';
import { FakeServer } from './fake-server.js';

export const PAGE = 'https://app.test/dashboard';

export interface TestHub {
  hub: Hub;
  clock: FakeClock;
  server: FakeServer;
  environment: Partial<HubEnvironment>;
}

/** A hub wired to a fake clock, a scripted server and a seeded random source; no cross-tab APIs unless given. */
export function createTestHub(options: HubOptions = {}, overrides: Partial<HubEnvironment> = {}): TestHub {
  const clock = new FakeClock();
  const server = new FakeServer(clock);
  const environment: Partial<HubEnvironment> = {
    fetch: server.fetch,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    now: clock.now,
    random: seededRandom(42),
    baseUrl: () => PAGE,
    BroadcastChannel: undefined,
    locks: undefined,
    ...overrides,
  };
  return { hub: createHub(options, environment), clock, server, environment };
}

/** Records the events a target dispatched, as `type:data` strings (or `type` for open/error). */
export function record(target: EventTarget, types: string[] = ['open', 'message', 'error']): string[] {
  const seen: string[] = [];
  for (const type of types) {
    target.addEventListener(type, (event) => {
      seen.push(event instanceof MessageEvent ? `${event.type}:${String(event.data)}` : event.type);
    });
  }
  return seen;
}
