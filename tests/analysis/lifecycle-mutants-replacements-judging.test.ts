/**
 * Pins which streams `unsafeReplacements` (`src/analysis/lifecycle/replacements.ts`) reports as
 * put over a name that may still hold an open one, so that the mutants StrykerJS left alive
 * there fail a test (issue 17): what an earlier statement stores or declares, when a condition
 * on kept state is no guard, which class methods pair with a closer, how far callers are
 * followed, the swap that closes the old stream after the new one is in place, and which
 * openings are judged at all.
 *
 * Results are the source text of each reported assignment, in source order.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { unsafeReplacements } from '../../src/analysis/lifecycle/replacements.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

const [, typescriptParser] = parsers[0];

/** The assignments of `code` reported as replacing a stream, as source text; `handledIndex` marks that opening as reported elsewhere. */
function replacedWith(parser: unknown, code: string, handledIndex?: number): string[] {
  return analyse(parser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    const nodes = new Set<TSESTree.Node>();
    if (handledIndex !== undefined) nodes.add(openings[handledIndex]!.node);
    return unsafeReplacements(sourceCode, openings, { nodes, units: new Set() }).map((found) =>
      sourceCode.getText(found.assignment),
    );
  });
}

describe.each(parsers)('replacements (%s)', (_name, parser) => {
  const replaced = (code: string, handledIndex?: number): string[] => replacedWith(parser, code, handledIndex);

  it('looks for an earlier stream only inside the statement it reads, not before it', () => {
    // The guard around the second opening makes it safe; `foo();` before it stores nothing,
    // even though an opening earlier in the file stores into the same name.
    // kills replacements.ts:40 low < high -> false
    // kills replacements.ts:40 low < high -> low >= high
    // kills replacements.ts:42 sorted[middle]!.node.range[0] < node.range[0] -> false
    expect(replaced('let es; es = new EventSource(a); if (!es) { foo(); es = new EventSource(b); }')).toEqual([]);
  });

  it('counts only a plain `=` assignment or a declaration as an earlier stored stream', () => {
    // `||=` stores only when the name is empty, so it leaves no open stream behind.
    // kills replacements.ts:56 parent.operator === '=' -> true
    // kills replacements.ts:56 ... && parent.right === value && parent.operator === '=' -> ... && parent.right === value || parent.operator === '='
    expect(replaced("let es; es ||= new EventSource(a); es = new EventSource(b);")).toEqual([]);
    // An opening handed to a call or started in a `for` initialiser stores nothing.
    // kills replacements.ts:59 (whole condition) -> true
    // kills replacements.ts:59 ... && parent.init === value && parent.id.type === 'Identifier' -> ... && parent.init === value || parent.id.type === 'Identifier'
    // kills replacements.ts:59 parent?.type === 'VariableDeclarator' && parent.init === value -> true
    // kills replacements.ts:85 path !== null -> true
    expect(replaced('let es; foo(new EventSource(a)); es = new EventSource(b);')).toEqual([]);
    // kills replacements.ts:59 parent?.type === 'VariableDeclarator' && parent.init === value -> parent?.type === 'VariableDeclarator' || parent.init === value
    // kills replacements.ts:59 parent?.type === 'VariableDeclarator' -> true
    expect(replaced('let es; for (new EventSource(a); ; ) break; es = new EventSource(b);')).toEqual([]);
    // A stream stored before without a close is still held at the second opening.
    expect(replaced('let es; export function f() { es = new EventSource(a); es = new EventSource(b); }')).toEqual([
      'es = new EventSource(a)',
      'es = new EventSource(b)',
    ]);
  });

  it('takes a declaration of the holder in the same run as a fresh, empty name', () => {
    // kills replacements.ts:87 (statement) => … -> () => undefined
    // kills replacements.ts:88 statement.type === 'VariableDeclaration' && … -> false
    // kills replacements.ts:88 'VariableDeclaration' -> ""
    // kills replacements.ts:89 target.properties.length === 0 -> target.properties.length !== 0
    // kills replacements.ts:90 'scope' -> ""
    // kills replacements.ts:91 (declarator) => … -> () => undefined
    // kills replacements.ts:92 ?? -> &&
    // kills replacements.ts:92 (variable) => variable === target.root -> () => undefined
    // kills replacements.ts:92 variable === target.root -> false
    // kills replacements.ts:92 variable === target.root -> variable !== target.root
    expect(replaced('export function f() { let es; es = new EventSource(u); }')).toEqual([]);
    // kills replacements.ts:91 statement.declarations.some(…) -> statement.declarations.every(…)
    expect(replaced('export function f() { let es, other; es = new EventSource(u); }')).toEqual([]);
    // kills replacements.ts:92 getDeclaredVariables(declarator).some(…) -> .every(…)
    expect(replaced('let es; export function f() { let { es, other } = o; es = new EventSource(u); }')).toEqual([]);
  });

  it('does not take a declaration of another name, or of the object a property path starts from, as the holder', () => {
    // kills replacements.ts:92 variable === target.root -> true
    expect(replaced('let es; export function f() { let other; es = new EventSource(u); }')).toEqual(['es = new EventSource(u)']);
    // kills replacements.ts:89 target.properties.length === 0 -> true
    expect(replaced('export function f() { const ref = {}; ref.current = new EventSource(u); }')).toEqual([
      'ref.current = new EventSource(u)',
    ]);
  });

  it('takes no kept-state guard from a conditional expression that opens in both branches', () => {
    // kills replacements.ts:106 choice?.type !== 'ConditionalExpression' -> true
    // kills replacements.ts:106 choice?.type !== 'ConditionalExpression' -> choice?.type === 'ConditionalExpression'
    // kills replacements.ts:106 'ConditionalExpression' -> ""
    expect(
      replaced('export class A { connect() { this.p ? (this.es = new EventSource(a)) : (this.es = new EventSource(b)); } }'),
    ).toEqual(['this.es = new EventSource(a)', 'this.es = new EventSource(b)']);
  });

  it('takes kept state on the left of `||` as a guard', () => {
    // kills replacements.ts:106 return false -> return true
    // kills replacements.ts:106 (choice?.type !== 'IfStatement' && …) || choice.test !== test -> false
    expect(replaced('export class A { connect() { this.connected || (this.es = new EventSource(a)); } }')).toEqual([]);
  });

  it('pairs an instance method or arrow field that opens with another member that closes', () => {
    // kills replacements.ts:134 other.type === 'MethodDefinition' -> false
    // kills replacements.ts:134 other.type === 'MethodDefinition' -> other.type !== 'MethodDefinition'
    // kills replacements.ts:134 'MethodDefinition' -> ""
    // kills replacements.ts:135 body?.type === 'FunctionExpression' -> false
    // kills replacements.ts:135 'FunctionExpression' -> ""
    // kills replacements.ts:133 other === member -> other !== member
    expect(replaced('export class A { start() { this.es = new EventSource(u); } stop() { this.es.close(); } }')).toEqual([]);
    // kills replacements.ts:125 member?.type === 'PropertyDefinition' && member.value === unit -> false
    // kills replacements.ts:125 member?.type === 'PropertyDefinition' -> member?.type !== 'PropertyDefinition'
    // kills replacements.ts:125 'PropertyDefinition' -> ""
    // kills replacements.ts:125 member.value === unit -> member.value !== unit
    expect(replaced('export class A { start = () => { this.es = new EventSource(u); }; stop() { this.es.close(); } }')).toEqual([]);
    expect(replaced('export class A { start() { this.es = new EventSource(u); } stop = () => { this.es.close(); }; }')).toEqual([]);
  });

  it('does not pair a setter, a variable holder, or a member that closes only itself', () => {
    // kills replacements.ts:125 (…MethodDefinition… && kind === 'method') || (…) -> true
    // kills replacements.ts:125 member?.type === 'MethodDefinition' && member.kind === 'method' -> ||
    // kills replacements.ts:125 member.kind === 'method' -> true
    // kills replacements.ts:125 member?.type === 'PropertyDefinition' && member.value === unit -> ||
    // kills replacements.ts:125 member?.type === 'PropertyDefinition' -> true
    expect(replaced('export class A { set url(v) { this.es = new EventSource(v); } stop() { this.es.close(); } }')).toEqual([
      'this.es = new EventSource(v)',
    ]);
    // kills replacements.ts:126 !isMember || 'scope' in root || … -> (!isMember || 'scope' in root) && …
    // kills replacements.ts:126 !isMember || 'scope' in this.target.root -> false
    // kills replacements.ts:126 !isMember || 'scope' in this.target.root -> !isMember && 'scope' in this.target.root
    // kills replacements.ts:126 'scope' -> ""
    expect(replaced('let es; export class A { start() { es = new EventSource(u); } stop() { es.close(); } }')).toEqual([
      'es = new EventSource(u)',
    ]);
    // kills replacements.ts:133 other === member -> false
    expect(
      replaced('export class A { start() { this.es = new EventSource(u); this.es.onerror = () => this.es.close(); } }'),
    ).toEqual(['this.es = new EventSource(u)']);
  });

  it('does not pair when the class opens a stream outside the member, and looks only inside the class for that', () => {
    expect(
      replaced('export class A { start() { this.es = new EventSource(u); } init() { this.es = new EventSource(v); } stop() { this.es.close(); } }'),
    ).toEqual(['this.es = new EventSource(u)', 'this.es = new EventSource(v)']);
    // kills replacements.ts:129 node.range[1] <= outer.range[1] -> true
    expect(
      replaced('export class A { start() { this.es = new EventSource(u); } stop() { this.es.close(); } } const other = new EventSource(v);'),
    ).toEqual([]);
  });

  it('does not pair a member that returns a value, an expression body included', () => {
    // kills replacements.ts:141 unit.body.type !== 'BlockStatement' -> false
    // kills replacements.ts:141 return true -> return false
    expect(replaced('export class A { start = () => (this.es = new EventSource(u)); stop() { this.es.close(); } }')).toEqual([
      'this.es = new EventSource(u)',
    ]);
    expect(
      replaced('export class A { start() { this.es = new EventSource(u); return this.es; } stop() { this.es.close(); } }'),
    ).toEqual(['this.es = new EventSource(u)']);
  });

  it('reads only return statements with a value, and not those of nested functions, as returning one', () => {
    // kills replacements.ts:144 node.type === 'ReturnStatement' && node.argument -> ||
    // kills replacements.ts:144 node.type === 'ReturnStatement' -> true
    expect(replaced('export class A { start() { this.es = new EventSource(u); void 0; } stop() { this.es.close(); } }')).toEqual([]);
    // kills replacements.ts:145 !returns && !isFunctionNode(node) -> true
    // kills replacements.ts:145 !returns && !isFunctionNode(node) -> ||
    expect(
      replaced(
        'export class A { start() { this.es = new EventSource(u); this.es.onmessage = (e) => { return e.data; }; } stop() { this.es.close(); } }',
      ),
    ).toEqual([]);
  });

  it('trusts a constructor only for instance members, not for a variable shared by every instance', () => {
    // kills replacements.ts:154 'scope' -> ""
    expect(replaced('let es; class A { constructor() { es = new EventSource(u); } }')).toEqual(['es = new EventSource(u)']);
    expect(replaced('class A { constructor() { this.es = new EventSource(u); } }')).toEqual([]);
  });

  it('judges a function that is also handed over as a value by nothing but its calls', () => {
    // kills replacements.ts:159 callers.usedOnlyByCalls === true -> true
    expect(replaced('let es; function connect() { es = new EventSource(u); } button.onclick = connect; if (!es) connect();')).toEqual([
      'es = new EventSource(u)',
    ]);
  });

  it('leaves alone a replacement three callers away, and judges every call nearer than that', () => {
    // kills replacements.ts:162 depth >= MAX_CALLER_DEPTH || visiting.has(unit) -> false
    // kills replacements.ts:162 depth >= MAX_CALLER_DEPTH || visiting.has(unit) -> &&
    // kills replacements.ts:162 depth >= MAX_CALLER_DEPTH -> false
    // kills replacements.ts:162 depth >= MAX_CALLER_DEPTH -> depth > MAX_CALLER_DEPTH
    // kills replacements.ts:162 return true -> return false
    // kills replacements.ts:164 depth + 1 -> depth - 1
    expect(
      replaced(
        'let es; function a() { es = new EventSource(u); } function b() { a(); } function c() { b(); } function d() { c(); } for (;;) d();',
      ),
    ).toEqual([]);
    expect(
      replaced('let es; function a() { es = new EventSource(u); } function b() { a(); } function c() { b(); } for (;;) c();'),
    ).toEqual(['es = new EventSource(u)']);
    // kills replacements.ts:164 callers.calls.every(…) -> callers.calls.some(…)
    expect(replaced('let es; function connect() { es = new EventSource(u); } connect(); for (;;) connect();')).toEqual([
      'es = new EventSource(u)',
    ]);
  });

  it('takes the swap only of an assignment that is a statement of its own', () => {
    // kills replacements.ts:174 statement?.type !== 'ExpressionStatement' -> false
    expect(replaced('let es; export function f() { const old = es; if (es = new EventSource(u)) {} old.close(); }')).toEqual([
      'es = new EventSource(u)',
    ]);
  });

  it('takes the swap at module level too', () => {
    // kills replacements.ts:175 block?.type !== 'Program' -> true
    // kills replacements.ts:175 'Program' -> ""
    expect(replaced('let es; es = new EventSource(a); const old = es; es = new EventSource(b); old.close();')).toEqual([]);
    expect(replaced('let es; es = new EventSource(a); es = new EventSource(b);')).toEqual(['es = new EventSource(b)']);
  });

  it('takes the swap only from a copy of the holder made before and closed after the assignment', () => {
    expect(replaced('let es; export function f() { const old = es; es = new EventSource(u); old.close(); }')).toEqual([]);
    // kills replacements.ts:179 body.slice(0, index) -> body
    expect(replaced('let es; export function f() { es = new EventSource(u); const old = es; old.close(); }')).toEqual([
      'es = new EventSource(u)',
    ]);
    // kills replacements.ts:184 !source || !sameHolder(source, this.target) -> false
    expect(replaced('let es, other; export function f() { const old = other; es = new EventSource(u); old.close(); }')).toEqual([
      'es = new EventSource(u)',
    ]);
    // kills replacements.ts:192 body.slice(index + 1).some(…) -> .every(…)
    expect(replaced('let es; export function f() { const old = es; es = new EventSource(u); old.close(); foo(); }')).toEqual([]);
    // kills replacements.ts:192 body.slice(index + 1) -> body
    // kills replacements.ts:192 index + 1 -> index - 1
    expect(replaced('let es; export function f() { const old = es; old.close(); es = new EventSource(u); }')).toEqual([
      'es = new EventSource(u)',
    ]);
  });

  it('judges neither a fetchEventSource call nor an opening judged elsewhere', () => {
    const imported = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";
    // kills replacements.ts:218 isFetchEventSource(opening) || handled.nodes.has(opening.node) -> false
    // kills replacements.ts:218 isFetchEventSource(opening) || handled.nodes.has(opening.node) -> &&
    expect(replaced(`${imported}let p; export function f() { p = fetchEventSource(u, { signal: c.signal }); }`)).toEqual([]);
    const code = 'let es; export function f() { es = new EventSource(a); } export function g() { es = new EventSource(b); }';
    expect(replaced(code)).toEqual(['es = new EventSource(a)', 'es = new EventSource(b)']);
    expect(replaced(code, 1)).toEqual(['es = new EventSource(a)']);
  });

  it('judges only streams assigned with a plain `=`', () => {
    expect(replaced('let es; export function f() { es ||= new EventSource(u); }')).toEqual([]);
    expect(replaced('export function f() { const es = new EventSource(u); }')).toEqual([]);
  });
});

describe('replacements (typescript-eslint only)', () => {
  it('pairs with a closer only in a method or field, not in an auto-accessor', () => {
    // kills replacements.ts:134 other.type === 'MethodDefinition' || other.type === 'PropertyDefinition' -> true
    expect(
      replacedWith(typescriptParser, 'export class A { start() { this.es = new EventSource(u); } accessor stop = () => { this.es.close(); }; }'),
    ).toEqual(['this.es = new EventSource(u)']);
  });
});
