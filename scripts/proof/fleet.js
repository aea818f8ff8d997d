/**
 * Scenario F of the proof: three multiplexer instances with the Redis backplane behind a
 * round-robin balancer without stickiness, 20 published rows, 3 tabs of one page with
 * `crossTab`, and the instance holding the browser's stream killed (SIGKILL) in the middle.
 * The app publishes each row's counter every `publishIntervalMs` with the counter as its id;
 * each tab records every counter it receives, so lost and repeated events are counted, not guessed.
 */
/* global window -- read inside page.evaluate(), which runs in the browser */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { redisBackplane } from 'sse-hub/server/redis';
import { median, waitUntilSettled, withTimeout } from './bounded.js';
import { startFleetProxy } from './fleet-proxy.js';
import { timeSends } from './page-probe.js';
import { ProofSetupError } from './chromium.js';
import { startRedisServer } from './redis-server.js';

const INSTANCE_SCRIPT = fileURLToPath(new URL('./fleet-instance.js', import.meta.url));
const ROWS = 20;

export const FLEET_BOUNDS = {
  instances: 3,
  tabs: 3,
  publishIntervalMs: 500,
  instanceStartMs: 10_000,
  pageLoadMs: 15_000,
  settleLimitMs: 15_000,
  postBoundMs: 3_000,
  postClicks: 5,
  /** Rows the page subscribes to one by one once settled: each is one subscription POST, timed at the balancer. */
  extraSubscriptions: 6,
  /** What the issue asks: a POST under this, and every row live again within `recoveryLimitMs` of the kill. */
  postLimitMs: 200,
  recoveryLimitMs: 10_000,
  /** How long the proof waits for recovery before it reports it as missing. */
  recoveryWaitMs: 30_000,
  /** Publishing goes on this long after recovery, then stops; every tab must then hold every counter. */
  afterRecoveryMs: 3_000,
  drainMs: 10_000,
  closeMs: 10_000,
};

/**
 * @typedef {{
 *   key: 'fleet', label: string, instances: number, tabs: number, tabsLoaded: number, rows: number,
 *   streams: { opened: number, peak: number, byInstance: number[] },
 *   killedInstance: number, killedHeldStream: boolean,
 *   rowsLiveBeforeKill: number, rowsLiveAfterRecovery: number, rowsTotal: number,
 *   recoveryMs: number | null,
 *   post: { roundTripsMs: (number | null)[], medianMs: number | null },
 *   subscriptionPosts: { count: number, medianMs: number | null, maxMs: number | null, aroundStartAndRecoveryMs: number[] },
 *   published: number, lost: number, duplicated: number, outOfOrder: number,
 *   pageErrors: string[],
 * }} FleetResult
 */

/**
 * @param {import('playwright-core').Browser} browser
 * @param {typeof FLEET_BOUNDS} bounds
 * @returns {Promise<FleetResult>}
 */
export async function runFleetScenario(browser, bounds = FLEET_BOUNDS) {
  const redis = await startRedisServer();
  const keyPrefix = `proof-${randomBytes(6).toString('hex')}`;
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  let publisher;
  let proxy;
  try {
    const ports = [];
    for (let index = 0; index < bounds.instances; index++) {
      const { child, port } = await startInstance(redis.url, keyPrefix, bounds.instanceStartMs);
      children.push(child);
      ports.push(port);
    }
    proxy = await startFleetProxy({ ports });
    publisher = startPublisher(redis.url, keyPrefix, bounds.publishIntervalMs);
    const context = await browser.newContext();
    try {
      return await measure(context, proxy, publisher, children, bounds);
    } finally {
      await withTimeout(context.close(), bounds.closeMs, 'closing the fleet browser context');
    }
  } finally {
    await publisher?.stop();
    await proxy?.close();
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await redis.stop();
  }
}

