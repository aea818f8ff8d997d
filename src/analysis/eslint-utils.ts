/**
 * Scope and static-value helpers from `@eslint-community/eslint-utils`, typed for
 * typescript-eslint's AST. They are the functions typescript-eslint re-exports as `ASTUtils`;
 * importing them from there at run time would load `@typescript-eslint/utils`, whose required
 * `typescript` peer a JavaScript project would then have to install, so the plugin calls them
 * directly and borrows only the types.
 */
import * as eslintUtils from '@eslint-community/eslint-utils';
import type { ASTUtils, TSESLint } from '@typescript-eslint/utils';

export const findVariable = eslintUtils.findVariable as unknown as typeof ASTUtils.findVariable;
export const getStaticValue = eslintUtils.getStaticValue as unknown as typeof ASTUtils.getStaticValue;
export const ReferenceTracker = eslintUtils.ReferenceTracker as unknown as typeof ASTUtils.ReferenceTracker;

type DefinitionTypes = typeof TSESLint.Scope.DefinitionType;

/**
 * The kinds of scope definition the analyses tell apart. scope-manager's `DefinitionType` is a
 * string enum whose values are these names; reading it at run time would load typescript-eslint.
 */
export const DefinitionType = {
  ClassName: 'ClassName',
  FunctionName: 'FunctionName',
  ImportBinding: 'ImportBinding',
  Parameter: 'Parameter',
  Variable: 'Variable',
} as unknown as Pick<DefinitionTypes, 'ClassName' | 'FunctionName' | 'ImportBinding' | 'Parameter' | 'Variable'>;
