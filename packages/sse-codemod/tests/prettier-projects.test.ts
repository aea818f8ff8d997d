/**
 * Prettier has no comment that exempts a whole JavaScript or TypeScript file, so the run tells a
 * project that Prettier formats to list the helper in `.prettierignore` (issue 13: the trial's
 * helper failed the repository's `prettier --check`).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { formattedByPrettier } from '../src/next-steps.js';
import { initRepository, makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

const run = promisify(execFile);
const cliPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ROWS = 'const ids = [1, 2, 3];\nexport const sources = ids.map((id) => new EventSource(`/rows/${id}/events`));\n';
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) removeTree(root);
});

function tree(name: string, files: Record<string, string>): string {
  const root = makeTemporaryDirectory(name);
  roots.push(root);
  writeTree(root, files);
  return root;
}

const list = (folder: string): string[] => {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
};
const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

describe('formattedByPrettier', () => {
  it.each([
    ['.prettierrc', '{}'],
    ['.prettierrc.json', '{}'],
    ['.prettierrc.yaml', 'semi: false'],
    ['prettier.config.mjs', 'export default {};'],
    ['.prettierrc.cjs', 'module.exports = {};'],
  ])('finds %s in a folder above', (name, text) => {
    const root = tree('prettier-config', { [name]: text, 'packages/app/src/.keep': '' });
    expect(formattedByPrettier(path.join(root, 'packages/app/src'), list, read)).toBe(true);
  });

  it('finds a prettier key in a package.json, and ignores one without it or one that does not parse', () => {
    const withKey = tree('prettier-key', { 'package.json': JSON.stringify({ name: 'a', prettier: '@company/prettier-config' }), 'src/.keep': '' });
    const without = tree('prettier-none', { 'package.json': JSON.stringify({ name: 'b' }), 'src/.keep': '', '.prettier-cache': '' });
    const broken = tree('prettier-broken', { 'package.json': '{ not json', 'src/.keep': '' });
    expect(formattedByPrettier(path.join(withKey, 'src'), list, read)).toBe(true);
    expect(formattedByPrettier(path.join(without, 'src'), list, read)).toBe(false);
    expect(formattedByPrettier(path.join(broken, 'src'), list, read)).toBe(false);
  });
});

describe('sse-codemod --write in a project that Prettier formats', () => {
  it('prints one line naming the helper to add to .prettierignore; without Prettier, none', async () => {
    const formatted = tree('prettier-app', { 'package.json': JSON.stringify({ name: 'app', type: 'module' }), '.prettierrc': '{ "singleQuote": true }', 'src/rows.js': ROWS });
    const plain = tree('plain-app', { 'package.json': JSON.stringify({ name: 'app', type: 'module' }), 'src/rows.js': ROWS });
    for (const root of [formatted, plain]) initRepository(root);
    const lines = async (root: string): Promise<string[]> =>
      (await run(process.execPath, [cliPath, '--write', '--endpoint', '/__sse_hub', 'src'], { cwd: root, encoding: 'utf8' })).stdout.split('\n').filter((line) => line.includes('Prettier'));
    expect(await lines(formatted)).toEqual(['Prettier formats this project: add src/sse-hub.js to .prettierignore (Prettier has no comment that exempts a whole file).']);
    expect(await lines(plain)).toEqual([]);
  });
});
