/**
 * What a rewrite does to the connection count, as `--report` counts it: the estimate of the
 * project before the run and after it (the rewritten files' new text, every other file as it
 * is), per site whose count changes and per origin. The trial behind issue 13 showed why it
 * must be printed: a run said "2 sites rewritten" where dedupe mode could not lower the count,
 * and nothing told the user what the rewrite had bought.
 *
 * After the run the app has not called `configureHub` yet, so the hub is in dedupe mode (unless
 * the app already configures it); the origins also say what the first next step, the
 * multiplexer endpoint, would bring.
 */
import { DEFAULT_HUB_ENDPOINT } from 'sse-hub';
import { type HubConfigurationCall, mergeHubConfiguration } from './report/hub-configuration.js';
import type { HubModules } from './report/hub-modules.js';
import { type FileCollections, type ProjectText, collectProjectSites, estimateProject } from './report/run-report.js';
import { CONNECTION_BUDGET, type ReportAssumptions, type ReportSite } from './report/types.js';
import { DEFAULT_REPORT_ITEMS, DEFAULT_REPORT_RESERVE, DEFAULT_REPORT_TABS } from './cli-arguments.js';

/** The report's defaults: the codemod has no `--items`, `--tabs` or `--reserve`. */
export const CHANGE_ASSUMPTIONS: ReportAssumptions = {
  budget: CONNECTION_BUDGET,
  reserve: DEFAULT_REPORT_RESERVE,
  items: DEFAULT_REPORT_ITEMS,
  tabs: DEFAULT_REPORT_TABS,
};

export interface SiteChange {
  /** `path:line` in the file as the run leaves it. */
  location: string;
  before: number;
  after: number;
  /** How the hub shares its connection after the run, as the report says it; null for none. */
  sharing: string | null;
}

export interface OriginChange {
  origin: string;
  before: number;
  after: number;
  /** With the multiplexer endpoint configured; null when the app already sets up the hub. */
  withEndpoint: number | null;
  /** The connections left for streams on this origin. */
  available: number;
}

export interface ConnectionChange {
  sites: SiteChange[];
  origins: OriginChange[];
  /** Whether the site counts assume the multiplexer endpoint configured (the run rewrote for it). */
  sitesAssumeEndpoint: boolean;
  /** The hub mode the "after" counts assume. */
  afterMode: 'dedupe' | 'multiplex';
  assumptions: ReportAssumptions;
}

export interface ProjectState {
  analysed: readonly ProjectText[];
  others: readonly ProjectText[];
}

function sitesByPath(sites: readonly ReportSite[]): Map<string, ReportSite[]> {
  const byPath = new Map<string, ReportSite[]>();
  for (const site of sites) byPath.set(site.path, [...(byPath.get(site.path) ?? []), site]);
  return byPath;
}

/**
 * The sites whose count changes. A rewrite replaces an opening in place and adds no other, so
 * the sites of a file pair up in order; a file whose number of sites differs is left out.
 */
function siteChanges(before: readonly ReportSite[], after: readonly ReportSite[]): SiteChange[] {
  const afterByPath = sitesByPath(after);
  const changes: SiteChange[] = [];
  for (const [file, sites] of sitesByPath(before)) {
    const rewritten = afterByPath.get(file);
    if (!rewritten || rewritten.length !== sites.length) continue;
    sites.forEach((site, index) => {
      const next = rewritten[index]!;
      if (next.connections !== site.connections) changes.push({ location: `${next.path}:${next.line}`, before: site.connections, after: next.connections, sharing: next.sharing });
    });
  }
  return changes;
}

/**
 * The estimate before and after a run. `endpoint` is the multiplexer the run rewrote for (the
 * next steps tell the app to configure it); the site counts then assume it is configured, since
 * that is what the rewrite is for. Without one, they are those of dedupe mode.
 */
export function connectionChange(
  before: ProjectState,
  after: ProjectState,
  hub: HubModules,
  endpoint: string | undefined,
  assumptions: ReportAssumptions = CHANGE_ASSUMPTIONS,
  // The files the run left as they were are parsed once, for both counts (and not again when the run analysed them already).
  collections: FileCollections = new Map(),
): ConnectionChange {
  const was = estimateProject(collectProjectSites(before, hub, undefined, collections), assumptions);
  const afterSites = collectProjectSites(after, hub, undefined, collections);
  const now = estimateProject(afterSites, assumptions);
  const configured = now.hubSetup.configuredAt.length > 0;
  const nextStep: HubConfigurationCall = { location: '(configureHub, next step 1)', endpoint: endpoint ?? DEFAULT_HUB_ENDPOINT };
  const withEndpoint = configured ? null : estimateProject(afterSites, assumptions, (calls) => mergeHubConfiguration([...calls, nextStep]));
  const origins = [...new Set([...was.origins, ...now.origins].map((origin) => origin.origin))];
  const total = (estimate: { origins: { origin: string; connections: number }[] } | null, origin: string) =>
    estimate?.origins.find((entry) => entry.origin === origin)?.connections ?? 0;
  const sitesAfter = endpoint !== undefined && withEndpoint ? withEndpoint : now;
  return {
    sites: siteChanges(was.sites, sitesAfter.sites),
    sitesAssumeEndpoint: sitesAfter === withEndpoint,
    origins: origins.map((origin) => ({
      origin,
      before: total(was, origin),
      after: total(now, origin),
      withEndpoint: withEndpoint ? total(withEndpoint, origin) : null,
      available: Math.max(0, assumptions.budget - assumptions.reserve),
    })),
    afterMode: now.hubSetup.mode,
    assumptions,
  };
}

function budgetWords(connections: number, available: number): string {
  return connections > available ? `over the ${available} left for streams by ${connections - available}` : `within the ${available} left for streams`;
}

/** The lines a run prints: one per site whose count changes, then one per origin. */
export function connectionChangeLines(change: ConnectionChange, written: boolean): string[] {
  const { items, tabs } = change.assumptions;
  const moved = change.origins.filter((origin) => origin.before !== origin.after || (origin.withEndpoint !== null && origin.withEndpoint !== origin.after));
  if (change.sites.length === 0 && moved.length === 0) return [];
  const lines = [
    `Connections, worst case as --report counts them (${items} items per list, ${tabs} tab${tabs === 1 ? '' : 's'}), before → after${written ? '' : ' --write'}:`,
  ];
  const once = change.sitesAssumeEndpoint ? ', once configureHub sets the endpoint' : '';
  for (const site of change.sites) {
    // "shares the hub's multiplexed connection, counted at …": why a rewritten site counts 0.
    const sharing = site.after === 0 && site.sharing?.startsWith('shares') ? ` (${site.sharing})` : '';
    lines.push(`  ${site.location}: ${site.before} → ${site.after}${once}${sharing}`);
  }
  for (const origin of change.origins) {
    const now = `${origin.before} → ${origin.after} in ${change.afterMode} mode, ${budgetWords(origin.after, origin.available)}`;
    const then =
      origin.withEndpoint === null ? '' : `; ${origin.withEndpoint} once configureHub sets the endpoint (next step 1), ${budgetWords(origin.withEndpoint, origin.available)}`;
    lines.push(`  ${origin.origin}: ${now}${then}`);
  }
  return lines;
}
