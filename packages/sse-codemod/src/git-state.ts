/**
 * Whether the git work tree around the files is clean, so that `--write` leaves changes that
 * `git diff` shows alone and `git checkout .` undoes. Uncommitted work, untracked files
 * included, would be mixed with the codemod's edits, so `--write` refuses it unless the user
 * passes `--allow-dirty`.
 */
import { execFile } from 'node:child_process';

export type GitWorkTreeState =
  | { kind: 'clean'; root: string }
  /** `paths` are relative to the repository root, as git prints them. */
  | { kind: 'dirty'; root: string; paths: string[] }
  | { kind: 'not-a-repository' }
  | { kind: 'git-not-installed' }
  /** git failed in a way that says nothing about the tree (e.g. "dubious ownership"). */
  | { kind: 'unavailable'; reason: string };

interface GitResult {
  code: number | string | null;
  stdout: string;
  stderr: string;
}

function runGit(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      // GIT_OPTIONAL_LOCKS=0: a status check must not take the index lock from the user's own git.
      { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? ((error as NodeJS.ErrnoException).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export async function readGitWorkTreeState(directory: string): Promise<GitWorkTreeState> {
  const top = await runGit(['rev-parse', '--show-toplevel'], directory);
  if (top.code === 'ENOENT') return { kind: 'git-not-installed' };
  if (top.code !== 0) {
    if (/not a git repository/i.test(top.stderr)) return { kind: 'not-a-repository' };
    return { kind: 'unavailable', reason: firstLine(top.stderr) || 'git rev-parse failed' };
  }
  const root = top.stdout.trim();
  const status = await runGit(['status', '--porcelain=v1', '-z', '--untracked-files=normal'], root);
  if (status.code !== 0) return { kind: 'unavailable', reason: firstLine(status.stderr) || 'git status failed' };
  const paths = parsePorcelainPaths(status.stdout);
  return paths.length === 0 ? { kind: 'clean', root } : { kind: 'dirty', root, paths };
}

/** The paths of `git status --porcelain=v1 -z`: `XY path` entries; a rename or copy is followed by its source. */
export function parsePorcelainPaths(output: string): string[] {
  const entries = output.split('\0');
  const paths: string[] = [];
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') index += 1;
  }
  return paths;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}
