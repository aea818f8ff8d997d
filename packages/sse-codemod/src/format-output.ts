/**
 * What `sse-codemod` prints: the unified diffs and the human summary on stdout, the `--json`
 * report, and the progress line on stderr.
 */
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import type { RunMode } from './cli-arguments.js';
import type { FileResult } from './types.js';

/**
 * What became of the helper module (the hub written into the user's project):
 * - `created`: written by this run (with its `.d.ts`);
 * - `would-create`: a dry run or `--check` that would write it;
 * - `current`: already there, identical to ours; left alone;
 * - `current-reformatted`: already there, ours but for a formatter's layout changes; left alone;
 * - `kept-different`: a file is there that is not ours (an older version, edited, or the
 *   user's own); left alone, so check that it exports `sharedEventSource`;
 * - `not-needed`: no site was rewritten, so nothing imports it;
 * - `failed`: it could not be written (`reason` says why); files that would import it were not written.
 */
export type HelperStatus = 'created' | 'would-create' | 'current' | 'current-reformatted' | 'kept-different' | 'not-needed' | 'failed';

/** `path` is relative to the current directory, with `/`; with `--helper-import`, the specifier used instead. */
export type HelperReport = { path: string; status: HelperStatus; reason?: string } | { import: string };

/**
 * The report of a run, printed as is by `--json`:
 *
 * ```ts
 * {
 *   files: FileResult[];       // candidates (files that mention a stream) plus files skipped or failed
 *                              // before planning, sorted by path; see ./types.ts
 *   summary: {
 *     scanned: number;         // files found under the paths (gitignored, node_modules, .d.ts excluded)
 *     candidates: number;      // of those, read as text and mentioning a stream, so planned
 *     changed: number;         // files changed (written with --write, else pending)
 *     unchanged: number;       // candidates left as they are
 *     skipped: number;         // files not read: symbolic link, binary, > 10 MiB, not UTF-8
 *     failed: number;          // files that could not be read, parsed or written
 *     sitesRewritten: number;  // openings turned into sharedEventSource(…) in changed files
 *     sitesSkipped: number;    // flagged openings left alone (each with a TODO comment and a reason)
 *     helper: { path: string; status: HelperStatus; reason?: string } | { import: string };
 *     helpers: (the same)[];   // one per package that has a rewritten file; helper is the first
 *     dryRun: boolean;         // false only with --write
 *     testsMockingEventSource: string[]; // test files that mock EventSource or count its constructions
 *   };
 * }
 * ```
 */
export interface CodemodReport {
  files: FileResult[];
  summary: RunSummary;
}

export interface RunSummary {
  scanned: number;
  candidates: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  sitesRewritten: number;
  sitesSkipped: number;
  helper: HelperReport;
  /** Every helper of the run: one per package that has a rewritten file in a monorepo; `helper` is the first. */
  helpers: HelperReport[];
  dryRun: boolean;
  /** Test files under the paths that mock `EventSource` or count its constructions. */
  testsMockingEventSource: string[];
}

/** A changed file's text before and after, for the diff. */
export interface FileChange {
  path: string;
  before: string;
  after: string;
}

