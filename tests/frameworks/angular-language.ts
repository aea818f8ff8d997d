/**
 * Test cases as Angular templates: @angular-eslint/template-parser for `.html` files, as
 * angular-eslint's `templateRecommended` configures it. An inline `template:` is linted under
 * the virtual name angular-eslint's `processInlineTemplates` gives it, beside its `.ts` file.
 */
import type { ValidTestCase } from '@typescript-eslint/rule-tester';
import * as templateParser from '@angular-eslint/template-parser';

type LanguageOptions = NonNullable<ValidTestCase<unknown[]>['languageOptions']>;

// The rule tester's type knows typescript-eslint's parser options only.
export const angularTemplateLanguageOptions = { parser: templateParser } as unknown as LanguageOptions;

/** A case linted as the external template `filename` (an `.html` file). */
export function angularTemplate(code: string, filename: string) {
  return { code, filename, languageOptions: angularTemplateLanguageOptions };
}

/** The name ESLint gives the `index`-th inline template of `componentFile` that processInlineTemplates hands it. */
export function inlineTemplateName(componentFile: string, index: number): string {
  const base = componentFile.split(/[\\/]/).pop()!;
  return `${componentFile}/${index}_inline-template-${base}-${index}.component.html`;
}
