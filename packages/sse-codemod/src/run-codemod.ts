/**
 * One run of `sse-codemod`, from the parsed options to the exit code: find the files, check
 * the git work tree (`--write`), read them, plan those that mention a stream (in this thread
 * or on a pool), write the changes and the helper module atomically (`--write`), and print
 * the report.
 *
 * Nothing is written before every file is planned, and one file's failure never stops the
 * others: each is reported with its reason and the run exits 1.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { mentionsStream } from 'eslint-plugin-sse/detection';
import { writeFileAtomically } from './atomic-write.js';
import { PackageManifests, buildOutputReason } from './build-outputs.js';
import type { CodemodOptions } from './cli-arguments.js';
import { discoverFiles, searchDirectoryOf } from './discover-files.js';
import {
  type CodemodReport,
  type FileChange,
  type HelperReport,
  type Progress,
  type ProgressStream,
  type RunSummary,
  createProgress,
  formatJsonReport,
  formatTextReport,
} from './format-output.js';
import { type GitWorkTreeState, readGitWorkTreeState } from './git-state.js';
import { isTypeScriptSource } from './helper-language.js';
import { helperFiles, helperSpecifierFor, helperState, missingHelperFiles } from './helper-module.js';
import { SKIP_REASONS } from './conversions.js';
import { type MultiplexSetup, multiplexSetupIn } from './multiplex-setup.js';
import { type MergeTopicsSetup, mergeTopicsSetupIn } from './merge-topics-setup.js';
import { formattedByPrettier, mocksEventSource, nextStepLines } from './next-steps.js';
import { builtWorkerUrl, planInWorkers } from './plan-pool.js';
import { encodeSource, readSource } from './read-source.js';
import { READ_CONCURRENCY, chooseHelperLanguage, isHelperFile, mapWithConcurrency, reportPathOf, resolveHelperPath, resolveHelperPaths } from './run-support.js';
import { removeStaleTemporaries } from './stale-temporaries.js';
import { type ProjectState, connectionChange, connectionChangeLines } from './connection-change.js';
import { originOfText } from './report/describe-url.js';
import { type HubModules, hubModules, hubNeedles, sameHubModules } from './report/hub-modules.js';
import type { FileCollections, ProjectText } from './report/run-report.js';
import { sharedUrlOpenings } from './shared-url-openings.js';
import type { FilePlan, FileResult, PlanRequest, SourcePosition } from './types.js';

export interface RunIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream & { isTTY?: boolean };
}

/**
 * A planning thread is started only for at least this many candidate files, so the pool
 * starts at twice this. Measured on the project's 2-core machine: loading the planner
 * (ts-morph and ESLint) costs a thread 1.0-1.5 s, and planning a candidate costs 9 ms (a
 * 3-line file), 17 ms (180 lines, nothing to rewrite) to 85 ms (190 lines, two rewrites, so
 * several passes). A thread earns its start-up once its share of the planning is at least as
 * long: 40 files of ~30 ms. Measured end to end, two threads lost to one up to 100 files
 * (`npm run bench -- codemod`: 15.9 s against 11.6 s, and 862 MiB against 502 MiB) and won
 * from 128 (8.9 s against 11.9 s) and 160 light files (4.6 s against 5.9 s).
 */
export const MIN_FILES_PER_THREAD = 64;

/** How many dirty paths the refusal names. */
const DIRTY_PATHS_SHOWN = 5;

interface Candidate {
  file: string;
  reportPath: string;
  text: string;
  hasBom: boolean;
  /** The bytes read, to check before writing that the file was not changed meanwhile. */
  bytes: Buffer;
}

interface PlannedFile {
  candidate: Candidate;
  plan: FilePlan;
  /** What the report says; a failed write turns `changed` into `failed`. */
  result: FileResult;
}

type ReadOutcome =
  | { kind: 'candidate'; candidate: Candidate }
  | { kind: 'listed'; result: FileResult }
  /** Its text is kept only when it uses the hub (a `configureHub` call): the connection count reads it. */
  | { kind: 'no-stream'; file: string; reportPath: string; hubText: string | null };

