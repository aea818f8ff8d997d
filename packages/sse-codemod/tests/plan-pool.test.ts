/**
 * The planning pool: plans come back in the order of the requests whatever order the threads
 * finish in, and a thread that crashes costs only the file it was planning. The scripted
 * worker exercises the pool; the last test runs the real, built plan-worker.js.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFile } from '../src/plan-file.js';
import { builtWorkerUrl, planInWorkers } from '../src/plan-pool.js';
import type { PlanRequest } from '../src/types.js';

const scriptedWorker = new URL('./support/scripted-plan-worker.mjs', import.meta.url);

function requestsFor(texts: string[]): PlanRequest[] {
  return texts.map((text, index) => ({ path: `src/file-${index}.ts`, text, helperSpecifier: './sse-hub.js', multiplex: true }));
}

describe('planInWorkers', () => {
  it('returns the plans in the order of the requests, and reports each arrival', async () => {
    const texts = ['slow', 'a', 'b', 'slow', 'c', 'd', 'e'];
    const arrivals: number[] = [];
    const plans = await planInWorkers(requestsFor(texts), {
      threads: 3,
      workerUrl: scriptedWorker,
      onPlanned: (done) => arrivals.push(done),
    });
    expect(plans.map((plan) => plan.output)).toEqual(['SLOW', 'A', 'B', 'SLOW', 'C', 'D', 'E']);
    expect(arrivals).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fails only the file whose thread crashed or exited, and plans the rest on fresh threads', async () => {
    const plans = await planInWorkers(requestsFor(['a', 'crash', 'b', 'exit', 'c', 'crash', 'd']), {
      threads: 2,
      workerUrl: scriptedWorker,
    });
    expect(plans.map((plan) => plan.status)).toEqual(['changed', 'failed', 'changed', 'failed', 'changed', 'failed', 'changed']);
    expect(plans.map((plan) => plan.output)).toEqual(['A', null, 'B', null, 'C', null, 'D']);
    expect(plans[1]!.error).toBe('the planner crashed on this file: planner bug on src/file-1.ts');
    expect(plans[3]!.error).toBe('the planner crashed on this file: its thread exited with code 7');
    expect(plans[5]!.error).toBe('the planner crashed on this file: planner bug on src/file-5.ts');
  });

  it('answers an empty list without starting a thread', async () => {
    expect(await planInWorkers([], { threads: 4, workerUrl: new URL('file:///no/such/worker.js') })).toEqual([]);
  });

  it('plans with the built plan-worker.js exactly as planFile does in this thread', async () => {
    const workerUrl = builtWorkerUrl();
    if (workerUrl === null || !existsSync(workerUrl)) throw new Error('packages/sse-codemod/dist/plan-worker.js is missing: run `npm run build` first.');
    const requests = requestsFor([
      'const ids = [1, 2, 3];\nexport const sources = ids.map((id) => new EventSource(`/rows/${id}/events`));\n',
      'export const one = new EventSource("/once");\n',
      'const broken = new EventSource(;\n',
    ]);
    const plans = await planInWorkers(requests, { threads: 2, workerUrl });
    expect(plans).toEqual(requests.map((request) => planFile(request)));
    expect(plans.map((plan) => plan.status)).toEqual(['changed', 'unchanged', 'failed']);
  });
});
