/**
 * Folders for tests that write files, made fresh on request and removed after the test file.
 * A case that writes imported files wants a folder of its own: the analysis caches what it read
 * of another file by path and modification time, so a second case writing the same name in the
 * same millisecond could read the first one's file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, named `sse-<prefix>-…`. */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `sse-${prefix}-`));
  made.push(folder);
  return folder;
}

/** The folder of the running case, and a way to write a file into it. */
export interface CaseFolder {
  readonly path: string;
  write(name: string, text: string): void;
}

/** A fresh folder for every case of the test file (made before each case). */
export function folderPerCase(prefix: string): CaseFolder {
  let current = '';
  beforeEach(() => {
    current = scratchFolder(prefix);
  });
  return {
    get path() {
      return current;
    },
    write(name, text) {
      writeFileSync(path.join(current, name), text);
    },
  };
}

/** A fresh folder holding `files` (relative path → text), folders made as the paths need; its path. */
export function scratchProject(prefix: string, files: Record<string, string>): string {
  const root = scratchFolder(prefix);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}
