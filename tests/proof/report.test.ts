import { describe, expect, it } from 'vitest';
import { median } from '../../scripts/proof/bounded.js';
import {
  BASELINE_FACTOR,
  GENEROUS_POST_MS,
  describeConversion,
  describeMercureConversion,
  describePost,
  evaluateCriteria,
  formatReport,
  formatTable,
  proofPassed,
} from '../../scripts/proof/report.js';
import type { ScenarioResult } from '../../scripts/proof/scenarios.js';

/** A POST's figures as runScenario records them: its clicks (`null`: no answer in 3 s) and the idle baseline's. */
function post(roundTripsMs: (number | null)[], baselineRoundTripsMs: (number | null)[] = [3, 3, 3]): ScenarioResult['post'] {
  const medianMs = roundTripsMs.length > 0 ? median(roundTripsMs) : null;
  const baselineMs = baselineRoundTripsMs.length > 0 ? median(baselineRoundTripsMs) : null;
  return { boundMs: 3_000, roundTripsMs, medianMs, stalled: roundTripsMs.length > 0 && medianMs === null, baselineRoundTripsMs, baselineMs };
}

const B_PROMPT = `page B's POST answers within ${GENEROUS_POST_MS} ms or ${BASELINE_FACTOR}× its idle baseline`;
const CONVERTED_PROMPT = `page A' answers its POST within ${GENEROUS_POST_MS} ms or ${BASELINE_FACTOR}× its idle baseline`;
const MERCURE_PROMPT = `page M' answers its POST within ${GENEROUS_POST_MS} ms or ${BASELINE_FACTOR}× its idle baseline`;
const MERCURE_ONE_CONNECTION = "page M' (converted by sse-codemod, topics merged) uses 1 SSE connection";
const MERCURE_ALL_TOPICS = "page M' asks the Mercure-style hub for all 20 topics on that connection";

function scenario(overrides: Partial<ScenarioResult> & Pick<ScenarioResult, 'key' | 'label'>): ScenarioResult {
  return {
    tabs: 1,
    tabsLoaded: 1,
    settled: true,
    settleMs: 1_100,
    sseConnections: { opened: 1, peakOpen: 1 },
    tcpSockets: { opened: 3, peakOpen: 3 },
    upstreamStreams: 20,
    rowsTotal: 20,
    rowsWithEvents: 20,
    rowsUpdated: 20,
    rowsUpdatedPerTab: [20],
    post: post([4, 5, 6, 7, 8]),
    multiplexer: { connections: 1, topics: 20, upstreams: 20 },
    mercure: undefined,
    pageErrors: [],
    ...overrides,
  };
}

const stalledPost = post([null]);

function passingResults() {
  return {
    perRowEventSource: scenario({
      key: 'perRowEventSource',
      label: 'A',
      sseConnections: { opened: 6, peakOpen: 6 },
      rowsUpdated: 6,
      rowsUpdatedPerTab: [6],
      post: stalledPost,
    }),
    sharedEventSource: scenario({ key: 'sharedEventSource', label: 'B' }),
    crossTab: scenario({ key: 'crossTab', label: 'C', tabs: 3, tabsLoaded: 3, rowsTotal: 60, rowsUpdated: 60, rowsUpdatedPerTab: [20, 20, 20] }),
    codemodConverted: scenario({ key: 'codemodConverted', label: "A'" }),
    // No multiplexer on a Mercure-style server: the page's streams go to the hub itself.
    perTopicEventSource: scenario({
      key: 'perTopicEventSource',
      label: 'M',
      sseConnections: { opened: 6, peakOpen: 6 },
      rowsUpdated: 6,
      rowsUpdatedPerTab: [6],
      post: stalledPost,
      upstreamStreams: 0,
      multiplexer: undefined,
      mercure: { streams: 6, requests: Array.from({ length: 6 }, () => ({ topics: 1, resumed: false })) },
    }),
    mercureConverted: scenario({
      key: 'mercureConverted',
      label: "M'",
      upstreamStreams: 0,
      multiplexer: undefined,
      mercure: { streams: 1, requests: [{ topics: 20, resumed: false }] },
    }),
  };
}

