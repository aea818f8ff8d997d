/**
 * Pins what `isSelfUpdating` (`src/analysis/reconnect/self-updating.ts`) takes for a value set
 * from its own previous value, case by case, so that the mutants StrykerJS left alive there are
 * killed (issue 17): a step written on the value itself, React state whose setter is handed the
 * previous value, and a parameter that calls pass on changed. Each file names the paths to ask
 * about as the arguments of its `check(…)` calls; the answers come back in source order.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { accessPathOf } from '../../src/analysis/reconnect/access-paths.js';
import { isSelfUpdating } from '../../src/analysis/reconnect/self-updating.js';
import { walkTree } from '../../src/analysis/reconnect/walk.js';
import { analyse, parsers } from './probe.js';

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

/** Whether the path each `check(path)` reads is self-updating, in source order, under one parser. */
function answersWith(parser: unknown, code: string): boolean[] {
  return analyse(parser, code, (sourceCode) => {
    const checks: TSESTree.CallExpression[] = [];
    walkTree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (isCheck(node)) checks.push(node);
    });
    return checks.map((call) => {
      const path = accessPathOf(sourceCode, call.arguments[0]!);
      if (!path) throw new Error(`no path for ${sourceCode.getText(call.arguments[0])}`);
      return isSelfUpdating(sourceCode, path);
    });
  });
}

/** The answer for the one `check(…)` of `code`, the same under both parsers. */
function selfUpdating(code: string): boolean {
  const answers = parsers.map(([, parser]) => answersWith(parser, code));
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]).toHaveLength(1);
  return answers[0]![0]!;
}

describe('isSelfUpdating: assignments to the value', () => {
  it('does not count the value on the right of a compound assignment to something else', () => {
    // kills self-updating.ts:22 the whole `continue` condition -> false, '||' -> '&&', 'parent.left !== outer' -> false
    expect(selfUpdating('let n = 0;\nlet y = 0;\ny += n;\ncheck(n);')).toBe(false);
  });

  it('does not count a plain assignment of a constant', () => {
    // kills self-updating.ts:23 'STEP_OPERATORS.has(parent.operator)' -> true,
    // :24 "parent.operator === '=' && occurrences.some(…)" -> true and '||',
    // :24 'other !== occurrence && contains(parent.right, other)' -> true and '||'
    expect(selfUpdating('let n = 0;\nn = 5;\ncheck(n);')).toBe(false);
  });

  it('does not count a logical assignment, which sets the value at most once', () => {
    // kills self-updating.ts:24 "parent.operator === '='" -> true
    expect(selfUpdating('let n = 0;\nn ||= n + 1;\ncheck(n);')).toBe(false);
  });

  it('counts a plain assignment from the value itself, and a compound step', () => {
    expect(selfUpdating('let n = 1;\nn = Math.min(n * 2, 60);\ncheck(n);')).toBe(true);
    expect(selfUpdating('let n = 1;\nn <<= 1;\ncheck(n);')).toBe(true);
  });

  it('keeps apart the cached answers of `o.ab` and `o.a.b`', () => {
    // kills self-updating.ts:90 "path.properties.join('.')" -> join('')
    const code = 'const o = { ab: 0, a: { b: 0 } };\no.ab++;\ncheck(o.ab);\ncheck(o.a.b);';
    for (const [, parser] of parsers) expect(answersWith(parser, code)).toEqual([true, false]);
  });

  it('asks about the root only for a path without properties', () => {
    // kills self-updating.ts:99 'path.properties.length === 0' -> true
    expect(selfUpdating('function connect(attempt) {\n  check(attempt.count);\n  connect(attempt + 1);\n}')).toBe(false);
  });

  it('answers false for a built-in global, which has no definition', () => {
    // kills self-updating.ts:41 'definition?.type' -> 'definition.type', :41 'return false' -> 'return true',
    // :74 'definition?.type' -> 'definition.type', "definition?.type !== 'Parameter'" -> false, '||' -> '&&'
    expect(selfUpdating('check(Math);')).toBe(false);
  });
});

