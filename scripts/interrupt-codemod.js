/**
 * `npm run interrupt-test`: kills `sse-codemod --write` with SIGKILL at random points on a
 * generated repository of 5,000 files (50 with streams), again and again, and checks after
 * each kill that every file is byte-identical to either its old or its new content (writes
 * go to a temporary file that is renamed over the original), and that rerunning finishes
 * the job.
 *
 * Half the kills land anywhere in the run (reading, planning, writing); the other half wait
 * until the hub module appears, which the codemod writes first, and land in the writing that
 * follows, where a non-atomic writer would leave half-written files. That writing is short
 * (tens of ms for 50 files, against a second of cleanup and report after it), so its span is
 * taken from the full run's files: from the hub module's mtime to the last changed file's.
 *
 * The test cannot pass on nothing (interrupt-codemod/judge-interrupt-run.js): the full run
 * must change files, every kill must hit a running codemod (a kill that finds it exited is
 * aimed again, earlier, up to 3 times), and a stated share of the kills must land mid-write.
 *
 *   node scripts/interrupt-codemod.js [--kills N] [--files N] [--seed S]
 *
 * Exit status: 0 when every check holds, 1 when one fails, 2 when the test could not run.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createRandom, generateRepository } from './bench/generate-repository.js';
import { judgeInterruptRun, landedMidWrite } from './interrupt-codemod/judge-interrupt-run.js';

const CLI = fileURLToPath(new URL('../packages/sse-codemod/dist/cli.js', import.meta.url));
const HELPER = path.join('src', 'sse-hub.js');
const TEMPORARY_FILE = /\.sse-codemod-\d+-[^/]*\.tmp$/;
/** A run can be faster than the reference and finish before its kill: aim again at half the delay. */
const ATTEMPTS_PER_KILL = 3;

/** Every file under `root` (not following links), as relative path → bytes. */
function snapshot(root) {
  const files = new Map();
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full), readFileSync(full));
    }
  };
  walk(root);
  return files;
}

/**
 * Runs the codemod with `--write` on `root`. With `killAfter`, kills it with SIGKILL when
 * `killAfter()` resolves (or lets it finish if it finishes first). `hitLiveProcess`: the kill
 * was sent while the codemod ran, and it died of it.
 */
