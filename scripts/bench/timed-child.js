/**
 * One measurement in a fresh Node process, as a CLI run is: the benchmark script runs itself
 * with `args`, the child prints its figures as JSON on stdout, and the parent adds the time from
 * spawn to exit (loading Node and every module included).
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * @param {string[]} args the script and its arguments, after `node`
 * @param {{ cwd?: string, label: string }} options `label` names the run in an error
 * @returns {Promise<{ result: any, elapsedMs: number }>}
 */
export function runTimedChild(args, { cwd, label }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsedMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`${label} exited with ${code}:\n${Buffer.concat(stderr).toString('utf8')}`));
        return;
      }
      resolve({ result: JSON.parse(Buffer.concat(stdout).toString('utf8')), elapsedMs });
    });
  });
}
