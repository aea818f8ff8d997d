import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import * as hubModule from '../../src/hub/index.js';
import { configureHub, sharedEventSource, subscribe } from '../../src/hub/index.js';
import { FakeClock } from './support/fake-clock.js';
import { FakeServer } from './support/fake-server.js';

// The module-level API drives one default hub built from the real globals.
const server = new FakeServer(new FakeClock());
vi.stubGlobal('fetch', server.fetch);
vi.stubGlobal('location', { href: 'https://app.test/page' });

afterEach(() => {
  for (const request of server.live) request.respond(204);
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the default hub', () => {
  it('exports the agreed API', () => {
    expect(Object.keys(hubModule).sort()).toEqual(['DEFAULT_HUB_ENDPOINT', 'configureHub', 'createHub', 'hubStatus', 'onHubStatusChange', 'sharedEventSource', 'subscribe']);
    expect(hubModule.DEFAULT_HUB_ENDPOINT).toBe('/__sse_hub');
  });

  it('dedupes by default, across sharedEventSource and subscribe, using the page location and global fetch', () => {
    const before = server.requests.length;
    const source = sharedEventSource('/default/feed');
    const unsubscribe = subscribe('/default/feed', {});
    expect(source.url).toBe('https://app.test/default/feed');
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['https://app.test/default/feed']);
    source.close();
    unsubscribe();
  });

  it('applies configureHub to connections opened afterwards', () => {
    configureHub({ endpoint: '/hub', lingerMs: 0 });
    const before = server.requests.length;
    const source = sharedEventSource('/rows/1/events');
    expect(server.requests.slice(before).map((request) => request.url)).toEqual(['https://app.test/hub']);
    source.close();
  });
});
