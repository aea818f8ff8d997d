/** Temporary files of killed `--write` runs are removed; those of live runs and look-alikes stay. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryPathFor } from '../src/atomic-write.js';
import { isStaleTemporaryName, removeStaleTemporaries } from '../src/stale-temporaries.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stale-temporaries-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The id of a process that has exited: a short-lived child's, once it is gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('removeStaleTemporaries', () => {
  it('removes what a dead run left, keeps the live run’s and everything else', async () => {
    const directory = path.join(scratch, 'src');
    const other = path.join(scratch, 'lib');
    for (const dir of [directory, other]) rmSync(dir, { recursive: true, force: true });
    const dead = deadPid();
    const stale = `.rows.ts.sse-codemod-${dead}-0123456789ab.tmp`;
    const live = path.basename(temporaryPathFor(path.join(directory, 'rows.ts')));
    const lookAlikes = ['rows.ts', `.rows.ts.sse-codemod-${dead}-xyz.tmp`, `rows.ts.sse-codemod-${dead}-0123456789ab.tmp`, 'notes.tmp'];
    for (const dir of [directory, other]) {
      mkdirSync(dir, { recursive: true });
      for (const name of [stale, live, ...lookAlikes]) writeFileSync(path.join(dir, name), 'x');
    }

    const removed = await removeStaleTemporaries([directory, directory, path.join(scratch, 'missing')]);

    expect(removed).toEqual([path.join(directory, stale)]);
    expect(readdirSync(directory).sort()).toEqual([live, ...lookAlikes].sort());
    // Only the directories asked about are touched.
    expect(existsSync(path.join(other, stale))).toBe(true);
  });

  it('tells stale names from live ones by the process id in them', () => {
    expect(isStaleTemporaryName(`.a.js.sse-codemod-${deadPid()}-aaaaaaaaaaaa.tmp`)).toBe(true);
    expect(isStaleTemporaryName(`.a.js.sse-codemod-${process.pid}-aaaaaaaaaaaa.tmp`)).toBe(false);
    expect(isStaleTemporaryName('.a.js.tmp')).toBe(false);
  });
});
