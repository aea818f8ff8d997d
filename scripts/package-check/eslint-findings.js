/**
 * `npx eslint .` in a fresh project, and the comparison of what it reports with what the app
 * is known to hold.
 */
import { relative } from 'node:path';
import { CheckFailure, run } from './command.js';
import { installedVersion } from './fresh-project.js';

/**
 * Runs `npx eslint .` (JSON output, to read it reliably) and asserts that the ESLint installed
 * is of `major` and that the findings are exactly `expected`. Exit status 1 is ESLint's
 * "problems found"; 2 (a config that does not load, a crash) fails. Resolves with the figure.
 */
export async function assertEslintFindings(project, { major, expected }) {
  const version = installedVersion(project, 'eslint');
  if (Number(version.split('.')[0]) !== major) throw new CheckFailure(`expected ESLint ${major}, npm installed ${version}`);

  const { stdout } = await run('npx', ['eslint', '.', '--format', 'json'], { cwd: project, statuses: [0, 1] });
  const actual = [];
  for (const file of JSON.parse(stdout)) {
    for (const message of file.messages) {
      // A parse error has no rule id: it shows as `(fatal)` and fails the comparison.
      actual.push(`${message.ruleId ?? `(fatal) ${message.message}`} ${relative(project, file.filePath)}:${message.line}`);
    }
  }
  assertSameFindings(actual, expected);
  return `ESLint ${version}: the ${actual.length} expected findings (${actual.sort().join(', ')})`;
}

function assertSameFindings(actual, expected) {
  const missing = expected.filter((finding) => !actual.includes(finding));
  const unexpected = actual.filter((finding) => !expected.includes(finding));
  if (missing.length === 0 && unexpected.length === 0) return;
  const details = [...missing.map((finding) => `missing:    ${finding}`), ...unexpected.map((finding) => `unexpected: ${finding}`)];
  throw new CheckFailure(`findings differ from the expected ${expected.length}`, details.join('\n'));
}