function runCodemod(root, killAfter) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, '.', '--write', '--allow-dirty', '--silent', '--endpoint', '/__sse_hub'], { cwd: root, stdio: 'ignore' });
    let killed = false;
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      resolve({ code, signal, killed, hitLiveProcess: killed && signal === 'SIGKILL', elapsedMs: performance.now() - started }),
    );
    killAfter?.().then(() => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(file, limitMs) {
  const deadline = performance.now() + limitMs;
  while (!existsSync(file) && performance.now() < deadline) await sleep(1);
}

/** The files that are neither their old nor their new content, and stray temporary files. */
function compare(root, before, after) {
  const now = snapshot(root);
  const torn = [];
  const temporary = [];
  for (const [file, bytes] of now) {
    if (TEMPORARY_FILE.test(file)) {
      temporary.push(file);
      continue;
    }
    const old = before.get(file);
    const next = after.get(file);
    if (!(old && bytes.equals(old)) && !(next && bytes.equals(next))) torn.push(file);
  }
  const missing = [...before.keys()].filter((file) => !now.has(file));
  return { torn, missing, temporary, files: now };
}

async function main() {
  const { values } = parseArgs({
    options: { kills: { type: 'string', default: '20' }, files: { type: 'string', default: '5000' }, seed: { type: 'string', default: '7' } },
  });
  const kills = Number(values.kills);
  const seed = Number(values.seed);
  if (!existsSync(CLI)) {
    console.error('interrupt-test: the codemod is not built; run `npm run build` first');
    return 2;
  }
  const work = mkdtempSync(path.join(tmpdir(), 'sse-interrupt-'));
  try {
    const pristine = path.join(work, 'pristine');
    generateRepository(pristine, { files: Number(values.files), seed });
    const before = snapshot(pristine);

    // The reference: one uninterrupted run gives every file's new content and the timings to aim at.
    const reference = path.join(work, 'reference');
    cpSync(pristine, reference, { recursive: true });
    let writeStartedMs = 0;
    const full = await runCodemod(reference, async () => {
      const started = performance.now();
      await waitForFile(path.join(reference, HELPER), 600_000);
      writeStartedMs = performance.now() - started;
      return new Promise(() => {}); // never kill the reference run
    });
    if (full.code !== 0) {
      console.error(`interrupt-test: the uninterrupted run exited ${full.code}`);
      return 2;
    }
    const after = snapshot(reference);
    const changedFiles = [...after.keys()].filter((file) => !before.get(file)?.equals(after.get(file)));
    // A file renamed into place keeps the mtime of its temporary file: when it was written.
    const writtenAt = changedFiles.map((file) => statSync(path.join(reference, file)).mtimeMs);
    const writingMs = Math.max(1, Math.max(...writtenAt) - statSync(path.join(reference, HELPER)).mtimeMs);
    console.log(
      `${before.size} files, ${changedFiles.length} changed by a full run (${full.elapsedMs.toFixed(0)} ms; ` +
        `writing starts at ${writeStartedMs.toFixed(0)} ms and takes ${writingMs.toFixed(0)} ms). Seed ${seed}.`,
    );

    // Seeded, so that a failing run can be repeated with `--seed`.
    const { next: random } = createRandom(seed);
    const outcomes = [];
    for (let run = 1; run <= kills; run += 1) {
      const root = path.join(work, `run-${run}`);
      const inWritePhase = run % 2 === 0;
      let delayMs = random() * (inWritePhase ? writingMs : full.elapsedMs);
      let interrupted;
      for (let attempt = 1; ; attempt += 1) {
        cpSync(pristine, root, { recursive: true });
        interrupted = await runCodemod(root, async () => {
          if (inWritePhase) await waitForFile(path.join(root, HELPER), 600_000);
          await sleep(delayMs);
        });
        if (interrupted.hitLiveProcess || attempt === ATTEMPTS_PER_KILL) break;
        console.log(`      kill ${run} after ${delayMs.toFixed(0)} ms found the codemod exited; aiming again at half`);
        rmSync(root, { recursive: true, force: true });
        delayMs /= 2;
      }
      const state = compare(root, before, after);
      const newFiles = [...state.files.keys()].filter(
        (file) => !TEMPORARY_FILE.test(file) && after.has(file) && state.files.get(file).equals(after.get(file)) && !before.get(file)?.equals(after.get(file)),
      ).length;
      const rerun = await runCodemod(root);
      const finished = compare(root, after, after);
      const intact =
        state.torn.length === 0 &&
        state.missing.length === 0 &&
        rerun.code === 0 &&
        finished.torn.length === 0 &&
        finished.missing.length === 0 &&
        // The rerun removes what the killed run could not: its temporary files.
        finished.temporary.length === 0;
      const outcome = { hitLiveProcess: interrupted.hitLiveProcess, newFiles, intact };
      outcomes.push(outcome);
      const ok = intact && interrupted.hitLiveProcess;
      const landed = !interrupted.hitLiveProcess ? 'had finished' : landedMidWrite(outcome, changedFiles.length) ? 'killed mid-write' : 'killed';
      console.log(
        `${ok ? 'PASS' : 'FAIL'}  kill ${String(run).padStart(2)} ` +
          `${inWritePhase ? 'in the write phase' : 'anywhere        '} after ${delayMs.toFixed(0).padStart(5)} ms: ` +
          `${landed}; ${newFiles}/${changedFiles.length} files new, ` +
          `${state.torn.length} torn, ${state.missing.length} missing, ${state.temporary.length} temporary left; ` +
          `rerun exit ${rerun.code}, ${finished.torn.length} files not as a full run leaves them, ${finished.temporary.length} temporary left`,
      );
      for (const file of [...state.torn, ...state.missing, ...finished.torn].slice(0, 5)) console.log(`      ${file}`);
      rmSync(root, { recursive: true, force: true });
    }
    const verdict = judgeInterruptRun({ filesChanged: changedFiles.length, kills: outcomes });
    console.log(`${verdict.midWrite} of ${outcomes.length} kills landed mid-write.`);
    for (const problem of verdict.problems) console.log(`  ${problem}`);
    console.log(verdict.passed ? `interrupt test passed (${kills} kills)` : 'interrupt test FAILED');
    return verdict.passed ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
