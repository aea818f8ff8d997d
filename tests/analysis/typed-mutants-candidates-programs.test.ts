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
import { programIndexStatistics, programStreamOpenings } from '../../src/analysis/typed/program-stream-index.js';
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

describe('programStreamOpenings', () => {
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
    // Another URL, which TypeScript's tree shows: read only when that URL is asked about.
    'src/live.ts': "export const live = new EventSource('/api/live');\n",
    // An alias: only converting the file tells which URLs it opens, so it is read for any URL.
    'src/alias.ts': "const Stream = EventSource;\nexport const aliased = new Stream('/api/aliased');\n",
  });
  const feedEntry = {
    fileName: fileName('src/use-feed.ts'),
    line: 4,
    column: 20,
    url: { key: '/api/feed', text: '/api/feed' },
    stream: '`EventSource`',
    consumer: 'hook `useFeed`',
  };

  it('has read nothing before anyone asks', () => {
    expect(programIndexStatistics(program)).toEqual({ builds: 0, files: [] });
  });

  it('records the openings of the URL a consumer keeps, with their 1-based place, reading only the files that may open it', () => {
    // Pins the skip test (test, declaration and non-stream files left out), the refused conversion, `!consumer`, `column + 1`.
    expect(programStreamOpenings(program, [], '/api/feed', fileName('src/other.ts'))).toEqual([feedEntry]);
    expect(programIndexStatistics(program)).toEqual({
      builds: 1,
      files: [fileName('src/use-feed.ts'), fileName('src/open-feed.ts'), fileName('src/alias.ts')],
    });
  });

  it('leaves out the file that asks, and reads no file twice', () => {
    expect(programStreamOpenings(program, [], '/api/feed', fileName('src/use-feed.ts'))).toEqual([]);
    const moduleLevel = (file: string, line: number, column: number, key: string) => ({
      fileName: fileName(file),
      line,
      column,
      url: { key, text: key },
      stream: '`EventSource`',
      consumer: 'module scope',
    });
    expect(programStreamOpenings(program, [], '/api/aliased', fileName('src/other.ts'))).toEqual([moduleLevel('src/alias.ts', 2, 24, '/api/aliased')]);
    expect(programStreamOpenings(program, [], '/api/live', fileName('src/other.ts'))).toEqual([moduleLevel('src/live.ts', 1, 21, '/api/live')]);
    expect(programIndexStatistics(program).files).toEqual([
      fileName('src/use-feed.ts'),
      fileName('src/open-feed.ts'),
      fileName('src/alias.ts'),
      fileName('src/live.ts'),
    ]);
  });

  it('starts once per program and wrappers list', () => {
    programStreamOpenings(program, [], '/api/feed', fileName('src/other.ts'));
    expect(programIndexStatistics(program).builds).toBe(1);
    programStreamOpenings(program, [{ module: '@acme/live', export: 'openLive' }], '/api/feed', fileName('src/other.ts'));
    expect(programIndexStatistics(program).builds).toBe(2);
  });

  it('does not keep the files it converted', () => {
    // A kept conversion would be handed out again.
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
