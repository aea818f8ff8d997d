/**
 * No empty rewrites (issue 13): without the server multiplexer, the hub runs in dedupe mode and
 * shares only equal URLs. A stream opened per item with a URL of its own would keep its
 * connection after the rewrite, so the codemod leaves it with a TODO and says what the server
 * needs; streams it can share (one URL repeated, several consumers of one URL) are rewritten.
 * The trial behind the issue rewrote per-topic Mercure URLs in a loop and called it success.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIP_REASONS } from '../src/conversions.js';
import { multiplexSetupIn } from '../src/multiplex-setup.js';
import { TODO_MARKER, planFile } from '../src/plan-file.js';
import { initRepository, makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

const run = promisify(execFile);
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function dedupePlan(text: string, file = 'src/rows.ts') {
  return planFile({ path: file, text, helperSpecifier: './sse-hub.js', multiplex: false });
}

describe('planning for the multiplexer', () => {
  const plan = (text: string, multiplexOrigin?: string) =>
    planFile({ path: 'src/prices.ts', text, helperSpecifier: './sse-hub.js', multiplex: true, ...(multiplexOrigin ? { multiplexOrigin } : {}) });
  const PER_SYMBOL = (base: string) =>
    `const streams = new Map<string, EventSource>();\nexport function watch(symbol: string) {\n  streams.set(symbol, new EventSource(\`${base}/symbols/\${symbol}\`));\n}\n`;

  it('leaves a stream per key on another origin than the multiplexer\'s: it would still take one connection per URL', () => {
    // The dashboard report fixture's prices.ts: rewritten with --endpoint /sse, it kept 10
    // connections, as the run's new before → after lines showed.
    const reason = SKIP_REASONS.distinctUrlsOnAnotherOrigin('https://prices.example.com', '(same origin)');
    const result = plan(PER_SYMBOL('https://prices.example.com'));
    expect(result.sites).toEqual([{ line: 3, column: 23, rule: 'sse/no-eventsource-per-item', action: 'skipped', reason }]);
    expect(reason).toBe(
      "a different URL per item on https://prices.example.com, which the multiplexer (on the page's own origin) does not serve: the shared hub would still open one connection per URL. Mount a multiplexer on that origin, or leave this stream as it is",
    );
  });

  it('rewrites it when the multiplexer is on that origin, and a path on the page\'s own origin always', () => {
    expect(plan(PER_SYMBOL('https://prices.example.com'), 'https://prices.example.com').sites.map((site) => site.action)).toEqual(['rewritten']);
    expect(plan(PER_SYMBOL('')).sites.map((site) => site.action)).toEqual(['rewritten']);
  });

  it('leaves VueUse\'s useEventSource with its own reason: it returns refs, not an EventSource', () => {
    const input = "import { useEventSource } from '@vueuse/core';\nexport function watch(ids: string[]) {\n  return ids.map((id) => useEventSource(`/rows/${id}`));\n}\n";
    expect(plan(input).sites).toEqual([{ line: 3, column: 26, rule: 'sse/no-eventsource-in-loop', action: 'skipped', reason: SKIP_REASONS.vueUseComposable }]);
  });

  it('leaves a subclass of EventSource with its own reason: the shared stream is not one, nor has its methods', () => {
    const input =
      "class Feed extends EventSource {\n  onRow(handler: (event: Event) => void) { this.addEventListener('row', handler); }\n}\nexport function watch(ids: string[]) {\n  return ids.map((id) => new Feed(`/rows/${id}`));\n}\n";
    const result = plan(input);
    expect(result.sites).toEqual([{ line: 5, column: 26, rule: 'sse/no-eventsource-in-loop', action: 'skipped', reason: SKIP_REASONS.subclass('Feed') }]);
    expect(SKIP_REASONS.subclass('Feed')).toBe(
      '`Feed` extends the stream client, and the shared stream has none of what it adds (methods, fields, a constructor of its own): move its events onto `subscribe()` from the shared hub by hand',
    );
  });

  it('rewrites a URL whose origin is only known at run time: it may be the page\'s', () => {
    const input = 'export function watch(base: string, ids: string[]) {\n  return ids.map((id) => new EventSource(`${base}/rows/${id}`));\n}\n';
    expect(plan(input).sites.map((site) => site.action)).toEqual(['rewritten']);
  });
});

describe('planning in dedupe mode', () => {
  it('leaves a per-item URL with one TODO that says why, and rewrites nothing', () => {
    const input = 'export function watch(ids: string[]) {\n  return ids.map((id) => new EventSource(`/rows/${id}/events`));\n}\n';
    const plan = dedupePlan(input);
    expect(plan.output).toBe(
      'export function watch(ids: string[]) {\n' +
        `  // ${TODO_MARKER}: ${SKIP_REASONS.distinctUrlsWithoutMultiplexer}\n` +
        '  return ids.map((id) => new EventSource(`/rows/${id}/events`));\n}\n',
    );
    expect(plan.sites).toEqual([
      { line: 2, column: 26, rule: 'sse/no-eventsource-in-loop', action: 'skipped', reason: SKIP_REASONS.distinctUrlsWithoutMultiplexer },
    ]);
  });

  it('leaves a Mercure-style topic per item: the query differs, so each is its own connection', () => {
    // The migration trial's shape: one hub URL with a topic parameter per item.
    const input = "const HUB = 'https://example.test/.well-known/mercure';\nexport const sources = ['a', 'b'].map((topic) => new EventSource(`${HUB}?topic=${topic}`));\n";
    expect(dedupePlan(input, 'src/topics.js').sites.map((site) => site.action)).toEqual(['skipped']);
  });

  it('rewrites a loop that opens the same URL each time: dedupe mode shares it', () => {
    const input = "const API = '/api';\nfor (const panel of ['a', 'b', 'c']) {\n  new EventSource(`${API}/notifications`);\n}\n";
    const plan = dedupePlan(input, 'src/panels.js');
    expect(plan.sites).toEqual([{ line: 3, column: 3, rule: 'sse/no-eventsource-in-loop', action: 'rewritten' }]);
    expect(plan.output).toContain('  sharedEventSource(`${API}/notifications`);');
  });

  it('rewrites several consumers of one URL (no-duplicate-stream): dedupe mode shares them', () => {
    // Two widgets of one page, each with its own stream to the same URL, as in the fixture
    // duplicate-url-two-components.
    const widget = (name: string) =>
      `export function ${name}() {\n  useEffect(() => {\n    const events = new EventSource('/api/notifications');\n    return () => events.close();\n  }, []);\n  return null;\n}\n`;
    const input = `import { useEffect } from 'react';\n\n${widget('Header')}${widget('Sidebar')}`;
    const plan = dedupePlan(input, 'src/widgets.jsx');
    expect(plan.sites.map((site) => [site.rule, site.action])).toEqual([
      ['sse/no-duplicate-stream', 'rewritten'],
      ['sse/no-duplicate-stream', 'rewritten'],
    ]);
  });

  it('rewrites the same per-item URL in multiplex mode, as the fixtures show', () => {
    const input = 'export const sources = [1, 2].map((id) => new EventSource(`/rows/${id}/events`));\n';
    const plan = planFile({ path: 'src/rows.js', text: input, helperSpecifier: './sse-hub.js', multiplex: true });
    expect(plan.sites.map((site) => site.action)).toEqual(['rewritten']);
  });
});

describe('multiplexSetupIn: is the hub configured with an endpoint?', () => {
  it.each([
    ["configureHub({ endpoint: '/__sse_hub' });", { endpoint: '/__sse_hub' }],
    ['configureHub({\n  crossTab: true,\n  endpoint: "/api/hub",\n});', { endpoint: '/api/hub' }],
    ['const hub = createHub({ mode: `multiplex`, endpoint: `/events/hub` }, environment);', { endpoint: '/events/hub' }],
    ['configureHub({ endpoint: HUB_ENDPOINT });', { endpoint: null }],
    ['configureHub({ endpoint });', { endpoint: null }],
    // The live-dashboard example's shape: a call among the options must not hide the endpoint.
    ["configureHub({ crossTab: new URLSearchParams(location.search).get('crossTab') === '1', endpoint: '/__sse_hub' });", { endpoint: '/__sse_hub' }],
  ])('%s', (text, expected) => {
    expect(multiplexSetupIn(text)).toEqual(expected);
  });

  it.each([
    "configureHub({ crossTab: true }); // the endpoint comes later",
    'configureHub(options);',
    "const endpoint = '/x';\ncreateHub();",
    "configureHub({ endpoints: ['/a'] });",
    "configureHub({ reconnect: { endpoint: '/not-the-hub' } });",
    "configureHub({ label: 'endpoint: /x' });",
  ])('none in %s', (text) => {
    expect(multiplexSetupIn(text)).toBeUndefined();
  });
});

describe('sse-codemod --write without the multiplexer', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) removeTree(root);
  });
  const ROWS = 'export const sources = [1, 2, 3].map((id) => new EventSource(`/rows/${id}/events`));\n';

  async function writeRun(name: string, files: Record<string, string>) {
    const root = makeTemporaryDirectory(name);
    roots.push(root);
    writeTree(root, files);
    initRepository(root);
    const { stdout } = await run(process.execPath, [cliPath, '--write', 'src'], { cwd: root, encoding: 'utf8' });
    return { root, stdout };
  }

  it('leaves the per-item stream with its TODO, writes no helper, and prints what the server needs', async () => {
    const { root, stdout } = await writeRun('dedupe-app', { 'package.json': '{"type":"module"}', 'src/rows.js': ROWS });
    expect(readFileSync(path.join(root, 'src/rows.js'), 'utf8')).toBe(`// ${TODO_MARKER}: ${SKIP_REASONS.distinctUrlsWithoutMultiplexer}\n${ROWS}`);
    expect(existsSync(path.join(root, 'src/sse-hub.js'))).toBe(false);
    const tail = stdout.slice(stdout.indexOf('Left for the server multiplexer'));
    expect(tail).toBe(
      [
        'Left for the server multiplexer: 1 stream opened per item with a URL of its own (src/rows.js:1).',
        '   In dedupe mode the shared hub would still open one connection per URL, so the rewrite would save nothing.',
        "   The server needs: createMultiplexer({ allow: [<these streams' paths, e.g. '/rows/:id/events'>] }) from 'sse-hub/server',",
        '   mounted at an endpoint such as /__sse_hub. Then run sse-codemod again with --endpoint /__sse_hub.',
        '',
      ].join('\n'),
    );
    expect(stdout).not.toContain('Next steps:');
  });

  it("rewrites it when the app already calls configureHub({ endpoint }), and uses that endpoint in its next steps", async () => {
    const { root, stdout } = await writeRun('configured-app', {
      'package.json': '{"type":"module"}',
      'src/main.js': "import { configureHub } from 'sse-hub';\n\nconfigureHub({ endpoint: '/api/live' });\n",
      'src/rows.js': ROWS,
    });
    expect(readFileSync(path.join(root, 'src/rows.js'), 'utf8')).toContain('sharedEventSource(`/rows/${id}/events`)');
    expect(stdout).toContain("     configureHub({ endpoint: '/api/live' });");
    expect(stdout).not.toContain('Left for the server multiplexer');
  });
});
