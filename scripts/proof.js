/**
 * `npm run proof`: shows, in Debian's Chromium against a real HTTP/1.1 server on
 * 127.0.0.1, that one EventSource per row starves the page's own POST while the hub
 * carries every row over one connection (and one connection for several tabs with
 * `crossTab`). Then page A again, as `sse-codemod --write` converted it in a copy of the
 * example (A'): the codemod alone, plus configuring the hub's endpoint, frees the POST. Then
 * a page with one EventSource per topic of a Mercure-style hub (M), and the same page after
 * the codemod (M'), whose topics share one connection through the hub's `mergeTopics`.
 * Prints a table, or with `--json` the same figures as JSON.
 *
 * Exit status: 0 when every criterion holds, 1 when one fails, 2 when the proof could
 * not run (no Chromium, no build, a codemod run that did not convert page A or whose
 * result does not type-check, a bound exceeded while setting up or tearing down).
 *
 * Scenario F (scripts/proof/fleet.js) runs last: three multiplexer instances with the Redis
 * backplane behind a round-robin balancer without stickiness, one of them killed mid-run.
 * `--fleet-only` runs just that one.
 */
import { ProofSetupError, launchChromium } from './proof/chromium.js';
import { convertExample, convertMercureExample } from './proof/convert-example.js';
import { evaluateCriteria, formatReport, proofPassed } from './proof/report.js';
import { BOUNDS, SCENARIOS, runScenario } from './proof/scenarios.js';
import { FLEET_BOUNDS, evaluateFleetCriteria, formatFleet, runFleetScenario } from './proof/fleet.js';
import { withTimeout } from './proof/bounded.js';

const LAUNCH_TIMEOUT_MS = 30_000;
// Longer than the sum of every bound in every scenario, the codemod run and the launch;
// only a hang the bounds do not cover (a wedged browser process) can reach it.
const WATCHDOG_MS = 600_000;

async function main(argv) {
  const unknown = argv.filter((argument) => argument !== '--json' && argument !== '--fleet-only');
  if (unknown.length > 0) {
    console.error(`usage: node scripts/proof.js [--json] [--fleet-only]  (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  const json = argv.includes('--json');
  const fleetOnly = argv.includes('--fleet-only');

  const watchdog = setTimeout(() => {
    console.error(`proof: still running after ${WATCHDOG_MS} ms; giving up`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();

  // Once, before any scenario: a conversion that fails is a setup error, not a finding.
  const notConverted = { publicDir: undefined, report: { summary: undefined }, cleanup: async () => undefined };
  const converted = fleetOnly ? notConverted : await convertExample({ timeoutMs: BOUNDS.codemodMs });
  let convertedMercure = notConverted;
  try {
    if (!fleetOnly) convertedMercure = await convertMercureExample({ timeoutMs: BOUNDS.codemodMs });
  } catch (error) {
    await withTimeout(converted.cleanup(), BOUNDS.closeMs, 'removing the converted copy of the example');
    throw error;
  }
  const conversions = { liveDashboard: converted, mercureTopics: convertedMercure };
  let chromiumVersion;
  const results = [];
  let fleet;
  try {
    const browser = await launchChromium({ launchTimeoutMs: LAUNCH_TIMEOUT_MS });
    chromiumVersion = browser.version();
    try {
      for (const scenario of fleetOnly ? [] : SCENARIOS) {
        const served = scenario.convertedByCodemod ? { publicDir: conversions[scenario.convertedByCodemod].publicDir } : {};
        results.push(await runScenario(browser, scenario, BOUNDS, served));
      }
      fleet = await runFleetScenario(browser, FLEET_BOUNDS);
    } finally {
      await withTimeout(browser.close(), BOUNDS.closeMs, 'closing Chromium');
    }
  } finally {
    await withTimeout(converted.cleanup(), BOUNDS.closeMs, 'removing the converted copy of the example');
    await withTimeout(convertedMercure.cleanup(), BOUNDS.closeMs, 'removing the converted copy of the mercure-topics example');
  }

  const criteria = [
    ...(fleetOnly ? [] : evaluateCriteria(Object.fromEntries(results.map((result) => [result.key, result])))),
    ...evaluateFleetCriteria(fleet, FLEET_BOUNDS),
  ];
  const passed = proofPassed(criteria);
  if (json) {
    const figures = {
      environment: environment(chromiumVersion),
      bounds: BOUNDS,
      codemod: { summary: converted.report.summary, mercureSummary: convertedMercure.report.summary },
      scenarios: Object.fromEntries(results.map((result) => [result.key, result])),
      fleet: { bounds: FLEET_BOUNDS, result: fleet },
      criteria,
      passed,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    process.stdout.write(
      formatReport({
        results,
        criteria,
        environment: describeEnvironment(chromiumVersion),
        codemodSummary: converted.report.summary,
        mercureCodemodSummary: convertedMercure.report.summary,
      }),
    );
    if (fleet) process.stdout.write(`\n${formatFleet(fleet)}`);
  }
  return passed ? 0 : 1;
}

function environment(chromiumVersion) {
  return { chromium: chromiumVersion, node: process.version, server: 'node:http (HTTP/1.1) on 127.0.0.1' };
}

function describeEnvironment(chromiumVersion) {
  const { chromium, node, server } = environment(chromiumVersion);
  return `Chromium ${chromium} (headless), Node ${node}, ${server}`;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(error instanceof ProofSetupError ? `proof: ${error.message}` : error);
    process.exitCode = 2;
  },
);
