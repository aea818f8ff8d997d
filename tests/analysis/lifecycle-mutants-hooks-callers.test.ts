/**
 * Pins where `src/analysis/lifecycle/local-callers.ts` finds the calls of a function and when
 * those are all of them (issue 17), so that the mutants StrykerJS left alive there fail a test:
 * exported declarations (named and default), the dependency lists of hooks, calls and one-shot
 * schedulers among the uses of a name, reassignments, private and React-class members, member
 * keys (names, strings, `#private`, never computed or numeric ones), statics, wrappers such as
 * `useCallback`, and the methods of an object, which a template can always call.
 *
 * Callers are written out as their calls (source text), whether they are complete and whether
 * the file uses the function only by calling it (`-` when not known), so a wrong field shows as
 * a different string.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { isHookDependency, localCallersOf } from '../../src/analysis/lifecycle/local-callers.js';
import { TS_FILE, analyse, find, isMarked, parsers } from './probe.js';

function isConnect(node: TSESTree.Node): node is TSESTree.Identifier {
  return node.type === 'Identifier' && node.name === 'connect';
}

/** The callers of the nearest function around `here`: `[calls] complete|open used|unused|-`. */
function callers(code: string, parser: unknown = tsParser, file = {}): string {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      let node: TSESTree.Node | undefined = find(sourceCode.ast, isMarked);
      while (node && !isFunctionNode(node)) node = node.parent;
      if (!node || !isFunctionNode(node)) throw new Error('`here` is not in a function');
      const found = localCallersOf(sourceCode, node);
      const used = found.usedOnlyByCalls === undefined ? '-' : found.usedOnlyByCalls ? 'used' : 'unused';
      return `[${found.calls.map((call) => sourceCode.getText(call)).join(' ; ')}] ${found.complete ? 'complete' : 'open'} ${used}`;
    },
    file,
  );
}

describe.each(parsers)('localCallersOf: functions bound to a name (%s)', (_name, parser) => {
  it('takes the calls of a local declaration for all of its callers', () => {
    // kills local-callers.ts:37 the condition -> true, "parent?.type === 'ExportDefaultDeclaration'" -> "!==", :78
    // "found.complete && !exported" -> false
    expect(callers('function connect() { here; }\nconnect();', parser)).toBe('[connect()] complete used');
    expect(callers('const connect = () => { here; };\nconnect(); setTimeout(connect, 10);', parser)).toBe(
      '[connect() ; setTimeout(connect, 10)] complete used',
    );
  });

  it('leaves the callers of an exported function open, named or default', () => {
    expect(callers('export function connect() { here; }\nconnect();', parser)).toBe('[connect()] open used');
    // kills local-callers.ts:37 "parent?.type === 'ExportDefaultDeclaration'" -> false, "'ExportDefaultDeclaration'" -> ""
    expect(callers('export default function connect() { here; }\nconnect();', parser)).toBe('[connect()] open used');
    expect(callers('export const connect = () => { here; };\nconnect();', parser)).toBe('[connect()] open used');
    expect(callers('export default function () { here; }', parser)).toBe('[] open -');
  });

  it('leaves them open when the name is handed over as a value, and not for a hook dependency', () => {
    // kills local-callers.ts:60 "parent?.type === 'CallExpression' && parent.callee === node" -> "||",
    // "parent?.type === 'CallExpression'" -> true, "parent.callee === node" -> true
    expect(callers('function connect() { here; }\nregister(connect);', parser)).toBe('[] open unused');
    expect(callers('function connect() { here; }\nconst later = new Job(connect);', parser)).toBe('[] open unused');
    // kills local-callers.ts:60 "parent?.type === 'CallExpression'" -> true (a `new` of it is no call)
    expect(callers('function connect() { here; }\nconst made = new connect();', parser)).toBe('[] open unused');
    expect(callers('function C() { const connect = () => { here; }; useEffect(() => { connect(); }, [connect]); }', parser)).toBe(
      '[connect()] complete used',
    );
  });

  it('counts no write of the name as a use', () => {
    // kills local-callers.ts:76 "!reference.init && reference.isRead()" -> "||"
    expect(callers('let connect = () => { here; };\nconnect();\nconnect = null;', parser)).toBe('[connect()] complete used');
    expect(callers('function connect(a) { here; a = 1; }\nconnect(2);', parser)).toBe('[connect(2)] complete used');
  });

  it('follows the wrappers that return the function they are given, by their first argument only', () => {
    expect(callers('const connect = useCallback(() => { here; }, []);\nconnect();', parser)).toBe('[connect()] complete used');
    // kills local-callers.ts:99 "node.parent.arguments[0] === node" -> true
    expect(callers('const connect = debounce(wait, () => { here; });\nconnect();', parser)).toBe('[] open -');
    // kills local-callers.ts:105 "parent?.type === 'VariableDeclarator' && …" -> "||", "parent?.type === 'VariableDeclarator'" -> true
    // (a for loop's init is no declarator: it has no id to read)
    expect(callers('for (() => { here; }; ; ) break;', parser)).toBe('[] open -');
  });
});

