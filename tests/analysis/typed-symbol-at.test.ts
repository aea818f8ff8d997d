/**
 * `symbolAt` asks the TypeScript checker once per node and checker (issue 16): the summaries and
 * the stream test ask about the same callees, and TypeScript walks the scopes again on every
 * `getSymbolAtLocation` of a name in an expression. A real program and checker, behind a proxy
 * that counts the questions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { symbolAt } from '../../src/analysis/typed/type-information.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'symbol-at-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = path.join(scratch, 'feed.ts');
writeFileSync(file, 'function open(url: string) { return url; }\nopen("/a");\nmissing("/b");\n');
const program = ts.createProgram([file], { noLib: true, types: [] });

/** The program's checker, counting `getSymbolAtLocation` calls. */
function countingChecker(): { checker: ts.TypeChecker; asked: () => number } {
  let asked = 0;
  const real = program.getTypeChecker();
  const checker = new Proxy(real, {
    get(target, key) {
      if (key === 'getSymbolAtLocation') {
        return (node: ts.Node) => {
          asked += 1;
          return target.getSymbolAtLocation(node);
        };
      }
      return Reflect.get(target, key) as unknown;
    },
  });
  return { checker, asked: () => asked };
}

/** The callee of the `index`-th top-level call statement. */
function callee(index: number): ts.Identifier {
  const statements = program.getSourceFile(file)!.statements.filter(ts.isExpressionStatement);
  return (statements[index]!.expression as ts.CallExpression).expression as ts.Identifier;
}

describe('symbolAt', () => {
  it('answers a second question about the same node without asking the checker', () => {
    const { checker, asked } = countingChecker();
    const first = symbolAt(checker, callee(0));
    expect(first?.name).toBe('open');
    expect(symbolAt(checker, callee(0))).toBe(first);
    expect(asked()).toBe(1);
  });

  it('remembers a name that resolves to nothing, too', () => {
    const { checker, asked } = countingChecker();
    expect(symbolAt(checker, callee(1))).toBeUndefined();
    expect(symbolAt(checker, callee(1))).toBeUndefined();
    expect(asked()).toBe(1);
  });

  it('asks each checker for itself: the next program may answer otherwise for a reused node', () => {
    const one = countingChecker();
    const other = countingChecker();
    symbolAt(one.checker, callee(0));
    symbolAt(other.checker, callee(0));
    expect([one.asked(), other.asked()]).toEqual([1, 1]);
  });
});
