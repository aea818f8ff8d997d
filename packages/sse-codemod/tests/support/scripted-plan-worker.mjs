// A stand-in for plan-worker.js in the pool's own tests: it speaks the same protocol and
// acts on what the file's text asks for, so that the pool's ordering and crash handling can
// be tested without the real planner's start-up cost.
//   "crash"      an exception escapes the thread;
//   "exit"       the thread exits with code 7;
//   "slow"       answers after 50 ms, so that later files finish first;
//   anything else: answers at once with the text upper-cased.
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ index, request }) => {
  const answer = () =>
    parentPort.postMessage({ index, plan: { status: 'changed', output: request.text.toUpperCase(), sites: [] } });
  if (request.text === 'crash') throw new Error(`planner bug on ${request.path}`);
  if (request.text === 'exit') process.exit(7);
  if (request.text === 'slow') setTimeout(answer, 50);
  else answer();
});
