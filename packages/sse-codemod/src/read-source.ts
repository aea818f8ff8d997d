/**
 * Reads one source file for the codemod, refusing what it must not touch: symbolic links
 * (rewriting one would replace the link with a file), huge files, binary files and text
 * that is not UTF-8 (decoding and re-encoding it would corrupt it).
 */
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

/** Larger files are generated or bundled code, not sources to migrate by hand. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** How much of the start of a file is searched for a NUL byte, as git does to call a file binary. */
const BINARY_PROBE_BYTES = 8 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

// Where the platform has it (not Windows), opening with O_NOFOLLOW closes the gap between
// the lstat and the open in which a file could be swapped for a link.
const OPEN_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export type SourceRead =
  /** `bytes` are the file as read, kept to prove before writing that nobody changed it since. */
  | { kind: 'text'; text: string; hasBom: boolean; bytes: Buffer }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

/** One line for a file-system error: `EACCES: permission denied`, without the path Node appends. */
export function describeFileError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message.replace(/, \w+ '.*'$/, '');
    return code && !message.startsWith(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}

/** Reads the bytes of a regular file without following a symbolic link; null when it does not exist. */
export async function readBytesNoFollow(filePath: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(filePath, OPEN_NO_FOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function readSource(filePath: string): Promise<SourceRead> {
  try {
    const link = await lstat(filePath);
    if (link.isSymbolicLink()) return { kind: 'skipped', reason: 'symbolic link: not followed' };
    const handle = await open(filePath, OPEN_NO_FOLLOW);
    let bytes: Buffer;
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
      if (stats.size > MAX_SOURCE_BYTES) return { kind: 'skipped', reason: tooLarge(stats.size) };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    // The file may have grown between the stat and the read.
    if (bytes.length > MAX_SOURCE_BYTES) return { kind: 'skipped', reason: tooLarge(bytes.length) };
    return decodeSource(bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'skipped', reason: 'symbolic link: not followed' };
    return { kind: 'failed', reason: describeFileError(error) };
  }
}

function tooLarge(size: number): string {
  return `larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB (${size} bytes)`;
}

/** Turns the bytes of a file into the text to plan, or says why it cannot be planned. */
export function decodeSource(bytes: Buffer): SourceRead {
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return { kind: 'skipped', reason: 'binary file' };
  const hasBom = bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom ? bytes.subarray(UTF8_BOM.length) : bytes);
  } catch {
    return { kind: 'skipped', reason: 'not valid UTF-8' };
  }
  return { kind: 'text', text, hasBom, bytes };
}

/** The bytes to write for planned text: UTF-8, with the byte-order mark back if the file had one. */
export function encodeSource(text: string, hasBom: boolean): Buffer {
  const encoded = Buffer.from(text, 'utf8');
  return hasBom ? Buffer.concat([UTF8_BOM, encoded]) : encoded;
}
