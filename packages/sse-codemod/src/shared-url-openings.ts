/**
 * Whole fixes (issue 13): every opening of a URL that several files of a package open, whether
 * or not a rule flags it. One file at a time, `sse/no-duplicate-stream` sees two consumers of a
 * URL in one file only; the trial behind the issue converted three hooks (which the per-item rule
 * flags) and left three components opening the same URL, and the page still held its streams.
 *
 * The openings are the report's merge candidates (`--report` lists them as "Same URL, several
 * connections"), found over the candidate files of each package: two packages are two apps,
 * and each has its own hub.
 */
import { isTestFile } from 'eslint-plugin-sse/detection';
import { CHANGE_ASSUMPTIONS } from './connection-change.js';
import type { HubModules } from './report/hub-modules.js';
import { type FileCollections, type ProjectText, collectProjectSites, estimateProject } from './report/run-report.js';
import type { SourcePosition } from './types.js';

/**
 * The openings to convert in each file (by its path on disk): those of a fully known URL that
 * sites in at least two files of one package open with their own connections. A URL with a
 * placeholder (`/tasks/${id}`) is left out: its openings share only when the values match.
 * Test files are left out too: a test opens its own stream on purpose. `collections` keeps each
 * file's analysis for the run's count of connections before and after.
 */
export function sharedUrlOpenings(
  files: readonly ProjectText[],
  packageOf: (file: string) => string,
  hub: HubModules,
  collections?: FileCollections,
): Map<string, SourcePosition[]> {
  const byPackage = new Map<string, ProjectText[]>();
  for (const entry of files) {
    if (isTestFile(entry.file)) continue;
    const key = packageOf(entry.file);
    byPackage.set(key, [...(byPackage.get(key) ?? []), entry]);
  }
  const openings = new Map<string, SourcePosition[]>();
  for (const group of byPackage.values()) {
    if (group.length < 2) continue;
    const fileOf = new Map(group.map((entry) => [entry.reportPath, entry.file]));
    const estimate = estimateProject(collectProjectSites({ analysed: group, others: [] }, hub, undefined, collections), CHANGE_ASSUMPTIONS);
    const siteAt = new Map(estimate.sites.map((site) => [site.location, site]));
    for (const candidate of estimate.mergeCandidates) {
      if (!candidate.exact) continue;
      const own = candidate.sites.map((location) => siteAt.get(location)!).filter((site) => !site.hub);
      if (new Set(candidate.sites.map((location) => siteAt.get(location)!.path)).size < 2) continue;
      for (const site of own) {
        const file = fileOf.get(site.path)!;
        openings.set(file, [...(openings.get(file) ?? []), { line: site.line, column: site.column }]);
      }
    }
  }
  return openings;
}