async function measure(context, proxy, publisher, children, bounds) {
  const pageErrors = [];
  const pages = [];
  for (let tab = 0; tab < bounds.tabs; tab++) {
    const page = await context.newPage();
    page.setDefaultTimeout(bounds.pageLoadMs);
    page.on('pageerror', (error) => pageErrors.push(`tab ${tab + 1}: ${error.message}`));
    await page.goto(`${proxy.url}/fleet.html`, { waitUntil: 'load', timeout: bounds.pageLoadMs });
    pages.push(page);
  }
  /** @returns {Promise<number[][][]>} per tab, per row, the counters received */
  const readReceived = () =>
    Promise.all(pages.map((page) => page.evaluate(() => Object.values(/** @type {any} */ (window).fleetReceived))));
  const rowsReceivingSince = async (counters) =>
    (await readReceived()).flatMap((rows) => rows.map((received, row) => received.some((counter) => counter > (counters[row] ?? 0)))).filter(Boolean)
      .length;

  // Live: every row of every tab receives what is published from now on.
  const before = publisher.counters();
  const live = await waitUntilSettled(() => rowsReceivingSince(before), {
    quietMs: 0,
    limitMs: bounds.settleLimitMs,
    ready: (rows) => rows === bounds.tabs * ROWS,
  });
  const rowsLiveBeforeKill = live.value;

  const roundTripsMs = await timeSends(pages.at(-1), { clicks: bounds.postClicks, boundMs: bounds.postBoundMs });

  // Subscription changes once the page has settled; round robin sends most of them to an instance
  // that does not hold the stream, so they measure the trip over the backplane.
  const startupPosts = proxy.stats().subscriptionPostsMs.length;
  for (let extra = 1; extra <= bounds.extraSubscriptions; extra++) {
    const postsBefore = proxy.stats().subscriptionPostsMs.length;
    await pages[0].evaluate((row) => /** @type {any} */ (window).subscribeExtraRow(row), 100 + extra);
    await waitUntilSettled(() => proxy.stats().subscriptionPostsMs.length > postsBefore, {
      quietMs: 0,
      limitMs: bounds.postBoundMs,
      intervalMs: 20,
      ready: (posted) => posted,
    });
  }
  const steadyPostsMs = proxy.stats().subscriptionPostsMs.slice(startupPosts);

  // Kill the instance that holds the stream: the case where the most has to recover.
  const killedInstance = proxy.streamInstance();
  const killedHeldStream = killedInstance !== -1;
  const victim = children[killedHeldStream ? killedInstance : 0];
  const countersAtKill = publisher.counters();
  const killedAt = performance.now();
  victim.kill('SIGKILL');

  let recoveryMs = null;
  const recovered = await waitUntilSettled(() => rowsReceivingSince(countersAtKill), {
    quietMs: 0,
    limitMs: bounds.recoveryWaitMs,
    intervalMs: 50,
    ready: (rows) => rows === bounds.tabs * ROWS,
  });
  if (recovered.settled) recoveryMs = performance.now() - killedAt;
  const rowsLiveAfterRecovery = recovered.value;

  await new Promise((resolve) => setTimeout(resolve, bounds.afterRecoveryMs));
  const final = await publisher.stop();
  // Everything published must arrive before anything is counted as lost.
  await waitUntilSettled(
    async () => (await readReceived()).every((rows) => rows.every((received, row) => received.at(-1) === final[row])),
    { quietMs: 0, limitMs: bounds.drainMs, ready: (done) => done },
  );
  const received = await readReceived();
  const tally = tallyDelivery(received, final);
  const posts = proxy.stats();
  return {
    key: 'fleet',
    label: `F  ${bounds.instances} instances + Redis, round robin, ${bounds.tabs} tabs, 1 killed`,
    instances: bounds.instances,
    tabs: bounds.tabs,
    tabsLoaded: pages.length,
    rows: ROWS,
    streams: { opened: posts.streams.opened, peak: posts.streams.peak, byInstance: posts.streams.byInstance },
    killedInstance,
    killedHeldStream,
    rowsLiveBeforeKill,
    rowsLiveAfterRecovery,
    rowsTotal: bounds.tabs * ROWS,
    recoveryMs,
    post: { roundTripsMs, medianMs: roundTripsMs.length > 0 ? median(roundTripsMs) : null },
    subscriptionPosts: {
      count: steadyPostsMs.length,
      medianMs: steadyPostsMs.length > 0 ? median(steadyPostsMs) : null,
      maxMs: steadyPostsMs.length > 0 ? Math.max(...steadyPostsMs) : null,
      // While three tabs load and the hub's stream opens, and again as hubs resume after the kill.
      aroundStartAndRecoveryMs: posts.subscriptionPostsMs.filter((_, index) => index < startupPosts || index >= startupPosts + steadyPostsMs.length),
    },
    published: final.reduce((sum, counter) => sum + counter, 0),
    ...tally,
    pageErrors,
  };
}

