/**
 * The shared hub in the project under report: which imports name it, its openers as stream
 * sites, and its setup read from `configureHub()` calls.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFileSites } from '../../src/report/collect-sites.js';
import { mergeHubConfiguration } from '../../src/report/hub-configuration.js';
import { type HubModules, hubModules, hubNeedles, hubSpecifiersIn } from '../../src/report/hub-modules.js';

const PROJECT = path.resolve('/project');
const HELPER = path.join(PROJECT, 'src/sse-hub.js');

function collect(text: string, hub: HubModules, file = 'src/components/Feed.tsx') {
  const collection = collectFileSites({ file: path.join(PROJECT, file), reportPath: file, text }, hub);
  if (!collection.ok) throw new Error(collection.error);
  return collection;
}

describe('hub modules', () => {
  it('finds the specifiers that name the package, --helper-import or the helper file', () => {
    const hub = hubModules('@acme/live', HELPER);
    const text = [
      "import { sharedEventSource } from '../sse-hub.js';",
      "import { subscribe } from 'sse-hub';",
      "import { configureHub } from '@acme/live';",
      "const lazy = await import('../sse-hub');",
      "import { other } from './sse-hub.js';", // src/components/sse-hub.js: another module
      "import { live } from '@acme/live-extra';",
    ].join('\n');
    expect(hubSpecifiersIn(text, path.join(PROJECT, 'src/components/Feed.tsx'), hub)).toEqual([
      '../sse-hub',
      '../sse-hub.js',
      '@acme/live',
      'sse-hub',
    ]);
    expect(hubNeedles(hub)).toEqual(['sse-hub', '@acme/live', 'sse-hub']);
  });

  it('counts sharedEventSource and subscribe from the hub as hub sites, and nothing else of it', () => {
    const text = [
      "import { sharedEventSource, subscribe, configureHub } from '../sse-hub.js';",
      "configureHub({ crossTab: true });",
      "export const feed = sharedEventSource('/feed');",
      "export const stop = subscribe('/alerts', { message: console.log });",
      "export const own = new EventSource('/own');",
    ].join('\n');
    const sites = collect(text, hubModules(null, HELPER)).sites;
    expect(sites.map((site) => [site.location, site.hub, site.client.export, site.url.text])).toEqual([
      ['src/components/Feed.tsx:3:21', true, 'sharedEventSource', '/feed'],
      ['src/components/Feed.tsx:4:21', true, 'subscribe', '/alerts'],
      ['src/components/Feed.tsx:5:20', false, 'EventSource', '/own'],
    ]);
    // Without the helper's path, its import is an ordinary module: `sharedEventSource` opens nothing the report knows.
    expect(collect(text, hubModules(null, null)).sites.map((site) => site.location)).toEqual(['src/components/Feed.tsx:5:20']);
  });

  it('lets the rules flag the hub\'s sites like any stream', () => {
    const text = ["import { sharedEventSource } from 'sse-hub';", 'for (const id of ids) sharedEventSource(`/rows/${id}`);'].join('\n');
    const [site] = collect(text, hubModules(null, null), 'src/rows.ts').sites;
    expect(site).toMatchObject({ hub: true, flaggedBy: ['sse/no-eventsource-in-loop'], multiplicity: { kind: 'per-item' } });
  });
});

describe('hub configuration', () => {
  it('reads what each configureHub() call sets, with computed values as null', () => {
    const text = [
      "import { configureHub } from 'sse-hub';",
      "const ENDPOINT = 'https://hub.example.com/__sse_hub';",
      'configureHub({ endpoint: ENDPOINT, crossTab: true });',
      'configureHub({ mode: import.meta.env.MODE, crossTab: isProduction });',
      'configureHub({ reconnect: { maxAttempts: 3 } });',
    ].join('\n');
    expect(collect(text, hubModules(null, null), 'src/main.ts').hubCalls).toEqual([
      { location: 'src/main.ts:3:1', endpoint: 'https://hub.example.com/__sse_hub', crossTab: true },
      { location: 'src/main.ts:4:1', mode: null, crossTab: null },
      { location: 'src/main.ts:5:1' },
    ]);
  });

  it('ignores a configureHub that is not the hub\'s', () => {
    const text = "function configureHub(options) {}\nconfigureHub({ endpoint: '/x' });";
    expect(collect(text, hubModules(null, null), 'src/main.ts').hubCalls).toEqual([]);
  });

  it('merges the calls in order, each changing only what it names', () => {
    expect(mergeHubConfiguration([])).toEqual({ mode: 'dedupe', endpoint: null, crossTab: false, configuredAt: [], endpointOrigin: null });
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', endpoint: '/__sse_hub' }, { location: 'b.ts:1:1', crossTab: true }])).toEqual({
      mode: 'multiplex',
      endpoint: '/__sse_hub',
      crossTab: true,
      configuredAt: ['a.ts:1:1', 'b.ts:1:1'],
      endpointOrigin: '(same origin)',
    });
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', endpoint: 'https://hub.example.com/x', mode: 'multiplex' }])).toMatchObject({
      mode: 'multiplex',
      endpointOrigin: 'https://hub.example.com',
    });
    // An explicit dedupe wins over an endpoint; multiplex without an endpoint uses the default one.
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', endpoint: '/x', mode: 'dedupe' }])).toMatchObject({ mode: 'dedupe', endpoint: null });
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', mode: 'multiplex' }])).toMatchObject({ mode: 'multiplex', endpoint: '/__sse_hub' });
  });

  it('takes computed settings at their worst', () => {
    // A computed mode may be dedupe; computed cross-tab may be off; a computed endpoint is taken as same-origin.
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', endpoint: '/x', mode: null }])).toMatchObject({ mode: 'dedupe' });
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', crossTab: null }])).toMatchObject({ crossTab: false });
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', endpoint: null }])).toMatchObject({
      mode: 'multiplex',
      endpoint: '(computed)',
      endpointOrigin: '(same origin)',
    });
    // A later call turns cross-tab off again.
    expect(mergeHubConfiguration([{ location: 'a.ts:1:1', crossTab: true }, { location: 'a.ts:2:1', crossTab: false }])).toMatchObject({ crossTab: false });
  });
});
