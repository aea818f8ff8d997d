/**
 * The git work-tree check behind --write's refusal: clean, dirty (untracked files count), not
 * a repository; and the parsing of `git status --porcelain -z`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePorcelainPaths, readGitWorkTreeState } from '../src/git-state.js';
import { git, initRepository, makeTemporaryDirectory, removeTree, writeTree } from './support/temporary-tree.js';

let repository: string;
let outside: string;

beforeAll(() => {
  repository = makeTemporaryDirectory('git');
  writeTree(repository, { 'src/a.ts': 'a\n', 'src/b.ts': 'b\n', 'README.md': 'r\n' });
  initRepository(repository);
  outside = makeTemporaryDirectory('not-git');
});

afterAll(() => {
  removeTree(repository);
  removeTree(outside);
});

describe('readGitWorkTreeState', () => {
  it('is clean after a commit, from any folder of the work tree', async () => {
    expect(await readGitWorkTreeState(path.join(repository, 'src'))).toEqual({ kind: 'clean', root: repository });
  });

  it('lists modified, renamed and untracked paths from the repository root', async () => {
    writeFileSync(path.join(repository, 'src/a.ts'), 'changed\n');
    git(repository, 'mv', 'src/b.ts', 'src/renamed.ts');
    writeFileSync(path.join(repository, 'new file.ts'), 'untracked\n');
    const state = await readGitWorkTreeState(path.join(repository, 'src'));
    expect(state.kind === 'dirty' && state.root).toBe(repository);
    // In git's order, which is not ours to promise.
    expect(state.kind === 'dirty' && [...state.paths].sort()).toEqual(['new file.ts', 'src/a.ts', 'src/renamed.ts']);
  });

  it('says when the folder is not in a git repository', async () => {
    // The system's temporary folder is not inside a work tree (unless this machine is odd).
    expect(await readGitWorkTreeState(outside)).toEqual({ kind: 'not-a-repository' });
  });
});

describe('parsePorcelainPaths', () => {
  it('takes each path once, skipping the source of a rename or copy', () => {
    expect(parsePorcelainPaths(' M src/a.ts\0R  new.ts\0old.ts\0?? untracked dir/\0C  copy.ts\0orig.ts\0')).toEqual([
      'src/a.ts',
      'new.ts',
      'untracked dir/',
      'copy.ts',
    ]);
    expect(parsePorcelainPaths('')).toEqual([]);
  });
});
