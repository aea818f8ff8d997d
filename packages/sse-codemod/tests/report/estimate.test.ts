/**
 * The worst-case arithmetic: instances × tabs per site, the hub's sharing in each mode, sums
 * per origin against the budget, and the merge candidates.
 */
import { describe, expect, it } from 'vitest';
import type { CollectedSite } from '../../src/report/collect-sites.js';
import { estimate } from '../../src/report/estimate.js';
import { type HubSetup, mergeHubConfiguration } from '../../src/report/hub-configuration.js';
import type { Multiplicity } from '../../src/report/types.js';

interface SiteSpec {
  location: string;
  url: string | null;
  kind: Multiplicity;
  places?: number;
  hub?: boolean;
  origin?: string;
  /** `sse/no-duplicate-stream`'s key; by default the text of a URL without placeholders. */
  sameUrlKey?: string | null;
}

/** A site as collect-sites makes it; the URL's key is its text with `{…}` as `{}`. */
function site({ location, url, kind, places = 1, hub = false, origin = '(same origin)', ...spec }: SiteSpec): CollectedSite {
  const [path, line, column] = location.split(':');
  const template = url !== null && url.includes('{');
  const sameUrlKey = spec.sameUrlKey !== undefined ? spec.sameUrlKey : url !== null && !template ? url : null;
  return {
    location,
    path: path!,
    line: Number(line),
    column: Number(column),
    client: hub ? { module: 'sse-hub', export: 'sharedEventSource' } : { module: null, export: 'EventSource' },
    hub,
    url: {
      kind: url === null ? 'dynamic' : template ? 'template' : 'static',
      text: url,
      origin: url === null ? '(unknown)' : origin,
      key: url === null ? null : url.replace(/\{[^}]*\}/g, '{}'),
    },
    sameUrlKey,
    multiplicity: { kind, places, reason: kind },
    flaggedBy: [],
  };
}

const DEDUPE: HubSetup = mergeHubConfiguration([]);

function connections(sites: CollectedSite[], assumptions = { budget: 6, reserve: 1, items: 10, tabs: 1 }, hub = DEDUPE): Record<string, number> {
  return Object.fromEntries(estimate(sites, hub, assumptions).sites.map((entry) => [entry.location, entry.connections]));
}

