import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const builtPlugin = fileURLToPath(new URL('../dist/src/index.js', import.meta.url));

/** Runs `source` as an ES module in a fresh Node process and returns what it prints, parsed. */
function runInNode(source: string): unknown {
  if (!existsSync(builtPlugin)) throw new Error('dist/src/index.js is missing: run `npm run build` first.');
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }));
}

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

describe('plugin object', () => {
  it('names itself for ESLint (meta.name, meta.version, meta.namespace)', () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'sse' });
  });

  it('derives recommended from each rule’s meta.docs.recommended', () => {
    const expected = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta?.docs?.recommended)
      .map(([name]) => `sse/${name}`)
      .sort();
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('turns every rule on in all', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((name) => `sse/${name}`)
        .sort(),
    );
  });

  it('writes every message whole: no `${…}` left unfilled, no empty `{{}}`', () => {
    // An escaped `\${…}` in a template literal once left `${SAFE_SCHEDULE}` in a message as text.
    const unfilled = Object.entries(plugin.rules).flatMap(([name, rule]) =>
      Object.entries(rule.meta?.messages ?? {})
        .filter(([, message]) => /\$\{|\{\{\s*\}\}/.test(message))
        .map(([id]) => `${name}.${id}`),
    );
    expect(unfilled).toEqual([]);
  });

  it('registers itself under the sse namespace in each flat config', () => {
    expect(plugin.configs.recommended.name).toBe('sse/recommended');
    expect(plugin.configs.recommended.plugins?.sse).toBe(plugin);
    expect(plugin.configs.all.plugins?.sse).toBe(plugin);
  });
});

describe('configs users paste', () => {
  it('lints JavaScript and TypeScript files, with or without JSX', () => {
    for (const name of ['recommended', 'all'] as const) {
      expect(plugin.configs[name].files).toEqual(['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx']);
      expect(plugin.configs[name].languageOptions).toEqual({ parserOptions: { ecmaFeatures: { jsx: true } } });
    }
  });

  it('offers disable-type-checked, which turns type information off and no rule on', () => {
    expect(plugin.configs['disable-type-checked']).toEqual({
      name: 'sse/disable-type-checked',
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
    });
  });
});

describe('the built package', () => {
  it('lints a JavaScript file without loading TypeScript or typescript-eslint', () => {
    // A JavaScript project has neither installed; loading them would fail there, and costs time where they are.
    const loaded = runInNode(`
      import { createRequire } from 'node:module';
      import { Linter } from 'eslint';
      const { default: sse } = await import(${JSON.stringify(builtPlugin)});
      const messages = new Linter().verify('for (const id of ids) new EventSource("/rows/" + id);\\n', [sse.configs.recommended], 'rows.jsx');
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        rules: messages.map((message) => message.ruleId),
        typescript: cache.filter((file) => /[\\/]node_modules[\\/](typescript|@typescript-eslint)[\\/]/.test(file)),
      }));
    `);
    expect(loaded).toEqual({ rules: ['sse/no-eventsource-in-loop'], typescript: [] });
  });

  it('hands CommonJS the plugin itself from require(), with no .default', () => {
    const shape = runInNode(`
      import { createRequire } from 'node:module';
      const sse = createRequire(import.meta.url)(${JSON.stringify(builtPlugin)});
      console.log(JSON.stringify({ name: sse.meta?.name, configs: Object.keys(sse.configs ?? {}), hasDefault: 'default' in sse }));
    `);
    expect(shape).toEqual({ name: 'eslint-plugin-sse', configs: ['recommended', 'all', 'vue', 'svelte', 'angular', 'disable-type-checked', 'recommended-type-checked'], hasDefault: false });
  });
});