/**
 * Per tab and row: counters must run from the first one received up to the last one
 * published, each once, in order. A tab joins while publishing is under way, so what came
 * before its first event is not expected.
 * @param {number[][][]} received
 * @param {number[]} final
 */
export function tallyDelivery(received, final) {
  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  for (const rows of received) {
    for (const [row, counters] of rows.entries()) {
      const seen = new Set();
      for (const [index, counter] of counters.entries()) {
        if (seen.has(counter)) duplicated += 1;
        else if (index > 0 && counter < (counters[index - 1] ?? 0)) outOfOrder += 1;
        seen.add(counter);
      }
      const first = counters[0];
      const last = final[row] ?? 0;
      if (first === undefined) {
        lost += last;
        continue;
      }
      for (let counter = first; counter <= last; counter++) if (!seen.has(counter)) lost += 1;
    }
  }
  return { lost, duplicated, outOfOrder };
}

/** @returns {Promise<{ child: import('node:child_process').ChildProcess, port: number }>} */
function startInstance(redisUrl, keyPrefix, limitMs) {
  const child = spawn(process.execPath, [INSTANCE_SCRIPT, redisUrl, keyPrefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  return withTimeout(
    new Promise((resolve, reject) => {
      let output = '';
      child.once('exit', (code) => reject(new ProofSetupError(`a fleet instance exited with ${code} before listening (is sse-hub built?)`)));
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /listening (\d+)/.exec(output);
        if (match) resolve({ child, port: Number(match[1]) });
      });
    }),
    limitMs,
    'starting a fleet instance',
  );
}

/** The app's worker: one event per row every `intervalMs`, its id the row's counter, through its own backplane. */
function startPublisher(redisUrl, keyPrefix, intervalMs) {
  const backplane = redisBackplane({ url: redisUrl, keyPrefix });
  const counters = Array.from({ length: ROWS }, () => 0);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const round = counters.map(async (counter, row) => {
        counters[row] = counter + 1;
        const next = counter + 1;
        await backplane.publish(`/rows/${row + 1}/events`, { id: String(next), data: JSON.stringify({ row: row + 1, counter: next }) });
      });
      await Promise.all(round);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    counters: () => [...counters],
    /** Stops after the round in flight; resolves with each row's last published counter. */
    async stop() {
      stopped = true;
      await loop;
      await backplane.close();
      return [...counters];
    },
  };
}

/**
 * @param {FleetResult | undefined} fleet
 * @param {typeof FLEET_BOUNDS} bounds
 * @returns {import('./report.js').Criterion[]}
 */
