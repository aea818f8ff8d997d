/**
 * What the codemod prints: the diff, the human report in each mode, the JSON report, and the
 * throttled progress line (driven by an injected clock).
 */
import { describe, expect, it } from 'vitest';
import { type CodemodReport, createProgress, formatDiff, formatJsonReport, formatTextReport } from '../src/format-output.js';

const change = {
  path: 'src/rows.ts',
  before: 'const a = 1;\nconst s = new EventSource(u);\n',
  after: 'const a = 1;\nconst s = sharedEventSource(u);\n',
};

function reportWith(summary: Partial<CodemodReport['summary']> = {}): CodemodReport {
  return {
    files: [
      { path: 'src/blob.ts', status: 'skipped', sites: [], reason: 'binary file' },
      { path: 'src/broken.ts', status: 'failed', sites: [], reason: 'syntax error at 3:7: Expression expected.' },
      {
        path: 'src/rows.ts',
        status: 'changed',
        sites: [
          { line: 2, column: 11, rule: 'sse/no-eventsource-in-loop', action: 'rewritten' },
          { line: 9, column: 3, rule: 'sse/no-eventsource-per-item', action: 'skipped', reason: 'the result is reassigned' },
        ],
      },
      { path: 'src/same.ts', status: 'unchanged', sites: [] },
    ],
    summary: {
      scanned: 12,
      candidates: 3,
      changed: 1,
      unchanged: 1,
      skipped: 1,
      failed: 1,
      sitesRewritten: 1,
      sitesSkipped: 1,
      helper: { path: 'src/sse-hub.js', status: 'would-create' },
      dryRun: true,
      testsMockingEventSource: [],
      ...summary,
      helpers: summary.helpers ?? [summary.helper ?? { path: 'src/sse-hub.js', status: 'would-create' }],
    },
  };
}

describe('formatDiff', () => {
  it('prints a unified diff with a/ and b/ paths, as git does', () => {
    expect(formatDiff(change)).toBe(
      ['--- a/src/rows.ts', '+++ b/src/rows.ts', '@@ -1,2 +1,2 @@', ' const a = 1;', '-const s = new EventSource(u);', '+const s = sharedEventSource(u);', ''].join('\n'),
    );
  });
});

describe('formatTextReport', () => {
  it('dry run: diffs, the helper note, what was left alone, the summary and that nothing was written', () => {
    expect(formatTextReport(reportWith(), 'dry-run', [change], 'src/sse-hub.d.ts')).toBe(
      `${formatDiff(change)}\n` +
        [
          'Would create the hub module src/sse-hub.js and src/sse-hub.d.ts.',
          'src/blob.ts skipped: binary file',
          'src/broken.ts failed: syntax error at 3:7: Expression expected.',
          'src/rows.ts:9:3 skipped: the result is reassigned',
          '1 file would change, 1 unchanged, 1 skipped, 1 failed (12 files scanned, 3 mention a stream); 1 site rewritten, 1 skipped.',
          'Dry run: nothing was written. Run with --write to apply.',
          '',
        ].join('\n'),
    );
  });

  it('--check: says whether the check passed', () => {
    expect(formatTextReport(reportWith(), 'check', [change], null).split('\n').at(-2)).toBe(
      'Check failed: 1 file would change. Run with --write to apply.',
    );
    const clean = reportWith({ changed: 0, helper: { path: 'src/sse-hub.js', status: 'not-needed' } });
    expect(formatTextReport({ ...clean, files: [] }, 'check', [], null)).toBe(
      '0 files would change, 1 unchanged, 1 skipped, 1 failed (12 files scanned, 3 mention a stream); 1 site rewritten, 1 skipped.\n' +
        'Check passed: nothing to change.\n',
    );
  });

  it('--write: the files written instead of diffs, and what became of the helper', () => {
    const written = reportWith({ dryRun: false, helper: { path: 'src/sse-hub.js', status: 'created' } });
    expect(formatTextReport(written, 'write', [change], 'src/sse-hub.d.ts')).toBe(
      [
        'Wrote src/rows.ts',
        'Created the hub module src/sse-hub.js and src/sse-hub.d.ts.',
        'src/blob.ts skipped: binary file',
        'src/broken.ts failed: syntax error at 3:7: Expression expected.',
        'src/rows.ts:9:3 skipped: the result is reassigned',
        '1 file changed, 1 unchanged, 1 skipped, 1 failed (12 files scanned, 3 mention a stream); 1 site rewritten, 1 skipped.',
        '',
      ].join('\n'),
    );
    const kept = formatTextReport(reportWith({ helper: { path: 'src/sse-hub.js', status: 'kept-different' } }), 'write', [], 'src/sse-hub.d.ts');
    expect(kept).toContain(
      'Kept the existing src/sse-hub.js: it differs from the hub this version writes (an edit, an older version, or a file of your own). ' +
        'To refresh it, delete src/sse-hub.js and src/sse-hub.d.ts and run sse-codemod --write again.\n',
    );
    const reformatted = formatTextReport(reportWith({ helper: { path: 'src/sse-hub.js', status: 'current-reformatted' } }), 'write', [], 'src/sse-hub.d.ts');
    expect(reformatted).toContain("src/sse-hub.js is this version's hub, reformatted: left as it is.\n");
    const failed = formatTextReport(reportWith({ helper: { path: 'src/sse-hub.js', status: 'failed', reason: 'read-only file' } }), 'write', [], null);
    expect(failed).toContain('src/sse-hub.js failed: read-only file\n');
    const imported = formatTextReport(reportWith({ helper: { import: 'sse-hub' } }), 'write', [], null);
    expect(imported).not.toContain('hub module');
  });
});

describe('formatJsonReport', () => {
  it('is the report as JSON, and only that', () => {
    const report = reportWith();
    expect(JSON.parse(formatJsonReport(report))).toEqual(report);
    expect(formatJsonReport(report).endsWith('}\n')).toBe(true);
  });
});

describe('createProgress', () => {
  function recorder(): { written: string[]; stream: { write(text: string): void } } {
    const written: string[] = [];
    return { written, stream: { write: (text: string) => written.push(text) } };
  }

  it('stays silent for short runs, then redraws at most once per interval within a phase', () => {
    const { written, stream } = recorder();
    let time = 1000;
    const progress = createProgress(stream, true, () => time, 100, 250);
    progress.update('reading', 1, 10);
    time = 1249;
    progress.update('reading', 2, 10);
    time = 1250;
    progress.update('reading', 3, 10);
    time = 1300;
    progress.update('reading', 4, 10);
    // A new phase is drawn at once.
    progress.update('planning', 0, 10);
    time = 1399;
    progress.update('planning', 1, 10);
    time = 1400;
    progress.update('planning', 2, 10);
    progress.clear();
    expect(written).toEqual([
      '\r\u001b[2Ksse-codemod: reading 3/10',
      '\r\u001b[2Ksse-codemod: planning 0/10',
      '\r\u001b[2Ksse-codemod: planning 2/10',
      '\r\u001b[2K',
    ]);
  });

  it('prints nothing when disabled, nor erases what it never drew', () => {
    const { written, stream } = recorder();
    const disabled = createProgress(stream, false, () => 0);
    disabled.update('reading', 1, 1);
    disabled.clear();
    let time = 0;
    const quick = createProgress(stream, true, () => time);
    quick.update('reading', 1, 1);
    time = 10;
    quick.clear();
    expect(written).toEqual([]);
  });
});
