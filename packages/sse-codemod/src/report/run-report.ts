/**
 * One run of `sse-codemod --report`, from the parsed options to the exit code: find the files
 * as the codemod does, read them, analyse those that mention a stream or the hub, estimate,
 * print. It reads and never writes, so it runs on any work tree, clean or not.
 *
 * Exit codes, as the codemod's: 0 done; 1 a file failed, or `--check` and an origin is over
 * budget; 2 usage error (thrown as `UsageError` for the caller to print).
 */
import { mentionsStream } from 'eslint-plugin-sse/detection';
import type { ReportOptions } from '../cli-arguments.js';
import { PackageManifests, buildOutputReason } from '../build-outputs.js';
import { discoverFiles } from '../discover-files.js';
import { createProgress } from '../format-output.js';
import { readSource } from '../read-source.js';
import type { RunIo } from '../run-codemod.js';
import { READ_CONCURRENCY, isHelperFile, mapWithConcurrency, reportPathOf, resolveHelperPath } from '../run-support.js';
import { type CollectedSite, type FileCollection, collectFileSites } from './collect-sites.js';
import { type CrossFileUses, type UnitToFind, crossFileUses, unitKey } from './cross-file-uses.js';
import { type Estimate, estimate } from './estimate.js';
import { formatJsonBudgetReport, formatTextBudgetReport } from './format-report.js';
import { type HubConfigurationCall, type HubSetup, mergeHubConfiguration } from './hub-configuration.js';
import { type HubModules, hubModules, hubNeedles } from './hub-modules.js';
import { type Classification, type ExportedUnit } from './multiplicity.js';
import { type BudgetReport, CONNECTION_BUDGET, type ReportAssumptions, type ReportFileIssue } from './types.js';

type ReadOutcome =
  | { kind: 'text'; file: string; reportPath: string; text: string }
  | { kind: 'skipped' | 'failed'; issue: ReportFileIssue }
  /** Kept: it may render a component or call a hook that another file exports (`cross-file-uses.ts`). */
  | { kind: 'no-stream'; file: string; reportPath: string; text: string };

function mentionsStreamOrHub(text: string, needles: readonly string[]): boolean {
  return mentionsStream(text, []) || needles.some((needle) => text.includes(needle));
}

/** Builds the report of the files under `options.paths`; throws `UsageError` for paths it cannot use. */
export async function buildBudgetReport(options: ReportOptions, cwd: string, onProgress = (_phase: string, _done: number, _total: number): void => undefined): Promise<BudgetReport> {
  const helperPath = resolveHelperPath(options, cwd);
  const hub: HubModules = hubModules(options.helperImport, helperPath);
  // The hub module is the hub's own code, not the app's sites.
  const files = (await discoverFiles({ paths: options.paths, cwd, project: options.project })).filter((file) => helperPath === null || !isHelperFile(file, helperPath));
  const needles = hubNeedles(hub);

  let readCount = 0;
  const packages = new PackageManifests();
  const outcomes = await mapWithConcurrency(files, READ_CONCURRENCY, async (file): Promise<ReadOutcome> => {
    const read = await readSource(file);
    onProgress('reading', (readCount += 1), files.length);
    const reportPath = reportPathOf(file, cwd);
    if (read.kind !== 'text') return { kind: read.kind, issue: { path: reportPath, reason: read.reason } };
    if (!mentionsStreamOrHub(read.text, needles)) return { kind: 'no-stream', file, reportPath, text: read.text };
    // A build output opens the streams its source opens: counting both would double them.
    const buildOutput = buildOutputReason(file, read.text, packages);
    if (buildOutput) return { kind: 'skipped', issue: { path: reportPath, reason: buildOutput } };
    return { kind: 'text', file, reportPath, text: read.text };
  });

  const candidates = outcomes.flatMap((outcome) => (outcome.kind === 'text' ? [outcome] : []));
  const others = outcomes.flatMap((outcome) => (outcome.kind === 'no-stream' ? [outcome] : []));
  const assumptions = { budget: CONNECTION_BUDGET, reserve: options.reserve, items: options.items, tabs: options.tabs };
  const project = estimateProject(
    collectProjectSites({ analysed: candidates, others }, hub, (done) => onProgress('analysing', done, candidates.length)),
    assumptions,
  );
  const { endpointOrigin: _endpointOrigin, ...hubReport } = project.hubSetup;
  const failed = [...outcomes.flatMap((outcome) => (outcome.kind === 'failed' ? [outcome.issue] : [])), ...project.failed];
  return {
    assumptions,
    hub: hubReport,
    sites: project.sites,
    origins: project.origins,
    mergeCandidates: project.mergeCandidates,
    files: {
      scanned: files.length,
      analysed: candidates.length,
      failed: failed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      skipped: outcomes.flatMap((outcome) => (outcome.kind === 'skipped' ? [outcome.issue] : [])),
    },
  };
}

/** A file already read, as the report names it. */
export interface ProjectText {
  file: string;
  reportPath: string;
  text: string;
}

