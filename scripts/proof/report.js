/**
 * Turning scenario results into a verdict and a table. Pure functions of the results,
 * so that what the proof claims can be unit-tested without a browser.
 */

/**
 * Pages B and A' must answer their POST (median of the clicks) within the larger of two
 * allowances, so that the criterion fails on a POST queued behind streams and not on a busy
 * machine. A queued POST never answers: page A's is still waiting at the 3 s stall bound,
 * while B's answers in a few ms on an idle machine. `GENEROUS_POST_MS` sits far from both,
 * a third of the stall bound; a machine loaded enough to need more shows it on the same POST
 * from a page with no streams (the idle baseline), which gets `BASELINE_FACTOR` times that.
 */
export const GENEROUS_POST_MS = 1_000;
export const BASELINE_FACTOR = 5;

/**
 * How long a page's POST may take to count as answered promptly.
 * @param {ScenarioResult['post']} post
 */
export function postAllowanceMs(post) {
  return Math.max(GENEROUS_POST_MS, BASELINE_FACTOR * (post.baselineMs ?? 0));
}

/** @param {ScenarioResult['post']} post */
function answersPromptly(post) {
  return !post.stalled && post.medianMs !== null && post.medianMs < postAllowanceMs(post);
}

const PROMPT_POST = `within ${GENEROUS_POST_MS} ms or ${BASELINE_FACTOR}× its idle baseline`;

/**
 * @typedef {import('./scenarios.js').ScenarioResult} ScenarioResult
 * @typedef {{ description: string, passed: boolean, actual: string }} Criterion
 */

/**
 * The issue's "done when", checked against the measured figures. A scenario that did
 * not run fails every criterion about it.
 * @param {Record<string, ScenarioResult | undefined>} results keyed by scenario key
 * @returns {Criterion[]}
 */
export function evaluateCriteria(results) {
  const {
    perRowEventSource: a,
    sharedEventSource: b,
    crossTab: c,
    codemodConverted: converted,
    perTopicEventSource: m,
    mercureConverted: mConverted,
  } = results;
  return [
    {
      description: `page A's POST stalls (no answer within ${a?.post.boundMs ?? '?'} ms)`,
      passed: a !== undefined && a.post.stalled,
      actual: a ? describePost(a.post) : 'not run',
    },
    {
      description: `page B's POST answers ${PROMPT_POST}`,
      passed: b !== undefined && answersPromptly(b.post),
      actual: b ? describePostAgainstBaseline(b.post) : 'not run',
    },
    {
      description: 'page B updates every row',
      passed: b !== undefined && allRowsUpdated(b),
      actual: b ? describeRows(b) : 'not run',
    },
    {
      description: 'page B uses 1 SSE connection',
      passed: b !== undefined && b.sseConnections.opened === 1,
      actual: b ? String(b.sseConnections.opened) : 'not run',
    },
    {
      description: `${c?.tabs ?? 3} tabs of page B with crossTab use 1 SSE connection`,
      passed: c !== undefined && c.sseConnections.opened === 1,
      actual: c ? String(c.sseConnections.opened) : 'not run',
    },
    {
      description: 'every row in every crossTab tab updates',
      passed: c !== undefined && allRowsUpdated(c),
      actual: c ? `${describeRows(c)} (per tab: ${c.rowsUpdatedPerTab.join(', ')})` : 'not run',
    },
    {
      description: "page A' (converted by sse-codemod) uses 1 SSE connection",
      passed: converted !== undefined && converted.sseConnections.opened === 1,
      actual: converted ? String(converted.sseConnections.opened) : 'not run',
    },
    {
      description: "page A' updates every row",
      passed: converted !== undefined && allRowsUpdated(converted),
      actual: converted ? describeRows(converted) : 'not run',
    },
    {
      description: `page A' answers its POST ${PROMPT_POST}`,
      passed: converted !== undefined && answersPromptly(converted.post),
      actual: converted ? describePostAgainstBaseline(converted.post) : 'not run',
    },
    {
      description: `page M's POST stalls behind its per-topic streams (no answer within ${m?.post.boundMs ?? '?'} ms)`,
      passed: m !== undefined && m.post.stalled,
      actual: m ? `${describePost(m.post)}; ${m.sseConnections.opened} SSE connections` : 'not run',
    },
    {
      description: "page M' (converted by sse-codemod, topics merged) uses 1 SSE connection",
      passed: mConverted !== undefined && mConverted.sseConnections.opened === 1,
      actual: mConverted ? String(mConverted.sseConnections.opened) : 'not run',
    },
    {
      description: `page M' asks the Mercure-style hub for all ${mConverted?.rowsTotal ?? 20} topics on that connection`,
      passed: mConverted !== undefined && mConverted.rowsTotal > 0 && mergedTopics(mConverted) === mConverted.rowsTotal,
      actual: mConverted ? describeMercureRequests(mConverted) : 'not run',
    },
    {
      description: "page M' updates every row",
      passed: mConverted !== undefined && allRowsUpdated(mConverted),
      actual: mConverted ? describeRows(mConverted) : 'not run',
    },
    {
      description: `page M' answers its POST ${PROMPT_POST}`,
      passed: mConverted !== undefined && answersPromptly(mConverted.post),
      actual: mConverted ? describePostAgainstBaseline(mConverted.post) : 'not run',
    },
  ];
}

/** The topics of the one stream request a merged page made; 0 unless it made exactly one. */
function mergedTopics(result) {
  const requests = result.mercure?.requests ?? [];
  return requests.length === 1 ? requests[0].topics : 0;
}

/** @param {ScenarioResult} result */
function describeMercureRequests(result) {
  const requests = result.mercure?.requests ?? [];
  if (requests.length === 0) return 'no stream request';
  return `${requests.length === 1 ? '1 stream request' : `${requests.length} stream requests`} with ${requests.map((request) => request.topics).join(', ')} topic(s)`;
}