describe('isSelfUpdating: React state', () => {
  it('counts state whose setter is handed a step from it', () => {
    // kills self-updating.ts:39 the function body -> {}, :41 the test -> true and "'Variable'" -> "",
    // :44 the test -> true, "'ArrayPattern'" -> "", 'pattern.elements[0] !== …' -> '===', '!declarator.init' -> 'declarator.init',
    // :46 the test -> true, '!==' -> '===', "'CallExpression'" -> "", :49 'callee.type === …' -> false, '!==', "'Identifier'" -> "",
    // :54 the test -> true, '!==' -> '===', "'useState'" -> "", :56 the test -> true, '!==' -> '===', "'Identifier'" -> "",
    // :59 the finder -> '() => undefined', its test -> false and '!==', :60 '?? []' -> '&& []',
    // :63 "call?.type !== 'CallExpression'" -> '===', "'CallExpression'" -> "", '!call.arguments[0]' -> 'call.arguments[0]',
    // :66 the test -> false, 'some' -> 'every', the reader -> '() => undefined', 'return true' -> 'return false'
    expect(selfUpdating('const [n, setN] = useState(0);\nsetN(n + 1);\ncheck(n);')).toBe(true);
  });

  it('counts state of `React.useState`', () => {
    // kills self-updating.ts:49 "callee.type === 'Identifier'" -> true, :51 the member test -> false,
    // "callee.type === 'MemberExpression'" -> '!==', "'MemberExpression'" -> "", "callee.property.type === 'Identifier'" -> '!==', "'Identifier'" -> ""
    expect(selfUpdating('const [n, setN] = React.useState(0);\nsetN(n + 1);\ncheck(n);')).toBe(true);
  });

  it('does not take a hook that is neither a name nor a named member', () => {
    // kills self-updating.ts:51 the member test -> true and '||', "callee.type === 'MemberExpression'" -> true (each reads a missing property)
    expect(selfUpdating('const [n, setN] = makeHook()(0);\nsetN(n + 1);\ncheck(n);')).toBe(false);
  });

  it('does not take a private method that happens to be called `#useState`', () => {
    // kills self-updating.ts:51 "callee.property.type === 'Identifier'" -> true
    const code = `class Store {
  #useState(value) { return [value, () => {}]; }
  run() {
    const [n, setN] = this.#useState(0);
    setN(n + 1);
    check(n);
  }
}`;
    expect(selfUpdating(code)).toBe(false);
  });

  it('takes the state from the first element only', () => {
    // kills self-updating.ts:44 the test -> false, '(… || …) && !declarator.init', 'pattern.type … || pattern.elements[0] …' -> false,
    // and 'pattern.elements[0] !== definition.name' -> false
    expect(selfUpdating('const [first, n] = useState(0);\nn(() => first);\ncheck(n);')).toBe(false);
  });

  it('does not take a pair that no hook returns', () => {
    // kills self-updating.ts:46 'return false' -> 'return true', and the test -> false (reads the callee of a non-call)
    expect(selfUpdating('const [n, setN] = pair;\nsetN(n + 1);\ncheck(n);')).toBe(false);
  });

  it('does not take another hook', () => {
    // kills self-updating.ts:54 "hookName !== 'useState'" -> false, 'return false' -> 'return true'
    expect(selfUpdating('const [n, setN] = useReducer(step, 0);\nsetN(n + 1);\ncheck(n);')).toBe(false);
  });

  it('does not take state without a setter', () => {
    // kills self-updating.ts:56 the test -> false, 'setterNode?.type' -> 'setterNode.type', 'return false' -> 'return true'
    expect(selfUpdating('const [n] = useState(0);\ncheck(n);')).toBe(false);
  });

  it('counts only calls of the setter, not the setter handed on', () => {
    // kills self-updating.ts:63 'call.callee !== outer' -> false
    expect(selfUpdating('const [n, setN] = useState(0);\nhandle(n, setN);\ncheck(n);')).toBe(false);
  });

  it('counts only calls of the setter, not `new` with it', () => {
    // kills self-updating.ts:63 "call?.type !== 'CallExpression'" -> false (a `new` has a callee too)
    expect(selfUpdating('const [n, setN] = useState(0);\nnew setN(n + 1);\ncheck(n);')).toBe(false);
  });

  it('does not count a setter given a constant', () => {
    // kills self-updating.ts:65 'isFunctionNode(argument)' -> true, :66 the test -> true, :68 'return false' -> 'return true'
    expect(selfUpdating('const [n, setN] = useState(0);\nsetN(0);\ncheck(n);')).toBe(false);
  });

  it('counts a setter given an updater function', () => {
    // kills self-updating.ts:65 'isFunctionNode(argument)' -> false, 'return true' -> 'return false'
    expect(selfUpdating('const [n, setN] = useState(0);\nsetN((v) => v + 1);\ncheck(n);')).toBe(true);
  });
});

