/**
 * The helper in the project's language (issue 13): fixture projects built by us, converted by
 * the built `sse-codemod --write`, then compiled with TypeScript. The trial behind the issue
 * wrote `src/sse-hub.js` into a library built by `tsc` without `allowJs`; the build never
 * emitted it, and `dist/` imported a file that did not exist.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { helperNeedsTypeScript, importExtensionStyle, typeScriptHelperSpecifier } from '../src/helper-language.js';
import { initRepository, makeTemporaryDirectory, removeTree, snapshotTree, writeTree } from './support/temporary-tree.js';

const run = promisify(execFile);
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) removeTree(root);
});

/** A per-row stream in a loop: what the rules flag and the codemod rewrites. */
const ROWS = 'export function watchRows(ids: number[]): EventSource[] {\n  return ids.map((id) => new EventSource(`/rows/${id}/events`));\n}\n';
/** The strictest settings a library is likely to build with, so that the helper holds up under any of them. */
const STRICT = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  erasableSyntaxOnly: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  isolatedDeclarations: true,
  declaration: true,
  skipLibCheck: false,
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: [],
};

async function project(name: string, files: Record<string, string>): Promise<string> {
  const root = makeTemporaryDirectory(name);
  roots.push(root);
  writeTree(root, files);
  initRepository(root);
  const { stdout } = await run(process.execPath, [cliPath, '--write', '--json', '--endpoint', '/__sse_hub', 'src'], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(stdout).summary.sitesRewritten).toBe(1);
  return root;
}

async function typeScriptBuild(root: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tscPath, '-p', '.'], { cwd: root, encoding: 'utf8' });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string };
    return { code: failure.code, output: failure.stdout };
  }
}

describe('a TypeScript library built by tsc without allowJs (NodeNext)', () => {
  let root: string;

  it('gets src/sse-hub.ts, imported as ./sse-hub.js as its other modules are', async () => {
    root = await project('ts-library', {
      'package.json': JSON.stringify({ name: 'rows-lib', type: 'module', main: 'dist/index.js' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', rootDir: 'src', ...STRICT }, include: ['src'] }),
      'src/index.ts': "export { watchRows } from './rows.js';\n",
      'src/rows.ts': ROWS,
    });
    expect(existsSync(path.join(root, 'src/sse-hub.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'src/sse-hub.js'))).toBe(false);
    expect(readFileSync(path.join(root, 'src/rows.ts'), 'utf8')).toBe(
      "import { sharedEventSource } from './sse-hub.js';\n\n" +
        'export function watchRows(ids: number[]): EventSource[] {\n  return ids.map((id) => sharedEventSource(`/rows/${id}/events`));\n}\n',
    );
  });

  it('builds under the strictest settings, and dist/ holds every module dist/ imports', async () => {
    const build = await typeScriptBuild(root);
    expect(build).toEqual({ code: 0, output: '' });
    for (const file of ['dist/index.js', 'dist/rows.js', 'dist/sse-hub.js', 'dist/sse-hub.d.ts']) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(root, 'dist/rows.js'), 'utf8')).toContain("from './sse-hub.js'");
    // The built helper is an ES module Node can load (the hub touches no browser API on import).
    const hub = (await import(path.join(root, 'dist/sse-hub.js'))) as Record<string, unknown>;
    expect(Object.keys(hub).sort()).toEqual(['DEFAULT_HUB_ENDPOINT', 'configureHub', 'createHub', 'hubStatus', 'onHubStatusChange', 'sharedEventSource', 'subscribe']);
  });

  it('a second run changes nothing and writes no JavaScript helper beside it', async () => {
    const before = snapshotTree(root);
    const { stdout } = await run(process.execPath, [cliPath, '--write', '--json', '--allow-dirty', '--endpoint', '/__sse_hub', 'src'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(stdout).summary.sitesRewritten).toBe(0);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('an app type-checked with moduleResolution bundler and extensionless imports', () => {
  it('imports ./sse-hub as it imports its other modules, and type-checks', async () => {
    const root = await project('ts-bundler', {
      'package.json': JSON.stringify({ name: 'rows-app', type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', noEmit: true, ...STRICT, declaration: false, isolatedDeclarations: false }, include: ['src'] }),
      'src/main.ts': "import { watchRows } from './rows';\n\nwatchRows([1, 2]);\n",
      'src/rows.ts': ROWS,
    });
    expect(readFileSync(path.join(root, 'src/rows.ts'), 'utf8')).toMatch(/^import \{ sharedEventSource \} from '\.\/sse-hub';\n/);
    expect(existsSync(path.join(root, 'src/sse-hub.ts'))).toBe(true);
    expect(await typeScriptBuild(root)).toEqual({ code: 0, output: '' });
  });
});

describe('projects that keep the JavaScript helper', () => {
  it('a tsconfig with allowJs compiles the .js helper: it stays .js with its declarations', async () => {
    const root = await project('ts-allowjs', {
      'package.json': JSON.stringify({ name: 'rows-allowjs', type: 'module' }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true, outDir: 'dist', strict: true, lib: ['ES2022', 'DOM'] }, include: ['src'] }),
      'src/rows.ts': ROWS,
    });
    expect(existsSync(path.join(root, 'src/sse-hub.js'))).toBe(true);
    expect(existsSync(path.join(root, 'src/sse-hub.d.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'src/sse-hub.ts'))).toBe(false);
    expect(await typeScriptBuild(root)).toEqual({ code: 0, output: '' });
  });

  it('an allowJs inherited through extends counts', () => {
    const lookup = (directory: string): boolean | undefined => (directory.endsWith('allow') ? true : directory.endsWith('deny') ? false : undefined);
    expect(helperNeedsTypeScript('/p/allow/sse-hub.js', ['/p/allow/a.ts'], lookup)).toBe(false);
    expect(helperNeedsTypeScript('/p/deny/sse-hub.js', ['/p/deny/a.ts'], lookup)).toBe(true);
    // JavaScript files only: tsc does not build them either way, so the helper stays JavaScript.
    expect(helperNeedsTypeScript('/p/deny/sse-hub.js', ['/p/deny/a.js', '/p/deny/b.jsx'], lookup)).toBe(false);
    // No tsconfig.json: no tsc build to leave the helper out.
    expect(helperNeedsTypeScript('/p/none/sse-hub.js', ['/p/none/a.ts'], lookup)).toBe(false);
  });
});

describe('import style of a TypeScript helper', () => {
  it('follows the relative imports the file already has, ignoring stylesheets and assets', () => {
    expect(importExtensionStyle("import a from './a.js';\nimport b from '../b.js';\nimport c from './c';")).toBe('js');
    expect(importExtensionStyle("import a from './a';\nexport * from './b';\nimport './styles.css';\nimport x from './x.svg';")).toBe('none');
    expect(importExtensionStyle("import type { A } from './a.ts';\nconst b = await import('./b.ts');")).toBe('ts');
    expect(importExtensionStyle("import React from 'react';\nimport './app.css';")).toBeUndefined();
  });

  it('spells the specifier in that style', () => {
    expect(typeScriptHelperSpecifier('./sse-hub.ts', 'js')).toBe('./sse-hub.js');
    expect(typeScriptHelperSpecifier('../sse-hub.ts', 'none')).toBe('../sse-hub');
    expect(typeScriptHelperSpecifier('./sse-hub.ts', 'ts')).toBe('./sse-hub.ts');
    expect(typeScriptHelperSpecifier('./lib/sse-hub.mts', 'js')).toBe('./lib/sse-hub.mjs');
  });
});
