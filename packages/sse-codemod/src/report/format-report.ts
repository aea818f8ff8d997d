/**
 * What `sse-codemod --report` prints: aligned tables for people, or the `BudgetReport` as
 * JSON (`--json`) for scripts.
 */
import type { BudgetReport, Multiplicity, OriginEstimate, ReportSite } from './types.js';
import { UNKNOWN_ORIGIN } from './types.js';

export function formatJsonBudgetReport(report: BudgetReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Rows of cells as columns two spaces apart, each as wide as its widest cell; no trailing spaces. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

const MULTIPLICITY_LABELS: Record<Multiplicity, string> = {
  once: 'once',
  'per-call': 'per call',
  'per-instance': 'per instance',
  'per-item': 'per item',
  'per-key': 'per key',
};

function instancesCell(site: ReportSite): string {
  const label = MULTIPLICITY_LABELS[site.instances.kind];
  return site.instances.kind === 'once' || site.instances.kind === 'per-call' ? label : `${label} ×${site.instances.count}`;
}

/** `EventSource`, the hub's `sharedEventSource`/`subscribe`, or the library's module. */
function clientCell(site: ReportSite): string {
  if (site.client.module === null || site.hub) return site.client.export;
  return site.client.module;
}

function urlCell(site: ReportSite): string {
  return site.url.text ?? '(dynamic)';
}

function whyCell(site: ReportSite): string {
  return site.sharing === null ? site.instances.reason : `${site.instances.reason}; ${site.sharing}`;
}

function siteLines(report: BudgetReport): string[] {
  const rows = report.sites.map((site) => [
    site.location,
    clientCell(site),
    urlCell(site),
    instancesCell(site),
    String(site.connections),
    whyCell(site),
  ]);
  return formatTable(['SITE', 'CLIENT', 'CONNECTS TO', 'INSTANCES', 'CONNECTIONS', 'WHY'], rows);
}

function verdictCell(origin: OriginEstimate): string {
  return origin.over > 0 ? `over by ${origin.over}` : 'within';
}

function originLines(report: BudgetReport): string[] {
  const rows = report.origins.map((origin) => [origin.origin, String(origin.connections), `${origin.available} of ${origin.budget}`, verdictCell(origin)]);
  const lines = formatTable(['ORIGIN', 'CONNECTIONS', 'FOR STREAMS', 'VERDICT'], rows);
  if (report.origins.some((origin) => origin.origin === UNKNOWN_ORIGIN)) {
    lines.push(`${UNKNOWN_ORIGIN} holds the URLs whose origin the code only knows at run time; they may belong to any origin above.`);
  }
  return lines;
}

function mergeLines(report: BudgetReport): string[] {
  const lines = report.mergeCandidates.map((candidate) => {
    const shape = candidate.exact ? '' : ' (a template: shared when the values match)';
    return `${candidate.url}${shape}: ${plural(candidate.connections, 'connection')} from ${candidate.sites.join(', ')}`;
  });
  lines.push(
    'Fix: open each with sharedEventSource(url) from sse-hub (or the module sse-codemod writes).',
    "In mode: 'dedupe', the hub's default without an endpoint, every subscriber of one URL shares one connection.",
  );
  return lines;
}

function hubLine(report: BudgetReport): string | null {
  const { hub } = report;
  if (hub.configuredAt.length === 0 && !report.sites.some((site) => site.hub)) return null;
  const mode = hub.mode === 'multiplex' ? `multiplex mode, endpoint ${hub.endpoint}` : 'dedupe mode';
  const where = hub.configuredAt.length === 0 ? 'no configureHub() call' : `configured at ${hub.configuredAt.join(', ')}`;
  const merged = hub.mergeTopics?.length ? `, topics merged for ${hub.mergeTopics.map((rule) => `${rule.url} ?${rule.param}=`).join(', ')}` : '';
  return `Hub: ${mode}${merged}${hub.crossTab ? ', shared across tabs' : ', each tab on its own'} (${where}).`;
}

function closingLines(report: BudgetReport, check: boolean): string[] {
  const over = report.origins.filter((origin) => origin.over > 0);
  const { budget, reserve } = report.assumptions;
  const available = Math.max(0, budget - reserve);
  const kept = reserve === 0 ? `the ${budget} a browser allows` : `the ${available} left for streams (${budget} a browser allows, ${reserve} kept for requests: --reserve)`;
  if (over.length === 0) {
    const most = Math.max(0, ...report.origins.map((origin) => origin.connections));
    const verdict =
      report.origins.length === 0 ? 'Within budget: nothing opens a stream.' : `Within budget: at most ${plural(most, 'connection')} per origin, of ${kept}.`;
    return check ? [verdict, 'Check passed.'] : [verdict];
  }
  const lines = over.map(
    (origin) => `Over budget: ${origin.origin} needs up to ${plural(origin.connections, 'connection')}, ${origin.over} more than ${kept}.`,
  );
  if (check) lines.push(`Check failed: ${plural(over.length, 'origin')} over budget.`);
  return lines;
}

/** The human report: sites, origins, merge candidates, files left out, and the verdict. */
export function formatTextBudgetReport(report: BudgetReport, check: boolean): string {
  const { assumptions, files } = report;
  const sections: string[][] = [];
  const fileCount = new Set(report.sites.map((site) => site.path)).size;
  const found = report.sites.length === 0 ? 'No stream sites' : `${plural(report.sites.length, 'stream site')} in ${plural(fileCount, 'file')}`;
  const intro = [
    `${found} (${plural(files.scanned, 'file')} scanned, ${files.analysed} analysed).`,
    `Assumed: ${plural(assumptions.items, 'item')} per list or key set (--items), ${plural(assumptions.tabs, 'tab')} (--tabs); ` +
      `budget ${assumptions.budget} connections per origin, shared by all tabs of a browser profile, ${assumptions.reserve} kept for requests (--reserve).`,
  ];
  const hub = hubLine(report);
  if (hub !== null) intro.push(hub);
  sections.push(intro);
  if (report.sites.length > 0) {
    sections.push(siteLines(report));
    sections.push(['Connections per origin, worst case:', ...originLines(report)]);
  }
  if (report.mergeCandidates.length > 0) sections.push(['Same URL, several connections (merge candidates):', ...mergeLines(report)]);
  const problems = [
    ...files.skipped.map((file) => `${file.path} skipped: ${file.reason}`),
    ...files.failed.map((file) => `${file.path} failed: ${file.reason}`),
  ].sort();
  if (files.failed.length > 0) problems.push('The sites of a failed file are not in the report.');
  if (problems.length > 0) sections.push(problems);
  sections.push(closingLines(report, check));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
