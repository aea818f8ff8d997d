/**
 * Writes a file so that an interrupted run leaves it either as it was or as planned, never
 * half-written: the new content goes to a temporary file in the same directory (so the
 * rename stays on one file system), is flushed to disk, takes the original's mode, and is
 * renamed over the original.
 *
 * Before that it proves the file is still what the run read: an editor or a formatter that
 * saved it in the meantime would otherwise lose its change. (A write in the few
 * microseconds between that check and the rename cannot be detected by any tool.)
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError, readBytesNoFollow } from './read-source.js';

/** What the file must hold just before it is replaced: the bytes read at the start, or nothing (a new file). */
export type ExpectedContent = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'absent' };

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

/** `.name.sse-codemod-<pid>-<random>.tmp`: hidden, traceable to its run, never a name the user has. */
export function temporaryPathFor(filePath: string): string {
  const name = `.${path.basename(filePath)}.sse-codemod-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(filePath), name);
}

/** Replaces `filePath` with `content` atomically, or says why it did not; never throws. */
export async function writeFileAtomically(filePath: string, content: Uint8Array, expected: ExpectedContent): Promise<WriteOutcome> {
  let mode: number | null;
  try {
    const current = await readBytesNoFollow(filePath);
    const problem = compareWithExpected(current, expected);
    if (problem !== null) return { ok: false, reason: problem };
    mode = current === null ? null : (await lstat(filePath)).mode & 0o7777;
    if (mode !== null && !(await isWritable(filePath, mode))) return { ok: false, reason: 'read-only file' };
    if (current === null) await mkdir(path.dirname(filePath), { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { ok: false, reason: 'replaced by a symbolic link since it was read' };
    return { ok: false, reason: describeFileError(error) };
  }

  const temporary = temporaryPathFor(filePath);
  let created = false;
  try {
    // A new file gets the usual 0o666 minus the umask; a replaced one keeps its mode exactly.
    const handle = await open(temporary, 'wx', mode ?? 0o666);
    created = true;
    try {
      await handle.writeFile(content);
      if (mode !== null) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
    return { ok: true };
  } catch (error) {
    if (created) await unlink(temporary).catch(() => undefined);
    return { ok: false, reason: describeFileError(error) };
  }
}

function compareWithExpected(current: Buffer | null, expected: ExpectedContent): string | null {
  if (expected.kind === 'absent') return current === null ? null : 'created on disk by something else during the run';
  if (current === null) return 'deleted since it was read';
  return current.equals(expected.bytes) ? null : 'changed on disk since it was read';
}

/**
 * A rename needs only the directory to be writable, so it would silently replace a file the
 * user marked read-only; check the file itself. The mode bits matter even where `access`
 * says yes (it always does for root).
 */
async function isWritable(filePath: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return access(filePath, constants.W_OK).then(
    () => true,
    () => false,
  );
}
