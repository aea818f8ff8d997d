/**
 * The helper module that sse-codemod writes into a project. These tests read the built bundle
 * in dist/helper: run `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultHelperPath,
  helperFiles,
  helperSpecifierFor,
  helperState,
  missingHelperFiles,
  validateHelperPath,
} from '../src/helper-module.js';
import * as hubSource from 'sse-hub';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = join(packageRoot, 'dist', 'helper');
const buildScript = join(packageRoot, 'scripts', 'build-helper.js');
const hubVersion = (JSON.parse(readFileSync(join(packageRoot, '..', 'sse-hub', 'package.json'), 'utf8')) as { version: string }).version;

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sse-helper-module-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh folder under the scratch folder, with the given files (`path/` for an empty folder). */
function makeTree(name: string, entries: Record<string, string>): string {
  const root = join(scratch, name);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(entries)) {
    if (path.endsWith('/')) {
      mkdirSync(join(root, path), { recursive: true });
    } else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }
  return root;
}

describe('defaultHelperPath', () => {
  let root: string;

  beforeAll(() => {
    root = makeTree('layout', {
      'with-src/src/components/Row.tsx': '',
      'with-src/README.md': '',
      'flat/app.ts': '',
      'flat/lib/': '',
    });
  });

  // [first path argument, cwd relative to the tree, expected helper relative to the tree]
  const cases: [string, string, string][] = [
    // A folder with a src folder: the helper goes into src.
    ['with-src', '.', 'with-src/src/sse-hub.js'],
    ['./with-src', '.', 'with-src/src/sse-hub.js'],
    ['.', 'with-src', 'with-src/src/sse-hub.js'],
    // src itself has no src folder, so the helper goes right into it.
    ['with-src/src', '.', 'with-src/src/sse-hub.js'],
    ['with-src/src/components', '.', 'with-src/src/components/sse-hub.js'],
    // A file counts from its folder.
    ['with-src/README.md', '.', 'with-src/src/sse-hub.js'],
    ['with-src/src/components/Row.tsx', '.', 'with-src/src/components/sse-hub.js'],
    ['flat/app.ts', '.', 'flat/sse-hub.js'],
    // A folder without src.
    ['flat', '.', 'flat/sse-hub.js'],
    ['flat/lib', '.', 'flat/lib/sse-hub.js'],
    // A glob counts from the folders before its first glob segment.
    ['with-src/src/**/*.tsx', '.', 'with-src/src/sse-hub.js'],
    ['with-src/**/*.ts', '.', 'with-src/src/sse-hub.js'],
    ['flat/*.{ts,tsx}', '.', 'flat/sse-hub.js'],
    ['with-src/src/comp*/Row.tsx', '.', 'with-src/src/sse-hub.js'],
    ['**/*.ts', 'flat', 'flat/sse-hub.js'],
    ['src/**', 'with-src', 'with-src/src/sse-hub.js'],
    // A path that does not exist counts from its nearest existing folder.
    ['flat/missing/deeper', '.', 'flat/sse-hub.js'],
    ['flat/missing/**/*.ts', '.', 'flat/sse-hub.js'],
  ];

  it.each(cases)('%s from %s → %s', (firstPath, cwd, expected) => {
    expect(defaultHelperPath(firstPath, join(root, cwd))).toBe(join(root, expected));
  });

  it('takes an absolute path or glob as it is, whatever the cwd', () => {
    expect(defaultHelperPath(join(root, 'flat'), join(root, 'with-src'))).toBe(join(root, 'flat', 'sse-hub.js'));
    expect(defaultHelperPath(`${root}/with-src/**/*.tsx`, join(root, 'flat'))).toBe(join(root, 'with-src', 'src', 'sse-hub.js'));
  });
});

describe('validateHelperPath', () => {
  it.each(['src/sse-hub.js', '/project/lib/hub.mjs', 'sse-hub.js', 'my_node_modules/sse-hub.js', 'src/sse-hub.ts', 'lib/hub.mts'])('accepts %s', (path) => {
    expect(validateHelperPath(path)).toBeNull();
  });

  it.each([
    ['src/sse-hub.cjs', /\.js or \.mjs \(or \.ts or \.mts for TypeScript\)/],
    ['src/sse-hub.tsx', /\.js or \.mjs/],
    ['src/sse-hub', /\.js or \.mjs/],
    ['src/sse-hub.js.bak', /\.js or \.mjs/],
    ['node_modules/sse-hub.js', /node_modules/],
    ['/project/node_modules/some-package/sse-hub.mjs', /node_modules/],
  ])('rejects %s', (path, message) => {
    expect(validateHelperPath(path)).toMatch(message);
  });
});

