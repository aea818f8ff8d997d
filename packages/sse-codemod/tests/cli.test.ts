/**
 * The built `sse-codemod` command, run as a user runs it: a subprocess inside temporary git
 * repositories. Each repository is set up once and the tests in a `describe` run in order,
 * because each step depends on what the previous one left (dry run, then --write, then a
 * second --write). Every claim is checked on the disk: file hashes before and after, the
 * bytes written, and what was printed on each stream with the exit code.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helperFiles } from '../src/helper-module.js';
import { commitAll, initRepository, makeTemporaryDirectory, removeTree, snapshotTree, writeTree } from './support/temporary-tree.js';

const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The app will mount the multiplexer: per-row streams (`/rows/${id}`) are rewritten, not left for it. */
const MULTIPLEX = ['--endpoint', '/__sse_hub'];

function runCli(cwd: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const ROWS = 'const ids = [1, 2, 3];\nexport const sources = ids.map((id) => new EventSource(`/rows/${id}/events`));\n';
const ROWS_CONVERTED =
  "import { sharedEventSource } from './sse-hub.js';\n\n" +
  'const ids = [1, 2, 3];\nexport const sources = ids.map((id) => sharedEventSource(`/rows/${id}/events`));\n';
const ROWS_DIFF = [
  '--- a/src/rows.ts',
  '+++ b/src/rows.ts',
  '@@ -1,2 +1,4 @@',
  "+import { sharedEventSource } from './sse-hub.js';",
  '+',
  ' const ids = [1, 2, 3];',
  '-export const sources = ids.map((id) => new EventSource(`/rows/${id}/events`));',
  '+export const sources = ids.map((id) => sharedEventSource(`/rows/${id}/events`));',
  '',
].join('\n');
/**
 * What a run that rewrote a site prints after its summary: the connections before and after
 * (the row stream, one per row, joins the multiplexed connection once the endpoint is
 * configured), the steps left to the user and what changes at run time.
 */
function nextSteps(written: boolean): string[] {
  return [
    '',
    `Connections, worst case as --report counts them (10 items per list, 1 tab), before → after${written ? '' : ' --write'}:`,
    '  src/rows.ts:4: 10 → 1, once configureHub sets the endpoint',
    '  (same origin): 10 → 10 in dedupe mode, over the 5 left for streams by 5; 1 once configureHub sets the endpoint (next step 1), within the 5 left for streams',
    '',
    written ? 'Next steps:' : 'After --write, these steps are left to you:',
    '1. Call configureHub once where the app starts, so that every stream rides one connection per origin:',
    "     import { configureHub } from './src/sse-hub.js';",
    "     configureHub({ endpoint: '/__sse_hub' });",
    "   and mount the server multiplexer there: createMultiplexer({ allow: [...] }) from 'sse-hub/server'.",
    '   Without it the hub runs in dedupe mode: one connection per distinct URL, so per-row URLs still take one each.',
    'What changes at run time:',
    '- Reconnects: a native EventSource retries network errors forever; the hub retries with growing, jittered',
    '  delays, and after 10 attempts (reconnect.maxAttempts) waits until the browser is back online or the tab',
    '  visible, then starts again. hubStatus() and onHubStatusChange() say when it is reconnecting or waiting.',
    '  Comments that say the browser reconnects by itself no longer hold.',
    '- Late joiners: a subscriber that joins a stream already open gets the events from then on, not those',
    "  sent before it joined; configureHub({ replayLastEvent: true }) gives it the stream's last event.",
  ];
}
/** Mentions a stream, so only the NUL bytes keep it from being planned. */
const BINARY = Buffer.concat([Buffer.from('new EventSource("/x");\n'), Buffer.from([0, 159, 146, 150])]);

const repositories: string[] = [];

function repositoryWith(name: string, files: Record<string, string | Uint8Array>, withGit = true): string {
  const root = makeTemporaryDirectory(`cli-${name}`);
  repositories.push(root);
  writeTree(root, files);
  if (withGit) initRepository(root);
  return root;
}

/** The entries of `after` that differ from `before`, added or removed: what a run wrote. */
function changedEntries(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` before these tests.`);
});

