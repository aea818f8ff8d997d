/**
 * A throwaway `redis-server` on a loopback port for the fleet proof and the fanout bench.
 * `--port 0` would disable TCP rather than pick a port, so a free one is found by binding it
 * first; nothing is written to disk.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { ProofSetupError } from './chromium.js';

export const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;

/** @returns {Promise<number>} */
export async function freeLoopbackPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
export async function startRedisServer() {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new ProofSetupError(`redis-server was not found at ${REDIS_SERVER_PATH}: install it (\`apt-get install redis-server\`) or set REDIS_SERVER_PATH.`);
  }
  const port = await freeLoopbackPort();
  const child = spawn(REDIS_SERVER_PATH, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const fail = (reason) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new ProofSetupError(`${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail(`redis-server on port ${port} did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('error', (error) => fail(String(error)));
    child.once('exit', (code) => fail(`redis-server exited with ${code}`));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!settled && output.includes('Ready to accept connections')) {
        settled = true;
        clearTimeout(timer);
        resolve(undefined);
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        child.once('exit', () => resolve(undefined));
        child.kill('SIGTERM');
      }),
  };
}
