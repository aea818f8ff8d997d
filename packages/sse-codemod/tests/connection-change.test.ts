/**
 * The before → after lines a rewrite prints: the project estimated as `--report` counts it,
 * before the run and with the rewritten text, per site whose count changes and per origin.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProjectState, connectionChange, connectionChangeLines } from '../src/connection-change.js';
import { hubModules } from '../src/report/hub-modules.js';
import { makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

let root = '';
beforeAll(() => {
  root = makeTemporaryDirectory('sse-connection-change-');
});
afterAll(() => removeTree(root));

/** Files written under the temporary root (cross-file uses are resolved on disk) and read as the run reads them. */
function state(files: Record<string, string>): ProjectState {
  writeTree(root, files);
  const texts = Object.entries(files).map(([name, text]) => ({ file: path.join(root, name), reportPath: name, text }));
  return { analysed: texts.filter((entry) => /EventSource|sse-hub/.test(entry.text)), others: texts.filter((entry) => !/EventSource|sse-hub/.test(entry.text)) };
}

const hub = hubModules(null, null);
const OPEN = (url: string) => `export const source = new EventSource('${url}');\n`;
const SHARED = (url: string) => `import { sharedEventSource } from 'sse-hub';\n\nexport const source = sharedEventSource('${url}');\n`;
const HEADER = 'Connections, worst case as --report counts them (10 items per list, 1 tab), before → after:';

describe('connectionChange', () => {
  it('two modules that open one URL: the second rides the first one\'s connection in dedupe mode', () => {
    const before = state({ 'src/a.ts': OPEN('/api/notifications'), 'src/b.ts': OPEN('/api/notifications') });
    const after = state({ 'src/a.ts': SHARED('/api/notifications'), 'src/b.ts': SHARED('/api/notifications') });
    const change = connectionChange(before, after, hub, undefined);
    expect(change.afterMode).toBe('dedupe');
    expect(change.sitesAssumeEndpoint).toBe(false);
    expect(connectionChangeLines(change, true)).toEqual([
      HEADER,
      "  src/b.ts:3: 1 → 0 (shares the hub's connection for this URL, counted at src/a.ts:3:23)",
      '  (same origin): 2 → 1 in dedupe mode, within the 5 left for streams; 1 once configureHub sets the endpoint (next step 1), within the 5 left for streams',
    ]);
  });

  it('a stream per row, rewritten for the multiplexer: the site counts assume the endpoint configured, the origin says both', () => {
    const rows = (open: string) => `${open === 'shared' ? "import { sharedEventSource } from 'sse-hub';\n" : ''}const ids: string[] = [];\nexport const sources = ids.map((id) => ${open === 'shared' ? 'sharedEventSource' : 'new EventSource'}(\`/rows/\${id}\`));\n`;
    const before = state({ 'src/rows.ts': rows('native') });
    const after = state({ 'src/rows.ts': rows('shared') });
    const lines = connectionChangeLines(connectionChange(before, after, hub, '/sse'), false);
    expect(lines).toEqual([
      'Connections, worst case as --report counts them (10 items per list, 1 tab), before → after --write:',
      '  src/rows.ts:3: 10 → 1, once configureHub sets the endpoint',
      '  (same origin): 10 → 10 in dedupe mode, over the 5 left for streams by 5; 1 once configureHub sets the endpoint (next step 1), within the 5 left for streams',
    ]);
    // The same rewrite counted in dedupe mode (no endpoint given): per-row URLs still take one each.
    expect(connectionChangeLines(connectionChange(before, after, hub, undefined), true)[1]).toBe(
      '  (same origin): 10 → 10 in dedupe mode, over the 5 left for streams by 5; 1 once configureHub sets the endpoint (next step 1), within the 5 left for streams',
    );
  });

  it('an app that already configures the hub: the counts are those of its setup, with no next step to add', () => {
    const configure = "import { configureHub } from 'sse-hub';\nconfigureHub({ endpoint: '/sse' });\n";
    const before = state({ 'src/main.ts': configure, 'src/a.ts': OPEN('/a'), 'src/b.ts': OPEN('/b') });
    const after = state({ 'src/main.ts': configure, 'src/a.ts': SHARED('/a'), 'src/b.ts': SHARED('/b') });
    const change = connectionChange(before, after, hub, '/sse');
    expect(change.afterMode).toBe('multiplex');
    expect(connectionChangeLines(change, true)).toEqual([
      HEADER,
      "  src/b.ts:3: 1 → 0 (shares the hub's multiplexed connection, counted at src/a.ts:3:23)",
      '  (same origin): 2 → 1 in multiplex mode, within the 5 left for streams',
    ]);
  });

  it('prints nothing when no count changes', () => {
    const before = state({ 'src/a.ts': OPEN('https://other.example/a') });
    expect(connectionChangeLines(connectionChange(before, before, hub, undefined), true)).toEqual([]);
  });
});