export function formatJsonReport(report: CodemodReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A unified diff with `a/` and `b/` prefixes, as `git diff` prints, so `git apply` and `patch -p1` take it. */
export function formatDiff(change: FileChange): string {
  return createTwoFilesPatch(`a/${change.path}`, `b/${change.path}`, change.before, change.after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `helper` with a path, or null for `--helper-import`. */
function helperNote(helper: HelperReport, helperDeclarationPath: string | null): string | null {
  if ('import' in helper) return null;
  const both = helperDeclarationPath === null ? helper.path : `${helper.path} and ${helperDeclarationPath}`;
  switch (helper.status) {
    case 'would-create':
      return `Would create the hub module ${both}.`;
    case 'created':
      return `Created the hub module ${both}.`;
    case 'kept-different':
      return (
        `Kept the existing ${helper.path}: it differs from the hub this version writes (an edit, an older version, or a file of your own). ` +
        `To refresh it, delete ${both} and run sse-codemod --write again.`
      );
    case 'current-reformatted':
      return `${helper.path} is this version's hub, reformatted: left as it is.`;
    case 'failed':
      return `${helper.path} failed: ${helper.reason ?? 'could not be written'}`;
    case 'current':
    case 'not-needed':
      return null;
  }
}

/** One line per flagged site left alone and per file skipped or failed, in path order. */
function problemLines(files: readonly FileResult[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.status === 'skipped' || file.status === 'failed') {
      lines.push(`${file.path} ${file.status}: ${file.reason ?? 'unknown reason'}`);
      continue;
    }
    for (const site of file.sites) {
      if (site.action === 'skipped') lines.push(`${file.path}:${site.line}:${site.column} skipped: ${site.reason ?? 'unknown reason'}`);
    }
  }
  return lines;
}

function summaryLine(summary: RunSummary, mode: RunMode): string {
  const changed = mode === 'write' ? `${plural(summary.changed, 'file')} changed` : `${plural(summary.changed, 'file')} would change`;
  return (
    `${changed}, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.failed} failed ` +
    `(${plural(summary.scanned, 'file')} scanned, ${summary.candidates} mention a stream); ` +
    `${plural(summary.sitesRewritten, 'site')} rewritten, ${summary.sitesSkipped} skipped.`
  );
}

function closingLine(summary: RunSummary, mode: RunMode): string | null {
  if (mode === 'write') return null;
  if (mode === 'check') {
    return summary.changed === 0
      ? 'Check passed: nothing to change.'
      : `Check failed: ${plural(summary.changed, 'file')} would change. Run with --write to apply.`;
  }
  return summary.changed === 0 ? 'Dry run: nothing to change.' : 'Dry run: nothing was written. Run with --write to apply.';
}

/**
 * The human report. Dry run and `--check`: each changed file's diff, the helper note, the
 * sites and files left alone, the summary, and a closing line saying nothing was written.
 * `--write`: the files written instead of diffs.
 */
export function formatTextReport(
  report: CodemodReport,
  mode: RunMode,
  changes: readonly FileChange[],
  helperDeclarationPath: string | null,
  nextSteps: readonly string[] = [],
): string {
  const parts: string[] = [];
  if (mode === 'write') {
    for (const file of report.files) if (file.status === 'changed') parts.push(`Wrote ${file.path}\n`);
  } else {
    for (const change of changes) parts.push(formatDiff(change));
  }
  const lines: string[] = [];
  const note = helperNote(report.summary.helper, helperDeclarationPath);
  if (note !== null) lines.push(note);
  // The other packages' helpers, in a monorepo: each declaration file sits beside its module.
  for (const other of report.summary.helpers.slice(1)) {
    // A TypeScript helper (`sse-hub.ts`) has no declaration file beside it.
    const otherNote = helperNote(other, 'path' in other && /\.m?js$/.test(other.path) ? other.path.replace(/\.(m?)js$/, '.d.$1ts') : null);
    if (otherNote !== null) lines.push(otherNote);
  }
  lines.push(...problemLines(report.files));
  lines.push(summaryLine(report.summary, mode));
  const closing = closingLine(report.summary, mode);
  if (closing !== null) lines.push(closing);
  if (nextSteps.length > 0) lines.push('', ...nextSteps);
  // A blank line between the last diff and the notes, as git separates its sections.
  return `${parts.join('')}${parts.length > 0 && mode !== 'write' ? '\n' : ''}${lines.join('\n')}\n`;
}

export interface ProgressStream {
  write(text: string): unknown;
}

export interface Progress {
  /** Shows `phase done/total`, at most once per interval. */
  update(phase: string, done: number, total: number): void;
  /** Erases the line, so that the report starts on a clean one. */
  clear(): void;
}

const QUIET_PROGRESS: Progress = { update: () => undefined, clear: () => undefined };

/**
 * A one-line progress indicator redrawn in place with `\r`: on a terminal only (a log file or
 * a pipe would fill with lines), not at all for runs shorter than `delayMs` (no flicker on
 * small runs), and then at most once per `intervalMs` within a phase, so that a fast run does
 * not spend its time drawing. A new phase is drawn at once. `now` is injectable for tests.
 */
export function createProgress(
  stream: ProgressStream,
  enabled: boolean,
  now: () => number = () => performance.now(),
  intervalMs = 100,
  delayMs = 250,
): Progress {
  if (!enabled) return QUIET_PROGRESS;
  const startedAt = now();
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastPhase: string | null = null;
  return {
    update(phase, done, total) {
      const time = now();
      if (time - startedAt < delayMs) return;
      if (phase === lastPhase && time - lastDrawn < intervalMs) return;
      lastDrawn = time;
      lastPhase = phase;
      stream.write(`\r\u001b[2Ksse-codemod: ${phase} ${done}/${total}`);
    },
    clear() {
      if (lastPhase !== null) stream.write('\r\u001b[2K');
      lastPhase = null;
    },
  };
}
