/**
 * Page A' of the proof, without the browser: the real `sse-codemod --write` (the built
 * command, as a subprocess) on a copy of the live-dashboard example, the type-check of
 * what it wrote, and the one manual step (configuring the hub's endpoint). Needs
 * `npm run build`, as the codemod's own CLI tests do.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProofSetupError } from '../../scripts/proof/chromium.js';
import {
  CONFIGURE_HUB_SCRIPT,
  EXAMPLE_DIR,
  MERCURE_EXAMPLE_DIR,
  MERCURE_SETUP,
  MERCURE_SETUP_SCRIPT,
  configureHubEndpoint,
  convertExample,
  convertMercureExample,
  findConversionProblems,
  typeCheckConvertedExample,
} from '../../scripts/proof/convert-example.js';

const CODEMOD_BOUND_MS = 60_000;
const ROWS_A_TAG = '<script type="module" src="/rows-a.js"></script>';

const temporaryDirectories: string[] = [];
async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'sse-proof-test-'));
  temporaryDirectories.push(directory);
  return directory;
}

afterAll(async () => {
  await Promise.all(temporaryDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
});

/** One real conversion for the whole file, and a pristine copy of its result to break. */
let converted: Awaited<ReturnType<typeof convertExample>>;
/** The converted copy's root: the parent of the public/ it serves. */
let copyDir: string;
let pristine: string;

beforeAll(async () => {
  converted = await convertExample({ timeoutMs: CODEMOD_BOUND_MS });
  copyDir = dirname(converted.publicDir);
  pristine = await temporaryDirectory();
  await cp(copyDir, pristine, { recursive: true });
}, CODEMOD_BOUND_MS);

afterAll(async () => {
  await converted?.cleanup();
});

describe('convertExample', () => {
  it('works on a copy and leaves the example itself as it was', async () => {
    expect(copyDir.startsWith(EXAMPLE_DIR)).toBe(false);
    const original = await readFile(join(EXAMPLE_DIR, 'public', 'rows-a.js'), 'utf8');
    expect(original).toContain("new EventSource('/rows/' + row.id + '/events')");
    expect(existsSync(join(EXAMPLE_DIR, 'public', 'sse-hub.js'))).toBe(false);
  });

  it("rewrites page A's EventSource and imports sharedEventSource from the hub module in public/", async () => {
    const rows = await readFile(join(converted.publicDir, 'rows-a.js'), 'utf8');
    expect(rows).toContain("sharedEventSource('/rows/' + row.id + '/events')");
    expect(rows).toMatch(/^import \{ sharedEventSource \} from '\.\/sse-hub\.js';$/m);
    expect(rows).not.toContain('new EventSource');
    const hub = await readFile(join(converted.publicDir, 'sse-hub.js'), 'utf8');
    expect(hub).toMatch(/export \{[^}]*\bconfigureHub\b[^}]*\}/);
    expect(hub).toMatch(/export \{[^}]*\bsharedEventSource\b[^}]*\}/);
  });

  it('returns the report the codemod printed, with page A changed and its site rewritten', () => {
    const rowsA = converted.report.files.find((file) => file.path === 'public/rows-a.js');
    expect(rowsA).toEqual({
      path: 'public/rows-a.js',
      status: 'changed',
      sites: [{ line: 11, column: 18, rule: 'sse/no-eventsource-in-loop', action: 'rewritten' }],
    });
    expect(converted.report.summary).toMatchObject({ failed: 0, dryRun: false, helper: { path: 'public/sse-hub.js' } });
  });

  it('configures the hub endpoint in page-a.html just before the rows-a.js script', async () => {
    const html = await readFile(join(converted.publicDir, 'page-a.html'), 'utf8');
    expect(html).toContain(`    ${CONFIGURE_HUB_SCRIPT}\n    ${ROWS_A_TAG}`);
    expect(html.split(CONFIGURE_HUB_SCRIPT)).toHaveLength(2);
  });

  it('leaves a copy that type-checks', () => {
    expect(typeCheckConvertedExample(copyDir)).toEqual([]);
  });

  // Last in this block: it removes the copy the tests above read.
  it('removes the whole copy on cleanup', async () => {
    const workDir = dirname(copyDir);
    expect(existsSync(workDir)).toBe(true);
    await converted.cleanup();
    expect(existsSync(workDir)).toBe(false);
  });
});

