/**
 * The report on a Vue and Svelte project (issue 12, fixtures/components): a component whose
 * instances open a stream counts per instance, where other components' templates render it
 * (each place under `v-for` or inside `{#each}` counting `--items`, as a React component under
 * `.map()` in another file does), a tree node that renders itself under `v-for` counts per item,
 * and a stream opened when a plain `<script>` loads counts once.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_ITEMS, DEFAULT_REPORT_RESERVE, DEFAULT_REPORT_TABS, type ReportOptions } from '../../src/cli-arguments.js';
import { buildBudgetReport } from '../../src/report/run-report.js';

const project = fileURLToPath(new URL('fixtures/components/', import.meta.url));

function options(items: number): ReportOptions {
  return {
    paths: [],
    json: false,
    silent: false,
    project: null,
    check: false,
    helper: null,
    helperImport: null,
    items,
    tabs: DEFAULT_REPORT_TABS,
    reserve: DEFAULT_REPORT_RESERVE,
  };
}

describe('the report on Vue and Svelte components', () => {
  it('counts each site of the components as the React form is counted, and names where it is rendered', async () => {
    expect(DEFAULT_REPORT_ITEMS).toBe(10);
    const report = await buildBudgetReport(options(DEFAULT_REPORT_ITEMS), project);
    expect(report.sites.map((site) => [site.location, site.instances.kind, site.instances.count, site.instances.reason, site.connections])).toEqual([
      // Rendered once in the `{:else}` (the empty list) and once per agent.
      ['src/AgentCard.svelte:6:20', 'per-instance', 11, 'component `AgentCard`, rendered in 1 elsewhere, 1 per item elsewhere (src/Agents.svelte)', 11],
      ['src/Banner.vue:10:23', 'once', 1, 'module level', 1],
      // `<job-row id="pinned">` once, `<JobRow>` inside a `<template v-for>`.
      ['src/JobRow.vue:12:12', 'per-instance', 11, 'component `JobRow`, rendered in 1 elsewhere, 1 per item elsewhere (src/JobList.vue)', 11],
      ['src/TreeNode.vue:18:19', 'per-item', 10, '`<TreeNode>` renders itself per item (line 5)', 10],
    ]);
    expect(report.origins.map((origin) => [origin.origin, origin.connections, origin.over])).toEqual([['(same origin)', 33, 28]]);
    // The two parents open nothing themselves but are read for their templates.
    expect(report.files).toEqual({ scanned: 6, analysed: 4, failed: [], skipped: [] });
  });

  it('scales the per-item places with --items', async () => {
    const report = await buildBudgetReport(options(3), project);
    expect(report.sites.map((site) => site.connections)).toEqual([4, 1, 4, 3]);
  });
});