describe('helperSpecifierFor', () => {
  it.each([
    ['/p/src/app.ts', '/p/src/sse-hub.js', './sse-hub.js'],
    ['/p/src/components/Row.tsx', '/p/src/sse-hub.js', '../sse-hub.js'],
    ['/p/src/a/b/c.ts', '/p/src/sse-hub.js', '../../sse-hub.js'],
    ['/p/app.ts', '/p/src/lib/sse-hub.mjs', './src/lib/sse-hub.mjs'],
    ['/p/test/x.test.ts', '/p/src/sse-hub.js', '../src/sse-hub.js'],
    // A folder whose name starts with two dots is still below: it needs `./`.
    ['/p/app.ts', '/p/..generated/sse-hub.js', './..generated/sse-hub.js'],
    // Relative paths resolve against the same cwd.
    ['src/app.ts', 'src/sse-hub.js', './sse-hub.js'],
  ])('%s importing %s → %s', (fromFile, helperPath, expected) => {
    expect(helperSpecifierFor(fromFile, helperPath)).toBe(expected);
  });
});

describe('helperFiles', () => {
  const builtModule = (): string => readFileSync(join(bundleDir, 'sse-hub.js'), 'utf8');
  const builtDeclarations = (): string => readFileSync(join(bundleDir, 'sse-hub.d.ts'), 'utf8');

  it('pairs x.js with x.d.ts, with the built bundle as their text', () => {
    expect(helperFiles('/p/src/sse-hub.js')).toEqual([
      { path: join('/p/src/sse-hub.js'), text: builtModule() },
      { path: join('/p/src/sse-hub.d.ts'), text: builtDeclarations() },
    ]);
  });

  it('pairs x.mjs with x.d.mts', () => {
    expect(helperFiles('/p/lib/hub.mjs').map((file) => file.path)).toEqual([join('/p/lib/hub.mjs'), join('/p/lib/hub.d.mts')]);
  });

  it('heads both files with where they come from and the version', () => {
    for (const { text } of helperFiles('/p/sse-hub.js')) {
      expect(text.split('\n', 1)[0]).toBe(`// Generated by sse-codemod from sse-hub ${hubVersion}: a shared Server-Sent Events hub,`);
      expect(text).toMatch(/^\/\/ Do not edit by hand/m);
    }
  });
});

