/**
 * eslint-plugin-sse: the plugin object, with its rules and flat configs. The configs are
 * derived from each rule's `meta.docs.recommended`, never listed by hand.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-version.js';

type RuleName = keyof typeof rules;
type RuleEntries = Partial<Record<`sse/${RuleName}`, TSESLint.SharedConfig.RuleEntry>>;

function rulesWhere(predicate: (name: RuleName) => boolean): RuleEntries {
  const entries: RuleEntries = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    if (predicate(name)) entries[`sse/${name}`] = 'error';
  }
  return entries;
}

const plugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'sse' },
  rules,
  configs: {} as Record<'recommended' | 'all', TSESLint.FlatConfig.Config>,
};

// The configs refer to the plugin itself, so they are added after it exists.
Object.assign(plugin.configs, {
  recommended: {
    name: 'sse/recommended',
    plugins: { sse: plugin },
    rules: rulesWhere((name) => rules[name].meta.docs?.recommended === true),
  },
  all: {
    name: 'sse/all',
    plugins: { sse: plugin },
    rules: rulesWhere(() => true),
  },
});

export default plugin;
