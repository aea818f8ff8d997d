/**
 * The human report, line for line: aligned columns, the sections, and the verdict with and
 * without `--check`. The JSON is `JSON.stringify` of the report (its shape is tested on
 * fixture projects and in docs/report.md).
 */
import { describe, expect, it } from 'vitest';
import { formatJsonBudgetReport, formatTable, formatTextBudgetReport } from '../../src/report/format-report.js';
import type { BudgetReport, ReportSite } from '../../src/report/types.js';

function reportSite(overrides: Partial<ReportSite> & Pick<ReportSite, 'location'>): ReportSite {
  const [path, line, column] = overrides.location.split(':');
  return {
    path: path!,
    line: Number(line),
    column: Number(column),
    client: { module: null, export: 'EventSource' },
    hub: false,
    url: { kind: 'static', text: '/feed', origin: '(same origin)' },
    instances: { kind: 'once', count: 1, reason: 'module level' },
    connections: 1,
    sharing: null,
    flaggedBy: [],
    ...overrides,
  };
}

const REPORT: BudgetReport = {
  assumptions: { budget: 6, reserve: 1, items: 10, tabs: 1 },
  hub: { mode: 'dedupe', endpoint: null, crossTab: false, configuredAt: [] },
  sites: [
    reportSite({ location: 'src/a.ts:1:21' }),
    reportSite({
      location: 'src/rows/Row.tsx:12:7',
      url: { kind: 'template', text: '/rows/{id}', origin: '(same origin)' },
      instances: { kind: 'per-item', count: 10, reason: 'opened in a `map()` callback' },
      connections: 10,
      flaggedBy: ['sse/no-eventsource-in-loop'],
    }),
    reportSite({
      location: 'src/live.ts:3:9',
      client: { module: 'sse-hub', export: 'subscribe' },
      hub: true,
      url: { kind: 'dynamic', text: null, origin: '(unknown)' },
      instances: { kind: 'per-call', count: 1, reason: 'each call of `live()`' },
      sharing: 'hub in dedupe mode: one connection per distinct URL',
    }),
    reportSite({
      location: 'src/x.js:2:2',
      client: { module: 'reconnecting-eventsource', export: 'default' },
      url: { kind: 'static', text: '/feed', origin: '(same origin)' },
    }),
  ],
  origins: [
    { origin: '(same origin)', connections: 12, budget: 6, available: 5, over: 7, sites: ['src/a.ts:1:21', 'src/rows/Row.tsx:12:7', 'src/x.js:2:2'] },
    { origin: '(unknown)', connections: 1, budget: 6, available: 5, over: 0, sites: ['src/live.ts:3:9'] },
  ],
  mergeCandidates: [{ url: '/feed', exact: true, sites: ['src/a.ts:1:21', 'src/x.js:2:2'], connections: 2 }],
  files: { scanned: 9, analysed: 5, failed: [{ path: 'src/broken.ts', reason: 'syntax error: x (1:2)' }], skipped: [{ path: 'src/link.ts', reason: 'symbolic link: not followed' }] },
};

describe('formatTable', () => {
  it('pads every column but the last to its widest cell, two spaces apart', () => {
    expect(formatTable(['A', 'BB', 'C'], [['long cell', 'x', 'end'], ['y', 'wider cell', '']])).toEqual([
      'A          BB          C',
      'long cell  x           end',
      'y          wider cell',
    ]);
  });
});