/**
 * The human-readable report: an aligned table, a legend, what the codemod did for
 * scenario A' (when it ran), then each criterion.
 * @param {{ results: ScenarioResult[], criteria: Criterion[], environment: string, codemodSummary?: CodemodSummary, mercureCodemodSummary?: CodemodSummary }} report
 * @returns {string}
 */
export function formatReport({ results, criteria, environment, codemodSummary, mercureCodemodSummary }) {
  const header = ['scenario', 'SSE connections', 'TCP sockets', 'rows updated', 'POST round trip'];
  const rows = results.map((result) => [
    result.label,
    String(result.sseConnections.opened),
    String(result.tcpSockets.opened),
    describeRows(result),
    describePost(result.post),
  ]);
  const lines = [
    environment,
    '',
    ...formatTable(header, rows, 'lrrrl'),
    '',
    'SSE connections: event streams the browser opened to the server (the multiplexer\'s own',
    '  upstream requests are not counted). TCP sockets: every socket the browser opened,',
    '  page and module loads included. Rows updated: rows that received an event during',
    '  the last seconds of the run.',
    '',
    ...(codemodSummary ? [describeConversion(codemodSummary), ''] : []),
    ...(mercureCodemodSummary ? [describeMercureConversion(mercureCodemodSummary), ''] : []),
    ...criteria.map((criterion) => `${criterion.passed ? 'PASS' : 'FAIL'}  ${criterion.description}: ${criterion.actual}`),
    '',
    proofPassed(criteria) ? 'proof passed' : 'proof FAILED',
  ];
  const problems = results.flatMap((result) => [
    ...(result.settled ? [] : [`${result.label}: connections had not settled after ${result.settleMs} ms`]),
    ...result.pageErrors.map((message) => `${result.label}: page error: ${message}`),
  ]);
  if (problems.length > 0) lines.push('', ...problems);
  return `${lines.join('\n')}\n`;
}

/**
 * Pads every cell to its column's widest; `align` has one letter per column, `l` or `r`
 * (figures read best right-aligned, words left-aligned).
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {string} align
 * @returns {string[]}
 */
export function formatTable(header, rows, align) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const formatRow = (cells) =>
    cells
      .map((cell, column) => (align[column] === 'r' ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [formatRow(header), rule, ...rows.map(formatRow)];
}

/**
 * The part of `sse-codemod --json`'s summary the report names.
 * @typedef {{ changed: number, sitesRewritten: number, sitesSkipped: number, failed: number }} CodemodSummary
 */

/**
 * One paragraph on how page A' came to be: which run of the codemod, what it changed, and
 * the one step done by hand.
 * @param {CodemodSummary} summary
 * @returns {string}
 */
export function describeConversion(summary) {
  return [
    `A': a copy of examples/live-dashboard after \`sse-codemod --write\`: ${describeRun(summary)}`,
    '  The one step by hand: page-a.html configures the hub endpoint before rows-a.js runs.',
  ].join('\n');
}

/**
 * How page M' came to be: the app's `mergeTopics` setup added first (the step by hand the
 * codemod's TODO asks for on a Mercure-style server), then the codemod.
 * @param {CodemodSummary} summary
 * @returns {string}
 */
export function describeMercureConversion(summary) {
  return [
    `M': a copy of examples/mercure-topics after \`sse-codemod --write\`: ${describeRun(summary)}`,
    "  The one step by hand, before the run: topics.html loads the app's configureHub({ mergeTopics })",
    '  (mercure-setup.js), without which the codemod leaves per-topic streams alone.',
  ].join('\n');
}

/** @param {CodemodSummary} summary */
function describeRun(summary) {
  const files = summary.changed === 1 ? '1 file' : `${summary.changed} files`;
  const sites = (count) => (count === 1 ? '1 site' : `${count} sites`);
  return `${files} changed,\n  ${sites(summary.sitesRewritten)} rewritten, ${sites(summary.sitesSkipped)} skipped, ${summary.failed} failed; the result type-checks.`;
}

/** @param {Criterion[]} criteria */
export function proofPassed(criteria) {
  return criteria.length > 0 && criteria.every((criterion) => criterion.passed);
}

/** @param {ScenarioResult['post']} post */
export function describePost(post) {
  if (post.roundTripsMs.length === 0) return 'not measured';
  if (post.stalled) return `stalled (> ${post.boundMs} ms)`;
  const clicks = post.roundTripsMs.length;
  return `${post.medianMs?.toFixed(1)} ms (${clicks === 1 ? '1 click' : `median of ${clicks}`})`;
}

/**
 * The POST's figure with the baseline it was judged against, so that a failure on a loaded
 * machine shows how loaded it was.
 * @param {ScenarioResult['post']} post
 */
export function describePostAgainstBaseline(post) {
  const baseline = post.baselineMs === null ? 'no idle baseline' : `idle baseline ${post.baselineMs.toFixed(1)} ms`;
  return `${describePost(post)}; ${baseline}, allowed < ${postAllowanceMs(post).toFixed(0)} ms`;
}

/** @param {ScenarioResult} result */
function describeRows(result) {
  const missingTabs = result.tabs - result.tabsLoaded;
  const rows = `${result.rowsUpdated}/${result.rowsTotal}`;
  return missingTabs === 0 ? rows : `${rows}, ${missingTabs} of ${result.tabs} tabs did not load`;
}

/** Every tab loaded, rendered rows, and every one of them received an event at the end. */
function allRowsUpdated(result) {
  return result.tabsLoaded === result.tabs && result.rowsTotal > 0 && result.rowsUpdated === result.rowsTotal;
}
