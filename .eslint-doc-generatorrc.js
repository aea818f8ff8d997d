/** Settings for eslint-doc-generator, which writes the README's rules table and each rule doc's header. */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
    ['all', '🌐'],
  ],
  // `vue`, `svelte` and `angular` are `recommended` for other file types: the ✅ column says it all.
  ignoreConfig: ['vue', 'svelte', 'angular'],
  ruleDocSectionInclude: ['When not to use it'],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-sse/eslint-plugin-sse#configs',
};
