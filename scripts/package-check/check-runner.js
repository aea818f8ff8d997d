/**
 * One line per check: `ok` or `FAIL`, with the check's figure and its time; a failure's details
 * follow, indented.
 */
import { performance } from 'node:perf_hooks';

export function createCheckRunner() {
  let failures = 0;

  /**
   * Runs `body`, which resolves with the check's figure or throws.
   *
   * @param {string} label
   * @param {() => Promise<string>} body
   */
  async function check(label, body) {
    const started = performance.now();
    const time = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    try {
      print('ok', label, await body(), time());
    } catch (error) {
      failures += 1;
      print('FAIL', label, error.message, time());
      console.log(indent(error.details || error.stack || String(error)));
    }
  }

  return { check, failures: () => failures };
}

function print(outcome, label, figure, time) {
  console.log(`${outcome.padEnd(5)} ${label}: ${figure} (${time})`);
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `      | ${line}`)
    .join('\n');
}