const failing = (results: ReturnType<typeof passingResults>) =>
  evaluateCriteria(results)
    .filter((criterion) => !criterion.passed)
    .map((criterion) => criterion.description);

describe('evaluateCriteria', () => {
  it('passes every criterion on the figures the issue asks for', () => {
    const criteria = evaluateCriteria(passingResults());
    expect(criteria).toHaveLength(14);
    expect(failing(passingResults())).toEqual([]);
    expect(proofPassed(criteria)).toBe(true);
  });

  it("fails when page A's POST does not stall", () => {
    const results = passingResults();
    results.perRowEventSource.post = post([12]);
    expect(failing(results)).toEqual(["page A's POST stalls (no answer within 3000 ms)"]);
  });

  it("passes page B's POST on a slow but live machine, where a fixed 200 ms bound failed it", () => {
    const results = passingResults();
    // Every round trip slow, the idle one too: the machine is busy, nothing is queued.
    results.sharedEventSource.post = post([380, 450, 520], [300, 310, 290]);
    expect(failing(results)).toEqual([]);
    // Slower than the generous bound, but within 5× an idle baseline that is slow too.
    results.sharedEventSource.post = post([2_100, 2_400, 2_600], [600, 650, 700]);
    expect(failing(results)).toEqual([]);
  });

  it("fails when page B's POST stalls, however slow the machine", () => {
    const results = passingResults();
    results.sharedEventSource.post = stalledPost;
    expect(failing(results)).toEqual([B_PROMPT]);
    results.sharedEventSource.post = post([5, null, null], [900, 900, 900]);
    expect(failing(results)).toEqual([B_PROMPT]);
  });

  it("fails when page B's POST answers, but far slower than both the generous bound and its idle baseline", () => {
    const results = passingResults();
    results.sharedEventSource.post = post([1_200, 1_500, 1_800], [4, 5, 6]);
    expect(failing(results)).toEqual([B_PROMPT]);
    // No baseline: the generous bound alone.
    results.sharedEventSource.post = post([1_000], []);
    expect(failing(results)).toEqual([B_PROMPT]);
    results.sharedEventSource.post = post([999], []);
    expect(failing(results)).toEqual([]);
  });

  it("fails when page B's POST was never sent: nothing measured is not fast", () => {
    const results = passingResults();
    results.sharedEventSource.post = post([]);
    const criterion = evaluateCriteria(results).find((each) => each.description === B_PROMPT);
    expect(criterion).toEqual({ description: B_PROMPT, passed: false, actual: 'not measured; idle baseline 3.0 ms, allowed < 1000 ms' });
  });

  it("records the idle baseline and the allowance beside page B's figure", () => {
    const results = passingResults();
    results.sharedEventSource.post = post([380, 450, 520], [300, 310, 290]);
    const criterion = evaluateCriteria(results).find((each) => each.description === B_PROMPT);
    expect(criterion?.actual).toBe('450.0 ms (median of 3); idle baseline 300.0 ms, allowed < 1500 ms');
  });

  it('fails when one row of page B stops updating', () => {
    const results = passingResults();
    results.sharedEventSource.rowsUpdated = 19;
    expect(failing(results)).toEqual(['page B updates every row']);
  });

  it('fails when page B rendered no rows at all (0 of 0 is not "every row")', () => {
    const results = passingResults();
    Object.assign(results.sharedEventSource, { rowsTotal: 0, rowsUpdated: 0, rowsUpdatedPerTab: [0] });
    expect(failing(results)).toEqual(['page B updates every row']);
  });

  it('fails when page B opens a second SSE connection, or none', () => {
    const results = passingResults();
    results.sharedEventSource.sseConnections = { opened: 2, peakOpen: 1 };
    expect(failing(results)).toEqual(['page B uses 1 SSE connection']);
    results.sharedEventSource.sseConnections = { opened: 0, peakOpen: 0 };
    expect(failing(results)).toEqual(['page B uses 1 SSE connection']);
  });

  it('fails when crossTab tabs open a connection each', () => {
    const results = passingResults();
    results.crossTab.sseConnections = { opened: 3, peakOpen: 3 };
    expect(failing(results)).toEqual(['3 tabs of page B with crossTab use 1 SSE connection']);
  });

  it('fails when a follower tab receives nothing', () => {
    const results = passingResults();
    Object.assign(results.crossTab, { rowsUpdated: 40, rowsUpdatedPerTab: [20, 20, 0] });
    const criteria = evaluateCriteria(results);
    const rows = criteria.find((criterion) => criterion.description === 'every row in every crossTab tab updates');
    expect(rows).toEqual({
      description: 'every row in every crossTab tab updates',
      passed: false,
      actual: '40/60 (per tab: 20, 20, 0)',
    });
  });

  it('fails when a tab never loaded, even though every row that rendered updated', () => {
    const results = passingResults();
    // The starved third tab rendered no rows, so 40 of 40 rendered rows updating proves nothing.
    Object.assign(results.crossTab, { tabsLoaded: 2, rowsTotal: 40, rowsUpdated: 40, rowsUpdatedPerTab: [20, 20] });
    const rows = evaluateCriteria(results).find(
      (criterion) => criterion.description === 'every row in every crossTab tab updates',
    );
    expect(rows).toEqual({
      description: 'every row in every crossTab tab updates',
      passed: false,
      actual: '40/40, 1 of 3 tabs did not load (per tab: 20, 20)',
    });
  });

  it("does not count page A's POST as stalled when it was never measured", () => {
    const results = passingResults();
    Object.assign(results.perRowEventSource, {
      tabsLoaded: 0,
      post: post([]),
    });
    const criteria = evaluateCriteria(results);
    expect(criteria[0]).toEqual({
      description: "page A's POST stalls (no answer within 3000 ms)",
      passed: false,
      actual: 'not measured',
    });
  });

  it('fails every criterion about a scenario that did not run', () => {
    const { perRowEventSource, sharedEventSource, codemodConverted, perTopicEventSource, mercureConverted } = passingResults();
    const criteria = evaluateCriteria({
      perRowEventSource,
      sharedEventSource,
      crossTab: undefined,
      codemodConverted,
      perTopicEventSource,
      mercureConverted,
    });
    expect(criteria.filter((criterion) => !criterion.passed).map((criterion) => criterion.actual)).toEqual([
      'not run',
      'not run',
    ]);
    expect(proofPassed(criteria)).toBe(false);
  });

  it("fails all three criteria about page A' when the converted page did not run", () => {
    const { perRowEventSource, sharedEventSource, crossTab, perTopicEventSource, mercureConverted } = passingResults();
    const criteria = evaluateCriteria({ perRowEventSource, sharedEventSource, crossTab, perTopicEventSource, mercureConverted });
    expect(criteria.filter((criterion) => !criterion.passed)).toEqual([
      { description: "page A' (converted by sse-codemod) uses 1 SSE connection", passed: false, actual: 'not run' },
      { description: "page A' updates every row", passed: false, actual: 'not run' },
      { description: CONVERTED_PROMPT, passed: false, actual: 'not run' },
    ]);
  });
});

