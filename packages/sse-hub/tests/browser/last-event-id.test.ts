/**
 * Resuming, with Chromium's own `EventSource` as the reference. A page opens the same scripted
 * stream twice, once natively and once through the hub (bundled from source and running in the
 * page), and a loopback server records the raw bytes of every `Last-Event-ID` it receives.
 * The two must match request for request:
 * - after a cut in the middle of an event, the id of the last complete event (m-2 is not sent),
 * - an id outside Latin-1 (`✓`) and one inside it but outside ASCII (`é`) as their UTF-8 bytes,
 * - an event without `id:` after a reconnect keeps the id the stream resumed from.
 * Dedupe mode sends the header from the page; multiplex mode from the server's proxy, both
 * when the proxy reconnects an upstream and when the hub subscribes again after its own stream dropped.
 *
 * The same harness checks how each connection's stream starts: one byte order mark is
 * stripped, a second is part of the first field's name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../scripts/proof/chromium.js';
import { bundleHubForPage } from './support/hub-bundle.js';
import { createMultiplexerWithEnvironment } from '../../src/server/multiplexer.js';
import { listen, type Listening } from '../server/support/loopback.js';

const LAUNCH_TIMEOUT_MS = 30_000;

/** What a client reads of one scripted answer, and whether the route then ends the response. */
interface Answer {
  text: string;
  keepOpen?: boolean;
}

type Client = 'native' | 'hub';

/** The same bytes for both clients: the stream is cut after `id: m-2`, then resumed twice. */
const CUT_AFTER_AN_ID: Answer[] = [
  { text: 'retry: 50\n\nid: \u2713-1\ndata: one\n\nid: m-2\ndata: cut off\n' },
  { text: 'data: without an id\n\nid: \u00e9-3\ndata: three\n\n' },
];

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
/** What both clients must send, request by request ('' for no header). */
const EXPECTED_HEADERS = ['', hex('\u2713-1'), hex('\u00e9-3')];
/** What both clients' subscribers must see: `[data, lastEventId]`. */
const EXPECTED_EVENTS = [
  ['one', '\u2713-1'],
  ['without an id', '\u2713-1'],
  ['three', '\u00e9-3'],
];

let browser: Browser;
let hubBundle: string;

beforeAll(async () => {
  hubBundle = await bundleHubForPage();
  browser = await launchChromium({ launchTimeoutMs: LAUNCH_TIMEOUT_MS });
}, LAUNCH_TIMEOUT_MS * 2);

afterAll(async () => {
  await browser?.close();
});

/** A loopback app: the page, the hub bundle, the multiplexer, and scripted streams under `/streams/:name`. */
interface App {
  origin: string;
  /** Raw `Last-Event-ID` bytes (hex) of each request of a client to a stream. */
  headersOf(stream: string, client: Client): string[];
  /** Drops the hub's multiplexed streams, as a network failure would. */
  dropHubStreams(): void;
  close(): Promise<void>;
}

let app: App | undefined;
let page: Page | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await app?.close();
  app = undefined;
});

async function startApp(scripts: Record<string, Record<Client, Answer[]>>): Promise<App> {
  const headers = new Map<string, string[]>();
  const served = new Map<string, number>();
  const hubStreams = new Set<ServerResponse>();
  // No jitter in the proxy's reconnect: the upstream's `retry: 50` is its delay.
  const multiplexer = createMultiplexerWithEnvironment({ allow: ['/streams/:name'], retryMs: [0, 0] }, { random: () => 0 });

  const stream = (req: IncomingMessage, res: ServerResponse, name: string, client: Client): void => {
    const key = `${name} ${client}`;
    const at = req.rawHeaders.findIndex((value, index) => index % 2 === 0 && value.toLowerCase() === 'last-event-id');
    // Node reads header bytes as Latin-1, one character per byte: this is what came over the wire.
    const bytes = at === -1 ? '' : Buffer.from(req.rawHeaders[at + 1]!, 'latin1').toString('hex');
    headers.set(key, [...(headers.get(key) ?? []), bytes]);
    const count = served.get(key) ?? 0;
    served.set(key, count + 1);
    const answer = scripts[name]?.[client][count];
    if (!answer) {
      // 204 stops both EventSource and the hub for good: the test's end.
      res.writeHead(204).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (answer.keepOpen) res.write(answer.text);
    else res.end(answer.text);
  };

  const listening: Listening = await listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app.invalid');
    const match = /^\/streams\/([\w-]+)$/.exec(url.pathname);
    const client = url.searchParams.get('client');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script type="module">import * as hub from "/hub.js"; window.sseHub = hub;</script>');
    } else if (url.pathname === '/hub.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(hubBundle);
    } else if (match && (client === 'native' || client === 'hub')) {
      stream(req, res, match[1]!, client);
    } else {
      multiplexer.node(req, res, () => res.writeHead(404).end());
      if (url.pathname === '/__sse_hub' && req.method === 'GET') {
        hubStreams.add(res);
        res.on('close', () => hubStreams.delete(res));
      }
    }
  });
  return {
    origin: listening.origin,
    headersOf: (name, client) => headers.get(`${name} ${client}`) ?? [],
    dropHubStreams: () => {
      for (const res of hubStreams) res.socket?.destroy();
    },
    close: async () => {
      await multiplexer.close();
      await listening.close();
    },
  };
}

