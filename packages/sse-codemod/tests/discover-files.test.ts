/**
 * Which files a run looks at: paths, directories and globs; .gitignore (also a parent's);
 * node_modules and declaration files never; symbolic links listed but never followed; and a
 * usage error for anything that matches nothing. With --project, the tsconfig's list.
 */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli-arguments.js';
import { discoverFiles, isConvertibleSource, searchDirectoryOf } from '../src/discover-files.js';
import { initRepository, makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

let root: string;

beforeAll(() => {
  root = makeTemporaryDirectory('discover');
  writeTree(root, {
    '.gitignore': 'generated/\n',
    'src/app.ts': '',
    'src/view.tsx': '',
    'src/worker.mjs': '',
    'src/JobRow.vue': '',
    'src/Feed.svelte': '',
    'generated/Generated.vue': '',
    'src/legacy.cjs': '',
    'src/types.d.ts': '',
    'src/module-types.d.mts': '',
    'src/notes.md': '',
    'src/nested/.gitignore': 'local.ts\n',
    'src/nested/local.ts': '',
    'src/nested/kept.ts': '',
    'src/nested/deep/leaf.jsx': '',
    'generated/bundle.js': '',
    'node_modules/library/index.js': '',
    'src/node_modules/vendored.js': '',
    'tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true }, include: ['src'], exclude: ['src/nested/deep'] }),
    'bad-tsconfig.json': JSON.stringify({ extends: './missing-base.json' }),
  });
  symlinkSync('src/app.ts', path.join(root, 'alias.ts'));
  // A link to its own folder: following it would never end.
  symlinkSync('.', path.join(root, 'src/loop'));
  initRepository(root);
});

afterAll(() => removeTree(root));

function relativeToRoot(files: string[]): string[] {
  return files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

async function discover(paths: string[], project: string | null = null): Promise<string[]> {
  return relativeToRoot(await discoverFiles({ paths, cwd: root, project }));
}

async function usageErrorOf(paths: string[], project: string | null = null): Promise<string> {
  const error: unknown = await discoverFiles({ paths, cwd: root, project }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('discoverFiles', () => {
  it('lists the sources under the current directory, sorted, without ignored files, node_modules, declarations or other files', async () => {
    // alias.ts is listed (to be reported as a link) but src/loop is not entered.
    expect(await discover([])).toEqual([
      'alias.ts',
      'src/Feed.svelte',
      'src/JobRow.vue',
      'src/app.ts',
      'src/legacy.cjs',
      'src/nested/deep/leaf.jsx',
      'src/nested/kept.ts',
      'src/view.tsx',
      'src/worker.mjs',
    ]);
  });

  it('searches a directory with the .gitignore files of its parents and its own', async () => {
    expect(await discover(['src/nested'])).toEqual(['src/nested/deep/leaf.jsx', 'src/nested/kept.ts']);
    // generated/ is ignored by the root .gitignore, even when it is the folder searched.
    expect(await usageErrorOf(['generated'])).toBe(
      'No JavaScript, TypeScript, Vue or Svelte files were found in "generated" (.gitignore and node_modules excluded).',
    );
  });

  it('expands globs from their static folder and merges duplicate matches', async () => {
    expect(await discover(['src/**/*.tsx', 'src/*.ts', 'src/app.ts'])).toEqual(['src/app.ts', 'src/view.tsx']);
    expect(await discover(['src/**/*.vue', 'src/Feed.svelte'])).toEqual(['src/Feed.svelte', 'src/JobRow.vue']);
    expect(await usageErrorOf(['src/**/*.astro'])).toBe('No JavaScript, TypeScript, Vue or Svelte files matching the pattern "src/**/*.astro" were found.');
    // Declaration files never count, even when a glob names them.
    expect(await usageErrorOf(['src/*.d.ts'])).toBe('No JavaScript, TypeScript, Vue or Svelte files matching the pattern "src/*.d.ts" were found.');
  });

  it('says why a file named on the command line is not used', async () => {
    expect(await usageErrorOf(['src/missing.ts'])).toBe('No such file or directory: "src/missing.ts".');
    expect(await usageErrorOf(['src/nested/local.ts'])).toBe('"src/nested/local.ts" is ignored by .gitignore.');
    expect(await usageErrorOf(['src/notes.md'])).toMatch(/^"src\/notes\.md" is not a JavaScript, TypeScript, Vue or Svelte source file/);
    expect(await usageErrorOf(['src/types.d.ts'])).toMatch(/^"src\/types\.d\.ts" is not a JavaScript, TypeScript, Vue or Svelte source file/);
    expect(await usageErrorOf(['node_modules/library/index.js'])).toBe(
      '"node_modules/library/index.js" is inside node_modules, which sse-codemod never changes.',
    );
  });

  it('lists a symbolic link named on the command line, without following it', async () => {
    expect(await discover(['alias.ts'])).toEqual(['alias.ts']);
  });

  it('takes the file list of a tsconfig, restricted to the given paths', async () => {
    expect(await discover([], 'tsconfig.json')).toEqual(['src/Feed.svelte', 'src/JobRow.vue', 'src/app.ts', 'src/legacy.cjs', 'src/nested/kept.ts', 'src/view.tsx', 'src/worker.mjs']);
    expect(await discover(['src/nested'], 'tsconfig.json')).toEqual(['src/nested/kept.ts']);
    expect(await usageErrorOf(['src/nested/deep'], 'tsconfig.json')).toBe('None of the files of tsconfig.json match the given paths.');
  });

  it("reports a tsconfig TypeScript cannot read with TypeScript's own message", async () => {
    const message = await usageErrorOf([], 'bad-tsconfig.json');
    expect(message).toContain(path.join(root, 'bad-tsconfig.json'));
    expect(message).toContain(`Cannot read file '${path.join(root, 'missing-base.json')}'.`);
    expect(await usageErrorOf([], 'no-such-tsconfig.json')).toMatch(/Cannot read file '.*no-such-tsconfig\.json'/);
  });
});

describe('searchDirectoryOf', () => {
  it('is the folder itself, the folder of a file, or the static part of a glob', () => {
    expect(searchDirectoryOf('src/nested', root)).toBe(path.join(root, 'src/nested'));
    expect(searchDirectoryOf('src/app.ts', root)).toBe(path.join(root, 'src'));
    expect(searchDirectoryOf('src/nested/**/*.ts', root)).toBe(path.join(root, 'src/nested'));
    expect(searchDirectoryOf('**/*.ts', root)).toBe(root);
  });
});

describe('isConvertibleSource', () => {
  it('takes the eight source extensions, Vue and Svelte components, and no declaration file', () => {
    for (const name of ['a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.tsx', 'a.mts', 'a.cts', 'A.vue', 'A.svelte']) expect(isConvertibleSource(name)).toBe(true);
    for (const name of ['a.d.ts', 'a.d.mts', 'a.d.cts', 'a.json', 'a.astro', 'a.vue.bak', 'a.ts.bak']) expect(isConvertibleSource(name)).toBe(false);
  });
});
