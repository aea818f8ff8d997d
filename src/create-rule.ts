import { ESLintUtils } from '@typescript-eslint/utils';

export interface SseRuleDocs {
  description: string;
  /** Whether `configs.recommended` turns the rule on; the configs are derived from this. */
  recommended?: boolean;
  requiresTypeChecking?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-sse/eslint-plugin-sse';

/** Every rule is made with this, so that every rule links its own doc page. */
export const createRule = ESLintUtils.RuleCreator<SseRuleDocs>((name) => `${REPOSITORY}/blob/main/docs/rules/${name}.md`);
