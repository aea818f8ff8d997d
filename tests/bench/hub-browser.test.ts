/**
 * The Chromium hub benchmark at a tiny size, in real Chromium: every shape must deliver every
 * event to the handler of its own topic, over the connections it claims, so that its figures
 * are figures of the real work. Timings are never asserted.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOfTopic, formatHubInBrowser, measureHubInBrowser, SHAPES } from '../../scripts/bench/hub-browser.js';
import { launchChromium } from '../../scripts/proof/chromium.js';
import { bundleHubForPage } from '../../packages/sse-hub/tests/browser/support/hub-bundle.js';

const LAUNCH_TIMEOUT_MS = 30_000;
let browser: Browser;
let hubModule: string;

beforeAll(async () => {
  hubModule = await bundleHubForPage();
  browser = await launchChromium({ launchTimeoutMs: LAUNCH_TIMEOUT_MS });
}, LAUNCH_TIMEOUT_MS * 2);

afterAll(async () => {
  await browser?.close();
});

describe('measureHubInBrowser', () => {
  it('delivers every event of every shape to its topic, the hub over one stream, the native pages over one per topic', async () => {
    const result = await measureHubInBrowser({ runs: 1, events: 1_000, browser, hubModule });
    expect(result.problems).toEqual([]);
    expect(result.shapes.map((shape) => [shape.key, shape.streams])).toEqual([
      ['native1', 1],
      ['hub1', 1],
      ['hub100', 1],
      ['native100', 100],
    ]);
    for (const shape of result.shapes) expect(shape.eventsPerSecond.median).toBeGreaterThan(0);
    expect(result.toNative.hub100.median).toBeCloseTo(result.shapes[2]!.eventsPerSecond.median / result.shapes[0]!.eventsPerSecond.median);
    const text = formatHubInBrowser(result).join('\n');
    expect(text).toContain('hub (multiplex), 100 topics');
    expect(text).toMatch(/target: the hub with 100 topics ≥ 4× one native EventSource: (met|NOT met) \(\d+\.\d\d×\)/);
  }, 120_000);

  it('deals the events round-robin, so that the shares add up to the total', () => {
    expect(Array.from({ length: 100 }, (_, topic) => eventsOfTopic(topic, 100, 1_050)).reduce((sum, share) => sum + share, 0)).toBe(1_050);
    expect([eventsOfTopic(0, 100, 1_050), eventsOfTopic(49, 100, 1_050), eventsOfTopic(50, 100, 1_050)]).toEqual([11, 11, 10]);
    expect(SHAPES.map((shape) => shape.key)).toEqual(['native1', 'hub1', 'hub100', 'native100']);
  });
});
