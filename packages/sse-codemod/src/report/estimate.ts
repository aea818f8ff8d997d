/**
 * The worst case the report estimates: how many connections each site can hold at once, summed
 * per origin against the budget, and which sites open the same URL.
 *
 * The model (docs/report.md says it to users):
 * - a site's instances: `once` and `per-call` count 1; `per-instance` counts the places that
 *   render the component or call the hook, in its file and in the files that import it, a
 *   place inside a loop or iteration callback counting `items` (1 when none); `per-item` and
 *   `per-key` count the assumed `items`;
 * - every connection a page opens itself is per tab: instances × `tabs`;
 * - the hub's sites follow its setup: in multiplex mode the sites on the endpoint's origin
 *   share one connection; otherwise (dedupe) one per distinct URL, so sites with the same
 *   fully known URL share one, and a template counts its instances; with cross-tab sharing
 *   the hub's connections are held once for all tabs.
 */
import { mergeRuleFor } from '../topic-urls.js';
import type { CollectedSite } from './collect-sites.js';
import type { HubSetup } from './hub-configuration.js';
import {
  type MergeCandidate,
  type OriginEstimate,
  type ReportAssumptions,
  type ReportSite,
  SAME_ORIGIN,
  UNKNOWN_ORIGIN,
} from './types.js';

export interface Estimate {
  sites: ReportSite[];
  origins: OriginEstimate[];
  mergeCandidates: MergeCandidate[];
}

function instanceCount(site: CollectedSite, assumptions: ReportAssumptions): number {
  switch (site.multiplicity.kind) {
    case 'per-item':
    case 'per-key':
      return assumptions.items;
    case 'per-instance':
      return Math.max(1, site.multiplicity.places + (site.multiplicity.perItemPlaces ?? 0) * assumptions.items);
    default:
      return 1;
  }
}

function tabsFor(site: CollectedSite, hub: HubSetup, assumptions: ReportAssumptions): number {
  return site.hub && hub.crossTab ? 1 : assumptions.tabs;
}

/** `(same origin)` first, then origins by name, `(unknown)` last. */
function originOrder(origin: string): string {
  if (origin === SAME_ORIGIN) return '0';
  if (origin === UNKNOWN_ORIGIN) return '2';
  return `1${origin}`;
}

/** Gives each site its connections: a hub connection is counted at the first site that uses it, the others at 0. */
function siteConnections(sites: readonly CollectedSite[], hub: HubSetup, assumptions: ReportAssumptions): ReportSite[] {
  const holders = new Map<string, string>();
  const crossTab = hub.crossTab ? ', held once for all tabs' : '';
  return sites.map((site): ReportSite => {
    const count = instanceCount(site, assumptions);
    const tabs = tabsFor(site, hub, assumptions);
    let connections = count * tabs;
    let sharing: string | null = null;
    if (site.hub) {
      // The hub checks its merge rules first, in either mode (`resolveTarget` in sse-hub).
      const merged = mergeRuleFor(hub.mergeTopics ?? [], site.url.key);
      const multiplexed = !merged && hub.mode === 'multiplex' && site.url.origin !== UNKNOWN_ORIGIN && site.url.origin === hub.endpointOrigin;
      const sharedKey = merged
        ? `merged ${merged.url} ${merged.param}`
        : multiplexed
          ? `multiplex ${site.url.origin}`
          : site.url.kind === 'static'
            ? `dedupe ${site.url.key}`
            : null;
      if (sharedKey === null) {
        sharing = `hub in dedupe mode: one connection per distinct URL${crossTab}`;
      } else {
        const holder = holders.get(sharedKey);
        connections = holder === undefined ? tabs : 0;
        if (holder === undefined) holders.set(sharedKey, site.location);
        const what = merged ? `the hub's merged connection for ${merged.url}'s topics` : multiplexed ? "the hub's multiplexed connection" : "the hub's connection for this URL";
        sharing = holder === undefined ? `${what}${crossTab}` : `shares ${what}, counted at ${holder}`;
      }
    }
    const { location, path, line, column, client, flaggedBy } = site;
    return {
      location,
      path,
      line,
      column,
      client,
      hub: site.hub,
      url: { kind: site.url.kind, text: site.url.text, origin: site.url.origin },
      instances: { kind: site.multiplicity.kind, count, reason: site.multiplicity.reason },
      connections,
      sharing,
      flaggedBy,
    };
  });
}

function originEstimates(sites: readonly ReportSite[], { budget, reserve }: ReportAssumptions): OriginEstimate[] {
  const available = Math.max(0, budget - reserve);
  const byOrigin = new Map<string, ReportSite[]>();
  for (const site of sites) byOrigin.set(site.url.origin, [...(byOrigin.get(site.url.origin) ?? []), site]);
  return [...byOrigin.entries()]
    .sort(([a], [b]) => (originOrder(a) < originOrder(b) ? -1 : originOrder(a) > originOrder(b) ? 1 : 0))
    .map(([origin, members]) => {
      const connections = members.reduce((total, site) => total + site.connections, 0);
      return { origin, connections, budget, available, over: Math.max(0, connections - available), sites: members.map((site) => site.location) };
    });
}

/**
 * Sites that open the same URL, or one site whose instances all open one URL, as long as one of
 * them opens its own connections: the hub's dedupe mode would give each URL one connection.
 * "The same URL" is `sse/no-duplicate-stream`'s answer (`sameUrlKey`), so that the report and the
 * rule name the same openings; a template whose values come at run time (`/rows/${id}`) is
 * grouped by its shape and marked inexact: its sites share only when the values match.
 */
function mergeCandidates(collected: readonly CollectedSite[], sites: readonly ReportSite[]): MergeCandidate[] {
  const byKey = new Map<string, number[]>();
  collected.forEach((site, index) => {
    const key = site.sameUrlKey !== null ? `same:${site.sameUrlKey}` : site.url.key !== null ? `shape:${site.url.key}` : null;
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const candidates: MergeCandidate[] = [];
  for (const indexes of byKey.values()) {
    const members = indexes.map((index) => sites[index]!);
    const own = members.filter((site) => !site.hub);
    const exact = collected[indexes[0]!]!.sameUrlKey !== null;
    const repeated = members.length > 1 || (exact && members[0]!.instances.count > 1);
    if (own.length === 0 || !repeated) continue;
    candidates.push({
      url: members[0]!.url.text!,
      exact,
      sites: members.map((site) => site.location),
      connections: members.reduce((total, site) => total + site.connections, 0),
    });
  }
  return candidates.sort((a, b) => b.connections - a.connections || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** `sites` must be in report order (path, line, column): the first site of a shared connection carries its count. */
export function estimate(sites: readonly CollectedSite[], hub: HubSetup, assumptions: ReportAssumptions): Estimate {
  const reportSites = siteConnections(sites, hub, assumptions);
  return {
    sites: reportSites,
    origins: originEstimates(reportSites, assumptions),
    mergeCandidates: mergeCandidates(sites, reportSites),
  };
}
