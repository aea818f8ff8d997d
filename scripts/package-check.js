#!/usr/bin/env node
/**
 * `npm run package-check`: proves that the three packages work as a new user gets them, from
 * the tarballs `npm publish` would upload, installed with plain `npm install` (no
 * `--legacy-peer-deps`, no `--force`) into fresh projects that know nothing of this repository.
 *
 * 1. `npm run build`, `npm pack` of eslint-plugin-sse, sse-hub and sse-codemod; publint and
 *    arethetypeswrong on each tarball (intended attw findings are listed, with why, in
 *    package-check/tarballs.js).
 * 2. eslint-plugin-sse with ESLint 9 and ESLint 10 and the README's `eslint.config.js`, and with
 *    ESLint 9 and a CommonJS `eslint.config.cjs`: `npx eslint .` reports exactly the app's
 *    known findings (rule, file, line).
 * 3. TypeScript: ESLint 10 loads the README's `eslint.config.ts` and reports the findings in
 *    `.ts`/`.tsx`; `tsc` accepts config files written with `defineConfig`, `Linter.Config[]`
 *    and `plugins: { sse }`, and a CommonJS `.cts`, with typescript-eslint and without it.
 * 4. Size: installing the plugin into a project that has ESLint 10 adds at most 20 MB and
 *    no TypeScript, ts-morph or @ts-morph/common.
 * 5. sse-codemod, installed with the other two tarballs: `--report` finds the per-item streams
 *    and a dry run prints their diff without writing.
 * 6. sse-hub alone: it installs no other package, and `sse-hub/server` serves a subscribed
 *    topic behind `node:http` while `sse-hub` loads in Node.
 *
 * Projects live in a folder under the system temp directory, removed at the end unless
 * `--keep`. npm's shared cache and `--prefer-offline` keep repeated runs fast.
 *
 * Usage: node scripts/package-check.js [--keep]
 * Exit status: 0 when every check holds, 1 when one fails, 2 when the packages could not be
 * built or packed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCheckRunner } from './package-check/check-runner.js';
import { codemodProject } from './package-check/codemod-project.js';
import { commonJsProject, eslint10ProjectWithSize, eslint9Project } from './package-check/lint-projects.js';
import { runtimeProject } from './package-check/runtime-project.js';
import { arethetypeswrong, buildAndPack, publint } from './package-check/tarballs.js';
import { typescriptProject, typescriptWithoutTypescriptEslint } from './package-check/typescript-configs.js';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'sse-package-check-'));
const { check, failures } = createCheckRunner();

try {
  let tarballs;
  await check('Build and pack the three packages', async () => {
    tarballs = await buildAndPack(root, join(work, 'tarballs'));
    return Object.values(tarballs)
      .map((tarball) => `${tarball.name} ${(tarball.bytes / 1024).toFixed(0)} kB`)
      .join(', ');
  });
  if (!tarballs) {
    process.exitCode = 2;
  } else {
    for (const tarball of Object.values(tarballs)) {
      await check(`publint ${tarball.name}`, () => publint(root, tarball));
      await check(`arethetypeswrong ${tarball.name}`, () => arethetypeswrong(root, tarball));
    }
    const context = { work, tarballs, check };
    await eslint9Project(context);
    await eslint10ProjectWithSize(context);
    await commonJsProject(context);
    await typescriptProject(context);
    await typescriptWithoutTypescriptEslint(context);
    await codemodProject(context);
    await runtimeProject(context);
    process.exitCode = failures() > 0 ? 1 : 0;
  }
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(process.exitCode === 0 ? `package-check: every check holds (${seconds} s)` : `package-check: ${failures()} failed (${seconds} s)`);