describe('formatTextBudgetReport', () => {
  it('prints the sites, the origins, the merge candidates, the files left out and the verdict', () => {
    expect(formatTextBudgetReport(REPORT, false)).toBe(
      [
        '4 stream sites in 4 files (9 files scanned, 5 analysed).',
        'Assumed: 10 items per list or key set (--items), 1 tab (--tabs); budget 6 connections per origin, shared by all tabs of a browser profile, 1 kept for requests (--reserve).',
        'Hub: dedupe mode, each tab on its own (no configureHub() call).',
        '',
        'SITE                   CLIENT                    CONNECTS TO  INSTANCES     CONNECTIONS  WHY',
        'src/a.ts:1:21          EventSource               /feed        once          1            module level',
        'src/rows/Row.tsx:12:7  EventSource               /rows/{id}   per item ×10  10           opened in a `map()` callback',
        'src/live.ts:3:9        subscribe                 (dynamic)    per call      1            each call of `live()`; hub in dedupe mode: one connection per distinct URL',
        'src/x.js:2:2           reconnecting-eventsource  /feed        once          1            module level',
        '',
        'Connections per origin, worst case:',
        'ORIGIN         CONNECTIONS  FOR STREAMS  VERDICT',
        '(same origin)  12           5 of 6       over by 7',
        '(unknown)      1            5 of 6       within',
        '(unknown) holds the URLs whose origin the code only knows at run time; they may belong to any origin above.',
        '',
        'Same URL, several connections (merge candidates):',
        '/feed: 2 connections from src/a.ts:1:21, src/x.js:2:2',
        'Fix: open each with sharedEventSource(url) from sse-hub (or the module sse-codemod writes).',
        "In mode: 'dedupe', the hub's default without an endpoint, every subscriber of one URL shares one connection.",
        '',
        'src/broken.ts failed: syntax error: x (1:2)',
        'src/link.ts skipped: symbolic link: not followed',
        'The sites of a failed file are not in the report.',
        '',
        'Over budget: (same origin) needs up to 12 connections, 7 more than the 5 left for streams (6 a browser allows, 1 kept for requests: --reserve).',
        '',
      ].join('\n'),
    );
  });

  it('ends with the check\'s verdict under --check', () => {
    expect(formatTextBudgetReport(REPORT, true).split('\n').slice(-3)).toEqual([
      'Over budget: (same origin) needs up to 12 connections, 7 more than the 5 left for streams (6 a browser allows, 1 kept for requests: --reserve).',
      'Check failed: 1 origin over budget.',
      '',
    ]);
    const within: BudgetReport = { ...REPORT, origins: [{ ...REPORT.origins[1]! }], mergeCandidates: [] };
    expect(formatTextBudgetReport(within, true).split('\n').slice(-3)).toEqual([
      'Within budget: at most 1 connection per origin, of the 5 left for streams (6 a browser allows, 1 kept for requests: --reserve).',
      'Check passed.',
      '',
    ]);
  });

  it('says so when the project opens no stream', () => {
    const empty: BudgetReport = { ...REPORT, sites: [], origins: [], mergeCandidates: [], files: { scanned: 2, analysed: 0, failed: [], skipped: [] } };
    expect(formatTextBudgetReport(empty, false)).toBe(
      [
        'No stream sites (2 files scanned, 0 analysed).',
        'Assumed: 10 items per list or key set (--items), 1 tab (--tabs); budget 6 connections per origin, shared by all tabs of a browser profile, 1 kept for requests (--reserve).',
        '',
        'Within budget: nothing opens a stream.',
        '',
      ].join('\n'),
    );
  });

  it('describes a multiplexing, cross-tab hub and a template merge candidate', () => {
    const hubbed: BudgetReport = {
      ...REPORT,
      hub: { mode: 'multiplex', endpoint: '/__sse_hub', crossTab: true, configuredAt: ['src/main.ts:3:1'] },
      mergeCandidates: [{ url: '/rows/{id}', exact: false, sites: ['src/a.ts:1:1', 'src/b.ts:2:2'], connections: 20 }],
    };
    const lines = formatTextBudgetReport(hubbed, false).split('\n');
    expect(lines[2]).toBe('Hub: multiplex mode, endpoint /__sse_hub, shared across tabs (configured at src/main.ts:3:1).');
    expect(lines).toContain('/rows/{id} (a template: shared when the values match): 20 connections from src/a.ts:1:1, src/b.ts:2:2');
  });
});

describe('formatJsonBudgetReport', () => {
  it('prints the report as indented JSON with a final newline', () => {
    expect(formatJsonBudgetReport(REPORT)).toBe(`${JSON.stringify(REPORT, null, 2)}\n`);
    expect(JSON.parse(formatJsonBudgetReport(REPORT))).toStrictEqual(REPORT);
  });
});
