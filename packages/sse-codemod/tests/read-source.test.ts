/**
 * Reading a source file: text and its byte-order mark, and every kind of file the codemod
 * must leave alone (links, binary, huge, not UTF-8) or cannot read.
 */
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, decodeSource, describeFileError, encodeSource, readSource } from '../src/read-source.js';
import { makeTemporaryDirectory, removeTree } from './support/temporary-tree.js';

let root: string;

beforeAll(() => {
  root = makeTemporaryDirectory('read');
});

afterAll(() => removeTree(root));

function fileWith(name: string, content: string | Uint8Array): string {
  const file = path.join(root, name);
  writeFileSync(file, content);
  return file;
}

describe('readSource', () => {
  it('reads UTF-8 text and keeps the bytes it read', async () => {
    const bytes = Buffer.from('const é = new EventSource("/ü");\n', 'utf8');
    const read = await readSource(fileWith('plain.ts', bytes));
    expect(read).toEqual({ kind: 'text', text: 'const é = new EventSource("/ü");\n', hasBom: false, bytes });
  });

  it('strips a byte-order mark for planning and puts it back on encoding', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('let a = 1;\n')]);
    const read = await readSource(fileWith('bom.ts', bytes));
    expect(read.kind).toBe('text');
    if (read.kind !== 'text') return;
    expect(read.text).toBe('let a = 1;\n');
    expect(read.hasBom).toBe(true);
    expect(encodeSource(read.text, read.hasBom).equals(bytes)).toBe(true);
    expect(encodeSource('let a = 1;\n', false).equals(Buffer.from('let a = 1;\n'))).toBe(true);
  });

  it('skips a file with a NUL byte in its first 8 KiB as binary', async () => {
    const bytes = Buffer.concat([Buffer.from('new EventSource("/x");'), Buffer.from([0, 1, 2])]);
    expect(await readSource(fileWith('image.ts', bytes))).toEqual({ kind: 'skipped', reason: 'binary file' });
  });

  it('reads a file whose first NUL comes after 8 KiB (a NUL is valid text)', async () => {
    const text = `${'/'.repeat(8 * 1024)}\u0000\n`;
    const read = await readSource(fileWith('late-nul.ts', text));
    expect(read.kind === 'text' && read.text).toBe(text);
  });

  it('skips text that is not valid UTF-8 rather than corrupt it', async () => {
    const latin1 = Buffer.from('const name = "caf\xe9";\n', 'latin1');
    expect(await readSource(fileWith('latin1.ts', latin1))).toEqual({ kind: 'skipped', reason: 'not valid UTF-8' });
  });

  it('skips a file larger than 10 MiB without reading it', async () => {
    const file = fileWith('huge.js', '');
    // Sparse: the size is there without writing 10 MiB.
    truncateSync(file, MAX_SOURCE_BYTES + 1);
    expect(await readSource(file)).toEqual({ kind: 'skipped', reason: 'larger than 10 MiB (10485761 bytes)' });
    const atLimit = fileWith('at-limit.js', '');
    truncateSync(atLimit, MAX_SOURCE_BYTES);
    // Exactly 10 MiB is allowed in; this one is all NULs, so it is then skipped as binary.
    expect(await readSource(atLimit)).toEqual({ kind: 'skipped', reason: 'binary file' });
  });

  it('skips a symbolic link without following it, even to a readable source', async () => {
    const target = fileWith('target.ts', 'new EventSource("/x");\n');
    symlinkSync(target, path.join(root, 'link.ts'));
    expect(await readSource(path.join(root, 'link.ts'))).toEqual({ kind: 'skipped', reason: 'symbolic link: not followed' });
  });

  it('skips what is not a regular file', async () => {
    mkdirSync(path.join(root, 'folder.ts'));
    expect(await readSource(path.join(root, 'folder.ts'))).toEqual({ kind: 'skipped', reason: 'not a regular file' });
  });

  it('fails with the error of a file it cannot read', async () => {
    expect(await readSource(path.join(root, 'gone.ts'))).toEqual({ kind: 'failed', reason: 'ENOENT: no such file or directory' });
    const notAFolder = fileWith('plain-file', 'x');
    expect(await readSource(path.join(notAFolder, 'inside.ts'))).toEqual({ kind: 'failed', reason: 'ENOTDIR: not a directory' });
  });
});

describe('decodeSource', () => {
  it('reads an empty file as empty text', () => {
    expect(decodeSource(Buffer.alloc(0))).toEqual({ kind: 'text', text: '', hasBom: false, bytes: Buffer.alloc(0) });
  });
});

describe('describeFileError', () => {
  it("drops the syscall and path Node appends, and keeps the code", () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/srv/app/a.ts'"), { code: 'EACCES' });
    expect(describeFileError(error)).toBe('EACCES: permission denied');
    const rename = Object.assign(new Error("EXDEV: cross-device link not permitted, rename '/a' -> '/b'"), { code: 'EXDEV' });
    expect(describeFileError(rename)).toBe('EXDEV: cross-device link not permitted');
    expect(describeFileError(Object.assign(new Error('disk on fire'), { code: 'EIO' }))).toBe('EIO: disk on fire');
    expect(describeFileError('plain')).toBe('plain');
  });
});
