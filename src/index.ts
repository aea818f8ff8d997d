/**
 * eslint-plugin-sse: the plugin object, with its rules and flat configs. The configs are
 * derived from each rule's `meta.docs.recommended`, never listed by hand.
 *
 * Its public type is written in ESLint's own terms (`Rule.RuleModule`, `Linter.Config`), not
 * typescript-eslint's, so that `defineConfig()`, `Linter.Config[]` and `plugins: { sse }`
 * accept it in an `eslint.config.ts`, with or without typescript-eslint installed.
 */
import { createRequire } from 'node:module';
import type { Linter, Rule } from 'eslint';
import { rules as ruleModules } from '../rules/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-version.js';

/**
 * The rules' names, written out: derived from the rules map, the public declarations would import
 * the rules' own types, which come from typescript-eslint, an optional peer a JavaScript project
 * does not have (and `tsc` without `skipLibCheck` would then fail on the plugin's types).
 */
export type RuleName = 'no-duplicate-stream' | 'no-eventsource-in-loop' | 'no-eventsource-per-item' | 'no-unbounded-reconnect' | 'require-eventsource-close';

// Fails the type check when a rule is added or removed without updating `RuleName`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ruleNamesMatch: Same<RuleName, keyof typeof ruleModules> = true;
export type ConfigName = 'recommended' | 'recommended-type-checked' | 'disable-type-checked' | 'all' | 'vue' | 'svelte' | 'angular';

export interface SsePlugin {
  meta: { name: string; version: string; namespace: 'sse' };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

/** Every file a rule can read: JavaScript and TypeScript, with or without JSX. */
const LINTED_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** The files `recommended-type-checked` lints with type information: those a `tsconfig.json` holds by default. */
const TYPE_CHECKED_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

// typescript-eslint's rule type and ESLint's describe the same object; the plugin is handed to ESLint.
const rules = ruleModules as unknown as Record<RuleName, Rule.RuleModule>;

function rulesWhere(predicate: (name: RuleName) => boolean): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    if (predicate(name)) entries[`sse/${name}`] = 'error';
  }
  return entries;
}

const plugin: SsePlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'sse' },
  rules,
  configs: {} as SsePlugin['configs'],
};

const recommendedRules = rulesWhere((name) => rules[name].meta?.docs?.recommended === true);

/**
 * JSX parses in `.js` and `.jsx` files too (React code often lives in `.js`): espree needs to be
 * told, and typescript-eslint's parser ignores the flag for the extensions it knows.
 */
const jsxInJavaScript: Linter.LanguageOptions = { parserOptions: { ecmaFeatures: { jsx: true } } };

// The configs refer to the plugin itself, so they are added after it exists.
Object.assign(plugin.configs, {
  recommended: {
    name: 'sse/recommended',
    files: LINTED_FILES,
    plugins: { sse: plugin },
    languageOptions: jsxInJavaScript,
    rules: recommendedRules,
  },
  all: {
    name: 'sse/all',
    files: LINTED_FILES,
    plugins: { sse: plugin },
    languageOptions: jsxInJavaScript,
    rules: rulesWhere(() => true),
  },
  /**
   * The recommended rules for single-file components, added after eslint-plugin-vue's or
   * eslint-plugin-svelte's flat config, which sets the parser for these files. Kept out of
   * `recommended`: a `files` glob there would make ESLint lint `.vue` and `.svelte` files in
   * projects that have no parser for them.
   */
  vue: { name: 'sse/vue', files: ['**/*.vue'], plugins: { sse: plugin }, rules: recommendedRules },
  svelte: { name: 'sse/svelte', files: ['**/*.svelte', '**/*.svelte.js', '**/*.svelte.ts'], plugins: { sse: plugin }, rules: recommendedRules },
  /**
   * After angular-eslint's config, which parses `.ts` files with typescript-eslint and `.html`
   * templates (external, or inline ones that its `processInlineTemplates` hands over as
   * virtual `.html` files) with @angular-eslint/template-parser: the rules read both.
   */
  angular: { name: 'sse/angular', files: ['**/*.ts', '**/*.html'], plugins: { sse: plugin }, rules: recommendedRules },
  /**
   * For files that should be linted without type information (JavaScript in a typed project,
   * generated code): typescript-eslint's parser then hands the rules no program, and they read
   * the file alone. The same switch as typescript-eslint's own `disable-type-checked`.
   */
  'disable-type-checked': {
    name: 'sse/disable-type-checked',
    languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
  },
} satisfies Omit<SsePlugin['configs'], 'recommended-type-checked'>);

let typeChecked: Linter.Config | undefined;

/**
 * `recommended`, with type information switched on for TypeScript files: typescript-eslint's
 * parser with its project service, which finds each file's `tsconfig.json`. The rules turn
 * their type-aware mode on by themselves whenever a file comes with type information, so a
 * project that already lints with `projectService` or `project` needs only `recommended`.
 *
 * Built on first use: it loads `@typescript-eslint/parser` (an optional peer, which brings the
 * TypeScript compiler), which a plain `recommended` setup or a JavaScript project never pays for.
 */
Object.defineProperty(plugin.configs, 'recommended-type-checked', {
  enumerable: true,
  get(): Linter.Config {
    typeChecked ??= {
      name: 'sse/recommended-type-checked',
      files: TYPE_CHECKED_FILES,
      plugins: { sse: plugin },
      languageOptions: {
        parser: createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser,
        parserOptions: { projectService: true },
      },
      rules: recommendedRules,
    };
    return typeChecked;
  },
});

export default plugin;
// `require('eslint-plugin-sse')` (Node >= 20.19 loads ES modules through require) returns the
// plugin itself rather than a module namespace, so CommonJS configs need no `.default`.
export { plugin as 'module.exports' };
