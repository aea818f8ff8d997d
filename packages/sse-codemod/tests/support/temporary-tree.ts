/**
 * Temporary directory trees (optionally git repositories) for the codemod's file-system tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh empty directory under the system's temporary directory, by its real path (macOS links /tmp). */
export function makeTemporaryDirectory(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), `sse-codemod-${prefix}-`)));
}

export function removeTree(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

/** Writes `files` (path relative to `root` → text or bytes), creating folders as needed. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `git init` in `root` with a local identity, then one commit of everything in it. */
export function initRepository(root: string): void {
  git(root, 'init', '--quiet');
  git(root, 'config', 'user.name', 'Codemod Test');
  git(root, 'config', 'user.email', 'codemod-test@example.com');
  git(root, 'config', 'commit.gpgsign', 'false');
  commitAll(root);
}

export function commitAll(root: string): void {
  git(root, 'add', '--all');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', 'snapshot');
}

/**
 * Every entry under `root` except `.git`, each with a hash of its content (or its link
 * target), without following links: equal snapshots prove that nothing was written,
 * created or deleted.
 */
export function snapshotTree(root: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      if (directory === root && name === '.git') continue;
      const file = path.join(directory, name);
      const relative = path.relative(root, file).split(path.sep).join('/');
      const stats = lstatSync(file);
      if (stats.isSymbolicLink()) snapshot[relative] = `link:${readlinkSync(file)}`;
      else if (stats.isDirectory()) visit(file);
      else snapshot[relative] = `${(stats.mode & 0o777).toString(8)}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    }
  };
  visit(root);
  return snapshot;
}