function dirtyTreeMessage(state: Extract<GitWorkTreeState, { kind: 'dirty' }>): string {
  const shown = state.paths.slice(0, DIRTY_PATHS_SHOWN).map((file) => `  ${file}\n`);
  const more = state.paths.length - DIRTY_PATHS_SHOWN;
  return (
    `sse-codemod: refusing to write: the git work tree ${state.root} has uncommitted changes:\n` +
    shown.join('') +
    (more > 0 ? `  …and ${more} more\n` : '') +
    'Commit or stash them first, so that the codemod\'s edits can be reviewed and undone on their own, or pass --allow-dirty.\n'
  );
}

/** Plans in this thread, or on the pool when there are enough files for at least two threads. */
async function planAll(requests: readonly PlanRequest[], jobs: number | null, onPlanned: (done: number) => void): Promise<FilePlan[]> {
  if (requests.length === 0) return [];
  // Loading the planner takes a second: show the phase before it, not after.
  onPlanned(0);
  const threads = Math.min(jobs ?? availableParallelism(), Math.floor(requests.length / MIN_FILES_PER_THREAD));
  const workerUrl = builtWorkerUrl();
  if (threads >= 2 && workerUrl !== null) return planInWorkers(requests, { threads, workerUrl, onPlanned });
  // The planner loads ts-morph and ESLint: only runs that have something to plan pay for it.
  const { planFile } = await import('./plan-file.js');
  return requests.map((request, index) => {
    const plan = planFile(request);
    onPlanned(index + 1);
    return plan;
  });
}

function hasRewrittenSite(plan: FilePlan): boolean {
  return plan.status === 'changed' && plan.sites.some((site) => site.action === 'rewritten');
}