describe.each(parsers)('localCallersOf: members of a class (%s)', (_name, parser) => {
  it('closes the callers of a `#private` member, method or arrow field', () => {
    // kills local-callers.ts:81 the body of isPrivateMember -> {}, :82 the condition -> false (twice), "… || …" -> "… && …",
    // "'PrivateIdentifier'" -> "", :113 the condition -> false, "… || …" -> "… && …", :114 "found.complete && closed" -> false
    expect(callers('class A { #connect() { here; } m() { this.#connect(); } }', parser)).toBe('[this.#connect()] complete used');
    // kills local-callers.ts:108 "parent?.type === 'PropertyDefinition'" -> false, "'PropertyDefinition'" -> ""
    expect(callers('class A { #connect = () => { here; }; m() { this.#connect(); } }', parser)).toBe(
      '[this.#connect()] complete used',
    );
  });

  it('leaves the callers of a public member open, unless its class is a React component', () => {
    expect(callers('class A { connect() { here; } m() { this.connect(); } }', parser)).toBe('[this.connect()] open used');
    // kills local-callers.ts:113 "asComponentOrHook(…)?.kind === 'class-component'" -> false, "'class-component'" -> ""
    expect(
      callers('class A extends React.Component { connect() { here; } componentDidMount() { this.connect(); } }', parser),
    ).toBe('[this.connect()] complete used');
  });

  it('finds a member by a string key, and by no computed or numeric key', () => {
    // kills local-callers.ts:87 "member.key.type === 'Identifier'" -> true, :88 the condition -> false, "… === 'Literal'" -> "!==",
    // "'Literal'" -> "", "typeof member.key.value === 'string'" -> "!==", "'string'" -> ""
    expect(callers("class A { 'connect'() { here; } m() { this.connect(); } }", parser)).toBe('[this.connect()] open used');
    // kills local-callers.ts:87 "!member.computed && …" -> true and "||", :110 "name === null" -> false
    expect(callers('class A { [connect]() { here; } m() { this.connect(); } }', parser)).toBe('[] open -');
    // kills local-callers.ts:88 the condition -> true, "… && …" -> "… || …", "typeof member.key.value === 'string'" -> true
    expect(callers('class A { 1() { here; } m() { this[1](); } }', parser)).toBe('[] open -');
  });

  it('takes no callers of a static member', () => {
    // kills local-callers.ts:110 the condition -> false, "(…) && parent.parent.type !== 'ClassBody'", "parent.static || name === null"
    // -> false and "&&"
    expect(callers('class A { static #connect() { here; } static m() { this.#connect(); } }', parser)).toBe('[] open -');
  });
});

describe('localCallersOf: TypeScript accessibility', () => {
  it('closes the callers of a `private` member', () => {
    // kills local-callers.ts:82 "member.accessibility === 'private'" -> false, "'private'" -> ""
    expect(callers('class A { private connect() { here; } m() { this.connect(); } }', tsParser, TS_FILE)).toBe(
      '[this.connect()] complete used',
    );
    expect(callers('class A { protected connect() { here; } m() { this.connect(); } }', tsParser, TS_FILE)).toBe(
      '[this.connect()] open used',
    );
  });
});

describe.each(parsers)('localCallersOf: members of an object (%s)', (_name, parser) => {
  it('never closes the callers of an object member, which a template may call', () => {
    // kills local-callers.ts:122 false -> true
    expect(callers('export default { methods: { connect() { here; }, start() { this.connect(); } } };', parser)).toBe(
      '[this.connect()] open used',
    );
    // kills local-callers.ts:118 "name === null" -> false
    expect(callers('const api = { [key]() { here; }, start() { this.key(); } };', parser)).toBe('[] open -');
  });

  it('takes nothing for a function spread into an object', () => {
    // kills local-callers.ts:116 "… && parent.value === node && parent.parent.type === 'ObjectExpression'" -> "(…) || …"
    expect(callers('const api = { ...(() => { here; }) };', parser)).toBe('[] open -');
  });
});

describe.each(parsers)('isHookDependency (%s)', (_name, parser) => {
  function dependency(code: string): boolean {
    return analyse(parser, code, (sourceCode) => isHookDependency(find(sourceCode.ast, isConnect)));
  }

  it('takes a name in the dependency list of a hook, and nowhere else', () => {
    expect(dependency('useEffect(f, [connect]);')).toBe(true);
    expect(dependency('React.useMemo(f, [a, connect]);')).toBe(true);
    // kills local-callers.ts:45 "list?.type === 'ArrayExpression' && …" -> "||"
    expect(dependency('const list = [connect];')).toBe(false);
    // kills local-callers.ts:45 "list?.type === 'ArrayExpression'" -> true
    expect(dependency('useEffect(f, g(connect));')).toBe(false);
    // kills local-callers.ts:46 "call?.type === 'CallExpression'" -> true
    expect(dependency('new useThing(f, [connect]);')).toBe(false);
    // kills local-callers.ts:47 "call.arguments[1] === list" -> true
    expect(dependency('useState([connect]);')).toBe(false);
    expect(dependency('watch(f, [connect]);')).toBe(false);
  });
});
