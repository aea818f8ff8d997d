import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';

export interface SseRuleDocs {
  description: string;
  /** Whether `configs.recommended` turns the rule on; the configs are derived from this. */
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-sse/eslint-plugin-sse';

export function ruleDocsUrl(name: string): string {
  return `${REPOSITORY}/blob/main/docs/rules/${name}.md`;
}

/**
 * Every rule is made with this, so that every rule links its own doc page. It takes the
 * same definition as typescript-eslint's `RuleCreator`, but hands `context.options` to
 * `create` as they are: ESLint (>= 9.15) has already merged `meta.defaultOptions` into them,
 * and RuleCreator's second merge (a `structuredClone` per rule per file) cost more, on real
 * code, than all of a rule's own work on a file that opens no stream.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, SseRuleDocs>>): TSESLint.RuleModule<
  MessageIds,
  Options,
  SseRuleDocs
> & { name: string } {
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    create: (context) => create(context, context.options),
  };
}