/** Runs the codemod and returns the exit code. Throws `UsageError` for paths, globs, tsconfig or `--helper` it cannot use. */
export async function runCodemod(options: CodemodOptions, io: RunIo): Promise<number> {
  const { cwd } = io;
  const note = (text: string): void => {
    if (!options.silent) io.stderr.write(text);
  };
  const defaultHelperPath = resolveHelperPath(options, cwd);
  const defaultHelperPathFor = resolveHelperPaths(options, cwd);
  // A helper is the hub itself: the codemod must never rewrite it into importing itself.
  const files = (await discoverFiles({ paths: options.paths, cwd, project: options.project })).filter(
    (file) => defaultHelperPathFor === null || !isHelperFile(file, defaultHelperPathFor(file)),
  );

  if (options.mode === 'write' && !options.allowDirty) {
    const state = await readGitWorkTreeState(searchDirectoryOf(options.paths[0] ?? '.', cwd));
    if (state.kind === 'dirty') {
      note(dirtyTreeMessage(state));
      return 2;
    }
    if (state.kind === 'unavailable') {
      note(`sse-codemod: cannot tell whether the git work tree is clean (${state.reason}); fix that or pass --allow-dirty.\n`);
      return 2;
    }
    if (state.kind === 'not-a-repository') note('sse-codemod: not inside a git repository: writing without git to review or undo the changes.\n');
    if (state.kind === 'git-not-installed') note('sse-codemod: git is not installed: writing without checking for uncommitted changes.\n');
  }

  const progress = createProgress(io.stderr, !options.silent && !options.json && io.stderr.isTTY === true);
  const defaultHubNeedles = [...hubNeedles(hubModules(options.helperImport, defaultHelperPath)), 'configureHub'];
  let readCount = 0;
  const packages = new PackageManifests();
  const mockingTests: string[] = [];
  let multiplexSetup: MultiplexSetup | undefined = options.endpoint === null ? undefined : { endpoint: options.endpoint };
  const mergeTopics: MergeTopicsSetup[] = [];
  const outcomes = await mapWithConcurrency(files, READ_CONCURRENCY, async (file): Promise<ReadOutcome> => {
    const read = await readSource(file);
    progress.update('reading', (readCount += 1), files.length);
    const reportPath = reportPathOf(file, cwd);
    if (read.kind !== 'text') return { kind: 'listed', result: { path: reportPath, status: read.kind, sites: [], reason: read.reason } };
    if (mocksEventSource(file, read.text)) mockingTests.push(reportPath);
    multiplexSetup ??= multiplexSetupIn(read.text);
    mergeTopics.push(...mergeTopicsSetupIn(read.text));
    if (!mentionsStream(read.text, [])) {
      const usesHub = defaultHubNeedles.some((needle) => read.text.includes(needle));
      return { kind: 'no-stream', file, reportPath, hubText: usesHub ? read.text : null };
    }
    // Only files that would be candidates are listed as skipped: a dist/ without streams is not news.
    const buildOutput = buildOutputReason(file, read.text, packages);
    if (buildOutput) return { kind: 'listed', result: { path: reportPath, status: 'skipped', sites: [], reason: buildOutput } };
    return { kind: 'candidate', candidate: { file, reportPath, text: read.text, hasBom: read.hasBom, bytes: read.bytes } };
  });

  const candidates = outcomes.flatMap((outcome) => (outcome.kind === 'candidate' ? [outcome.candidate] : []));
  const textByFile = new Map(candidates.map((candidate) => [candidate.file, candidate.text]));
  const helperPathFor =
    defaultHelperPathFor === null
      ? null
      : chooseHelperLanguage(
          options,
          defaultHelperPathFor,
          candidates.map((candidate) => candidate.file),
          // A component is TypeScript by its `<script lang="ts">`, not its extension.
          (file) => isTypeScriptSource(file, textByFile.get(file) ?? ''),
        );
  // Several files of a package opening one URL: every opening is converted, flagged or not.
  // Their analyses are kept for the count of connections before and after.
  const analysedHub = hubModules(options.helperImport, defaultHelperPath);
  const collections: FileCollections = new Map();
  const shared =
    candidates.length < 2
      ? new Map<string, SourcePosition[]>()
      : sharedUrlOpenings(candidates, (file) => helperPathFor?.(file) ?? '', analysedHub, collections);
  const requests = candidates.map(
    (candidate): PlanRequest => ({
      path: candidate.file,
      text: candidate.text,
      helperSpecifier: options.helperImport ?? helperSpecifierFor(candidate.file, helperPathFor!(candidate.file), candidate.text),
      multiplex: multiplexSetup !== undefined,
      // An endpoint the code computes may be on any origin: only a written one rules sites out.
      ...(multiplexSetup?.endpoint ? { multiplexOrigin: originOfText(multiplexSetup.endpoint) } : {}),
      ...(mergeTopics.length > 0 ? { mergeTopics } : {}),
      ...(shared.has(candidate.file) ? { sharedUrlOpenings: shared.get(candidate.file)! } : {}),
    }),
  );
  const plans = await planAll(requests, options.jobs, (done) => progress.update('planning', done, requests.length));
  const planned = candidates.map((candidate, index): PlannedFile => {
    const plan = plans[index]!;
    const result: FileResult = { path: candidate.reportPath, status: plan.status, sites: plan.sites };
    if (plan.status === 'failed') result.reason = plan.error ?? 'the planner could not plan this file';
    return { candidate, plan, result };
  });

  // One helper per package that has a rewritten file (one in all with --helper); settled in path order.
  const neededHelpers =
    helperPathFor === null
      ? []
      : [...new Set(planned.filter((file) => hasRewrittenSite(file.plan)).map((file) => helperPathFor(file.candidate.file)))].sort();
  const helpers: SettledHelper[] = [];
  if (neededHelpers.length === 0) helpers.push(await settleHelper(options, defaultHelperPath, false, cwd));
  for (const helperPath of neededHelpers) helpers.push(await settleHelper(options, helperPath, true, cwd));
  const failedHelpers = new Set(neededHelpers.filter((_, index) => helpers[index]!.failed));
  const helper = helpers[0]!;
  let removedTemporaries = 0;
  if (options.mode === 'write') {
    await writePlannedFiles(planned, (file) => failedHelpers.has(helperPathFor?.(file) ?? ''), progress);
    // Where this run writes is where a killed earlier run may have left temporary files.
    const directories = [...candidates.map((candidate) => path.dirname(candidate.file)), ...neededHelpers.map((file) => path.dirname(file))];
    removedTemporaries = (await removeStaleTemporaries(directories)).length;
  }
  progress.clear();
  if (removedTemporaries > 0) {
    note(`sse-codemod: removed ${removedTemporaries} temporary file${removedTemporaries === 1 ? '' : 's'} left by an interrupted run\n`);
  }

  const resultOf = new Map(planned.map((file) => [file.candidate, file.result]));
  const fileResults = outcomes.flatMap((outcome) =>
    outcome.kind === 'listed' ? [outcome.result] : outcome.kind === 'candidate' ? [resultOf.get(outcome.candidate)!] : [],
  );
  const summary = summarize(files.length, candidates.length, fileResults, helper.report, options);
  summary.helpers = helpers.map((settled) => settled.report);
  summary.testsMockingEventSource = mockingTests.sort();
  const report: CodemodReport = { files: fileResults, summary };

  if (!options.silent) {
    if (options.json) {
      io.stdout.write(formatJsonReport(report));
    } else {
      const changes: FileChange[] = planned
        .filter((file) => file.result.status === 'changed')
        .map((file) => ({ path: file.result.path, before: file.candidate.text, after: file.plan.output! }));
      const sitesLeftFor = (reason: string) =>
        fileResults.flatMap((file) => file.sites.filter((site) => site.reason === reason).map((site) => `${file.path}:${site.line}`));
      const distinctUrlSites = sitesLeftFor(SKIP_REASONS.distinctUrlsWithoutMultiplexer);
      const topicUrlSites = sitesLeftFor(SKIP_REASONS.topicPerItemWithoutMultiplexer);
      const nextSteps =
        summary.sitesRewritten > 0 || distinctUrlSites.length > 0 || topicUrlSites.length > 0
          ? nextStepLines({
              endpoint: multiplexSetup?.endpoint ?? undefined,
              rewritten: summary.sitesRewritten > 0,
              onlyMerged: fileResults.every((file) => file.sites.every((site) => site.action !== 'rewritten' || site.via === 'mergeTopics')),
              distinctUrlSites,
              topicUrlSites,
              helperModule: options.helperImport ?? `./${reportPathOf(neededHelpers[0] ?? defaultHelperPath!, cwd)}`,
              written: options.mode === 'write',
              mockingTests: summary.testsMockingEventSource,
              prettierHelpers: neededHelpers
                .filter((helperPath) => formattedByPrettier(path.dirname(helperPath), listFolder, readTextIfExists))
                .map((helperPath) => reportPathOf(helperPath, cwd)),
            })
          : [];
      const change = summary.sitesRewritten > 0 ? connectionChangeOf(outcomes, planned, options, neededHelpers, multiplexSetup?.endpoint ?? undefined, { hub: analysedHub, collections }) : [];
      io.stdout.write(formatTextReport(report, options.mode, changes, helper.declarationPath, [...change, ...(change.length > 0 ? [''] : []), ...nextSteps]));
    }
  }

  const failed = report.summary.failed > 0 || helpers.some((settled) => settled.failed);
  return failed || (options.mode === 'check' && report.summary.changed > 0) ? 1 : 0;
}

