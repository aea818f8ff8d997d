/**
 * Plans files on several threads (node:worker_threads) for runs with many candidate files.
 * Each thread loads the planner once (ts-morph and ESLint: the start-up cost that makes the
 * pool worth it only for larger runs) and takes the next file whenever it finishes one, so a
 * slow file does not hold up a batch. Plans come back in the order of the requests.
 *
 * A thread that crashes (an exception escaping the planner, running out of memory) costs only
 * the file it was planning, which is reported `failed`; a fresh thread takes over the rest.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PlanAnswer, PlanTask } from './plan-worker.js';
import type { FilePlan, PlanRequest } from './types.js';

export interface PlanPoolOptions {
  /** How many threads at most; never more than there are requests. */
  threads: number;
  /** The worker script; `builtWorkerUrl()` in production, a test double in the pool's own tests. */
  workerUrl: URL;
  /** Called after each plan arrives, with how many have. */
  onPlanned?: (done: number) => void;
}

/**
 * The compiled `plan-worker.js`: beside this module once built, or in `dist/` when this module
 * runs from the TypeScript sources (tests). Null when the package has not been built.
 */
export function builtWorkerUrl(): URL | null {
  for (const candidate of ['./plan-worker.js', '../dist/plan-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

function crashedPlan(why: string): FilePlan {
  return { status: 'failed', output: null, sites: [], error: `the planner crashed on this file: ${why}` };
}

export function planInWorkers(requests: readonly PlanRequest[], options: PlanPoolOptions): Promise<FilePlan[]> {
  if (requests.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const plans: (FilePlan | undefined)[] = new Array<FilePlan | undefined>(requests.length);
    let nextIndex = 0;
    let planned = 0;

    const record = (index: number, plan: FilePlan): void => {
      if (plans[index] !== undefined) return;
      plans[index] = plan;
      planned += 1;
      options.onPlanned?.(planned);
      if (planned === requests.length) resolve(plans as FilePlan[]);
    };

    const startThread = (): void => {
      const worker = new Worker(options.workerUrl);
      let current: number | null = null;
      let crash: string | null = null;

      const sendNext = (): void => {
        if (nextIndex >= requests.length) {
          current = null;
          void worker.terminate();
          return;
        }
        current = nextIndex;
        nextIndex += 1;
        const task: PlanTask = { index: current, request: requests[current]! };
        worker.postMessage(task);
      };

      worker.on('message', (answer: PlanAnswer) => {
        current = null;
        record(answer.index, answer.plan);
        sendNext();
      });
      worker.on('error', (error: Error) => {
        crash = error.message;
      });
      worker.on('exit', (code) => {
        if (current === null) return;
        record(current, crashedPlan(crash ?? `its thread exited with code ${code}`));
        current = null;
        if (nextIndex < requests.length) startThread();
      });
      sendNext();
    };

    for (let thread = 0; thread < Math.min(options.threads, requests.length); thread += 1) startThread();
  });
}
