/**
 * A planning thread of the pool (`plan-pool.ts`): plans each file it is sent and answers
 * with the plan and the task's index.
 */
import { parentPort } from 'node:worker_threads';
import { planFile } from './plan-file.js';
import type { FilePlan, PlanRequest } from './types.js';

export interface PlanTask {
  index: number;
  request: PlanRequest;
}

export interface PlanAnswer {
  index: number;
  plan: FilePlan;
}

if (parentPort === null) throw new Error('plan-worker.js runs as a worker thread of sse-codemod, not on its own.');
const port = parentPort;

port.on('message', (task: PlanTask) => {
  const answer: PlanAnswer = { index: task.index, plan: planFile(task.request) };
  port.postMessage(answer);
});