interface PageWindow {
  sseHub: typeof import('../../src/hub/index.js');
  seen: Record<Client, string[][]>;
}

/**
 * Opens `/streams/<name>` natively and through a hub configured with `hubOptions`. `finished`
 * resolves with what each one's subscriber saw, once both are CLOSED; meanwhile each side
 * records into `window.seen`.
 */
async function openBoth(name: string, hubOptions: object): Promise<{ finished: Promise<Record<Client, string[][]>> }> {
  page = await browser.newPage();
  await page.goto(`${app!.origin}/`);
  await page.waitForFunction(() => 'sseHub' in window);
  const finished = page.evaluate(
    async ([stream, options]) => {
      const scope = window as unknown as PageWindow;
      scope.seen = { native: [], hub: [] };
      const hub = scope.sseHub.createHub(options);
      const follow = (client: Client, source: EventSource): Promise<void> =>
        new Promise((resolve) => {
          source.onmessage = (event) => scope.seen[client].push([String(event.data), event.lastEventId]);
          source.onerror = () => {
            if (source.readyState === source.CLOSED) resolve();
          };
        });
      await Promise.all([
        follow('native', new EventSource(`/streams/${stream}?client=native`)),
        follow('hub', hub.sharedEventSource(`/streams/${stream}?client=hub`)),
      ]);
      return scope.seen;
    },
    [name, hubOptions] as const,
  );
  return { finished };
}

describe('Last-Event-ID: the hub against Chromium EventSource', () => {
  it('dedupe mode: the page sends the same bytes after a cut, after ✓ and after é', async () => {
    app = await startApp({ cut: { native: CUT_AFTER_AN_ID, hub: CUT_AFTER_AN_ID } });
    const { finished } = await openBoth('cut', { reconnect: { initialDelayMs: 50, maxDelayMs: 50 } });
    const seen = await finished;

    expect(seen.hub).toEqual(seen.native);
    expect(seen.native).toEqual(EXPECTED_EVENTS);
    expect(app.headersOf('cut', 'hub')).toEqual(app.headersOf('cut', 'native'));
    // Chromium's own bytes, spelled out: the id of the last complete event, in UTF-8.
    expect(app.headersOf('cut', 'native')).toEqual(EXPECTED_HEADERS);
  });

  it('multiplex mode: the proxy sends the same bytes, on its own reconnect and on the hub resubscribing', async () => {
    app = await startApp({
      multiplexed: {
        native: CUT_AFTER_AN_ID,
        // The second upstream stays open: the hub's own stream drops instead, and the hub hands the id back.
        hub: [CUT_AFTER_AN_ID[0]!, { ...CUT_AFTER_AN_ID[1]!, keepOpen: true }],
      },
    });
    const { finished } = await openBoth('multiplexed', { endpoint: '/__sse_hub', reconnect: { initialDelayMs: 50, maxDelayMs: 50 } });
    await page!.waitForFunction(() => (window as unknown as PageWindow).seen?.hub.length === 3);
    app.dropHubStreams();
    const { native, hub } = await finished;

    expect(hub).toEqual(native);
    expect(native).toEqual(EXPECTED_EVENTS);
    expect(app.headersOf('multiplexed', 'hub')).toEqual(app.headersOf('multiplexed', 'native'));
    expect(app.headersOf('multiplexed', 'native')).toEqual(EXPECTED_HEADERS);
  });
});

/**
 * Two marks, then an event whose field name the second mark spoils, then one read: a
 * reconnect's stream starts with one mark again. Each connection's decoder starts afresh.
 */
const BYTE_ORDER_MARKS: Answer[] = [
  { text: '\uFEFF\uFEFFdata: hidden\n\nretry: 50\n\ndata: seen\n\n' },
  { text: '\uFEFFdata: after the reconnect\n\n' },
];

describe('byte order marks: the hub against Chromium EventSource', () => {
  it.each([
    ['dedupe mode (the page reads the stream)', {}],
    ["multiplex mode (the server's proxy reads it)", { endpoint: '/__sse_hub' }],
  ])('%s: strips one mark at the start of each connection, not a second', async (_, options) => {
    app = await startApp({ marks: { native: BYTE_ORDER_MARKS, hub: BYTE_ORDER_MARKS } });
    const { finished } = await openBoth('marks', { ...options, reconnect: { initialDelayMs: 50, maxDelayMs: 50 } });
    const { native, hub } = await finished;

    expect(native).toEqual([
      ['seen', ''],
      ['after the reconnect', ''],
    ]);
    expect(hub).toEqual(native);
  });
});
