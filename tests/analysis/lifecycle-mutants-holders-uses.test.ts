/**
 * Pins what `stream-holders.ts` makes of each read of a held stream, so that the mutants StrykerJS
 * left alive in `useOf`, `isTest`, `isConsoleCall`, `parameterVariable`, `bareRootUses` and
 * `followHolders` of `src/analysis/lifecycle/stream-holders.ts` fail a test (issue 17): a read that
 * only tests the value or prints it keeps the stream held, a read that hands it to unknown code
 * makes it escape, and a read that renames it adds a holder.
 *
 * Each case shows how the first stream of the code is held: `held <names>`, `unheld` or `escapes`.
 */
import { describe, expect, it } from 'vitest';
import { holderText } from '../../src/analysis/lifecycle/holder-paths.js';
import { streamHolding } from '../../src/analysis/lifecycle/stream-holders.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type ProbeFile, analyse, parsers } from './probe.js';

function holding(parser: unknown, code: string, file?: ProbeFile): string {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const opening = getStreamOpenings(sourceCode)[0];
      if (!opening) throw new Error('no stream in the code');
      const result = streamHolding(sourceCode, opening);
      return result.kind === 'held' ? `held ${result.paths.map((path) => holderText(path)).join(', ')}` : result.kind;
    },
    file,
  );
}

const OPEN = 'const es = new EventSource(u);';
const SCRIPT: ProbeFile = { name: 'file.js', sourceType: 'script' };

describe.each(parsers)('reads that only test a held stream (%s)', (_name, parser) => {
  it('keeps it held when a statement tests it', () => {
    // kills stream-holders.ts:83 the body of isTest -> '{}', :85 "'IfStatement'" -> "",
    // :90 "'test' in parent && parent.test === node" -> 'false' and "'test'" -> ""
    expect(holding(parser, `${OPEN} if (es) {}`)).toBe('held es');
    // kills stream-holders.ts:86 "'WhileStatement'" -> ""
    expect(holding(parser, `${OPEN} while (es) {}`)).toBe('held es');
    // kills stream-holders.ts:87 "'DoWhileStatement'" -> ""
    expect(holding(parser, `${OPEN} do {} while (es);`)).toBe('held es');
    // kills stream-holders.ts:88 "'ForStatement'" -> ""
    expect(holding(parser, `${OPEN} for (; es; ) {}`)).toBe('held es');
  });

  it('keeps it held as the test of a conditional, not as one of its results', () => {
    // kills stream-holders.ts:89 "'ConditionalExpression'" -> ""
    expect(holding(parser, `${OPEN} const label = es ? 'open' : 'none';`)).toBe('held es');
    // kills stream-holders.ts:89 the ConditionalExpression case -> falling through to `return true`,
    // :90 "'test' in parent && parent.test === node" -> 'true' and -> '||', 'parent.test === node' -> 'true' and -> '!=='
    expect(holding(parser, `${OPEN} const chosen = ready ? es : null;`)).toBe('escapes');
  });

  it('keeps it held when an operator or a bare statement reads it', () => {
    // kills stream-holders.ts:91 "'UnaryExpression'" -> "" and :94 'true' -> 'false'
    expect(holding(parser, `${OPEN} !es;`)).toBe('held es');
    // kills stream-holders.ts:92 "'BinaryExpression'" -> ""
    expect(holding(parser, `${OPEN} es === null;`)).toBe('held es');
    // kills stream-holders.ts:93 the ExpressionStatement case -> falling through, and "'ExpressionStatement'" -> ""
    expect(holding(parser, `${OPEN} es;`)).toBe('held es');
    // kills stream-holders.ts:95 the LogicalExpression case -> falling through, "'LogicalExpression'" -> "",
    // :96 'parent.left === node' -> 'false' and -> '!=='
    expect(holding(parser, `${OPEN} es && start();`)).toBe('held es');
  });

  it('keeps it held in the dependency list of a React hook', () => {
    // kills stream-holders.ts:130 'isTest(node, parent) || isHookDependency(node)' -> '&&' and -> 'false'
    const code = `import { useEffect } from 'react';
      function Feed() { ${OPEN} useEffect(() => {}, [es]); }`;
    expect(holding(parser, code)).toBe('held es');
  });
});