describe('isSelfUpdating: a parameter passed on changed', () => {
  it('counts `attempt + 1` passed back', () => {
    // kills self-updating.ts:77 'param === definition.name' -> false and '!=='
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(attempt + 1);\n}')).toBe(true);
  });

  it('does not count a constant passed back', () => {
    // kills self-updating.ts:34 "node.type === 'UpdateExpression'" -> true, :35 the whole return -> true
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(5);\n}')).toBe(false);
  });

  it('counts an increment passed back', () => {
    // kills self-updating.ts:34 the test -> false, '===' -> '!==', "'UpdateExpression'" -> "", 'return true' -> 'return false'
    expect(selfUpdating('let other = 0;\nfunction connect(attempt) {\n  check(attempt);\n  connect(++other);\n}')).toBe(true);
  });

  it('does not count a negation passed back', () => {
    // kills self-updating.ts:35 "node.type === 'BinaryExpression'" -> true and '&&' -> '||'
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(-attempt);\n}')).toBe(false);
  });

  it('counts a difference and a product passed back', () => {
    // kills self-updating.ts:35 "'-'" -> "" and "'*'" -> ""
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(attempt - 1);\n}')).toBe(true);
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(attempt * 2);\n}')).toBe(true);
  });

  it('reads the argument at the position of the parameter', () => {
    // kills self-updating.ts:77 the finder's test -> true, :82 the whole return -> true and '… || isStepFrom(argument)'
    expect(selfUpdating('function connect(other, attempt) {\n  check(attempt);\n  connect(other + 1, attempt);\n}')).toBe(false);
    // kills self-updating.ts:79 '-1' -> '+1'
    expect(selfUpdating('function connect(other, attempt) {\n  check(attempt);\n  connect(other, attempt + 1);\n}')).toBe(true);
  });

  it('does not take another parameter that has a default', () => {
    // kills self-updating.ts:77 "param.type === 'AssignmentPattern' && …" -> '||', 'param.left === definition.name' -> true
    expect(selfUpdating('function connect(x = 1, attempt) {\n  check(attempt);\n  connect(x + 1, attempt);\n}')).toBe(false);
  });

  it('does not take a destructured parameter', () => {
    // kills self-updating.ts:79 'return false' -> 'return true'
    expect(selfUpdating('function connect({ attempt }) {\n  check(attempt);\n  connect(attempt + 1);\n}')).toBe(false);
  });

  it('counts the parameter when one call of several passes it on changed', () => {
    // kills self-updating.ts:80 'some' -> 'every'
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect(attempt + 1);\n  connect(0);\n}')).toBe(true);
  });

  it('does not count a call that passes nothing', () => {
    // kills self-updating.ts:82 'argument !== undefined && argument.type !== …' -> true and '||', 'argument !== undefined' -> true
    expect(selfUpdating('function connect(attempt) {\n  check(attempt);\n  connect();\n}')).toBe(false);
  });
});

describe('isSelfUpdating under typescript-eslint only', () => {
  it('sees through `as` on the updated value', () => {
    expect(answersWith(tsParser, 'let n = 0;\n(n as number)++;\ncheck(n);')).toEqual([true]);
  });
});