describe("evaluateCriteria for page A' (converted by the codemod)", () => {
  it('fails when the converted page still opens a connection per row (the hub left in dedupe mode)', () => {
    const results = passingResults();
    // What page A' measures when the hub endpoint is not configured: one stream per distinct URL.
    Object.assign(results.codemodConverted, {
      sseConnections: { opened: 6, peakOpen: 6 },
      rowsUpdated: 6,
      rowsUpdatedPerTab: [6],
      post: stalledPost,
    });
    expect(evaluateCriteria(results).filter((criterion) => !criterion.passed)).toEqual([
      { description: "page A' (converted by sse-codemod) uses 1 SSE connection", passed: false, actual: '6' },
      { description: "page A' updates every row", passed: false, actual: '6/20' },
      { description: CONVERTED_PROMPT, passed: false, actual: 'stalled (> 3000 ms); idle baseline 3.0 ms, allowed < 1000 ms' },
    ]);
  });

  it('fails when the converted page opens a second connection, or none', () => {
    const results = passingResults();
    results.codemodConverted.sseConnections = { opened: 2, peakOpen: 1 };
    expect(failing(results)).toEqual(["page A' (converted by sse-codemod) uses 1 SSE connection"]);
    results.codemodConverted.sseConnections = { opened: 0, peakOpen: 0 };
    expect(failing(results)).toEqual(["page A' (converted by sse-codemod) uses 1 SSE connection"]);
  });

  it('fails when one row of the converted page stops updating, or none rendered', () => {
    const results = passingResults();
    Object.assign(results.codemodConverted, { rowsUpdated: 19, rowsUpdatedPerTab: [19] });
    expect(failing(results)).toEqual(["page A' updates every row"]);
    Object.assign(results.codemodConverted, { rowsTotal: 0, rowsUpdated: 0, rowsUpdatedPerTab: [0] });
    expect(failing(results)).toEqual(["page A' updates every row"]);
  });

  it("fails when the converted page's POST stalls or takes far longer than its baseline, not when the machine is slow", () => {
    const results = passingResults();
    results.codemodConverted.post = post([1_100, 1_200, 900], [10, 10, 10]);
    expect(failing(results)).toEqual([CONVERTED_PROMPT]);
    results.codemodConverted.post = post([4, null, null], [10, 10, 10]);
    expect(failing(results)).toEqual([CONVERTED_PROMPT]);
    results.codemodConverted.post = post([400, 450, 900], [200, 220, 240]);
    expect(failing(results)).toEqual([]);
  });

  it("fails when the converted page's POST was never measured (the page did not load)", () => {
    const results = passingResults();
    Object.assign(results.codemodConverted, {
      tabsLoaded: 0,
      rowsTotal: 0,
      rowsUpdated: 0,
      rowsUpdatedPerTab: [],
      post: post([]),
    });
    const criteria = evaluateCriteria(results).filter((criterion) => !criterion.passed);
    expect(criteria.map((criterion) => criterion.actual)).toEqual([
      '0/0, 1 of 1 tabs did not load',
      'not measured; idle baseline 3.0 ms, allowed < 1000 ms',
    ]);
  });
});

