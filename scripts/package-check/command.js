/**
 * Running the commands a user would type (`npm install`, `npx eslint .`, `npx tsc`) in a fresh
 * project, with their output captured, and the failure type the checks throw.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A check that did not hold; `details` (command output, a diff) is printed under its line. */
export class CheckFailure extends Error {
  constructor(message, details = '') {
    super(message);
    this.name = 'CheckFailure';
    this.details = details;
  }
}

/**
 * The environment without what `npm run` adds: `npm_config_local_prefix` and the rest would
 * point a child `npm install` back at this repository instead of the fresh project.
 */
function userEnvironment() {
  const environment = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && name !== 'INIT_CWD') environment[name] = value;
  }
  return { ...environment, NO_COLOR: '1', FORCE_COLOR: '0' };
}

/**
 * Runs `command` in `cwd` and resolves with its output once it exits with one of `statuses`;
 * otherwise (or after `timeoutMs`) rejects with a CheckFailure that carries the output's tail.
 */
export function run(command, args, { cwd, statuses = [0], timeoutMs = 300_000 }) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: userEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const result = { status, stdout, stderr, ms: performance.now() - started };
      if (statuses.includes(status)) return resolve(result);
      const how = signal ? `was killed (${signal}${signal === 'SIGTERM' ? `, over ${timeoutMs / 1000} s` : ''})` : `exited with ${status}`;
      reject(new CheckFailure(`\`${[command, ...args].join(' ')}\` ${how}`, tail(`${stdout}\n${stderr}`)));
    });
  });
}

/** The last lines of a command's output: where the error is. */
export function tail(text, lines = 40) {
  return text.trim().split('\n').slice(-lines).join('\n');
}
