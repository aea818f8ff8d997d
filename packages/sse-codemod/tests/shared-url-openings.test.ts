/**
 * Whole fixes (issue 13): the openings of a URL that several files of a package open, found as
 * the report finds its merge candidates, and the planner converting them although no rule flags
 * them one file at a time.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFile } from '../src/plan-file.js';
import { hubModules } from '../src/report/hub-modules.js';
import { sharedUrlOpenings } from '../src/shared-url-openings.js';
import { makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

let root = '';
beforeAll(() => {
  root = makeTemporaryDirectory('shared-url-openings');
});
afterAll(() => removeTree(root));

const hub = hubModules(null, null);
const MODULE = (url: string) => `export const source = new EventSource(${url});\n`;

/** `files` written under the temporary root, and the openings found, by path relative to it. */
function openingsOf(files: Record<string, string>, packageOf: (relative: string) => string = () => 'app') {
  writeTree(root, files);
  const texts = Object.entries(files).map(([name, text]) => ({ file: path.join(root, name), reportPath: name, text }));
  const found = sharedUrlOpenings(texts, (file) => packageOf(path.relative(root, file)), hub);
  return Object.fromEntries([...found].map(([file, positions]) => [path.relative(root, file), positions]));
}

describe('sharedUrlOpenings', () => {
  it('finds each opening of a URL that two files open, and none of a URL only one file opens', () => {
    expect(
      openingsOf({
        'a/feed.ts': MODULE("'/api/notifications'"),
        'a/bell.ts': `const NOTIFICATIONS = '/api/notifications';\n\n${MODULE('NOTIFICATIONS')}`,
        'a/status.ts': MODULE("'/api/status'"),
      }),
    ).toEqual({ 'a/bell.ts': [{ line: 3, column: 23 }], 'a/feed.ts': [{ line: 1, column: 23 }] });
  });

  it('takes the URL as sse/no-duplicate-stream does: an environment variable or an imported constant is the same on every run', () => {
    const env = MODULE('`${import.meta.env.VITE_API}/api/feed`');
    expect(openingsOf({ 'f/feed.ts': env, 'f/badge.ts': env })).toEqual({
      'f/badge.ts': [{ line: 1, column: 23 }],
      'f/feed.ts': [{ line: 1, column: 23 }],
    });
    const imported = `import { FEED } from './config';\n\n${MODULE('FEED')}`;
    expect(
      openingsOf({ 'g/config.ts': "export const FEED = '/api/feed';\n", 'g/feed.ts': imported, 'g/badge.ts': imported }),
    ).toEqual({ 'g/badge.ts': [{ line: 3, column: 23 }], 'g/feed.ts': [{ line: 3, column: 23 }] });
  });

  it('leaves out a URL with a placeholder: two openings share only when the values match', () => {
    const row = 'export function open(id: string) {\n  return new EventSource(`/rows/${id}`);\n}\n';
    expect(openingsOf({ 'b/one.ts': row, 'b/two.ts': row })).toEqual({});
  });

  it('leaves out two openings in one file (the rule sees those) and test files', () => {
    const twice = `${MODULE("'/api/feed'")}export const again = new EventSource('/api/feed');\n`;
    expect(openingsOf({ 'c/twice.ts': twice, 'c/lone.ts': MODULE("'/api/other'") })).toEqual({});
    expect(openingsOf({ 'd/feed.ts': MODULE("'/api/feed'"), 'd/feed.test.ts': MODULE("'/api/feed'") })).toEqual({});
  });

  it('does not join two packages: each is its own app with its own hub', () => {
    const files = { 'e/web/feed.ts': MODULE("'/api/feed'"), 'e/admin/feed.ts': MODULE("'/api/feed'") };
    expect(openingsOf(files, (relative) => relative.split('/')[1]!)).toEqual({});
    expect(openingsOf(files)).toEqual({ 'e/admin/feed.ts': [{ line: 1, column: 23 }], 'e/web/feed.ts': [{ line: 1, column: 23 }] });
  });
});

describe('planFile with sharedUrlOpenings', () => {
  const COMPONENT =
    "import { useEffect } from 'react';\n\nexport function Badge() {\n  useEffect(() => {\n    const events = new EventSource('/api/tasks/events');\n    return () => events.close();\n  }, []);\n  return null;\n}\n";

  it('converts the opening at the position as no-duplicate-stream converts one, and nothing without it', () => {
    const request = { path: 'src/Badge.jsx', text: COMPONENT, helperSpecifier: './sse-hub.js', multiplex: false };
    expect(planFile(request)).toEqual({ status: 'unchanged', output: null, sites: [] });
    const plan = planFile({ ...request, sharedUrlOpenings: [{ line: 5, column: 20 }] });
    expect(plan.sites).toEqual([{ line: 5, column: 20, rule: 'sse/no-duplicate-stream', action: 'rewritten' }]);
    expect(plan.output).toBe(
      COMPONENT.replace("from 'react';\n", "from 'react';\nimport { sharedEventSource } from './sse-hub.js';\n").replace('new EventSource(', 'sharedEventSource('),
    );
  });

  it('ignores a position where no stream opens', () => {
    const plan = planFile({ path: 'src/Badge.jsx', text: COMPONENT, helperSpecifier: './sse-hub.js', multiplex: false, sharedUrlOpenings: [{ line: 5, column: 5 }] });
    expect(plan.status).toBe('unchanged');
  });
});