describe("evaluateCriteria for pages M and M' (per-topic streams to a Mercure-style hub)", () => {
  it("fails when page M's POST does not stall: the page before the codemod must show the bug", () => {
    const results = passingResults();
    results.perTopicEventSource.post = post([9]);
    expect(evaluateCriteria(results).filter((criterion) => !criterion.passed)).toEqual([
      {
        description: "page M's POST stalls behind its per-topic streams (no answer within 3000 ms)",
        passed: false,
        actual: '9.0 ms (1 click); 6 SSE connections',
      },
    ]);
  });

  it('fails when the converted page still opens a stream per topic (the codemod ran without the merge rule)', () => {
    const results = passingResults();
    // Dedupe mode without mergeTopics: one stream per distinct topic URL, as before the codemod.
    Object.assign(results.mercureConverted, {
      sseConnections: { opened: 6, peakOpen: 6 },
      rowsUpdated: 6,
      rowsUpdatedPerTab: [6],
      post: stalledPost,
      mercure: { streams: 6, requests: Array.from({ length: 6 }, () => ({ topics: 1, resumed: false })) },
    });
    expect(evaluateCriteria(results).filter((criterion) => !criterion.passed)).toEqual([
      { description: MERCURE_ONE_CONNECTION, passed: false, actual: '6' },
      { description: MERCURE_ALL_TOPICS, passed: false, actual: '6 stream requests with 1, 1, 1, 1, 1, 1 topic(s)' },
      { description: "page M' updates every row", passed: false, actual: '6/20' },
      { description: MERCURE_PROMPT, passed: false, actual: 'stalled (> 3000 ms); idle baseline 3.0 ms, allowed < 1000 ms' },
    ]);
  });

  it('fails when the one connection does not carry every row\'s topic, or the server saw no request', () => {
    const results = passingResults();
    results.mercureConverted.mercure = { streams: 1, requests: [{ topics: 12, resumed: false }] };
    expect(evaluateCriteria(results).find((criterion) => criterion.description === MERCURE_ALL_TOPICS)).toEqual({
      description: MERCURE_ALL_TOPICS,
      passed: false,
      actual: '1 stream request with 12 topic(s)',
    });
    results.mercureConverted.mercure = { streams: 0, requests: [] };
    expect(failing(results)).toEqual([MERCURE_ALL_TOPICS]);
    results.mercureConverted.mercure = undefined;
    expect(failing(results)).toEqual([MERCURE_ALL_TOPICS]);
  });

  it("fails every criterion about M and M' when they did not run", () => {
    const { perRowEventSource, sharedEventSource, crossTab, codemodConverted } = passingResults();
    const criteria = evaluateCriteria({ perRowEventSource, sharedEventSource, crossTab, codemodConverted });
    expect(criteria.filter((criterion) => !criterion.passed).map((criterion) => [criterion.description, criterion.actual])).toEqual([
      ["page M's POST stalls behind its per-topic streams (no answer within ? ms)", 'not run'],
      [MERCURE_ONE_CONNECTION, 'not run'],
      [MERCURE_ALL_TOPICS, 'not run'],
      ["page M' updates every row", 'not run'],
      [MERCURE_PROMPT, 'not run'],
    ]);
  });
});

