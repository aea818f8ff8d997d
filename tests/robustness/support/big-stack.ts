/**
 * Lints in a worker thread whose stack is large enough for the parsers and ESLint to get
 * through 10,000 levels of nesting, which they cannot on Node's default stack (about 1 MB).
 * Only there do the rules get to run on such a tree at all, so only there can a test show
 * that they handle it. The worker's code is `big-stack-worker.ts`, bundled with esbuild (the
 * worker cannot load TypeScript) and evaluated with `require` resolving from the repository.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { onTestFinished } from 'vitest';
import type { BigStackCase } from './big-stack-worker.js';
import type { Outcome } from './lint-with-plugin.js';

export type { BigStackCase };

/** Enough for 10,000 nested functions under typescript-eslint, the deepest-recursing parser. */
const STACK_SIZE_MB = 64;

let workerSource: Promise<string> | undefined;

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./big-stack-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ESLint, the parsers and typescript-eslint's utils load from node_modules, as for users.
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const repositoryRequire = JSON.stringify(fileURLToPath(new URL('../../../package.json', import.meta.url)));
  return `(function (require) {\n${result.outputFiles[0]!.text}\n})(require('node:module').createRequire(${repositoryRequire}));`;
}

/**
 * Lints every case in one worker (starting one costs about a second) and returns how each
 * run ended. The worker is stopped when the test ends, also when it times out.
 */
export async function lintOnBigStack(cases: readonly BigStackCase[]): Promise<Outcome[]> {
  workerSource ??= bundleWorker();
  const worker = new Worker(await workerSource, {
    eval: true,
    workerData: { cases },
    resourceLimits: { stackSizeMb: STACK_SIZE_MB },
  });
  onTestFinished(() => worker.terminate().then(() => undefined));
  return new Promise((resolve, reject) => {
    worker.once('message', (outcomes: Outcome[]) => resolve(outcomes));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the lint worker exited with code ${code} before answering`)));
  });
}