describe('helperState', () => {
  function writeHelper(dir: string, only?: 'module' | 'declarations'): string {
    const helperPath = join(dir, 'sse-hub.js');
    const [module, declarations] = helperFiles(helperPath);
    mkdirSync(dir, { recursive: true });
    if (only !== 'declarations') writeFileSync(module!.path, module!.text);
    if (only !== 'module') writeFileSync(declarations!.path, declarations!.text);
    return helperPath;
  }

  it('is absent when neither file exists', () => {
    expect(helperState(join(scratch, 'state-absent', 'sse-hub.js'))).toBe('absent');
  });

  it('is absent when a folder on the way is a file', () => {
    const dir = makeTree('state-file-in-way', { 'src': 'not a folder' });
    expect(helperState(join(dir, 'src', 'sse-hub.js'))).toBe('absent');
  });

  it('is current when both files are ours, byte for byte', () => {
    expect(helperState(writeHelper(join(scratch, 'state-current')))).toBe('current');
  });

  it('is current for an .mjs helper and its .d.mts', () => {
    const helperPath = join(scratch, 'state-mjs', 'hub.mjs');
    mkdirSync(dirname(helperPath), { recursive: true });
    for (const file of helperFiles(helperPath)) writeFileSync(file.path, file.text);
    expect(helperState(helperPath)).toBe('current');
  });

  it('is different when the declarations were edited', () => {
    const helperPath = writeHelper(join(scratch, 'state-edited'));
    const declarationsPath = join(scratch, 'state-edited', 'sse-hub.d.ts');
    writeFileSync(declarationsPath, readFileSync(declarationsPath, 'utf8').replace(hubVersion, '0.0.1'));
    expect(helperState(helperPath)).toBe('different');
  });

  it('is different when the module was edited', () => {
    const helperPath = writeHelper(join(scratch, 'state-edited-module'));
    writeFileSync(helperPath, readFileSync(helperPath, 'utf8').replace('maxAttempts: 10', 'maxAttempts: 100'));
    expect(helperState(helperPath)).toBe('different');
  });

  // Issue 13: the helper failed a project's `prettier --check`, and once reformatted the next
  // run called it "different". A formatter's changes leave it ours.
  it('is reformatted when only the layout changed: white space, quotes, semicolons, commas, parentheses', () => {
    const helperPath = writeHelper(join(scratch, 'state-reformatted'));
    const reformatted = readFileSync(helperPath, 'utf8')
      .replace(/^( +)/gm, (indent) => '\t'.repeat(indent.length / 2))
      // Quotes and semicolons in code only: a formatter leaves comments and template text as they are.
      .replace(/^(?!\s*(?:\/\/|\/?\*)).*$/gm, (line) => (line.includes('`') ? line : line.replace(/'([^'\\"]*)'/g, '"$1"')).replace(/;$/, ''))
      .replace(/\(([a-z]\w*)\) =>/g, '$1 =>');
    expect(reformatted).not.toBe(readFileSync(helperPath, 'utf8'));
    writeFileSync(helperPath, reformatted);
    expect(helperState(helperPath)).toBe('reformatted');
  });

  it('is different when a comment says another version wrote it, though the code is the same', () => {
    const helperPath = writeHelper(join(scratch, 'state-other-version'));
    writeFileSync(helperPath, readFileSync(helperPath, 'utf8').replace(`sse-hub ${hubVersion}`, 'sse-hub 0.0.1'));
    expect(helperState(helperPath)).toBe('different');
  });

  // A run interrupted between the two files: writing the missing one finishes the job.
  it('is absent when only our module exists, and only the declarations are missing', () => {
    const helperPath = writeHelper(join(scratch, 'state-module-only'), 'module');
    expect(helperState(helperPath)).toBe('absent');
    expect(missingHelperFiles(helperPath).map((file) => basename(file.path))).toEqual(['sse-hub.d.ts']);
  });

  it('is absent when only our declarations exist, and only the module is missing', () => {
    const helperPath = writeHelper(join(scratch, 'state-declarations-only'), 'declarations');
    expect(helperState(helperPath)).toBe('absent');
    expect(missingHelperFiles(helperPath).map((file) => basename(file.path))).toEqual(['sse-hub.js']);
  });

  it('is different when the one file present is not ours', () => {
    const helperPath = join(scratch, 'state-foreign-module', 'sse-hub.js');
    mkdirSync(dirname(helperPath), { recursive: true });
    writeFileSync(helperPath, 'export function sharedEventSource() {}\n');
    expect(helperState(helperPath)).toBe('different');
  });
});

describe('the built bundle', () => {
  /** Every module, type package or lib a file pulls in, as TypeScript's own pre-processor finds them. */
  function referencesOf(text: string): string[] {
    const found = ts.preProcessFile(text, true, true);
    return [...found.importedFiles, ...found.referencedFiles, ...found.typeReferenceDirectives, ...found.libReferenceDirectives].map(
      (reference) => reference.fileName,
    );
  }

  it('exports exactly the runtime names of src/hub/index.ts', async () => {
    const bundle = (await import(pathToFileURL(join(bundleDir, 'sse-hub.js')).href)) as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual(Object.keys(hubSource).sort());
    expect(Object.keys(bundle)).toContain('sharedEventSource');
    expect(bundle['DEFAULT_HUB_ENDPOINT']).toBe(hubSource.DEFAULT_HUB_ENDPOINT);
  });

  it('imports, requires and references nothing', () => {
    // The detector itself sees each kind of reference.
    const sample = "// header\n/// <reference types=\"node\" />\nimport a from 'a';\nconst b = require('b');\nawait import('c');\n";
    expect(referencesOf(sample)).toEqual(['a', 'b', 'c', 'node']);
    expect(referencesOf(readFileSync(join(bundleDir, 'sse-hub.js'), 'utf8'))).toEqual([]);
    expect(referencesOf(readFileSync(join(bundleDir, 'sse-hub.d.ts'), 'utf8'))).toEqual([]);
  });

  it('is the same, byte for byte, every time it is built', async () => {
    const run = promisify(execFile);
    const outDirs = [join(scratch, 'build-a'), join(scratch, 'build-b')];
    await Promise.all(outDirs.map((outDir) => run(process.execPath, [buildScript, '--out-dir', outDir], { cwd: scratch })));
    for (const name of ['sse-hub.js', 'sse-hub.d.ts']) {
      const [first, second] = outDirs.map((outDir) => readFileSync(join(outDir, name)));
      expect(first!.length).toBeGreaterThan(1000);
      expect(first!.equals(second!)).toBe(true);
    }
  });
});

describe('the helper in a strict TypeScript project', () => {
  const strictOptions = { strict: true, lib: ['dom', 'es2022'], skipLibCheck: false, noEmit: true, types: [] };

  const goodConsumer = `import { configureHub, sharedEventSource, subscribe } from './HELPER';

const url = new URL('/events', 'https://example.test');
configureHub({ endpoint: '/__sse_hub' });
const source: EventSource = sharedEventSource(url);
source.addEventListener('message', (e) => e.data);
sharedEventSource('/feed', { withCredentials: true }).addEventListener('message', (e) => e.data);
const stop: () => void = subscribe(url, { message: (e) => e.data });
stop();
`;

  /** Writes the helper (as `helperName`), the consumer and the config into a fresh project; returns its diagnostics. */
  function typeCheck(
    name: string,
    project: { compilerOptions: object; packageJson?: object; helperName: string; consumerName: string; consumer: string },
  ): string[] {
    const dir = makeTree(name, {
      'tsconfig.json': JSON.stringify({ compilerOptions: project.compilerOptions, files: [project.consumerName] }),
      [project.consumerName]: project.consumer.replace('HELPER', project.helperName),
      ...(project.packageJson ? { 'package.json': JSON.stringify(project.packageJson) } : {}),
    });
    for (const file of helperFiles(join(dir, project.helperName))) writeFileSync(file.path, file.text);

    const config = ts.getParsedCommandLineOfConfigFile(join(dir, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!config) throw new Error(`Cannot read ${name}/tsconfig.json`);
    expect(config.errors).toEqual([]);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    // The helper's declarations must be part of the check, or a clean result proves nothing.
    expect(program.getSourceFiles().map((file) => file.fileName)).toContain(join(dir, project.helperName.replace(/\.(m?)js$/, '.d.$1ts')));
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${diagnostic.file.fileName.slice(dir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
        : 'global';
      return `${where} TS${diagnostic.code}`;
    });
  }

  it('type-checks with moduleResolution bundler and the strictest options', () => {
    const diagnostics = typeCheck('types-bundler', {
      compilerOptions: {
        ...strictOptions,
        module: 'esnext',
        moduleResolution: 'bundler',
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        verbatimModuleSyntax: true,
      },
      helperName: 'sse-hub.js',
      consumerName: 'consumer.ts',
      consumer: goodConsumer,
    });
    expect(diagnostics).toEqual([]);
  });

  it('type-checks with NodeNext in an ES module package', () => {
    const diagnostics = typeCheck('types-nodenext', {
      compilerOptions: { ...strictOptions, module: 'nodenext', moduleResolution: 'nodenext' },
      packageJson: { type: 'module' },
      helperName: 'sse-hub.js',
      consumerName: 'consumer.ts',
      consumer: goodConsumer,
    });
    expect(diagnostics).toEqual([]);
  });

  it('type-checks as .mjs with .d.mts under NodeNext', () => {
    const diagnostics = typeCheck('types-mjs', {
      compilerOptions: { ...strictOptions, module: 'nodenext', moduleResolution: 'nodenext', verbatimModuleSyntax: true },
      helperName: 'sse-hub.mjs',
      consumerName: 'consumer.mts',
      consumer: goodConsumer,
    });
    expect(diagnostics).toEqual([]);
  });

  it('reports a consumer that misuses it', () => {
    const diagnostics = typeCheck('types-wrong', {
      compilerOptions: { ...strictOptions, module: 'esnext', moduleResolution: 'bundler' },
      helperName: 'sse-hub.js',
      consumerName: 'consumer.ts',
      consumer: `import { configureHub, sharedEventSource, subscribe } from './HELPER';
sharedEventSource(42);
configureHub({ endpoint: 7 });
subscribe('/feed', { message: (e) => { const n: number = e.data; return n; } });
`,
    });
    // A number is not a URL, an endpoint is a string, and event data is a string (not `any`).
    expect(diagnostics).toEqual(['consumer.ts:2 TS2345', 'consumer.ts:3 TS2322', 'consumer.ts:4 TS2322']);
  });
});