/**
 * The lines that say how the run changes the connection count, as `--report` would count it
 * before and after: over the files that name a stream or use the hub, so that a run pays no
 * second read of the project (uses of a component or hook by files that name neither are not
 * followed, as `--report` follows them). With one helper per package of a monorepo the count is
 * left to `--report` in each package.
 */
function connectionChangeOf(
  outcomes: readonly ReadOutcome[],
  planned: readonly PlannedFile[],
  options: CodemodOptions,
  helperPaths: readonly string[],
  endpoint: string | undefined,
  analysed: { hub: HubModules; collections: FileCollections },
): string[] {
  if (options.helperImport === null && helperPaths.length > 1) {
    return ['Connections before → after: not counted for a run across several packages; run sse-codemod --report in each.'];
  }
  const hub = hubModules(options.helperImport, options.helperImport === null ? (helperPaths[0] ?? null) : null);
  const needles = hubNeedles(hub);
  const afterOf = new Map(planned.map((file) => [file.candidate, file.result.status === 'changed' ? file.plan.output! : file.candidate.text]));
  const before: ProjectText[] = [];
  const after: ProjectText[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'candidate') {
      const { file, reportPath, text } = outcome.candidate;
      before.push({ file, reportPath, text });
      after.push({ file, reportPath, text: afterOf.get(outcome.candidate) ?? text });
    } else if (outcome.kind === 'no-stream' && outcome.hubText !== null) {
      before.push({ file: outcome.file, reportPath: outcome.reportPath, text: outcome.hubText });
      after.push({ file: outcome.file, reportPath: outcome.reportPath, text: outcome.hubText });
    }
  }
  // What the report analyses: files that name a stream or the hub; the others are searched for uses.
  const split = (texts: ProjectText[]): ProjectState => ({
    analysed: texts.filter((entry) => mentionsStream(entry.text, []) || needles.some((needle) => entry.text.includes(needle))),
    others: texts.filter((entry) => !(mentionsStream(entry.text, []) || needles.some((needle) => entry.text.includes(needle)))),
  });
  // The analyses made before planning hold when they saw the same hub modules.
  const collections = sameHubModules(hub, analysed.hub) ? analysed.collections : new Map();
  return connectionChangeLines(connectionChange(split(before), split(after), hub, endpoint, undefined, collections), options.mode === 'write');
}

