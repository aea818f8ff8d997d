/**
 * Waiting with a bound. Every wait in the proof goes through here, so that a broken hub,
 * server or browser turns into a reported failure instead of a CI job that never ends.
 */

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Polls `read` until its result has not changed for `quietMs`, or until `limitMs` has passed.
 * "Changed" compares JSON: the values polled here are small snapshots of counters.
 * @template T
 * @param {() => Promise<T> | T} read
 * @param {{ quietMs: number, limitMs: number, intervalMs?: number, ready?: (value: T) => boolean, now?: () => number }} options
 *   `ready`: a value that does not satisfy it never counts as settled (e.g. nothing connected yet).
 * @returns {Promise<{ settled: boolean, value: T, waitedMs: number }>}
 */
export async function waitUntilSettled(read, { quietMs, limitMs, intervalMs = 100, ready = () => true, now = Date.now }) {
  const started = now();
  let value = await read();
  let key = JSON.stringify(value);
  let unchangedSince = started;
  for (;;) {
    const elapsed = now() - started;
    if (ready(value) && now() - unchangedSince >= quietMs) return { settled: true, value, waitedMs: elapsed };
    if (elapsed >= limitMs) return { settled: false, value, waitedMs: elapsed };
    await sleep(intervalMs);
    value = await read();
    const nextKey = JSON.stringify(value);
    if (nextKey !== key) {
      key = nextKey;
      unchangedSince = now();
    }
  }
}

/**
 * Rejects with a message naming `label` if `promise` has not settled within `limitMs`.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} limitMs
 * @param {string} label
 * @returns {Promise<T>}
 */
export function withTimeout(promise, limitMs, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not finish within ${limitMs} ms`)), limitMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The median; `null` entries (a POST that did not answer within its bound) sort above
 * every number, so a median that lands on one is `null` too.
 * @param {(number | null)[]} values
 * @returns {number | null}
 */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = values.map((value) => value ?? Number.POSITIVE_INFINITY).sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  const result = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Number.isFinite(result) ? result : null;
}
