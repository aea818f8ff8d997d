/**
 * The interrupt test's verdict, as a pure function of what happened, so that a run that
 * interrupted nothing cannot pass: no torn file after kills that hit no process, or that all
 * landed before the first write or after the last, proves nothing about atomic writes.
 */

/**
 * Files a full run must change. On the default repository (5,000 source files, 50 of them
 * with streams, seed 7) a full run changes 52: the 50 and the hub module with its `.d.ts`.
 * With fewer than 20 the writing is too short to aim kills into, and a generator or codemod
 * that stopped converting would leave nothing to tear.
 */
export const MINIMUM_FILES_CHANGED = 20;

/**
 * Share of kills that must land mid-write: some but not all of the changed files new when
 * the process died. Half the kills are aimed at the writing (about 50 ms); on the shared
 * 2-core machine, at a load average near 10, 9 of 20 kills landed there (2026-12-04). Aimed,
 * as before, anywhere in the 1–2 s from the hub module to the exit, they mostly came after the
 * last write. A quarter of the kills leaves room for a busier machine and still proves that
 * writes were interrupted.
 */
export const MINIMUM_MID_WRITE_SHARE = 0.25;

/**
 * @typedef {{
 *   hitLiveProcess: boolean,
 *   newFiles: number,
 *   intact: boolean,
 * }} KillOutcome
 * `hitLiveProcess`: the codemod was running when the kill came and died of it (SIGKILL).
 * `newFiles`: files the full run changes that held their new content right after the kill.
 * `intact`: every file old or new after the kill, none missing, and a rerun finished the job.
 */

/** Some of the changed files written and some not: the kill came while the codemod was writing. */
export function landedMidWrite(kill, filesChanged) {
  return kill.newFiles > 0 && kill.newFiles < filesChanged;
}

/**
 * @param {{ filesChanged: number, kills: KillOutcome[] }} run `filesChanged`: by the uninterrupted run
 * @param {{ minimumFilesChanged: number, minimumMidWriteShare: number }} [requirements]
 * @returns {{ passed: boolean, midWrite: number, problems: string[] }}
 */
export function judgeInterruptRun(
  { filesChanged, kills },
  { minimumFilesChanged = MINIMUM_FILES_CHANGED, minimumMidWriteShare = MINIMUM_MID_WRITE_SHARE } = {},
) {
  const problems = [];
  if (filesChanged < minimumFilesChanged) {
    problems.push(`the full run changed ${filesChanged} files, fewer than the ${minimumFilesChanged} required: there is no write phase to interrupt`);
  }
  if (kills.length === 0) problems.push('no kill was made');
  const missed = kills.filter((kill) => !kill.hitLiveProcess).length;
  if (missed > 0) problems.push(`${missed} of ${kills.length} kills found the codemod no longer running`);
  const midWrite = kills.filter((kill) => landedMidWrite(kill, filesChanged)).length;
  const requiredMidWrite = Math.max(1, Math.ceil(minimumMidWriteShare * kills.length));
  if (midWrite < requiredMidWrite) {
    problems.push(`${midWrite} of ${kills.length} kills landed mid-write, fewer than the ${requiredMidWrite} required (${minimumMidWriteShare * 100}%)`);
  }
  const broken = kills.filter((kill) => !kill.intact).length;
  if (broken > 0) problems.push(`${broken} of ${kills.length} kills left a file neither old nor new, or a rerun that did not finish the job`);
  return { passed: problems.length === 0, midWrite, problems };
}