export function evaluateFleetCriteria(fleet, bounds = FLEET_BOUNDS) {
  const ran = (describe) => (fleet ? describe(fleet) : 'not run');
  return [
    {
      description: `F: ${bounds.tabs} tabs hold 1 SSE connection at a time, through a balancer without stickiness`,
      passed: fleet !== undefined && fleet.tabsLoaded === bounds.tabs && fleet.streams.peak === 1,
      actual: ran((f) => `peak ${f.streams.peak} open; ${f.streams.opened} opened in all (instances ${f.streams.byInstance.join(' → ')})`),
    },
    {
      description: 'F: the killed instance held the stream',
      passed: fleet !== undefined && fleet.killedHeldStream,
      actual: ran((f) => (f.killedHeldStream ? `instance ${f.killedInstance}` : 'no stream was open')),
    },
    {
      description: 'F: every row in every tab is live before the kill and after recovery',
      passed: fleet !== undefined && fleet.rowsLiveBeforeKill === fleet.rowsTotal && fleet.rowsLiveAfterRecovery === fleet.rowsTotal,
      actual: ran((f) => `${f.rowsLiveBeforeKill}/${f.rowsTotal} before, ${f.rowsLiveAfterRecovery}/${f.rowsTotal} after`),
    },
    {
      description: `F: the page's POST and the subscription POSTs answer in < ${bounds.postLimitMs} ms (median)`,
      passed:
        fleet !== undefined &&
        fleet.subscriptionPosts.count === bounds.extraSubscriptions &&
        fleet.post.medianMs !== null &&
        fleet.post.medianMs < bounds.postLimitMs &&
        fleet.subscriptionPosts.medianMs !== null &&
        fleet.subscriptionPosts.medianMs < bounds.postLimitMs,
      actual: ran(
        (f) =>
          `send ${formatMs(f.post.medianMs)} (median of ${f.post.roundTripsMs.length}); subscription changes ${formatMs(f.subscriptionPosts.medianMs)} median, ${formatMs(f.subscriptionPosts.maxMs)} max of ${f.subscriptionPosts.count}`,
      ),
    },
    {
      description: `F: every row in every tab is live again < ${bounds.recoveryLimitMs / 1000} s after the kill`,
      passed: fleet !== undefined && fleet.recoveryMs !== null && fleet.recoveryMs < bounds.recoveryLimitMs,
      actual: ran((f) => (f.recoveryMs === null ? `not within ${bounds.recoveryWaitMs} ms` : formatMs(f.recoveryMs))),
    },
    {
      description: 'F: 0 events lost, duplicated or out of order',
      passed: fleet !== undefined && fleet.lost === 0 && fleet.duplicated === 0 && fleet.outOfOrder === 0 && fleet.published > 0,
      actual: ran((f) => `${f.lost} lost, ${f.duplicated} duplicated, ${f.outOfOrder} out of order; ${f.published} published × ${f.tabs} tabs`),
    },
  ];
}

/**
 * The scenario's figures as text, printed after the verdict of the other scenarios.
 * @param {FleetResult} fleet
 */
export function formatFleet(fleet) {
  return [
    fleet.label,
    `  browser streams: ${fleet.streams.opened} opened, at most ${fleet.streams.peak} open (instances ${fleet.streams.byInstance.join(' → ')}); killed instance ${fleet.killedInstance}`,
    `  rows live: ${fleet.rowsLiveBeforeKill}/${fleet.rowsTotal} before the kill, ${fleet.rowsLiveAfterRecovery}/${fleet.rowsTotal} after; recovery ${formatMs(fleet.recoveryMs)}`,
    `  page POST ${formatMs(fleet.post.medianMs)} (median of ${fleet.post.roundTripsMs.length}); subscription POSTs ${formatMs(fleet.subscriptionPosts.medianMs)} median, ${formatMs(fleet.subscriptionPosts.maxMs)} max of ${fleet.subscriptionPosts.count} once settled (timed at the balancer)`,
    `  subscription POSTs while the tabs load and after the kill: ${fleet.subscriptionPosts.aroundStartAndRecoveryMs.map((ms) => formatMs(ms)).join(', ')}`,
    `  events: ${fleet.published} published, ${fleet.lost} lost, ${fleet.duplicated} duplicated, ${fleet.outOfOrder} out of order (per tab)`,
    ...fleet.pageErrors.map((message) => `  page error: ${message}`),
    '',
  ].join('\n');
}

function formatMs(value) {
  return value === null ? 'none' : `${value.toFixed(1)} ms`;
}