/**
 * Writes every changed file atomically, each checked against the bytes read at the start.
 * When the helper module could not be written, files that would import it stay as they are.
 */
async function writePlannedFiles(planned: readonly PlannedFile[], helperFailed: (file: string) => boolean, progress: Progress): Promise<void> {
  const toWrite = planned.filter((file) => file.result.status === 'changed');
  let written = 0;
  await mapWithConcurrency(toWrite, READ_CONCURRENCY, async ({ candidate, plan, result }) => {
    if (hasRewrittenSite(plan) && helperFailed(candidate.file)) {
      markFailed(result, 'not written: the helper module it would import could not be written');
    } else {
      const content = encodeSource(plan.output!, candidate.hasBom);
      const outcome = await writeFileAtomically(candidate.file, content, { kind: 'bytes', bytes: candidate.bytes });
      if (!outcome.ok) markFailed(result, outcome.reason);
    }
    progress.update('writing', (written += 1), toWrite.length);
  });
}

function markFailed(result: FileResult, reason: string): void {
  result.status = 'failed';
  result.reason = reason;
}

function summarize(
  scanned: number,
  candidates: number,
  files: readonly FileResult[],
  helper: HelperReport,
  options: CodemodOptions,
): RunSummary {
  const count = (status: FileResult['status']): number => files.filter((file) => file.status === status).length;
  // Sites count only in files that end up as planned: a failed write rewrote nothing.
  const settled = files.filter((file) => file.status === 'changed' || file.status === 'unchanged');
  const sites = (action: 'rewritten' | 'skipped'): number =>
    settled.reduce((total, file) => total + file.sites.filter((site) => site.action === action).length, 0);
  return {
    scanned,
    candidates,
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    failed: count('failed'),
    sitesRewritten: sites('rewritten'),
    sitesSkipped: sites('skipped'),
    helper,
    helpers: [helper],
    dryRun: options.mode !== 'write',
    testsMockingEventSource: [],
  };
}

interface SettledHelper {
  report: HelperReport;
  /** True when the helper was needed but could not be checked or written. */
  failed: boolean;
  /** The `.d.ts` beside the module, for the human note; null when unknown. */
  declarationPath: string | null;
}

/**
 * Decides (and with `--write`, does) what happens to the helper module. It is written before
 * any source file, so that no file is ever left importing a module that is not there.
 */
async function settleHelper(options: CodemodOptions, helperPath: string | null, needed: boolean, cwd: string): Promise<SettledHelper> {
  if (helperPath === null) return { report: { import: options.helperImport! }, failed: false, declarationPath: null };
  const reportPath = reportPathOf(helperPath, cwd);
  if (!needed) return { report: { path: reportPath, status: 'not-needed' }, failed: false, declarationPath: null };
  let filesToWrite;
  let state;
  try {
    filesToWrite = helperFiles(helperPath);
    state = helperState(helperPath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { report: { path: reportPath, status: 'failed', reason }, failed: true, declarationPath: null };
  }
  const declarationPath = filesToWrite[1] ? reportPathOf(filesToWrite[1].path, cwd) : null;
  if (state === 'current') return { report: { path: reportPath, status: 'current' }, failed: false, declarationPath };
  if (state === 'reformatted') return { report: { path: reportPath, status: 'current-reformatted' }, failed: false, declarationPath };
  if (state === 'different') return { report: { path: reportPath, status: 'kept-different' }, failed: false, declarationPath };
  if (options.mode !== 'write') return { report: { path: reportPath, status: 'would-create' }, failed: false, declarationPath };
  // The module first: if only it gets written, the app still runs.
  // Only what is missing: a run interrupted between the two files left one of ours.
  for (const file of missingHelperFiles(helperPath)) {
    const outcome = await writeFileAtomically(file.path, Buffer.from(file.text, 'utf8'), { kind: 'absent' });
    if (!outcome.ok) {
      const reason = file.path === helperPath ? outcome.reason : `${reportPathOf(file.path, cwd)}: ${outcome.reason}`;
      return { report: { path: reportPath, status: 'failed', reason }, failed: true, declarationPath };
    }
  }
  return { report: { path: reportPath, status: 'created' }, failed: false, declarationPath };
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function readTextIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
