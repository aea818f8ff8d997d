/**
 * The report of whole fixture projects (tests/codemod/report/fixtures/*), built in this
 * process as the command builds it: sites across files, origins, the hub's setup, failed
 * files, the exit codes, and the JSON shape.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_ITEMS, DEFAULT_REPORT_RESERVE, DEFAULT_REPORT_TABS, type ReportOptions, UsageError } from '../../src/cli-arguments.js';
import { buildBudgetReport, runReport } from '../../src/report/run-report.js';

function fixture(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}/`, import.meta.url));
}

function options(overrides: Partial<ReportOptions> = {}): ReportOptions {
  return {
    paths: [],
    json: false,
    silent: false,
    project: null,
    check: false,
    helper: null,
    helperImport: null,
    items: DEFAULT_REPORT_ITEMS,
    tabs: DEFAULT_REPORT_TABS,
    reserve: DEFAULT_REPORT_RESERVE,
    ...overrides,
  };
}

async function run(name: string, overrides: Partial<ReportOptions> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { cwd: fixture(name), stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await runReport(options(overrides), io);
  return { code, stdout, stderr };
}

describe('buildBudgetReport', () => {
  it('counts where other files render an exported component or call an exported hook (issue 13: 14 counted where about 25 could be open)', async () => {
    const report = await buildBudgetReport(options(), fixture('cross-file'));
    expect(report.sites.map((site) => [site.location, site.instances.kind, site.instances.count, site.instances.reason, site.connections])).toEqual([
      [
        'src/components/JobStatus.tsx:8:20',
        'per-instance',
        10,
        'component `JobStatus`, rendered in 1 per item elsewhere (src/components/JobTable.tsx)',
        10,
      ],
      [
        'src/hooks/useAlerts.ts:7:20',
        'per-instance',
        3,
        'hook `useAlerts`, called in 3 elsewhere (src/components/Footer.tsx, src/components/Header.tsx, src/components/Sidebar.tsx)',
        3,
      ],
    ]);
    expect(report.origins.map((origin) => [origin.origin, origin.connections])).toEqual([['(same origin)', 13]]);
  });

  it('counts each per-item use with --items', async () => {
    const report = await buildBudgetReport(options({ items: 4 }), fixture('cross-file'));
    expect(report.sites.map((site) => site.instances.count)).toEqual([4, 3]);
  });

  it('reads every multiplicity and URL shape of the dashboard project', async () => {
    const report = await buildBudgetReport(options(), fixture('dashboard'));
    expect(report.sites.map((site) => [site.location, site.url.kind, site.url.origin, site.instances.kind, site.connections])).toEqual([
      ['src/components/Activity.tsx:8:20', 'static', '(same origin)', 'per-instance', 1],
      ['src/components/Badge.tsx:7:20', 'static', '(same origin)', 'per-instance', 2],
      ['src/components/Rows.tsx:6:20', 'template', '(same origin)', 'per-item', 10],
      ['src/hooks/useJob.ts:8:20', 'template', 'https://api.example.com', 'per-instance', 1],
      ['src/legacy.js:2:10', 'dynamic', '(unknown)', 'per-call', 1],
      ['src/notifications.ts:2:30', 'static', '(same origin)', 'once', 1],
      ['src/prices.ts:6:18', 'template', 'https://prices.example.com', 'per-key', 10],
    ]);
    expect(report.files).toEqual({ scanned: 8, analysed: 7, failed: [], skipped: [] });
  });

  it('lists a URL opened in two files as a merge candidate, and places each site in its origin', async () => {
    const report = await buildBudgetReport(options(), fixture('two-consumers'));
    expect(report.mergeCandidates).toEqual([
      { url: '/api/notifications', exact: true, sites: ['src/Bell.tsx:6:20', 'src/feed.ts:1:21'], connections: 2 },
    ]);
    expect(report.origins.map((origin) => [origin.origin, origin.connections, origin.sites])).toEqual([
      ['(same origin)', 2, ['src/Bell.tsx:6:20', 'src/feed.ts:1:21']],
      ['https://status.example.com', 1, ['src/status.ts:4:10']],
    ]);
  });

  it('scales per-item and per-key sites by --items and every site the page opens by --tabs', async () => {
    const report = await buildBudgetReport(options({ items: 3, tabs: 2 }), fixture('dashboard'));
    expect(report.assumptions).toEqual({ budget: 6, reserve: 1, items: 3, tabs: 2 });
    // Activity rides the hub's connection for its URL: one per tab, whatever its instances.
    expect(report.sites.map((site) => site.connections)).toEqual([2, 4, 6, 2, 2, 2, 6]);
    expect(report.origins.map((origin) => [origin.origin, origin.connections, origin.over])).toEqual([
      ['(same origin)', 14, 9],
      ['https://api.example.com', 2, 0],
      // 6 of 6: over, since one connection is kept for ordinary requests.
      ['https://prices.example.com', 6, 1],
      ['(unknown)', 2, 0],
    ]);
  });

  it('reads the hub\'s setup and gives the report its documented shape', async () => {
    const report = await buildBudgetReport(options({ tabs: 3 }), fixture('hub-multiplex'));
    expect(report).toStrictEqual({
      assumptions: { budget: 6, reserve: 1, items: 10, tabs: 3 },
      hub: { mode: 'multiplex', endpoint: '/__sse_hub', crossTab: true, configuredAt: ['src/main.ts:3:1'] },
      sites: [
        {
          location: 'src/Rows.tsx:6:19',
          path: 'src/Rows.tsx',
          line: 6,
          column: 19,
          client: { module: './sse-hub.js', export: 'subscribe' },
          hub: true,
          url: { kind: 'template', text: '/rows/{id}/events', origin: '(same origin)' },
          instances: { kind: 'per-item', count: 10, reason: '`<Row>` rendered per item (line 10)' },
          connections: 1,
          sharing: "the hub's multiplexed connection, held once for all tabs",
          flaggedBy: ['sse/no-eventsource-per-item'],
        },
        {
          location: 'src/quotes.ts:4:23',
          path: 'src/quotes.ts',
          line: 4,
          column: 23,
          client: { module: './sse-hub.js', export: 'sharedEventSource' },
          hub: true,
          url: { kind: 'static', text: 'https://quotes.example.com/stream', origin: 'https://quotes.example.com' },
          instances: { kind: 'once', count: 1, reason: 'module level' },
          connections: 1,
          sharing: "the hub's connection for this URL, held once for all tabs",
          flaggedBy: [],
        },
        {
          location: 'src/quotes.ts:5:23',
          path: 'src/quotes.ts',
          line: 5,
          column: 23,
          client: { module: null, export: 'EventSource' },
          hub: false,
          url: { kind: 'static', text: '/legacy/stream', origin: '(same origin)' },
          instances: { kind: 'once', count: 1, reason: 'module level' },
          connections: 3,
          sharing: null,
          flaggedBy: [],
        },
      ],
      origins: [
        { origin: '(same origin)', connections: 4, budget: 6, available: 5, over: 0, sites: ['src/Rows.tsx:6:19', 'src/quotes.ts:5:23'] },
        { origin: 'https://quotes.example.com', connections: 1, budget: 6, available: 5, over: 0, sites: ['src/quotes.ts:4:23'] },
      ],
      mergeCandidates: [],
      files: { scanned: 3, analysed: 3, failed: [], skipped: [] },
    });
  });

  it('without the helper\'s path, does not take the project\'s own module for the hub', async () => {
    // `--helper-import x` says the hub comes from `x`: `./sse-hub.js` is then an ordinary module.
    const report = await buildBudgetReport(options({ helperImport: '@acme/live' }), fixture('hub-multiplex'));
    expect(report.hub.configuredAt).toEqual([]);
    expect(report.sites.map((site) => site.location)).toEqual(['src/quotes.ts:5:23']);
  });

  it('throws a usage error for a path that does not exist', async () => {
    await expect(buildBudgetReport(options({ paths: ['missing'] }), fixture('quiet'))).rejects.toThrow(
      new UsageError('No such file or directory: "missing".'),
    );
  });
});

describe('runReport', () => {
  it('lists a file with a syntax error as failed, reports the others, and exits 1', async () => {
    const result = await run('broken', { json: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.files.failed).toEqual([{ path: 'src/broken.ts', reason: "syntax error: ')' expected. (2:38)" }]);
    expect(report.sites.map((site: { location: string }) => site.location)).toEqual(['src/good.ts:1:21', 'src/rows.js:1:41']);
  });

  it('exits 0 over budget, and 1 with --check', async () => {
    expect((await run('dashboard')).code).toBe(0);
    expect((await run('dashboard', { check: true, silent: true })).code).toBe(1);
    expect((await run('dashboard', { check: true, items: 2, reserve: 0 })).code).toBe(0);
    // The same page with the default reserve holds all 6 connections of an origin: over.
    expect((await run('dashboard', { check: true, items: 2, silent: true })).code).toBe(1);
  });

  it('prints nothing with --silent', async () => {
    expect(await run('broken', { silent: true })).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('says when nothing opens a stream', async () => {
    expect(await run('quiet')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'No stream sites (1 file scanned, 0 analysed).',
        'Assumed: 10 items per list or key set (--items), 1 tab (--tabs); budget 6 connections per origin, shared by all tabs of a browser profile, 1 kept for requests (--reserve).',
        '',
        'Within budget: nothing opens a stream.',
        '',
      ].join('\n'),
    });
  });
});