describe('typeCheckConvertedExample', () => {
  async function brokenCopy(edit: (root: string) => Promise<void>): Promise<string> {
    const root = await temporaryDirectory();
    await cp(pristine, root, { recursive: true });
    await edit(root);
    return root;
  }

  it('reports a TypeScript source whose hub import does not resolve, and a script that no longer parses', async () => {
    const root = await brokenCopy(async (copy) => {
      await replaceInFile(join(copy, 'src', 'useDeviceStatus.ts'), "'../public/sse-hub.js'", "'../public/missing-hub.js'");
      await replaceInFile(join(copy, 'public', 'rows-a.js'), "'/events');", "'/events';");
    });
    expect(typeCheckConvertedExample(root)).toEqual([
      "public/rows-a.js:13:65 TS1005 ')' expected.",
      "src/useDeviceStatus.ts:3:35 TS2307 Cannot find module '../public/missing-hub.js' or its corresponding type declarations.",
    ]);
  });

  it("reports a call that does not match the emitted hub's declarations", async () => {
    const root = await brokenCopy((copy) =>
      replaceInFile(join(copy, 'src', 'useDeviceStatus.ts'), 'sharedEventSource(`', 'sharedEventSource(42, `'),
    );
    const diagnostics = typeCheckConvertedExample(root);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^src\/useDeviceStatus\.ts:8:38 TS2345 Argument of type 'number' is not assignable/);
  });

  it('reports the emitted declarations missing', async () => {
    const root = await brokenCopy((copy) => rm(join(copy, 'public', 'sse-hub.d.ts')));
    const diagnostics = typeCheckConvertedExample(root);
    expect(diagnostics[0]).toBe('public/sse-hub.d.ts was not checked');
    expect(diagnostics.some((line) => line.startsWith('TS6053 '))).toBe(true);
  });
});

describe('convertExample when the codemod does not rewrite page A', () => {
  it('fails the setup with what the report said, and leaves no copy behind', async () => {
    const example = await temporaryDirectory();
    await cp(EXAMPLE_DIR, example, { recursive: true });
    // An opt-out comment: the codemod reports the site `skipped` and leaves the file alone.
    await replaceInFile(
      join(example, 'public', 'rows-a.js'),
      '  const source = new EventSource(',
      '  // Each row keeps a connection of its own. sse-codemod-ignore\n  const source = new EventSource(',
    );
    const copiesBefore = await proofCopies();

    const conversion = convertExample({ timeoutMs: CODEMOD_BOUND_MS, exampleDir: example });
    await expect(conversion).rejects.toThrow(ProofSetupError);
    await expect(conversion).rejects.toThrow(
      'sse-codemod did not convert public/rows-a.js:\n' +
        '  public/rows-a.js is unchanged, not changed\n' +
        '  public/rows-a.js:12:18 (sse/no-eventsource-in-loop) was skipped: opted out with an `sse-codemod-ignore` comment',
    );
    expect(await proofCopies()).toEqual(copiesBefore);
  }, CODEMOD_BOUND_MS);
});

describe('convertMercureExample', () => {
  it("adds the app's mergeTopics setup before page M's script, and the codemod rewrites its per-topic streams because of it", async () => {
    const mercure = await convertMercureExample({ timeoutMs: CODEMOD_BOUND_MS });
    try {
      const html = await readFile(join(mercure.publicDir, 'topics.html'), 'utf8');
      expect(html).toContain(`    ${MERCURE_SETUP_SCRIPT}\n    <script type="module" src="/topic-rows.js"></script>`);
      expect(await readFile(join(mercure.publicDir, 'mercure-setup.js'), 'utf8')).toBe(MERCURE_SETUP);
      const rows = await readFile(join(mercure.publicDir, 'topic-rows.js'), 'utf8');
      expect(rows).toMatch(/^import \{ sharedEventSource \} from '\.\/sse-hub\.js';$/m);
      expect(rows).toContain("sharedEventSource('/.well-known/mercure?topic=' + encodeURIComponent('/rows/' + row.id))");
      expect(mercure.report.files.filter((file) => file.status === 'changed')).toEqual([
        {
          path: 'public/topic-rows.js',
          status: 'changed',
          sites: [{ line: 11, column: 18, rule: 'sse/no-eventsource-in-loop', action: 'rewritten', via: 'mergeTopics' }],
        },
      ]);
      // The example itself is untouched: the setup is added to the copy only.
      expect(existsSync(join(MERCURE_EXAMPLE_DIR, 'public', 'mercure-setup.js'))).toBe(false);
      expect(await readFile(join(MERCURE_EXAMPLE_DIR, 'public', 'topic-rows.js'), 'utf8')).toContain('new EventSource(');
    } finally {
      await mercure.cleanup();
    }
    expect(existsSync(dirname(dirname(mercure.publicDir)))).toBe(false);
  }, CODEMOD_BOUND_MS);

  it('fails the setup when the per-topic URL is not the merge rule\'s server, and leaves no copy behind', async () => {
    const example = await temporaryDirectory();
    await cp(MERCURE_EXAMPLE_DIR, example, { recursive: true });
    // Another path than the rule's url: the codemod must not take it for the merged server.
    await replaceInFile(join(example, 'public', 'topic-rows.js'), "'/.well-known/mercure?topic='", "'/other-hub?topic='");
    const copiesBefore = await proofCopies();

    const conversion = convertMercureExample({ timeoutMs: CODEMOD_BOUND_MS, exampleDir: example });
    await expect(conversion).rejects.toThrow(ProofSetupError);
    // The file is changed all the same: the codemod leaves its TODO there.
    await expect(conversion).rejects.toThrow(
      'sse-codemod did not convert public/topic-rows.js:\n' +
        '  public/topic-rows.js:11:18 (sse/no-eventsource-in-loop) was skipped: a different topic per item, in a query parameter of one URL',
    );
    expect(await proofCopies()).toEqual(copiesBefore);
  }, CODEMOD_BOUND_MS);
});

