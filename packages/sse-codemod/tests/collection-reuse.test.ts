/**
 * The codemod's before → after count parses a file the run left as it was once, not twice: the
 * second collection takes the first one's analysis of the same text. The uses found in other
 * files belong to each collection, so a hook called elsewhere before the run and nowhere after
 * it is counted as the files after the run say.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubModules, sameHubModules } from '../src/report/hub-modules.js';
import { type FileCollections, type ProjectText, collectProjectSites } from '../src/report/run-report.js';
import { makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

let root = '';
beforeAll(() => {
  root = makeTemporaryDirectory('collection-reuse');
});
afterAll(() => removeTree(root));

const hub = hubModules(null, null);
const HOOK =
  "import { useEffect } from 'react';\n\nexport function useAlerts() {\n  useEffect(() => {\n    const events = new EventSource('/api/alerts');\n    return () => events.close();\n  }, []);\n}\n";
const CALLER = (name: string) => `import { useAlerts } from './useAlerts.js';\n\nexport function ${name}() {\n  useAlerts();\n  return null;\n}\n`;

function texts(files: Record<string, string>): ProjectText[] {
  writeTree(root, files);
  return Object.entries(files).map(([name, text]) => ({ file: path.join(root, name), reportPath: name, text }));
}

describe('collectProjectSites with the collections of an earlier run', () => {
  it('reuses the analysis of a file whose text is the same, and parses one whose text changed', () => {
    const collections: FileCollections = new Map();
    const [hook] = texts({ 'src/useAlerts.js': HOOK });
    collectProjectSites({ analysed: [hook!], others: [] }, hub, undefined, collections);
    const first = collections.get(hook!.file)!.collection;
    collectProjectSites({ analysed: [{ ...hook! }], others: [] }, hub, undefined, collections);
    expect(collections.get(hook!.file)!.collection).toBe(first);
    const changed = { ...hook!, text: HOOK.replace('/api/alerts', '/api/other') };
    const again = collectProjectSites({ analysed: [changed], others: [] }, hub, undefined, collections);
    expect(collections.get(hook!.file)!.collection).not.toBe(first);
    expect(again.sites.map((site) => site.url.text)).toEqual(['/api/other']);
  });

  it('counts the uses elsewhere of each collection: three callers before, none after', () => {
    const collections: FileCollections = new Map();
    const [hook, ...callers] = texts({ 'src/useAlerts.js': HOOK, 'src/A.jsx': CALLER('A'), 'src/B.jsx': CALLER('B'), 'src/C.jsx': CALLER('C') });
    const before = collectProjectSites({ analysed: [hook!], others: callers }, hub, undefined, collections);
    expect(before.sites.map((site) => site.multiplicity.places)).toEqual([3]);
    const after = collectProjectSites({ analysed: [hook!], others: [] }, hub, undefined, collections);
    expect(after.sites.map((site) => [site.multiplicity.places, site.multiplicity.reason])).toEqual([[1, 'hook `useAlerts`, not called in this file: counted once']]);
  });
});

describe('sameHubModules: may one analysis stand for the other?', () => {
  it('yes for one helper in either language, no for another helper or another --helper-import', () => {
    expect(sameHubModules(hubModules(null, '/app/src/sse-hub.js'), hubModules(null, '/app/src/sse-hub.ts'))).toBe(true);
    expect(sameHubModules(hubModules(null, '/app/src/sse-hub.js'), hubModules(null, '/app/sse-hub.js'))).toBe(false);
    expect(sameHubModules(hubModules('@app/hub', null), hubModules(null, null))).toBe(false);
    expect(sameHubModules(hubModules('@app/hub', null), hubModules('@app/hub', null))).toBe(true);
  });
});
