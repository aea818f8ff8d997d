/**
 * Runs inside a worker thread with a large stack (see `big-stack.ts`): lints each case it is
 * given with all three rules, or none, and posts back how each run ended.
 */
import { parentPort, workerData } from 'node:worker_threads';
// The plugin's rule map itself; `src/index.ts` adds only metadata read from package.json,
// which a bundle evaluated in a worker has no file path to find.
import { rules } from '../../../rules/index.js';
import { type LintSettings, lintWith, outcomeOf } from './lint-with-plugin.js';

export interface BigStackCase {
  code: string;
  settings: LintSettings;
}

const plugin = { meta: { namespace: 'sse' }, rules };
const cases = (workerData as { cases: BigStackCase[] }).cases;
parentPort!.postMessage(cases.map(({ code, settings }) => outcomeOf(() => lintWith(plugin, code, settings))));
