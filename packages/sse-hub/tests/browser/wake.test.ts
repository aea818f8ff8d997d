/**
 * The hub never leaves a page dead, in real Chromium: past its attempt limit it waits without a
 * request, and the browser's own `online` event (the network coming back, driven by
 * Playwright's offline emulation) starts a new round that opens the stream again. The page's
 * `hub.onStatusChange` log shows what an app's "offline" banner would.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../../../scripts/proof/chromium.js';
import { bundleHubForPage } from './support/hub-bundle.js';
import { listen, waitUntil, type Listening } from '../server/support/loopback.js';

const LAUNCH_TIMEOUT_MS = 30_000;

let browser: Browser;
let context: BrowserContext | undefined;
let app: Listening | undefined;
let hubBundle: string;

beforeAll(async () => {
  hubBundle = await bundleHubForPage();
  browser = await launchChromium({ launchTimeoutMs: LAUNCH_TIMEOUT_MS });
}, LAUNCH_TIMEOUT_MS * 2);

afterAll(async () => {
  await context?.close();
  await app?.close();
  await browser?.close();
});

interface PageWindow {
  sseHub: typeof import('../../src/hub/index.js');
  states: string[];
  events: string[];
}

it('waits past the attempt limit without requests, and the online event brings the stream back', async () => {
  let up = false;
  let streamRequests = 0;
  app = await listen((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app.invalid').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><script type="module">import * as hub from "/hub.js"; window.sseHub = hub;</script>');
    } else if (path === '/hub.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(hubBundle);
    } else if (path === '/feed') {
      streamRequests++;
      if (!up) {
        // A server restarting behind its proxy: 503 is retried, as a network error would be.
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: back\n\n');
    } else {
      res.writeHead(404).end();
    }
  });
  context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.origin}/`);
  await page.waitForFunction(() => 'sseHub' in window);
  await page.evaluate(() => {
    const scope = window as unknown as PageWindow;
    scope.states = [];
    scope.events = [];
    const hub = scope.sseHub.createHub({ reconnect: { maxAttempts: 2, initialDelayMs: 20, maxDelayMs: 40 } });
    hub.onStatusChange((status) => scope.states.push(status.state));
    hub.subscribe('/feed', { message: (event) => scope.events.push(String(event.data)) });
  });

  await page.waitForFunction(() => (window as unknown as PageWindow).states.at(-1) === 'waiting');
  expect(streamRequests).toBe(3);
  up = true;
  // The server is back, but nothing tells the page: it stays quiet rather than polling.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(streamRequests).toBe(3);

  // The network drops and comes back: Chromium fires `online` on the window.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForFunction(() => (window as unknown as PageWindow).events.includes('back'));
  await waitUntil(() => streamRequests === 4, 'the reconnect after the online event');
  const seen = await page.evaluate(() => {
    const scope = window as unknown as PageWindow;
    return { states: scope.states, events: scope.events };
  });
  expect(seen).toEqual({ states: ['connecting', 'reconnecting', 'waiting', 'reconnecting', 'open'], events: ['back'] });
});
