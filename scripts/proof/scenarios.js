/**
 * The six scenarios of the proof. Each gets its own server and its own browser context, so
 * that one scenario's connections (and Chromium's per-profile connection budget) cannot leak
 * into the next. A' and M' serve a copy of their example that `sse-codemod --write` converted
 * (see convert-example.js). M and M' are the mercure-topics example: per-topic streams to a
 * Mercure-style hub, a server that cannot mount the Node multiplexer.
 */
import { errors } from 'playwright-core';
import { startDashboardServer } from '../../examples/live-dashboard/server.js';
import { startMercureTopicsServer } from '../../examples/mercure-topics/server.js';
import { median, waitUntilSettled, withTimeout } from './bounded.js';
import { readRowEventCounts, timeIdleSend, timeSends } from './page-probe.js';

/** Every bound the proof waits under, in one place (they are also reported with --json). */
export const BOUNDS = {
  pageLoadMs: 15_000,
  /** Connections count as settled once nothing has changed for this long... */
  settleQuietMs: 1_000,
  /** ...or, at the latest, after this long. */
  settleLimitMs: 10_000,
  /** A POST with no answer after this long is reported as stalled. */
  postBoundMs: 3_000,
  postClicks: 5,
  /** A row counts as updated if it received an event in this window at the end. */
  observeMs: 2_000,
  closeMs: 10_000,
  /** The `sse-codemod --write` run that converts the example's copy for scenario A'. */
  codemodMs: 60_000,
};

export const SCENARIOS = [
  { key: 'perRowEventSource', label: 'A  20 rows, new EventSource each', path: '/page-a.html', tabs: 1 },
  { key: 'sharedEventSource', label: 'B  20 rows, sharedEventSource', path: '/page-b.html', tabs: 1 },
  { key: 'crossTab', label: 'C  3 tabs of B, crossTab: true', path: '/page-b.html?crossTab=1', tabs: 3 },
  // Page A itself, after the codemod: served from the converted copy, not from public/.
  { key: 'codemodConverted', label: "A' page A after sse-codemod --write", path: '/page-a.html', tabs: 1, convertedByCodemod: 'liveDashboard' },
  { key: 'perTopicEventSource', label: 'M  20 rows, EventSource per Mercure topic', path: '/topics.html', tabs: 1, startServer: startMercureTopicsServer },
  {
    key: 'mercureConverted',
    label: "M' page M after sse-codemod --write",
    path: '/topics.html',
    tabs: 1,
    startServer: startMercureTopicsServer,
    convertedByCodemod: 'mercureTopics',
  },
];

/**
 * `post.roundTripsMs` is empty when no tab loaded: nothing was measured, so nothing stalled.
 * `post.baselineMs` is the same POST from a page with no streams (see measureIdlePost).
 * @typedef {{ opened: number, peakOpen: number }} ConnectionCount
 * @typedef {{
 *   key: string, label: string, tabs: number, tabsLoaded: number,
 *   settled: boolean, settleMs: number,
 *   sseConnections: ConnectionCount, tcpSockets: ConnectionCount,
 *   upstreamStreams: number,
 *   rowsTotal: number, rowsWithEvents: number, rowsUpdated: number, rowsUpdatedPerTab: number[],
 *   post: {
 *     boundMs: number, roundTripsMs: (number | null)[], medianMs: number | null, stalled: boolean,
 *     baselineRoundTripsMs: (number | null)[], baselineMs: number | null,
 *   },
 *   multiplexer: { connections: number, topics: number, upstreams: number } | undefined,
 *   mercure: import('../../examples/mercure-topics/server.js').MercureStats | undefined,
 *   pageErrors: string[],
 * }} ScenarioResult
 */

/**
 * @param {import('playwright-core').Browser} browser
 * @param {(typeof SCENARIOS)[number]} scenario
 * @param {typeof BOUNDS} bounds
 * @param {{ publicDir?: string }} [served] `publicDir`: what the server serves instead of the example's `public/`
 * @returns {Promise<ScenarioResult>}
 */
export async function runScenario(browser, scenario, bounds = BOUNDS, { publicDir } = {}) {
  const baselineRoundTripsMs = await measureIdlePost(browser, bounds);
  const startServer = scenario.startServer ?? startDashboardServer;
  const dashboard = await startServer({ port: 0, host: '127.0.0.1', publicDir });
  try {
    const context = await browser.newContext();
    try {
      const result = await measure(context, dashboard, scenario, bounds);
      result.post.baselineRoundTripsMs = baselineRoundTripsMs;
      result.post.baselineMs = median(baselineRoundTripsMs);
      return result;
    } finally {
      await withTimeout(context.close(), bounds.closeMs, 'closing the browser context');
    }
  } finally {
    await withTimeout(dashboard.close(), bounds.closeMs, 'closing the dashboard server');
  }
}