describe('estimate', () => {
  const mixed = [
    site({ location: 'a.ts:1:1', url: '/feed', kind: 'once' }),
    site({ location: 'b.tsx:2:1', url: '/badge', kind: 'per-instance', places: 3 }),
    site({ location: 'c.tsx:3:1', url: '/rows/{id}', kind: 'per-item' }),
    site({ location: 'd.ts:4:1', url: 'https://prices.example.com/{s}', kind: 'per-key', origin: 'https://prices.example.com' }),
    site({ location: 'e.js:5:1', url: null, kind: 'per-call' }),
  ];

  it('counts once and per-call sites 1, instances by their places, items and keys by --items', () => {
    expect(connections(mixed)).toEqual({ 'a.ts:1:1': 1, 'b.tsx:2:1': 3, 'c.tsx:3:1': 10, 'd.ts:4:1': 10, 'e.js:5:1': 1 });
    expect(connections(mixed, { budget: 6, reserve: 1, items: 4, tabs: 1 })).toEqual({ 'a.ts:1:1': 1, 'b.tsx:2:1': 3, 'c.tsx:3:1': 4, 'd.ts:4:1': 4, 'e.js:5:1': 1 });
  });

  it('multiplies every connection the page opens itself by --tabs', () => {
    expect(connections(mixed, { budget: 6, reserve: 1, items: 4, tabs: 3 })).toEqual({ 'a.ts:1:1': 3, 'b.tsx:2:1': 9, 'c.tsx:3:1': 12, 'd.ts:4:1': 12, 'e.js:5:1': 3 });
  });

  it('sums per origin, relative first and unknown last, and says by how much each is over', () => {
    expect(estimate(mixed, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).origins).toEqual([
      { origin: '(same origin)', connections: 14, budget: 6, available: 5, over: 9, sites: ['a.ts:1:1', 'b.tsx:2:1', 'c.tsx:3:1'] },
      { origin: 'https://prices.example.com', connections: 10, budget: 6, available: 5, over: 5, sites: ['d.ts:4:1'] },
      { origin: '(unknown)', connections: 1, budget: 6, available: 5, over: 0, sites: ['e.js:5:1'] },
    ]);
  });

  // Issue 13: "6 of 6: within budget" was the report's verdict on a page where no fetch() could start.
  it('is over budget at exactly 6, since the reserve keeps one connection for requests', () => {
    const six = [site({ location: 'a.ts:1:1', url: '/a', kind: 'per-instance', places: 6 })];
    expect(estimate(six, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).origins[0]).toMatchObject({ connections: 6, available: 5, over: 1 });
    const five = [site({ location: 'a.ts:1:1', url: '/a', kind: 'per-instance', places: 5 })];
    expect(estimate(five, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).origins[0]).toMatchObject({ connections: 5, available: 5, over: 0 });
  });

  it('lets the streams take all 6 with --reserve 0, and fewer with a larger reserve', () => {
    const six = [site({ location: 'a.ts:1:1', url: '/a', kind: 'per-instance', places: 6 })];
    expect(estimate(six, DEDUPE, { budget: 6, reserve: 0, items: 10, tabs: 1 }).origins[0]).toMatchObject({ available: 6, over: 0 });
    expect(estimate(six, DEDUPE, { budget: 6, reserve: 3, items: 10, tabs: 1 }).origins[0]).toMatchObject({ available: 3, over: 3 });
  });

  describe('hub sites', () => {
    const hubSites = [
      site({ location: 'a.tsx:1:1', url: '/activity', kind: 'per-instance', places: 2, hub: true }),
      site({ location: 'b.tsx:1:1', url: '/activity', kind: 'per-item', hub: true }),
      site({ location: 'c.tsx:1:1', url: '/rows/{id}', kind: 'per-item', hub: true }),
      site({ location: 'd.tsx:1:1', url: 'https://other.example.com/feed', kind: 'once', hub: true, origin: 'https://other.example.com' }),
    ];

    it('in dedupe mode, share one connection per known URL, and count a template per instance', () => {
      const result = estimate(hubSites, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 2 });
      expect(result.sites.map((entry) => [entry.location, entry.connections, entry.sharing])).toEqual([
        ['a.tsx:1:1', 2, "the hub's connection for this URL"],
        ['b.tsx:1:1', 0, "shares the hub's connection for this URL, counted at a.tsx:1:1"],
        ['c.tsx:1:1', 20, 'hub in dedupe mode: one connection per distinct URL'],
        ['d.tsx:1:1', 2, "the hub's connection for this URL"],
      ]);
    });

    it('in multiplex mode, put every topic of the endpoint\'s origin on one connection, and dedupe the rest', () => {
      const multiplex = mergeHubConfiguration([{ location: 'main.ts:1:1', endpoint: '/__sse_hub' }]);
      const result = estimate(hubSites, multiplex, { budget: 6, reserve: 1, items: 10, tabs: 2 });
      expect(result.sites.map((entry) => [entry.location, entry.connections])).toEqual([
        ['a.tsx:1:1', 2],
        ['b.tsx:1:1', 0],
        ['c.tsx:1:1', 0],
        ['d.tsx:1:1', 2],
      ]);
      expect(result.sites[2]!.sharing).toBe("shares the hub's multiplexed connection, counted at a.tsx:1:1");
    });

    it('with cross-tab sharing, hold the hub\'s connections once for all tabs, but not the page\'s own', () => {
      const crossTab = mergeHubConfiguration([{ location: 'main.ts:1:1', endpoint: '/__sse_hub', crossTab: true }]);
      const sites = [...hubSites, site({ location: 'e.ts:1:1', url: '/feed', kind: 'once' })];
      expect(connections(sites, { budget: 6, reserve: 1, items: 10, tabs: 5 }, crossTab)).toEqual({
        'a.tsx:1:1': 1,
        'b.tsx:1:1': 0,
        'c.tsx:1:1': 0,
        'd.tsx:1:1': 1,
        'e.ts:1:1': 5,
      });
    });
  });

  describe('merge candidates', () => {
    it('lists sites that open the same URL, and one site whose instances all open one URL', () => {
      const sites = [
        site({ location: 'a.ts:1:1', url: '/notifications', kind: 'once' }),
        site({ location: 'b.tsx:1:1', url: '/notifications', kind: 'per-instance', places: 2 }),
        site({ location: 'c.tsx:1:1', url: '/rows/{id}', kind: 'per-item' }),
        site({ location: 'd.tsx:1:1', url: '/rows/{row.id}', kind: 'per-instance' }),
        site({ location: 'e.tsx:1:1', url: '/status', kind: 'per-item' }),
        site({ location: 'f.ts:1:1', url: '/alone', kind: 'once' }),
        site({ location: 'g.ts:1:1', url: null, kind: 'once' }),
        site({ location: 'h.ts:1:1', url: null, kind: 'once' }),
      ];
      expect(estimate(sites, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).mergeCandidates).toEqual([
        { url: '/rows/{id}', exact: false, sites: ['c.tsx:1:1', 'd.tsx:1:1'], connections: 11 },
        { url: '/status', exact: true, sites: ['e.tsx:1:1'], connections: 10 },
        { url: '/notifications', exact: true, sites: ['a.ts:1:1', 'b.tsx:1:1'], connections: 3 },
      ]);
    });

    it('groups by the key sse/no-duplicate-stream gives: a URL from an environment variable is the same on every run', () => {
      const API = '{import.meta.env.VITE_API}/events';
      const sites = [
        site({ location: 'a.tsx:1:1', url: API, kind: 'once', sameUrlKey: API }),
        site({ location: 'b.tsx:1:1', url: API, kind: 'once', sameUrlKey: API }),
        // The same shape with a value of each run: grouped apart, as a template.
        site({ location: 'c.tsx:1:1', url: '{base}/events', kind: 'once' }),
        site({ location: 'd.tsx:1:1', url: '{base}/events', kind: 'once' }),
      ];
      expect(estimate(sites, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).mergeCandidates).toEqual([
        { url: '{base}/events', exact: false, sites: ['c.tsx:1:1', 'd.tsx:1:1'], connections: 2 },
        { url: API, exact: true, sites: ['a.tsx:1:1', 'b.tsx:1:1'], connections: 2 },
      ]);
    });

    it('leaves out URLs that only the hub opens: they share already', () => {
      const sites = [
        site({ location: 'a.tsx:1:1', url: '/activity', kind: 'per-instance', places: 2, hub: true }),
        site({ location: 'b.tsx:1:1', url: '/activity', kind: 'once', hub: true }),
        site({ location: 'c.tsx:1:1', url: '/feed', kind: 'once', hub: true }),
        site({ location: 'd.tsx:1:1', url: '/feed', kind: 'once' }),
      ];
      expect(estimate(sites, DEDUPE, { budget: 6, reserve: 1, items: 10, tabs: 1 }).mergeCandidates).toEqual([
        { url: '/feed', exact: true, sites: ['c.tsx:1:1', 'd.tsx:1:1'], connections: 2 },
      ]);
    });
  });
});
