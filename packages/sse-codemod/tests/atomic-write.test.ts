/**
 * Atomic writes: the new content replaces the file through a temporary file in the same
 * folder, keeps the file's mode, and is refused (leaving the file and the folder as they
 * were) when the file changed since it was read, is read-only, or became a link.
 */
import { chmodSync, readFileSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomically } from '../src/atomic-write.js';
import { makeTemporaryDirectory, removeTree } from './support/temporary-tree.js';

let root: string;

beforeAll(() => {
  root = makeTemporaryDirectory('atomic');
});

afterAll(() => removeTree(root));

const OLD = Buffer.from('old text\n');
const NEW = Buffer.from('new text\n');

describe('writeFileAtomically', () => {
  it('replaces the file, keeps its mode and leaves no temporary file', async () => {
    const folder = path.join(root, 'replace');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(file, OLD, { kind: 'absent' });
    chmodSync(file, 0o754);
    expect(await writeFileAtomically(file, NEW, { kind: 'bytes', bytes: OLD })).toEqual({ ok: true });
    expect(readFileSync(file)).toEqual(NEW);
    expect(statSync(file).mode & 0o777).toBe(0o754);
    expect(readdirSync(folder)).toEqual(['a.ts']);
  });

  it('refuses a file that changed on disk since it was read, and leaves the newer content', async () => {
    const folder = path.join(root, 'changed');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(file, Buffer.from('edited in the editor meanwhile\n'), { kind: 'absent' });
    expect(await writeFileAtomically(file, NEW, { kind: 'bytes', bytes: OLD })).toEqual({
      ok: false,
      reason: 'changed on disk since it was read',
    });
    expect(readFileSync(file, 'utf8')).toBe('edited in the editor meanwhile\n');
    expect(readdirSync(folder)).toEqual(['a.ts']);
  });

  it('refuses a file deleted since it was read rather than recreate it', async () => {
    const folder = path.join(root, 'deleted');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(file, OLD, { kind: 'absent' });
    unlinkSync(file);
    expect(await writeFileAtomically(file, NEW, { kind: 'bytes', bytes: OLD })).toEqual({ ok: false, reason: 'deleted since it was read' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a read-only file, which a rename would otherwise replace', async () => {
    const folder = path.join(root, 'read-only');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(file, OLD, { kind: 'absent' });
    chmodSync(file, 0o444);
    expect(await writeFileAtomically(file, NEW, { kind: 'bytes', bytes: OLD })).toEqual({ ok: false, reason: 'read-only file' });
    expect(readFileSync(file)).toEqual(OLD);
    expect(readdirSync(folder)).toEqual(['a.ts']);
  });

  it('refuses a file that became a symbolic link, and leaves the link', async () => {
    const folder = path.join(root, 'became-link');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(path.join(folder, 'target.ts'), OLD, { kind: 'absent' });
    symlinkSync('target.ts', file);
    expect(await writeFileAtomically(file, NEW, { kind: 'bytes', bytes: OLD })).toEqual({
      ok: false,
      reason: 'replaced by a symbolic link since it was read',
    });
    expect(readFileSync(path.join(folder, 'target.ts'))).toEqual(OLD);
    expect(readdirSync(folder).sort()).toEqual(['a.ts', 'target.ts']);
  });

  it('creates a new file, and its folders, when the file must be absent', async () => {
    const file = path.join(root, 'new', 'deep', 'sse-hub.js');
    expect(await writeFileAtomically(file, NEW, { kind: 'absent' })).toEqual({ ok: true });
    expect(readFileSync(file)).toEqual(NEW);
    expect(readdirSync(path.dirname(file))).toEqual(['sse-hub.js']);
  });

  it('refuses to create a file that appeared during the run', async () => {
    const folder = path.join(root, 'appeared');
    const file = path.join(folder, 'sse-hub.js');
    await writeFileAtomically(file, OLD, { kind: 'absent' });
    expect(await writeFileAtomically(file, NEW, { kind: 'absent' })).toEqual({
      ok: false,
      reason: 'created on disk by something else during the run',
    });
    expect(readFileSync(file)).toEqual(OLD);
  });

  it('removes its temporary file when writing it fails, and leaves the original', async () => {
    const folder = path.join(root, 'write-fails');
    const file = path.join(folder, 'a.ts');
    await writeFileAtomically(file, OLD, { kind: 'absent' });
    // Content Node refuses to write: the failure comes after the temporary file exists.
    const outcome = await writeFileAtomically(file, 42 as unknown as Uint8Array, { kind: 'bytes', bytes: OLD });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toMatch(/^ERR_INVALID_ARG_TYPE: The "data" argument must be/);
    expect(readFileSync(file)).toEqual(OLD);
    expect(readdirSync(folder)).toEqual(['a.ts']);
  });

  it('reports what the file system refused, without throwing, and removes nothing it did not create', async () => {
    const folder = path.join(root, 'blocked');
    // A file where the folder should be: the folder cannot be created.
    writeFileSync(folder, 'not a folder');
    expect(await writeFileAtomically(path.join(folder, 'a.ts'), NEW, { kind: 'absent' })).toEqual({
      ok: false,
      reason: 'ENOTDIR: not a directory',
    });
    expect(readFileSync(folder, 'utf8')).toBe('not a folder');
  });
});

describe('temporaryPathFor', () => {
  it('is a hidden file beside the target, named after it and this process', () => {
    const temporary = temporaryPathFor('/srv/app/src/rows.ts');
    expect(path.dirname(temporary)).toBe('/srv/app/src');
    expect(path.basename(temporary)).toMatch(new RegExp(`^\\.rows\\.ts\\.sse-codemod-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(temporaryPathFor('/srv/a.ts')).not.toBe(temporaryPathFor('/srv/a.ts'));
  });
});
