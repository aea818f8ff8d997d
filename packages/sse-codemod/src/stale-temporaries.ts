/**
 * Temporary files that an interrupted `--write` left behind. A run killed between writing a
 * file's new content to `.name.sse-codemod-<pid>-<hex>.tmp` and renaming it over the file
 * leaves that temporary file (the file itself is intact, old or new); the killed process
 * cannot remove it. The next `--write` removes those whose run is gone, in the directories it
 * writes to.
 */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The name `temporaryPathFor` gives, with the writing run's process id. */
const TEMPORARY_NAME = /^\..+\.sse-codemod-(\d+)-[0-9a-f]{12}\.tmp$/;

/** Whether a process with that id exists; a reused id keeps the file, which is the safe way to be wrong. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `name` is a temporary file of a run that is no longer running. */
export function isStaleTemporaryName(name: string): boolean {
  const match = TEMPORARY_NAME.exec(name);
  return match !== null && !isRunning(Number(match[1]));
}

/** Removes stale temporary files in `directories`; returns their paths. Never throws. */
export async function removeStaleTemporaries(directories: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const directory of new Set(directories)) {
    const names = await readdir(directory).catch(() => [] as string[]);
    for (const name of names) {
      if (!isStaleTemporaryName(name)) continue;
      const file = path.join(directory, name);
      // Another run may have removed it first; that is as good.
      if (await unlink(file).then(() => true, () => false)) removed.push(file);
    }
  }
  return removed;
}
