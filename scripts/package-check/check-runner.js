/**
 * One line per check: `ok`, `FAIL` or `known` (a known defect, which does not fail the run),
 * with the check's figure and its time; a failure's details follow, indented.
 */
import { performance } from 'node:perf_hooks';

export function createCheckRunner() {
  let failures = 0;

  /**
   * Runs `body`, which resolves with the check's figure or throws. With `knownDefect`
   * (`{ because, shows }`), a failure whose message matches `shows` is expected and printed as
   * `known`; any other failure fails, and so does a pass, so that the mark is removed once the
   * defect is fixed.
   *
   * @param {string} label
   * @param {() => Promise<string>} body
   * @param {{ knownDefect?: { because: string, shows: RegExp } }} [options]
   */
  async function check(label, body, { knownDefect } = {}) {
    const started = performance.now();
    const time = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    try {
      const figure = await body();
      if (knownDefect) {
        failures += 1;
        print('FAIL', label, `passes now, but is marked as a known defect (${knownDefect.because}): remove the mark`, time());
      } else {
        print('ok', label, figure, time());
      }
    } catch (error) {
      if (knownDefect?.shows.test(error.message)) {
        print('known', label, `${knownDefect.because}; ${error.message}`, time());
        return;
      }
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
