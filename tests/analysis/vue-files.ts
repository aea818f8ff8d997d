/**
 * Vue files parsed the way the template analysis parses another component of the project:
 * vue-eslint-parser with typescript-eslint's parser for the script, and no options of a user.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import * as vueParser from 'vue-eslint-parser';
import { type ParseFile, parsedSourceCode } from '../../src/analysis/templates/parse-file.js';

export const vue: ParseFile = {
  parseForESLint: vueParser.parseForESLint as ParseFile['parseForESLint'],
  options: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
};

/** `text` parsed as the Vue file `file`; throws where it does not parse. */
export function parsedVue(file: string, text: string): Readonly<TSESLint.SourceCode> {
  const sourceCode = parsedSourceCode(vue, file, text);
  if (!sourceCode) throw new Error(`${file} does not parse`);
  return sourceCode;
}
