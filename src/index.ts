/**
 * eslint-plugin-sse: the plugin object, with its rules and flat configs. The configs are
 * derived from each rule's `meta.docs.recommended`, never listed by hand.
 */
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-version.js';

type RuleName = keyof typeof rules;
type RuleEntries = Partial<Record<`sse/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;
type ConfigName = 'recommended' | 'recommended-type-checked' | 'all';

function rulesWhere(predicate: (name: RuleName) => boolean): RuleEntries {
  const entries: RuleEntries = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    if (predicate(name)) entries[`sse/${name}`] = 'error';
  }
  return entries;
}

/** The files `recommended-type-checked` lints with type information: those a `tsconfig.json` holds by default. */
const TYPE_CHECKED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

const plugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'sse' },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};

const recommendedRules = rulesWhere((name) => rules[name].meta.docs?.recommended === true);

// The configs refer to the plugin itself, so they are added after it exists.
Object.assign(plugin.configs, {
  recommended: {
    name: 'sse/recommended',
    plugins: { sse: plugin },
    rules: recommendedRules,
  },
  all: {
    name: 'sse/all',
    plugins: { sse: plugin },
    rules: rulesWhere(() => true),
  },
});

let typeChecked: TSESLint.FlatConfig.Config | undefined;

/**
 * `recommended`, with type information switched on for TypeScript files: typescript-eslint's
 * parser with its project service, which finds each file's `tsconfig.json`. The rules turn
 * their type-aware mode on by themselves whenever a file comes with type information, so a
 * project that already lints with `projectService` or `project` needs only `recommended`.
 *
 * Built on first use: the parser loads the TypeScript compiler, which a plain `recommended`
 * setup (or a JavaScript project) should not pay for.
 */
Object.defineProperty(plugin.configs, 'recommended-type-checked', {
  enumerable: true,
  get(): TSESLint.FlatConfig.Config {
    typeChecked ??= {
      name: 'sse/recommended-type-checked',
      files: TYPE_CHECKED_FILES,
      plugins: { sse: plugin },
      languageOptions: {
        parser: createRequire(import.meta.url)('@typescript-eslint/parser') as TSESLint.FlatConfig.Parser,
        parserOptions: { projectService: true },
      },
      rules: recommendedRules,
    };
    return typeChecked;
  },
});

export default plugin;
