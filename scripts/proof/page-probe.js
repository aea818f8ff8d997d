/**
 * What the proof reads from and does to a dashboard page (page A or B): the per-row event
 * counters the page keeps in `data-events`, and the Send button whose round trip the page
 * times itself with `performance.now()` around its `fetch`.
 */
/* global document, fetch, performance, AbortController -- functions passed to page.evaluate() run in the browser */
import { errors } from 'playwright-core';

/**
 * How many events each row has received so far, in row order.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<number[]>}
 */
export function readRowEventCounts(page) {
  return page.$$eval('#rows [data-row]', (items) => items.map((item) => Number(item.getAttribute('data-events'))));
}

/**
 * Clicks Send once and returns the round trip the page measured, or `null` if the page
 * had no answer within `boundMs` (the POST is queued behind the page's own streams).
 * @param {import('playwright-core').Page} page
 * @param {number} boundMs
 * @returns {Promise<number | null>}
 */
export async function timeOneSend(page, boundMs) {
  const answeredBefore = await readAnsweredSends(page);
  await page.click('#send', { timeout: boundMs });
  try {
    await page.waitForFunction(
      (before) => Number(document.querySelector('#send-result')?.getAttribute('data-sends')) > before,
      answeredBefore,
      { timeout: boundMs, polling: 10 },
    );
  } catch (error) {
    if (error instanceof errors.TimeoutError) return null;
    throw error;
  }
  return Number(await page.getAttribute('#send-result', 'data-last-ms'));
}

/**
 * Clicks Send up to `clicks` times, one after the other, and returns each round trip;
 * stops at the first POST that stalls, since every later one would queue behind it.
 * @param {import('playwright-core').Page} page
 * @param {{ clicks: number, boundMs: number }} options
 * @returns {Promise<(number | null)[]>}
 */
export async function timeSends(page, { clicks, boundMs }) {
  const roundTrips = [];
  for (let click = 0; click < clicks; click++) {
    const roundTrip = await timeOneSend(page, boundMs);
    roundTrips.push(roundTrip);
    if (roundTrip === null) break;
  }
  return roundTrips;
}

/**
 * The Send button's POST, sent and timed as the dashboard pages do it (`performance.now()`
 * around the `fetch` and its body), from any page of the example's server; `null` if it had
 * no answer within `boundMs`.
 * @param {import('playwright-core').Page} page
 * @param {number} boundMs
 * @returns {Promise<number | null>}
 */
export function timeIdleSend(page, boundMs) {
  return page.evaluate(async (limitMs) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limitMs);
    const started = performance.now();
    try {
      const response = await fetch('/api/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'hello' }),
        signal: abort.signal,
      });
      await response.json();
      return performance.now() - started;
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }, boundMs);
}

async function readAnsweredSends(page) {
  return Number(await page.getAttribute('#send-result', 'data-sends'));
}
