/**
 * Per-file minimum-of-R timing: each repetition lints every file once with every compared rule
 * on, and each rule keeps, per file, the lowest time any repetition measured. A slow moment of a
 * shared machine (another process, a garbage collection) lands on a few files of one repetition;
 * taking the minimum per file drops it, where a sum per repetition would keep it in that sum.
 */

export class PerFileMinimum {
  /** @type {Map<string, Float64Array>} */
  #byKey = new Map();
  #files;

  /** @param {number} files how many files each repetition lints */
  constructor(files) {
    this.#files = files;
  }

  /** Keeps `ms` for `key` (a rule) on file `index` if it is the lowest seen there. */
  record(index, key, ms) {
    let minimums = this.#byKey.get(key);
    if (!minimums) {
      minimums = new Float64Array(this.#files).fill(Number.POSITIVE_INFINITY);
      this.#byKey.set(key, minimums);
    }
    if (ms < minimums[index]) minimums[index] = ms;
  }

  /** The sum over files of each key's minimums, in ms; a file a key was never timed on adds nothing. */
  totals() {
    const totals = {};
    for (const [key, minimums] of this.#byKey) {
      let sum = 0;
      for (const ms of minimums) if (Number.isFinite(ms)) sum += ms;
      totals[key] = sum;
    }
    return totals;
  }
}

/**
 * ESLint's times of one lint of one file (`result.stats.times`, or `linter.getTimes()`): parse
 * and each rule, in ms, summed over the passes (a file with fixes to apply has several).
 */
export function timesOfFile(times) {
  const rules = {};
  let parse = 0;
  for (const pass of times?.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + time.total;
  }
  return { parse, rules };
}

/** `rules` (rule → ms over the corpus) as rows of ms and µs per file, the costliest first. */
export function rankByCost(rules, files) {
  return Object.entries(rules)
    .map(([rule, ms]) => ({ rule, ms, microsecondsPerFile: (ms * 1000) / files }))
    .sort((a, b) => b.ms - a.ms || a.rule.localeCompare(b.rule));
}
