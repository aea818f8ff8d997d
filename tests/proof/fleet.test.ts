import { describe, expect, it } from 'vitest';
import { FLEET_BOUNDS, evaluateFleetCriteria, tallyDelivery } from '../../scripts/proof/fleet.js';
import type { FleetResult } from '../../scripts/proof/fleet.js';

describe('fleet proof: counting delivery', () => {
  it('counts each missing counter between the first received and the last published, per tab and row', () => {
    // Tab 1 row 1 misses 3; tab 2 row 1 joined late (from 2) and misses nothing; row 2 of tab 1 got 5 twice.
    expect(
      tallyDelivery(
        [
          [
            [1, 2, 4, 5],
            [4, 5, 5],
          ],
          [[2, 3, 4, 5], []],
        ],
        [5, 5],
      ),
    ).toEqual({ lost: 1 + 5, duplicated: 1, outOfOrder: 0 });
    expect(tallyDelivery([[[1, 3, 2]]], [3])).toEqual({ lost: 0, duplicated: 0, outOfOrder: 1 });
  });
});

describe('fleet proof: criteria', () => {
  const passing: FleetResult = {
    key: 'fleet',
    label: 'F',
    instances: 3,
    tabs: 3,
    tabsLoaded: 3,
    rows: 20,
    streams: { opened: 2, peak: 1, byInstance: [0, 1] },
    killedInstance: 0,
    killedHeldStream: true,
    rowsLiveBeforeKill: 60,
    rowsLiveAfterRecovery: 60,
    rowsTotal: 60,
    recoveryMs: 900,
    post: { roundTripsMs: [20, 21, 22, 23, 24], medianMs: 22 },
    subscriptionPosts: { count: 6, medianMs: 15, maxMs: 30, aroundStartAndRecoveryMs: [90, 40] },
    published: 300,
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    pageErrors: [],
  };

  it('passes a run that meets every expectation', () => {
    expect(evaluateFleetCriteria(passing, FLEET_BOUNDS).filter((criterion) => !criterion.passed)).toEqual([]);
  });

  it.each([
    ['two streams open at once', { streams: { opened: 2, peak: 2, byInstance: [0, 1] } }, 'F: 3 tabs hold 1 SSE connection at a time'],
    ['one lost event', { lost: 1 }, 'F: 0 events lost'],
    ['one duplicate', { duplicated: 1 }, 'F: 0 events lost'],
    ['a slow recovery', { recoveryMs: 10_000 }, 'F: every row in every tab is live again'],
    ['no recovery', { recoveryMs: null }, 'F: every row in every tab is live again'],
    ['a slow subscription change', { subscriptionPosts: { count: 6, medianMs: 200, maxMs: 400, aroundStartAndRecoveryMs: [] } }, "F: the page's POST"],
    ['a dead row', { rowsLiveAfterRecovery: 59 }, 'F: every row in every tab is live before'],
  ])('fails on %s', (_, change, failing) => {
    const failed = evaluateFleetCriteria({ ...passing, ...change } as FleetResult, FLEET_BOUNDS).filter((criterion) => !criterion.passed);
    expect(failed.map((criterion) => criterion.description.slice(0, failing.length))).toEqual([failing]);
  });

  it('fails every criterion when the scenario did not run', () => {
    expect(evaluateFleetCriteria(undefined, FLEET_BOUNDS).every((criterion) => !criterion.passed && criterion.actual === 'not run')).toBe(true);
  });
});