describe('proofPassed', () => {
  it('does not pass on no criteria at all', () => {
    expect(proofPassed([])).toBe(false);
  });
});

describe('describePost', () => {
  it('reports a stalled POST with its bound', () => {
    expect(describePost(stalledPost)).toBe('stalled (> 3000 ms)');
  });

  it('reports the median and how many clicks it came from', () => {
    expect(describePost(post([4, 5.25, 9]))).toBe('5.3 ms (median of 3)');
    expect(describePost(post([7]))).toBe('7.0 ms (1 click)');
  });
});

describe('formatTable', () => {
  it('pads each column to its widest cell, on the side the alignment asks for', () => {
    expect(formatTable(['scenario', 'n', 'note'], [['A', '6', 'stalled'], ['B long', '12', 'ok']], 'lrl')).toEqual([
      'scenario   n  note',
      '--------  --  -------',
      'A          6  stalled',
      'B long    12  ok',
    ]);
  });
});

describe('describeConversion', () => {
  it("says what the codemod changed for page A' and what was done by hand", () => {
    expect(describeConversion({ changed: 3, sitesRewritten: 3, sitesSkipped: 0, failed: 0 }).split('\n')).toEqual([
      "A': a copy of examples/live-dashboard after `sse-codemod --write`: 3 files changed,",
      '  3 sites rewritten, 0 sites skipped, 0 failed; the result type-checks.',
      '  The one step by hand: page-a.html configures the hub endpoint before rows-a.js runs.',
    ]);
  });

  it('uses the singular for one file and one site', () => {
    expect(describeConversion({ changed: 1, sitesRewritten: 1, sitesSkipped: 1, failed: 2 }).split('\n').slice(0, 2)).toEqual([
      "A': a copy of examples/live-dashboard after `sse-codemod --write`: 1 file changed,",
      '  1 site rewritten, 1 site skipped, 2 failed; the result type-checks.',
    ]);
  });
});

