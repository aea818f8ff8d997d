/**
 * The program-wide halves of type-aware mode, on real TypeScript programs written to a scratch
 * directory (issue 17): the program's index of stream openings by URL
 * (`src/analysis/typed/program-stream-index.ts`), which files it reads and what it records, and
 * the findings that map a call, `new` or rendered name to what its declaration opens
 * (`src/analysis/typed/cross-file-findings.ts`).
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { invocationFinding, renderFinding } from '../../src/analysis/typed/cross-file-findings.js';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';
import { programIndexStatistics, programStreamOpeningsByUrl } from '../../src/analysis/typed/program-stream-index.js';
import { type TypeInformation, typeInformationOf } from '../../src/analysis/typed/type-information.js';
import { estreeNodesOf, scratchDirectory } from './typed-scratch-project.js';

const { directory: scratch, write, remove } = scratchDirectory('typed-mutants-candidates-');
afterAll(remove);

/** Writes the files under `directory` of the scratch directory and builds one program of them, in this order. */
function programOf(directory: string, files: Record<string, string>): { program: ts.Program; fileName: (name: string) => string } {
  const fileName = (name: string) => path.join(scratch, directory, name);
  for (const [name, text] of Object.entries(files)) write(path.join(directory, name), text);
  const program = ts.createProgram(Object.keys(files).map(fileName), { noLib: true, types: [], jsx: ts.JsxEmit.Preserve });
  return { program, fileName };
}

describe('programStreamOpeningsByUrl', () => {
  const { program, fileName } = programOf('index', {
    'src/use-feed.ts': [
      "import { useEffect } from 'react';",
      'export function useFeed() {',
      '  useEffect(() => {',
      "    const source = new EventSource('/api/feed');",
      '    return () => source.close();',
      '  }, []);',
      '}',
      '',
    ].join('\n'),
    // Opens the URL too, but nothing shows that a consumer keeps it open.
    'src/open-feed.ts': "export function openFeed() {\n  return new EventSource('/api/feed');\n}\n",
    // A test opens it as well, and is left out.
    'src/use-feed.test.ts': [
      "import { useEffect } from 'react';",
      'export function useTestFeed() {',
      '  useEffect(() => {',
      "    const source = new EventSource('/api/feed');",
      '    return () => source.close();',
      '  }, []);',
      '}',
      '',
    ].join('\n'),
    'src/plain.ts': 'export const feeds = 1;\n',
    // Mentions the stream, but is a declaration file.
    'src/globals.d.ts': 'declare const shared: EventSource;\n',
    // typescript-estree refuses a `declare` function with a body: the file cannot be converted.
    'src/broken.ts': "declare function broken() {}\nexport const source = new EventSource('/api/feed');\n",
  });

  it('has read nothing before anyone asks', () => {
    // kills program-stream-index.ts:91 `peek(…)?.files` -> `.files` and the NoCoverage `?? []` -> `["Stryker was here"]`
    expect(programIndexStatistics(program)).toEqual({ builds: 0, files: [] });
  });

  it('records the openings a consumer keeps, with their 1-based place, from the project files that mention a stream', () => {
    // kills program-stream-index.ts:48, 54 and 55 loop bodies -> `{}`; 49 every mutant of the skip test (all files read,
    // none read, test and declaration files read, `!mentionsStream` -> `mentionsStream`); 51 `!sourceCode` -> true / false / `sourceCode`;
    // 56 `!consumer` -> true; 62 `column + 1` -> `- 1`; 47 `files` starting with a stray entry
    const byUrl = programStreamOpeningsByUrl(program, []);
    expect([...byUrl]).toEqual([
      [
        '/api/feed',
        [
          {
            fileName: fileName('src/use-feed.ts'),
            line: 4,
            column: 20,
            url: { key: '/api/feed', text: '/api/feed' },
            stream: '`EventSource`',
            consumer: 'hook `useFeed`',
          },
        ],
      ],
    ]);
    expect(programIndexStatistics(program)).toEqual({
      builds: 1,
      files: [fileName('src/use-feed.ts'), fileName('src/open-feed.ts')],
    });
  });

  it('builds once per program and wrappers list', () => {
    // kills program-stream-index.ts:45 `+ 1` -> `- 1` and `?? 0` -> `&& 0`
    programStreamOpeningsByUrl(program, []);
    expect(programIndexStatistics(program).builds).toBe(1);
    programStreamOpeningsByUrl(program, [{ module: '@acme/live', export: 'openLive' }]);
    expect(programIndexStatistics(program).builds).toBe(2);
  });

  it('does not keep the files it converted', () => {
    // kills program-stream-index.ts:50 `{ keep: false }` -> `{}` and `keep: false` -> `true`: a kept conversion is handed out again
    const file = program.getSourceFile(fileName('src/use-feed.ts'))!;
    expect(programSourceCode(program, file, { keep: false })).not.toBe(programSourceCode(program, file, { keep: false }));
  });
});