describe.each(parsers)('reads that carry a held stream on (%s)', (_name, parser) => {
  it('follows the whole `a ?? es` when the stream is its right operand', () => {
    // kills stream-holders.ts:124 "node.parent?.type === 'LogicalExpression' && node.parent.right === node" -> 'false',
    // "'LogicalExpression'" -> "" and 'node.parent.right === node' -> '!=='
    expect(holding(parser, `${OPEN} const chosen = fallback ?? es;`)).toBe('held es, chosen');
  });

  it('follows `es || a` and `es ?? a` as renamings: their value is the stream when it is there', () => {
    expect(holding(parser, `${OPEN} const chosen = es || fallback;`)).toBe('held es, chosen');
    expect(holding(parser, `${OPEN} const chosen = es ?? fallback;`)).toBe('held es, chosen');
  });

  it('follows the right side of `&&` as a renaming, and takes `new es()` for handing it on', () => {
    // kills stream-holders.ts:162 'node.parent.right === node' -> false
    expect(holding(parser, `${OPEN} const chosen = ready && es;`)).toBe('held es, chosen');
    // kills stream-holders.ts:170 "parent.type === 'CallExpression'" -> true (only a call of it is fine)
    expect(holding(parser, `${OPEN} new es();`)).toBe('escapes');
  });

  it('does not follow `es && a` as a renaming: the stream is only tested there', () => {
    // kills stream-holders.ts:124 'node.parent.right === node' -> 'true'
    expect(holding(parser, `${OPEN} const chosen = es && fallback;`)).toBe('held es');
  });

  it('keeps it held when `console` prints it', () => {
    // kills stream-holders.ts:115 the body of isConsoleCall -> '{}', :117 the whole test -> 'false',
    // "'MemberExpression'" -> "", "callee.object.type === 'Identifier'" -> '!==', "'Identifier'" -> "",
    // "'console'" -> "", and :143 'isConsoleCall(parent)' -> 'false'
    expect(holding(parser, `${OPEN} console.log(es);`)).toBe('held es');
  });

  it('gives up when a local function has no parameter for it', () => {
    // kills stream-holders.ts:110 "parameter?.type !== 'Identifier'" -> 'false' and 'parameter?.type' -> 'parameter.type'
    expect(holding(parser, `function wire() {} ${OPEN} wire(es);`)).toBe('escapes');
  });

  it('gives up when it is a computed key, or destructured as a list', () => {
    // kills stream-holders.ts:127 "parent.type === 'MemberExpression' && parent.object === node" -> '||'
    // and 'parent.object === node' -> 'true'
    expect(holding(parser, `${OPEN} table[es];`)).toBe('escapes');
    // kills stream-holders.ts:133 "{ kind: 'escape' }" -> '{}' and "'escape'" -> ""
    expect(holding(parser, `${OPEN} const [first] = es;`)).toBe('escapes');
  });

  it('gives up when it is the first clause of a `for`', () => {
    // kills stream-holders.ts:131 "parent.type === 'VariableDeclarator' && parent.init === node" -> '||'
    // and "parent.type === 'VariableDeclarator'" -> 'true' (a ForStatement has an `init` and no `id`)
    expect(holding(parser, `${OPEN} for (es; ; ) break;`)).toBe('escapes');
  });

  it('gives up when it is stored under a computed key or added to a value', () => {
    // kills stream-holders.ts:140 "{ kind: 'escape' }" -> '{}' and "'escape'" -> ""
    expect(holding(parser, `${OPEN} registry[key] = es;`)).toBe('escapes');
    // kills stream-holders.ts:138 "… && parent.right === node && parent.operator === '='" -> '… || parent.operator === "="'
    // and "parent.operator === '='" -> 'true'
    expect(holding(parser, `${OPEN} let text = ''; text += es;`)).toBe('escapes');
  });
});

describe('reads of a held stream in a `with` statement', () => {
  it.each(parsers)('gives up when `with` makes the stream a scope (%s)', (_name, parser) => {
    // kills stream-holders.ts:127 "parent.type === 'MemberExpression'" -> 'true' (a `with` statement has an `object`)
    expect(holding(parser, 'var es = new EventSource(u); with (es) {}', SCRIPT)).toBe('escapes');
  });

  it.each(parsers)('gives up when `with` makes the root of `ref.current` a scope (%s)', (_name, parser) => {
    // kills stream-holders.ts:160 "parent?.type === 'MemberExpression' && parent.object === node" -> '||',
    // "parent?.type === 'MemberExpression'" -> 'true' and -> '!=='
    expect(holding(parser, 'var ref = {}; ref.current = new EventSource(u); with (ref) {}', SCRIPT)).toBe('escapes');
  });
});

describe.each(parsers)('uses of the root of a property holder (%s)', (_name, parser) => {
  it('gives up when the root object is a computed key', () => {
    // kills stream-holders.ts:160 'parent.object === node' -> 'true' and -> '!=='
    expect(holding(parser, 'const ref = {}; ref.current = new EventSource(u); table[ref];')).toBe('escapes');
  });

  it('keeps the stream held when destructuring overwrites the root variable', () => {
    // kills stream-holders.ts:161 'reference.init || reference.isWriteOnly()' -> 'false' and -> '&&'
    expect(holding(parser, 'let ref = {}; ref.current = new EventSource(u); [ref] = [other];')).toBe('held ref.current');
  });
});

describe.each(parsers)('the bound on renamings (%s)', (_name, parser) => {
  function renamed(count: number): string {
    const names = Array.from({ length: count }, (_, index) => `a${index + 1}`);
    return `${OPEN} ${names.map((name) => `const ${name} = es;`).join(' ')}`;
  }

  it('follows a stream kept under sixteen names', () => {
    // kills stream-holders.ts:178 'paths.length > 16' -> '>='
    expect(holding(parser, renamed(15))).toBe(`held es, ${Array.from({ length: 15 }, (_, i) => `a${i + 1}`).join(', ')}`);
  });

  it('gives up on a stream kept under seventeen names', () => {
    // kills stream-holders.ts:178 'paths.length > 16' -> 'false'
    expect(holding(parser, renamed(16))).toBe('escapes');
  });
});