describe('describeMercureConversion', () => {
  it("says what the codemod changed for page M' and that the merge rule was added by hand first", () => {
    expect(describeMercureConversion({ changed: 1, sitesRewritten: 1, sitesSkipped: 0, failed: 0 }).split('\n')).toEqual([
      "M': a copy of examples/mercure-topics after `sse-codemod --write`: 1 file changed,",
      '  1 site rewritten, 0 sites skipped, 0 failed; the result type-checks.',
      "  The one step by hand, before the run: topics.html loads the app's configureHub({ mergeTopics })",
      '  (mercure-setup.js), without which the codemod leaves per-topic streams alone.',
    ]);
  });
});

describe('formatReport', () => {
  it('prints the table, every criterion with its verdict, and the overall verdict', () => {
    const results = passingResults();
    results.crossTab.post = post([1, 2, 3]);
    const criteria = evaluateCriteria(results);
    const text = formatReport({ results: Object.values(results), criteria, environment: 'Chromium test' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Chromium test');
    expect(lines.slice(2, 10)).toEqual([
      'scenario  SSE connections  TCP sockets  rows updated  POST round trip',
      '--------  ---------------  -----------  ------------  --------------------',
      'A                       6            3          6/20  stalled (> 3000 ms)',
      'B                       1            3         20/20  6.0 ms (median of 5)',
      'C                       1            3         60/60  2.0 ms (median of 3)',
      "A'                      1            3         20/20  6.0 ms (median of 5)",
      'M                       6            3          6/20  stalled (> 3000 ms)',
      "M'                      1            3         20/20  6.0 ms (median of 5)",
    ]);
    expect(lines).toContain(`PASS  ${MERCURE_ALL_TOPICS}: 1 stream request with 20 topic(s)`);
    expect(lines).toContain('PASS  page B uses 1 SSE connection: 1');
    expect(lines).toContain("PASS  page A' (converted by sse-codemod) uses 1 SSE connection: 1");
    expect(lines).toContain("PASS  page A' updates every row: 20/20");
    expect(lines).toContain(`PASS  ${CONVERTED_PROMPT}: 6.0 ms (median of 5); idle baseline 3.0 ms, allowed < 1000 ms`);
    expect(text).not.toContain('sse-codemod --write');
    expect(text.trimEnd().endsWith('proof passed')).toBe(true);
  });

  it("describes the codemod's run between the legend and the criteria when given its summary", () => {
    const results = passingResults();
    const summary = { changed: 3, sitesRewritten: 3, sitesSkipped: 0, failed: 0 };
    const text = formatReport({
      results: Object.values(results),
      criteria: evaluateCriteria(results),
      environment: 'x',
      codemodSummary: summary,
      mercureCodemodSummary: { ...summary, changed: 1, sitesRewritten: 1 },
    });
    const conversion = describeConversion(summary);
    const mercure = describeMercureConversion({ ...summary, changed: 1, sitesRewritten: 1 });
    expect(text).toContain(`the last seconds of the run.\n\n${conversion}\n\n${mercure}\n\nPASS  page A's POST stalls`);
  });

  it('says FAILED and lists unsettled scenarios and page errors', () => {
    const results = passingResults();
    Object.assign(results.sharedEventSource, {
      settled: false,
      settleMs: 10_050,
      pageErrors: ['tab 1: console: Failed to load resource: 404'],
    });
    results.sharedEventSource.sseConnections = { opened: 0, peakOpen: 0 };
    const text = formatReport({ results: Object.values(results), criteria: evaluateCriteria(results), environment: 'x' });
    expect(text).toContain('FAIL  page B uses 1 SSE connection: 0');
    expect(text).toContain('proof FAILED');
    expect(text).toContain('B: connections had not settled after 10050 ms');
    expect(text).toContain('B: page error: tab 1: console: Failed to load resource: 404');
  });
});