afterAll(() => {
  for (const root of repositories) removeTree(root);
});

describe('sse-codemod on a project with one file to convert', () => {
  let root: string;
  let initial: Record<string, string>;

  beforeAll(() => {
    root = repositoryWith('main', {
      '.gitignore': 'generated/\n',
      'src/rows.ts': ROWS,
      'src/plain.ts': 'export const answer = 42;\n',
      'src/blob.ts': BINARY,
      'generated/rows.ts': ROWS,
      'node_modules/library/index.js': ROWS,
    });
    symlinkSync('src/rows.ts', path.join(root, 'alias.ts'));
    // A link to its own folder: a walk that followed it would never end.
    symlinkSync('.', path.join(root, 'src/loop'));
    commitAll(root);
    initial = snapshotTree(root);
  });

  it('prints the diff and writes nothing on a dry run', async () => {
    const result = await runCli(root, ...MULTIPLEX);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        `${ROWS_DIFF}\n` +
        [
          'Would create the hub module src/sse-hub.js and src/sse-hub.d.ts.',
          'alias.ts skipped: symbolic link: not followed',
          'src/blob.ts skipped: binary file',
          '1 file would change, 0 unchanged, 2 skipped, 0 failed (4 files scanned, 1 mention a stream); 1 site rewritten, 0 skipped.',
          'Dry run: nothing was written. Run with --write to apply.',
          ...nextSteps(false),
          '',
        ].join('\n'),
    });
    expect(snapshotTree(root)).toEqual(initial);
  });

  it('--check --json: exit 1 and exactly the documented report, alone on stdout', async () => {
    const result = await runCli(root, ...MULTIPLEX, '--check', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toStrictEqual({
      files: [
        { path: 'alias.ts', status: 'skipped', sites: [], reason: 'symbolic link: not followed' },
        { path: 'src/blob.ts', status: 'skipped', sites: [], reason: 'binary file' },
        {
          path: 'src/rows.ts',
          status: 'changed',
          sites: [{ line: 2, column: 40, rule: 'sse/no-eventsource-in-loop', action: 'rewritten' }],
        },
      ],
      summary: {
        scanned: 4,
        candidates: 1,
        changed: 1,
        unchanged: 0,
        skipped: 2,
        failed: 0,
        sitesRewritten: 1,
        sitesSkipped: 0,
        helper: { path: 'src/sse-hub.js', status: 'would-create' },
        helpers: [{ path: 'src/sse-hub.js', status: 'would-create' }],
        dryRun: true,
        testsMockingEventSource: [],
      },
    });
    expect(snapshotTree(root)).toEqual(initial);
  });

  it('--silent prints nothing and keeps the exit code', async () => {
    expect(await runCli(root, ...MULTIPLEX, '--check', '--silent')).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('refuses --write in a dirty work tree, naming what is dirty, and writes nothing', async () => {
    writeFileSync(path.join(root, 'notes.txt'), 'uncommitted\n');
    const dirty = snapshotTree(root);
    const result = await runCli(root, ...MULTIPLEX, '--write');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sse-codemod: refusing to write: the git work tree ${root} has uncommitted changes:\n  notes.txt\n` +
        "Commit or stash them first, so that the codemod's edits can be reviewed and undone on their own, or pass --allow-dirty.\n",
    );
    expect(snapshotTree(root)).toEqual(dirty);
    rmSync(path.join(root, 'notes.txt'));
  });

  it('--write converts the file and writes the helper with its declarations, touching nothing else', async () => {
    const result = await runCli(root, ...MULTIPLEX, '--write');
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Wrote src/rows.ts',
        'Created the hub module src/sse-hub.js and src/sse-hub.d.ts.',
        'alias.ts skipped: symbolic link: not followed',
        'src/blob.ts skipped: binary file',
        '1 file changed, 0 unchanged, 2 skipped, 0 failed (4 files scanned, 1 mention a stream); 1 site rewritten, 0 skipped.',
        ...nextSteps(true),
        '',
      ].join('\n'),
    });
    expect(readFileSync(path.join(root, 'src/rows.ts'), 'utf8')).toBe(ROWS_CONVERTED);
    for (const helper of helperFiles(path.join(root, 'src/sse-hub.js'))) {
      expect(readFileSync(helper.path, 'utf8')).toBe(helper.text);
    }
    // The ignored copy, node_modules, the binary file and the link are exactly as they were.
    expect(changedEntries(initial, snapshotTree(root))).toEqual(['src/rows.ts', 'src/sse-hub.d.ts', 'src/sse-hub.js']);
  });

  it('a second --write changes nothing and exits 0; --check then passes', async () => {
    const converted = snapshotTree(root);
    // The first run's edits are not committed: this is the case --allow-dirty is for.
    const second = await runCli(root, ...MULTIPLEX, '--write', '--allow-dirty');
    expect(second.code).toBe(0);
    expect(second.stdout.split('\n').at(-2)).toBe(
      '0 files changed, 1 unchanged, 2 skipped, 0 failed (4 files scanned, 1 mention a stream); 0 sites rewritten, 0 skipped.',
    );
    expect(snapshotTree(root)).toEqual(converted);
    const check = await runCli(root, ...MULTIPLEX, '--check');
    expect(check.code).toBe(0);
    expect(check.stdout.endsWith('Check passed: nothing to change.\n')).toBe(true);
  });
});

describe('sse-codemod --allow-dirty when some files cannot be converted', () => {
  let root: string;

  beforeAll(() => {
    root = repositoryWith('failures', {
      'src/rows.ts': ROWS,
      'src/broken.ts': 'const ids = [1, 2];\nids.map((id) => new EventSource(`/x/${id}`);\n',
      'src/locked.ts': ROWS.replace('/rows/', '/locked/'),
    });
    chmodSync(path.join(root, 'src/locked.ts'), 0o444);
  });

  it('fails the file with a syntax error and the read-only file, writes the rest, and exits 1', async () => {
    // Uncommitted work that --allow-dirty lets the run write beside.
    writeFileSync(path.join(root, 'notes.txt'), 'uncommitted\n');
    const before = snapshotTree(root);
    const result = await runCli(root, ...MULTIPLEX, '--write', '--allow-dirty', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { path: string; status: string; reason?: string }[]; summary: object };
    const byPath = Object.fromEntries(report.files.map((file) => [file.path, file]));
    expect(byPath['src/broken.ts']!.status).toBe('failed');
    // The planner's wording; what matters here is that it names the error's place.
    expect(byPath['src/broken.ts']!.reason).toMatch(/^syntax error: .+ \(2:\d+\)$/);
    expect(byPath['src/locked.ts']).toMatchObject({ status: 'failed', reason: 'read-only file' });
    expect(byPath['src/rows.ts']).toMatchObject({ status: 'changed' });
    expect(report.summary).toMatchObject({ changed: 1, failed: 2, sitesRewritten: 1, helper: { path: 'src/sse-hub.js', status: 'created' } });

    expect(readFileSync(path.join(root, 'src/rows.ts'), 'utf8')).toBe(ROWS_CONVERTED);
    expect(changedEntries(before, snapshotTree(root))).toEqual(['src/rows.ts', 'src/sse-hub.d.ts', 'src/sse-hub.js']);
  });
});

describe('sse-codemod --helper-import outside a git repository', () => {
  it('imports from the given module, writes no helper, and notes that there is no git to undo with', async () => {
    const root = repositoryWith('import', { 'app/feed.js': ROWS }, false);
    const result = await runCli(root, ...MULTIPLEX, 'app', '--write', '--helper-import', 'sse-hub', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('sse-codemod: not inside a git repository: writing without git to review or undo the changes.\n');
    const report = JSON.parse(result.stdout) as { summary: { helper: unknown; dryRun: boolean } };
    expect(report.summary.helper).toStrictEqual({ import: 'sse-hub' });
    expect(report.summary.dryRun).toBe(false);
    expect(readFileSync(path.join(root, 'app/feed.js'), 'utf8')).toBe(
      ROWS_CONVERTED.replace("'./sse-hub.js'", "'sse-hub'"),
    );
    expect(Object.keys(snapshotTree(root))).toEqual(['app/feed.js']);
  });
});

describe('sse-codemod usage errors', () => {
  let root: string;

  beforeAll(() => {
    root = repositoryWith('usage', { 'src/rows.ts': ROWS });
  });

  it('exit 2 with the reason on stderr, before touching anything', async () => {
    const before = snapshotTree(root);
    const hint = 'Run sse-codemod --help for usage.\n';
    expect(await runCli(root, '--write', '--check')).toEqual({
      code: 2,
      stdout: '',
      stderr: `sse-codemod: --write and --check cannot be used together.\n${hint}`,
    });
    expect(await runCli(root, 'no-such-folder')).toEqual({
      code: 2,
      stdout: '',
      stderr: `sse-codemod: No such file or directory: "no-such-folder".\n${hint}`,
    });
    expect(await runCli(root, 'src/**/*.vue', '--write')).toEqual({
      code: 2,
      stdout: '',
      stderr: `sse-codemod: No JavaScript, TypeScript, Vue or Svelte files matching the pattern "src/**/*.vue" were found.\n${hint}`,
    });
    expect(await runCli(root, '--helper', 'src/hub.cjs')).toEqual({
      code: 2,
      stdout: '',
      stderr: `sse-codemod: The helper must be an ES module file ending in .js or .mjs (or .ts or .mts for TypeScript): src/hub.cjs\n${hint}`,
    });
    expect((await runCli(root, '--bogus')).stderr).toMatch(/^sse-codemod: Unknown option '--bogus'/);
    expect(await runCli(root, '--bogus', '--silent')).toEqual({ code: 2, stdout: '', stderr: '' });
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('sse-codemod on a package that commits its build output', () => {
  // The shape from the migration trial of issue 13: dist/controller.js is the package's main,
  // built from src/controller.ts. Rewriting it would import a file the package does not ship.
  let root: string;

  beforeAll(() => {
    root = repositoryWith('committed-dist', {
      'package.json': JSON.stringify({ name: 'controller', main: 'dist/controller.js', files: ['dist'] }),
      'src/rows.ts': ROWS,
      'dist/rows.js': ROWS,
      'vendor/rows.min.js': `${'var a=1;'.repeat(100)}${ROWS.replace(/\n/g, '')}\n`,
    });
  });

  it('rewrites the source, leaves the build output and the minified file byte for byte, and says why', async () => {
    const before = snapshotTree(root);
    const result = await runCli(root, ...MULTIPLEX, '.', '--write');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dist/rows.js skipped: build output (in dist/): rewrite its source instead\n');
    expect(result.stdout).toContain('vendor/rows.min.js skipped: minified code: rewrite its source instead\n');
    const after = snapshotTree(root);
    expect(changedEntries(before, after)).toEqual(['src/rows.ts', 'src/sse-hub.d.ts', 'src/sse-hub.js']);
    expect(readFileSync(path.join(root, 'src/rows.ts'), 'utf8')).toBe(ROWS_CONVERTED);
  });

  it('does not count the build output beside its source in the report', async () => {
    const result = await runCli(root, '--report', '--json');
    const report = JSON.parse(result.stdout) as { sites: { path: string }[]; files: { skipped: { path: string; reason: string }[] } };
    expect(report.sites.map((site) => site.path)).toEqual(['src/rows.ts']);
    expect(report.files.skipped).toEqual([
      { path: 'dist/rows.js', reason: 'build output (in dist/): rewrite its source instead' },
      { path: 'vendor/rows.min.js', reason: 'minified code: rewrite its source instead' },
    ]);
  });
});

describe('sse-codemod on a project whose tests mock EventSource', () => {
  // Tests that stub the global or count `new EventSource` calls break when the code under test
  // moves onto one shared connection: the run names each of them (issue 13).
  let root: string;

  beforeAll(() => {
    root = repositoryWith('mocking-tests', {
      'src/rows.ts': ROWS,
      'src/rows.test.ts': "import { vi } from 'vitest';\nvi.stubGlobal('EventSource', vi.fn());\n",
      'src/__tests__/feed.js': 'global.EventSource = class { close() {} };\n',
      'src/count.spec.ts': 'expect(EventSourceMock.mock.instances).toHaveLength(3);\n',
      'src/feed-helper.ts': 'export const polyfill = (window as any).EventSource === undefined;\n',
    });
  });

  it('warns once per test file that mocks it, and lists them in the JSON report', async () => {
    const text = await runCli(root, ...MULTIPLEX, '.');
    const warnings = text.stdout.split('\n').filter((line) => line.startsWith('Warning: '));
    expect(warnings).toEqual([
      'Warning: src/__tests__/feed.js mocks EventSource or counts its constructions; the rewritten code opens one shared connection instead of one per subscriber.',
      'Warning: src/count.spec.ts mocks EventSource or counts its constructions; the rewritten code opens one shared connection instead of one per subscriber.',
      'Warning: src/rows.test.ts mocks EventSource or counts its constructions; the rewritten code opens one shared connection instead of one per subscriber.',
    ]);
    const json = JSON.parse((await runCli(root, ...MULTIPLEX, '.', '--json')).stdout) as { summary: { testsMockingEventSource: string[] } };
    expect(json.summary.testsMockingEventSource).toEqual(['src/__tests__/feed.js', 'src/count.spec.ts', 'src/rows.test.ts']);
  });
});

describe('sse-codemod at the root of a monorepo', () => {
  // Issue 13: run at a monorepo root, the helper went to the repository root and each package
  // imported `../../../../sse-hub.js`, a file no package ships. Each package gets its own now.
  let root: string;

  beforeAll(() => {
    root = repositoryWith('monorepo', {
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/web/package.json': JSON.stringify({ name: 'web' }),
      'packages/web/src/rows.ts': ROWS,
      'packages/admin/package.json': JSON.stringify({ name: 'admin' }),
      'packages/admin/lib/rows.js': ROWS,
      'tools/rows.ts': ROWS,
    });
  });

  it('writes one helper inside each package that has a rewritten file, imported from beside it', async () => {
    const result = await runCli(root, ...MULTIPLEX, '.', '--write');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created the hub module packages/admin/sse-hub.js and packages/admin/sse-hub.d.ts.\n');
    expect(result.stdout).toContain('Created the hub module packages/web/src/sse-hub.js and packages/web/src/sse-hub.d.ts.\n');
    // A file outside every package below the root gets the root's default, as before.
    expect(result.stdout).toContain('Created the hub module sse-hub.js and sse-hub.d.ts.\n');
    expect(readFileSync(path.join(root, 'packages/web/src/rows.ts'), 'utf8')).toBe(ROWS_CONVERTED);
    expect(readFileSync(path.join(root, 'packages/admin/lib/rows.js'), 'utf8').split('\n', 1)[0]).toBe("import { sharedEventSource } from '../sse-hub.js';");
    expect(readFileSync(path.join(root, 'tools/rows.ts'), 'utf8').split('\n', 1)[0]).toBe("import { sharedEventSource } from '../sse-hub.js';");
    for (const helper of ['packages/web/src/sse-hub.js', 'packages/admin/sse-hub.js', 'sse-hub.js']) {
      expect(existsSync(path.join(root, helper)), helper).toBe(true);
    }
    // Each package's sites import their own helper: the count is left to --report in each package.
    expect(result.stdout).toContain('\nConnections before → after: not counted for a run across several packages; run sse-codemod --report in each.\n');
    expect(result.stdout).not.toContain('worst case as --report counts them');
  });

  it('changes nothing on a second run', async () => {
    commitAll(root);
    const before = snapshotTree(root);
    const result = await runCli(root, ...MULTIPLEX, '.', '--write');
    expect(result.code).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
  });
});
