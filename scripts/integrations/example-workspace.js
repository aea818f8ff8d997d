/**
 * A temporary copy of `examples/live-dashboard` set up as a user's project would be: the
 * built plugin installed as `eslint-plugin-sse` (a symlink to this repository, which is what
 * `npm install` of a local path makes), ESLint and typescript-eslint's parser beside it, and
 * a config file. The oxlint and editor integration tests and their benchmarks lint this copy,
 * never the example itself, so that the files they write stay out of the repository.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLE_DIR = path.join(REPOSITORY_ROOT, 'examples', 'live-dashboard');
export const BUILT_PLUGIN = path.join(REPOSITORY_ROOT, 'dist', 'src', 'index.js');

/** What the recommended config lints, by extension. */
const LINTED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/** The helper the `sharedHelper` option names, so that the repeated-stream rules offer their suggestion. */
export const SHARED_HELPER = { module: 'sse-hub', export: 'sharedEventSource' };

/**
 * The built plugin, as oxlint and the editor load it. The integration tests need
 * `npm run build` first; without it they stop here, saying so.
 * @returns {Promise<import('../../src/index.js').SsePlugin>}
 */
export async function loadBuiltPlugin() {
  if (!existsSync(BUILT_PLUGIN)) {
    throw new Error(
      `${path.relative(REPOSITORY_ROOT, BUILT_PLUGIN)} is missing: run \`npm run build\` first. oxlint and the ESLint language server load the built plugin, as users get it from npm.`,
    );
  }
  const module = await import(pathToFileURL(BUILT_PLUGIN).href);
  return module.default;
}

/**
 * The rules that take a `sharedHelper` option, read from their schemas so that a new rule with
 * the option is configured too.
 * @param {import('../../src/index.js').SsePlugin} plugin
 * @returns {string[]} rule names without the `sse/` prefix
 */
export function rulesWithSharedHelper(plugin) {
  return Object.entries(plugin.rules)
    .filter(([, rule]) => {
      const schema = rule.meta?.schema;
      const first = Array.isArray(schema) ? schema[0] : undefined;
      return first?.properties?.sharedHelper !== undefined;
    })
    .map(([name]) => name)
    .sort();
}

/** Symlinks `node_modules/<name>` in `directory` to `target`. */
async function link(directory, name, target) {
  const at = path.join(directory, 'node_modules', name);
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at, 'dir');
}

/**
 * A fresh temporary directory (by its real path, as tools report it) with the plugin, ESLint
 * and the TypeScript parser installed into it as symlinks.
 * @returns {Promise<{ directory: string, remove: () => Promise<void> }>}
 */
export async function temporaryProject(prefix) {
  const directory = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  await link(directory, 'eslint-plugin-sse', REPOSITORY_ROOT);
  await link(directory, 'eslint', path.join(REPOSITORY_ROOT, 'node_modules', 'eslint'));
  await link(directory, '@typescript-eslint/parser', path.join(REPOSITORY_ROOT, 'node_modules', '@typescript-eslint', 'parser'));
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

/**
 * The example copied into a `temporaryProject()`.
 * @returns {Promise<{ directory: string, remove: () => Promise<void> }>}
 */
export async function copyExample(prefix = 'sse-example-') {
  const project = await temporaryProject(prefix);
  await cp(EXAMPLE_DIR, project.directory, { recursive: true });
  return project;
}

/**
 * The files of the copy that the plugin's configs lint, relative and with `/`, sorted.
 * @param {string} directory
 * @returns {Promise<string[]>}
 */
export async function lintedFiles(directory) {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && LINTED_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').includes('node_modules') && !/^eslint\.config\.[cm]?js$/.test(file))
    .sort();
}

/**
 * `eslint.config.mjs` as a JavaScript project writes it: `recommended`, typescript-eslint's
 * parser for the TypeScript files, and `sharedHelper` on every rule that offers the suggestion.
 * @param {string} directory
 * @param {string[]} sharedHelperRules rule names without the `sse/` prefix
 */
export async function writeRecommendedConfig(directory, sharedHelperRules) {
  const options = sharedHelperRules.map((name) => `      'sse/${name}': ['error', { sharedHelper }],`).join('\n');
  await writeFile(
    path.join(directory, 'eslint.config.mjs'),
    `import tsParser from '@typescript-eslint/parser';
import sse from 'eslint-plugin-sse';

const sharedHelper = ${JSON.stringify(SHARED_HELPER)};

export default [
  { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
  sse.configs.recommended,
  {
    rules: {
${options}
    },
  },
];
`,
  );
}

/** A component in its own file whose hook, imported from `useDeviceStatus.ts`, opens the stream. */
export const CROSS_FILE_COMPONENT = 'src/DeviceList.tsx';

/**
 * Makes the copy a small TypeScript project linted with `recommended-type-checked`: a
 * `tsconfig.json` over `src`, and a list whose rows call the example's `useDeviceStatus` hook
 * from another file. Only type information shows that each row opens a stream.
 * @param {string} directory
 */
export async function writeTypeAwareProject(directory) {
  await writeFile(
    path.join(directory, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM'],
          jsx: 'preserve',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  await writeFile(
    path.join(directory, CROSS_FILE_COMPONENT),
    `// A row per device; each row calls the status hook of useDeviceStatus.ts.
import { useDeviceStatus } from './useDeviceStatus';

function DeviceRow({ id }: { id: string }) {
  const status = useDeviceStatus(id);
  return (
    <li>
      {id}: {status}
    </li>
  );
}

export function DeviceList({ ids }: { ids: string[] }) {
  return (
    <ul>
      {ids.map((id) => (
        <DeviceRow key={id} id={id} />
      ))}
    </ul>
  );
}
`,
  );
  await writeFile(
    path.join(directory, 'eslint.config.mjs'),
    `import sse from 'eslint-plugin-sse';

export default [
  sse.configs['recommended-type-checked'],
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
];
`,
  );
}
