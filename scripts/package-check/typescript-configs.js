/**
 * The plugin in TypeScript projects: an `eslint.config.ts` as the README shows it, loaded by
 * ESLint 10 and linting `.ts`/`.tsx`, and `tsc` over config files written the ways ESLint's
 * types allow (`defineConfig`, `Linter.Config[]` with `plugins: { sse }`, a CommonJS `.cts`),
 * with typescript-eslint installed and without it.
 */
import { TYPESCRIPT_APP, TYPESCRIPT_FINDINGS } from './app-files.js';
import { CheckFailure, run, tail } from './command.js';
import { assertEslintFindings } from './eslint-findings.js';
import { assertFromTarballs, createProject, installedNames, installedVersion, npmInstall } from './fresh-project.js';
import { readmeConfig } from './readme-snippets.js';

/** Verbatim from the README's TypeScript section. */
const README_CONFIG = readmeConfig('eslint.config.ts');

const PLAIN_CONFIG = `import { defineConfig } from 'eslint/config';
import sse from 'eslint-plugin-sse';

export default defineConfig([sse.configs.recommended]);
`;

/** The README's "pick rules and options yourself", typed as ESLint's `Linter.Config[]`. */
const TYPED_ARRAY_CONFIG = `import type { Linter } from 'eslint';
import sse from 'eslint-plugin-sse';

const config: Linter.Config[] = [
  {
    plugins: { sse },
    rules: {
      'sse/no-eventsource-in-loop': ['error', {
        wrappers: [{ module: '@acme/live', export: 'openLiveStream' }],
        sharedHelper: { module: 'sse-hub', export: 'sharedEventSource' },
      }],
    },
  },
  { files: ['generated/**'], ...sse.configs['disable-type-checked'] },
];
export default config;
`;

/** TypeScript >= 5.8 with `module: nodenext` lets CommonJS require() an ES module, as Node >= 20.19 does. */
const COMMONJS_TYPED_CONFIG = `import type { Linter } from 'eslint';
import sse = require('eslint-plugin-sse');

const config: Linter.Config[] = [sse.configs.recommended];
export = config;
`;

/** A tsconfig for config files only (the app's imports of React are not installed). */
function tsconfig(files, { skipLibCheck }) {
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck, types: [] };
  return `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`;
}

/**
 * `npx tsc --noEmit -p tsconfigFile`: resolves with its error lines and its time. A failure
 * that names no error (a crash, an unreadable tsconfig) rejects.
 */
async function typeErrors(project, tsconfigFile) {
  const { status, stdout, stderr, ms } = await run('npx', ['tsc', '--noEmit', '-p', tsconfigFile], { cwd: project, statuses: [0, 1, 2] });
  const errors = stdout.split('\n').filter((line) => /(^|\s)error TS\d+:/.test(line));
  if (status !== 0 && errors.length === 0) throw new CheckFailure(`tsc -p ${tsconfigFile} exited with ${status}`, tail(`${stdout}\n${stderr}`));
  return { errors, ms };
}

async function typeCheck(project, tsconfigFile) {
  const { errors, ms } = await typeErrors(project, tsconfigFile);
  if (errors.length > 0) throw new CheckFailure(`tsc -p ${tsconfigFile} found ${errors.length} errors`, errors.join('\n'));
  return `tsc ${installedVersion(project, 'typescript')} -p ${tsconfigFile}: no errors (tsc took ${(ms / 1000).toFixed(1)} s)`;
}

export async function typescriptProject({ work, tarballs, check }) {
  let project;
  await check('TypeScript: tsc over eslint.config.ts (defineConfig + typescript-eslint) and a Linter.Config[] config', async () => {
    const configFiles = ['eslint.config.ts', 'typed-array.config.ts'];
    project = createProject(work, 'typescript', {
      ...TYPESCRIPT_APP,
      'eslint.config.ts': README_CONFIG,
      'typed-array.config.ts': TYPED_ARRAY_CONFIG,
      // skipLibCheck off (TypeScript's default): the plugin's own declarations are checked too.
      'tsconfig.json': tsconfig(configFiles, { skipLibCheck: false }),
    });
    // jiti: on Node 20 ESLint 10 loads eslint.config.ts through it (Node 22.18+ strips types
    // itself); without it ESLint stops with "The 'jiti' library is required".
    await npmInstall(project, ['eslint@^10', 'typescript@~5.9', 'typescript-eslint@^8', 'jiti@^2', tarballs.plugin.path]);
    assertFromTarballs(project, ['eslint-plugin-sse']);
    return typeCheck(project, 'tsconfig.json');
  });
  await check('TypeScript: ESLint 10 loads eslint.config.ts and lints .ts/.tsx', async () => {
    if (!project) throw new CheckFailure('the type check did not create the project');
    return assertEslintFindings(project, { major: 10, expected: TYPESCRIPT_FINDINGS });
  });
}

export async function typescriptWithoutTypescriptEslint({ work, tarballs, check }) {
  let project;
  await check('TypeScript without typescript-eslint: tsc over defineConfig, Linter.Config[] and CommonJS .cts configs', async () => {
    const configFiles = ['eslint.config.ts', 'typed-array.config.ts', 'commonjs.config.cts'];
    project = createProject(work, 'typescript-plain', {
      'eslint.config.ts': PLAIN_CONFIG,
      'typed-array.config.ts': TYPED_ARRAY_CONFIG,
      'commonjs.config.cts': COMMONJS_TYPED_CONFIG,
      // skipLibCheck on, as `tsc --init` writes it; the strict variant is the next check.
      'tsconfig.json': tsconfig(configFiles, { skipLibCheck: true }),
      'tsconfig.strict.json': tsconfig(configFiles, { skipLibCheck: false }),
    });
    await npmInstall(project, ['eslint@^10', 'typescript@~5.9', tarballs.plugin.path]);
    assertFromTarballs(project, ['eslint-plugin-sse']);
    const typescriptEslint = [...installedNames(project)].filter((name) => name.startsWith('@typescript-eslint/') || name === 'typescript-eslint');
    if (typescriptEslint.length > 0) throw new CheckFailure(`typescript-eslint got installed anyway: ${typescriptEslint.join(', ')}`);
    return typeCheck(project, 'tsconfig.json');
  });
  // The plugin's public declarations name only ESLint's types, so they check without typescript-eslint.
  await check('TypeScript without typescript-eslint, skipLibCheck: false', async () => {
    if (!project) throw new CheckFailure('the previous check did not create the project');
    const { errors } = await typeErrors(project, 'tsconfig.strict.json');
    if (errors.length > 0) throw new CheckFailure(`tsc found ${errors.length} errors`, errors.join('\n'));
    return 'no errors';
  });
}
