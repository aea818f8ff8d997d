/**
 * Runs a support script (TypeScript, importing the sources) in a child Node process with
 * `--expose-gc`, bundled by esbuild first, and talks to it over IPC.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export interface ChildApp {
  child: ChildProcess;
  /** Sends a message and waits for the answer of the same `kind`. */
  ask<T>(kind: string): Promise<T>;
  waitFor<T>(kind: string): Promise<T>;
  stop(): Promise<void>;
}

export function startChildApp(entry: string, env: Record<string, string> = {}): ChildApp {
  const directory = mkdtempSync(join(tmpdir(), 'sse-hub-child-'));
  const bundle = join(directory, 'app.mjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
  const child = fork(bundle, [], { execArgv: ['--expose-gc'], env: { ...process.env, ...env }, stdio: 'inherit' });

  const waitFor = <T>(kind: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: { kind: string }): void => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      };
      const onExit = (code: number | null): void => {
        child.off('message', onMessage);
        reject(new Error(`child app exited (${String(code)}) before sending "${kind}"`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  return {
    child,
    waitFor,
    ask(kind) {
      const answer = waitFor<never>(kind);
      child.send({ kind });
      return answer;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.send({ kind: 'stop' });
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