/**
 * The page's POST with nothing queued in front of it, measured just before the scenario:
 * the same request from the example's index page, which opens no stream, on an idle server
 * and in a browser context of their own (so that neither the scenario's connection counts
 * nor its connection pool see it). What the machine's load alone costs the round trip.
 * @param {import('playwright-core').Browser} browser
 * @param {typeof BOUNDS} bounds
 * @returns {Promise<(number | null)[]>}
 */
async function measureIdlePost(browser, bounds) {
  const idle = await startDashboardServer({ port: 0, host: '127.0.0.1' });
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${idle.url}/`, { waitUntil: 'load', timeout: bounds.pageLoadMs });
      const roundTripsMs = [];
      for (let click = 0; click < bounds.postClicks; click++) roundTripsMs.push(await timeIdleSend(page, bounds.postBoundMs));
      return roundTripsMs;
    } finally {
      await withTimeout(context.close(), bounds.closeMs, 'closing the baseline browser context');
    }
  } finally {
    await withTimeout(idle.close(), bounds.closeMs, 'closing the baseline server');
  }
}

async function measure(context, dashboard, scenario, bounds) {
  const pageErrors = [];
  /** The tabs that loaded; a tab starved of connections may not, which is a finding, not a crash. */
  const pages = [];
  for (let tab = 0; tab < scenario.tabs; tab++) {
    const page = await context.newPage();
    page.setDefaultTimeout(bounds.pageLoadMs);
    // Reported with the results: a hub that fails to load shows up here, not as a mystery.
    page.on('pageerror', (error) => pageErrors.push(`tab ${tab + 1}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`tab ${tab + 1}: console: ${message.text()}`);
    });
    try {
      await page.goto(dashboard.url + scenario.path, { waitUntil: 'load', timeout: bounds.pageLoadMs });
      pages.push(page);
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      pageErrors.push(`tab ${tab + 1}: did not load within ${bounds.pageLoadMs} ms`);
      // Closed so that a late load cannot race the DOM reads below.
      await page.close();
    }
  }
  const readAllCounts = () => Promise.all(pages.map(readRowEventCounts));

  // "Settled": the browser opens no further streams and no further row starts receiving.
  const settle = await waitUntilSettled(
    async () => ({
      streamsOpened: dashboard.stats().streams.browser.opened,
      rowsWithEvents: (await readAllCounts()).map(countRowsWithEvents),
    }),
    {
      quietMs: bounds.settleQuietMs,
      limitMs: bounds.settleLimitMs,
      ready: (snapshot) => snapshot.rowsWithEvents.some((rows) => rows > 0),
    },
  );

  // The last tab: with crossTab it is one that does not hold the connection.
  const sendingPage = pages.at(-1);
  const roundTripsMs = sendingPage
    ? await timeSends(sendingPage, { clicks: bounds.postClicks, boundMs: bounds.postBoundMs })
    : [];
  const medianMs = roundTripsMs.length > 0 ? median(roundTripsMs) : null;

  const countsBefore = await readAllCounts();
  await new Promise((resolve) => setTimeout(resolve, bounds.observeMs));
  const countsAfter = await readAllCounts();
  const rowsUpdatedPerTab = countsAfter.map(
    (counts, tab) => counts.filter((count, row) => count > (countsBefore[tab]?.[row] ?? 0)).length,
  );

  const stats = dashboard.stats();
  return {
    key: scenario.key,
    label: scenario.label,
    tabs: scenario.tabs,
    tabsLoaded: pages.length,
    settled: settle.settled,
    settleMs: settle.waitedMs,
    sseConnections: { opened: stats.streams.browser.opened, peakOpen: stats.streams.browser.peak },
    tcpSockets: { opened: stats.sockets.browser.opened, peakOpen: stats.sockets.browser.peak },
    upstreamStreams: stats.streams.upstream.opened,
    rowsTotal: countsAfter.reduce((sum, counts) => sum + counts.length, 0),
    rowsWithEvents: countsAfter.reduce((sum, counts) => sum + countRowsWithEvents(counts), 0),
    rowsUpdated: rowsUpdatedPerTab.reduce((sum, rows) => sum + rows, 0),
    rowsUpdatedPerTab,
    post: {
      boundMs: bounds.postBoundMs,
      roundTripsMs,
      medianMs,
      stalled: roundTripsMs.length > 0 && medianMs === null,
      // Filled in by runScenario.
      baselineRoundTripsMs: [],
      baselineMs: null,
    },
    multiplexer: stats.multiplexer,
    mercure: stats.mercure,
    pageErrors,
  };
}

const countRowsWithEvents = (counts) => counts.filter((count) => count > 0).length;