describe('invocationFinding and renderFinding', () => {
  const { program, fileName } = programOf('findings', {
    'lib/chain.ts': [
      'export function first() {',
      '  return second();',
      '}',
      'export function second() {',
      '  return third();',
      '}',
      'function third() { return fourth(); }',
      'function fourth() { return fifth(); }',
      'function fifth() { return sixth(); }',
      "function sixth() { return new EventSource('/api/chain'); }",
      '',
    ].join('\n'),
    'lib/anonymous.ts': "export default function () {\n  return new EventSource('/api/anonymous');\n}\n",
    'lib/feed.ts': "export class Feed {\n  source: EventSource;\n  constructor() {\n    this.source = new EventSource('/api/feed');\n  }\n}\n",
    'lib/live.tsx': "export function Live() {\n  const source = new EventSource('/api/live');\n  return <p>{String(source)}</p>;\n}\n",
    'use.tsx': [
      "import { first, second } from './lib/chain';",
      "import openAnonymous from './lib/anonymous';",
      "import { Feed } from './lib/feed';",
      "import * as live from './lib/live';",
      'export function run(ids: string[]) {',
      '  for (const id of ids) {',
      '    first();',
      '    second();',
      '    openAnonymous();',
      '    Feed();',
      '    new Feed();',
      '  }',
      '  return ids.map(() => <live.Live />);',
      '}',
      'export type LiveComponent = typeof live.Live;',
      '',
    ].join('\n'),
  });
  const use = programSourceCode(program, program.getSourceFile(fileName('use.tsx'))!)!;
  const information: TypeInformation = typeInformationOf(use, path.join(scratch, 'findings'))!;
  const nodes = estreeNodesOf(use);
  const invocation = (text: string) =>
    nodes.find(
      (node): node is TSESTree.CallExpression | TSESTree.NewExpression =>
        (node.type === 'CallExpression' || node.type === 'NewExpression') && use.getText(node) === text,
    )!;
  const ES = '`EventSource`';

  it('names the functions on the way to the opening, at most four, then an ellipsis', () => {
    // kills cross-file-findings.ts:31 `via.slice(0, 4)` -> `via`; 32 `via.length > 4` -> false and the NoCoverage `' → …'` -> ""
    const found = invocationFinding(information, [], invocation('first()'));
    expect(found && { name: found.name, data: found.data }).toEqual({
      name: 'first',
      data: {
        file: 'lib/chain.ts',
        opening: 'lib/chain.ts:10',
        stream: ES,
        route: ' through `second` → `third` → `fourth` → `fifth` → …',
      },
    });
  });

  it('names all four functions on the way without an ellipsis', () => {
    // kills cross-file-findings.ts:32 `via.length > 4` -> `>= 4`
    expect(invocationFinding(information, [], invocation('second()'))?.data.route).toBe(' through `third` → `fourth` → `fifth` → `sixth`');
  });

  it("calls an anonymous default export 'default'", () => {
    // kills cross-file-findings.ts:38 the NoCoverage `'default'` -> "", and `?? 'default'` -> `&& 'default'` (with `first` above)
    const found = invocationFinding(information, [], invocation('openAnonymous()'));
    expect(found && { name: found.name, opening: found.data.opening }).toEqual({ name: 'default', opening: 'lib/anonymous.ts:2' });
  });

  it('follows a class only when it is constructed', () => {
    // kills cross-file-findings.ts:66 `node.type === 'NewExpression'` -> true and 68 `isClassLike(…) && !constructs` -> false
    expect(invocationFinding(information, [], invocation('Feed()'))).toBeNull();
    const found = invocationFinding(information, [], invocation('new Feed()'));
    expect(found && { name: found.name, opening: found.data.opening }).toEqual({ name: 'Feed', opening: 'lib/feed.ts:4' });
  });

  it('answers null for a rendered name that is not an expression, such as a qualified name in a type', () => {
    // `typeof live.Live` names the component, but in a type: a TypeScript QualifiedName, which the checker resolves.
    // kills cross-file-findings.ts:51 `tsNode && isExpression(tsNode)` -> true / `||`, and 82 `!name` -> false
    const rendered = nodes.find((node) => node.type === 'JSXMemberExpression')!;
    expect(renderFinding(information, [], rendered)?.data.opening).toBe('lib/live.tsx:2');
    const typed = nodes.find((node) => node.type === 'TSQualifiedName')!;
    expect(use.getText(typed)).toBe('live.Live');
    expect(renderFinding(information, [], typed)).toBeNull();
  });

  it('answers null for a call the linted file does not hold', () => {
    // A node of another file has no TypeScript node in this file's map.
    // kills cross-file-findings.ts:65 `!callee` -> false and 51 `tsNode && …` -> `tsNode || …` (both read the missing node)
    const chain = programSourceCode(program, program.getSourceFile(fileName('lib/chain.ts'))!)!;
    const elsewhere = estreeNodesOf(chain).find((node): node is TSESTree.CallExpression => node.type === 'CallExpression')!;
    expect(chain.getText(elsewhere)).toBe('second()');
    expect(invocationFinding(information, [], elsewhere)).toBeNull();
  });
});