describe('findConversionProblems', () => {
  const copyDir = '/tmp/copy';
  const rewritten = { line: 11, column: 18, rule: 'sse/no-eventsource-in-loop', action: 'rewritten' as const };
  const report = (files: object[]) => ({ files, summary: {} }) as Parameters<typeof findConversionProblems>[0];

  it('accepts page A changed with every site rewritten, wherever the report paths are relative to', () => {
    expect(findConversionProblems(report([{ path: 'public/rows-a.js', status: 'changed', sites: [rewritten] }]), copyDir)).toEqual([]);
    expect(
      findConversionProblems(report([{ path: '../copy/public/rows-a.js', status: 'changed', sites: [rewritten] }]), copyDir),
    ).toEqual([]);
  });

  it('names page A missing from the report (another file of the same name does not count)', () => {
    expect(findConversionProblems(report([{ path: 'src/rows-a.js', status: 'changed', sites: [rewritten] }]), copyDir)).toEqual([
      'public/rows-a.js is not in the report',
    ]);
  });

  it('names a status other than changed, and a changed file with no site', () => {
    expect(findConversionProblems(report([{ path: 'public/rows-a.js', status: 'failed', sites: [] }]), copyDir)).toEqual([
      'public/rows-a.js is failed, not changed',
      'public/rows-a.js has no site',
    ]);
  });

  it('checks another page, and with `via`, that each site was rewritten for that reason', () => {
    const page = 'public/topic-rows.js';
    const merged = { ...rewritten, via: 'mergeTopics' as const };
    expect(findConversionProblems(report([{ path: page, status: 'changed', sites: [merged] }]), copyDir, page, 'mergeTopics')).toEqual([]);
    expect(findConversionProblems(report([{ path: page, status: 'changed', sites: [rewritten] }]), copyDir, page, 'mergeTopics')).toEqual([
      'public/topic-rows.js:11:18 (sse/no-eventsource-in-loop) was rewritten without rather than via mergeTopics',
    ]);
    expect(findConversionProblems(report([{ path: page, status: 'changed', sites: [merged] }]), copyDir)).toEqual([
      'public/rows-a.js is not in the report',
    ]);
  });

  it('names each site that was not rewritten, with its reason', () => {
    const skipped = { line: 30, column: 5, rule: 'sse/no-eventsource-per-item', action: 'skipped', reason: 'no URL' };
    expect(
      findConversionProblems(report([{ path: 'public/rows-a.js', status: 'changed', sites: [rewritten, skipped] }]), copyDir),
    ).toEqual(['public/rows-a.js:30:5 (sse/no-eventsource-per-item) was skipped: no URL']);
  });
});

describe('configureHubEndpoint', () => {
  it("puts the configure script on its own line before page A's script, at the same indentation", () => {
    const html = `<head>\n\t<title>A</title>\n\t${ROWS_A_TAG}\n</head>\n`;
    expect(configureHubEndpoint(html)).toBe(`<head>\n\t<title>A</title>\n\t${CONFIGURE_HUB_SCRIPT}\n\t${ROWS_A_TAG}\n</head>\n`);
  });

  it('finds the script tag whatever the order of its attributes', () => {
    const tag = '<script src="/rows-a.js" type="module"></script>';
    expect(configureHubEndpoint(`${tag}\n`)).toBe(`${CONFIGURE_HUB_SCRIPT}\n${tag}\n`);
  });

  it("configures the endpoint the example server mounts its multiplexer at, from the page's hub module", () => {
    expect(CONFIGURE_HUB_SCRIPT).toBe(
      "<script type=\"module\">import { configureHub } from '/sse-hub.js'; configureHub({ endpoint: '/__sse_hub' });</script>",
    );
    const server = readFileSync(join(EXAMPLE_DIR, 'server.js'), 'utf8');
    expect(server).toContain("const HUB_ENDPOINT = '/__sse_hub';");
  });

  it('refuses a page without the rows-a.js script tag', () => {
    expect(() => configureHubEndpoint('<script type="module" src="/rows-b.js"></script>')).toThrow(ProofSetupError);
  });
});

async function replaceInFile(file: string, search: string, replacement: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(search);
  await writeFile(file, text.replace(search, replacement));
}

/** The proof's temporary copies that exist right now. */
async function proofCopies(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('sse-proof-codemod-')).sort();
}