/** The sites of files already read, with the `configureHub()` calls found among them. */
export interface ProjectSites {
  sites: CollectedSite[];
  hubCalls: HubConfigurationCall[];
  /** Files that could not be parsed: their sites are missing. */
  failed: ReportFileIssue[];
}

/**
 * What each file's analysis found, by file, with the text it was found in: a second collection
 * over the same project (the codemod's count after its rewrite) parses again only the files
 * whose text changed. Valid for one `HubModules`: the hub decides which openings are its own.
 */
export type FileCollections = Map<string, { text: string; collection: FileCollection }>;

/**
 * The sites of files already read: `analysed` (those that mention a stream or the hub) are
 * parsed for their sites, `others` only searched for uses of the components and hooks that
 * open streams. With `collections`, a file analysed before with the same text is not parsed again.
 */
export function collectProjectSites(
  { analysed, others }: { analysed: readonly ProjectText[]; others: readonly ProjectText[] },
  hub: HubModules,
  onAnalysed = (_done: number): void => undefined,
  collections?: FileCollections,
): ProjectSites {
  const fileOfSite = new Map<CollectedSite, string>();
  const sites: CollectedSite[] = [];
  const hubCalls: HubConfigurationCall[] = [];
  const failed: ReportFileIssue[] = [];
  analysed.forEach((candidate, index) => {
    const known = collections?.get(candidate.file);
    const collection =
      known && known.text === candidate.text ? known.collection : collectFileSites({ file: candidate.file, reportPath: candidate.reportPath, text: candidate.text }, hub);
    collections?.set(candidate.file, { text: candidate.text, collection });
    onAnalysed(index + 1);
    if (!collection.ok) {
      failed.push({ path: candidate.reportPath, reason: collection.error });
      return;
    }
    // Copies: the uses found in other files below are this project's, not the collection's.
    const own = collection.sites.map((site) => ({ ...site }));
    for (const site of own) fileOfSite.set(site, candidate.file);
    sites.push(...own);
    hubCalls.push(...collection.hubCalls);
  });

  // Components and hooks that open streams and are used in other files: count those uses too.
  const units = sites.flatMap((site): UnitToFind[] => {
    const exported = site.multiplicity.exported;
    return exported ? [{ ...exported, file: fileOfSite.get(site)! }] : [];
  });
  // In path order, as files are found, so that each unit lists the files that use it in that order.
  const projectFiles = [...analysed, ...others].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const uses = crossFileUses(units, projectFiles);
  for (const site of sites) {
    const exported = site.multiplicity.exported;
    const elsewhere = exported && uses.get(unitKey({ file: fileOfSite.get(site)!, exportedAs: exported.exportedAs }));
    if (exported && elsewhere) site.multiplicity = withUsesElsewhere(site.multiplicity, exported, elsewhere);
  }
  return { sites, hubCalls, failed };
}

export interface ProjectEstimate extends Estimate {
  hubSetup: HubSetup;
  failed: ReportFileIssue[];
}

/** The estimate of collected sites, under the hub setup that `hubSetupOf` makes of the `configureHub()` calls found. */
export function estimateProject(
  { sites, hubCalls, failed }: ProjectSites,
  assumptions: ReportAssumptions,
  hubSetupOf: (calls: readonly HubConfigurationCall[]) => HubSetup = mergeHubConfiguration,
): ProjectEstimate {
  const hubSetup = hubSetupOf(hubCalls);
  return { ...estimate(sites, hubSetup, assumptions), hubSetup, failed };
}

/** The classification of a site whose component or hook other files use as well. */
function withUsesElsewhere(classification: Classification, exported: ExportedUnit, elsewhere: CrossFileUses): Classification {
  const verb = exported.kind === 'hook' ? 'called' : 'rendered';
  const parts = [
    exported.localPlaces > 0 ? `${exported.localPlaces} in this file` : null,
    elsewhere.places > 0 ? `${elsewhere.places} elsewhere` : null,
    elsewhere.perItem > 0 ? `${elsewhere.perItem} per item elsewhere` : null,
  ].filter((part) => part !== null);
  return {
    ...classification,
    reason: `${exported.label}, ${verb} in ${parts.join(', ')} (${elsewhere.files.join(', ')})`,
    places: exported.localPlaces + elsewhere.places,
    perItemPlaces: elsewhere.perItem,
  };
}

/** Runs the report and returns the exit code. */
export async function runReport(options: ReportOptions, io: RunIo): Promise<number> {
  const progress = createProgress(io.stderr, !options.silent && !options.json && io.stderr.isTTY === true);
  const report = await buildBudgetReport(options, io.cwd, (phase, done, total) => progress.update(phase, done, total));
  progress.clear();
  if (!options.silent) io.stdout.write(options.json ? formatJsonBudgetReport(report) : formatTextBudgetReport(report, options.check));
  const overBudget = report.origins.some((origin) => origin.over > 0);
  return report.files.failed.length > 0 || (options.check && overBudget) ? 1 : 0;
}
