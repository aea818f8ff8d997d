/**
 * Type-aware mode asks the TypeScript checker only in a file with a candidate (issue 16): a file
 * without one costs the typed lint nothing beyond the syntactic rules. (The checker itself is built
 * by typescript-eslint before any rule runs: typed-checker-built-by-parser.test.ts.) The parser's
 * program is handed to the rules behind a proxy that counts `getTypeChecker()` calls;
 * typescript-eslint's own calls go to the program itself and are not counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const project = fileURLToPath(new URL('fixtures/typed-checker-on-demand/', import.meta.url));

let checkerRequests = 0;

/** typescript-eslint's parser, with the program it hands to rules counting checker requests. */
const countingParser = {
  meta: { name: 'counting-typescript-eslint-parser' },
  parseForESLint(code: string, options?: Record<string, unknown>) {
    const result = tsParser.parseForESLint(code, options as tsParser.ParserOptions);
    const program = result.services.program;
    if (program) {
      result.services.program = new Proxy(program, {
        get(target, key, receiver) {
          if (key === 'getTypeChecker') {
            return () => {
              checkerRequests += 1;
              return target.getTypeChecker();
            };
          }
          return Reflect.get(target, key, receiver) as unknown;
        },
      }) as ts.Program;
    }
    return result;
  },
};

function lint(file: string): { checkerRequests: number; messages: string[] } {
  const typed = plugin.configs['recommended-type-checked'];
  const config: Linter.Config = {
    ...typed,
    files: ['**/*.ts'],
    languageOptions: {
      ...typed.languageOptions,
      parser: countingParser as unknown as Linter.Parser,
      parserOptions: { projectService: true, tsconfigRootDir: project },
    },
  };
  checkerRequests = 0;
  const filename = path.join(project, file);
  const messages = new Linter({ cwd: project }).verify(readFileSync(filename, 'utf8'), [config], filename);
  return { checkerRequests, messages: messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.messageId ?? message.message}`) };
}

describe('the type checker, asked on demand', () => {
  it('is not asked for in a file without a candidate: an imported opener called once, a loop over globals', () => {
    expect(lint('src/once.ts')).toEqual({ checkerRequests: 0, messages: [] });
  });

  it('is not asked for in a module that imports nothing, whose loop calls only a function of its own', () => {
    expect(lint('src/no-import.ts')).toEqual({ checkerRequests: 0, messages: [] });
  });

  it('is not asked for in a module that imports nothing, whose error handler calls no static method of its own classes', () => {
    // Its own function, a plain object's method (also through a call), an undeclared global's
    // and a library global's: only `Feed.open()` of a class of the file sends the checker looking.
    // kills candidates.ts:70 (each condition of the guard -> false, || -> &&; return false -> true)
    // kills candidates.ts:71 ?.defs -> .defs (`telemetry` has no variable)
    // kills candidates.ts:72 (the condition -> true, each side -> true, && -> ||, ?.type -> .type)
    expect(lint('src/no-import-handler.ts')).toEqual({ checkerRequests: 0, messages: [] });
  });

  it('is asked for when an imported callee repeats, and finds the stream it opens in another file', () => {
    const result = lint('src/per-item.ts');
    expect(result.messages).toEqual(['5:25 sse/no-eventsource-in-loop openerCallInLoopAcrossFiles']);
    expect(result.checkerRequests).toBeGreaterThan(0);
  });
});
