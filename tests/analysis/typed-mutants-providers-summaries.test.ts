/**
 * `summaries.ts` (type-aware mode): what calling, constructing or rendering a declaration
 * opens, across files, and what the summaries cost. Issue 17: each case pins a shape that
 * Stryker's surviving mutants of `summaries.ts` got wrong: where the opening is and what lies
 * on the way, which class members run, the depth and fan-out limits, and how cycles are
 * answered (asked again afterwards, and counted by `summaryStatistics`). A real program over
 * small files; the programs whose costs are counted are built for one case each.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_INVOCATIONS, type SummaryMode, summaryOf, summaryStatistics } from '../../src/analysis/typed/summaries.js';
import { type Project, project } from './typed-mutants-providers-project.js';

const projects: Project[] = [];
afterAll(() => {
  for (const each of projects) each.remove();
});

function build(files: Record<string, string>): Project {
  const built = project(files);
  projects.push(built);
  return built;
}

const code = build({
  'anonymous-function.ts': "export default function () { new EventSource('/anonymous'); }\n",
  'anonymous-class.ts': "export default class { constructor() { new EventSource('/anonymous-class'); } }\n",
  'classes.ts': `
declare function n(): void;
export class Base { constructor() { new EventSource('/base'); } }
export class StaticOnly { static feed = new EventSource('/static'); }
export class WithMethod { open() { new EventSource('/method'); } }
export class Declared {
  feed?: string;
  constructor() { new EventSource('/declared'); }
}
export class OwnConstructor extends Base {
  constructor() { return Object.create(null); }
}
export class Inherits extends Base {}
export class Implements implements Base {}
export class Widget {
  static { new EventSource('/static-block'); }
  render() { return null; }
}
export class Many400 extends Base { all = [n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n()]; }
export class Many401 extends Base { all = [n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n(), n()]; }
`,
  'functions.ts': `
import anonymous from './anonymous-function';
import AnonymousClass from './anonymous-class';
import { Base } from './classes';
declare function n(): void;
let shared: unknown;
export function twoOpenings() {
  new EventSource('/first'); new EventSource('/second');
}
export function keptThenOwn() {
  shared ??= new EventSource('/shared');
  new EventSource('/own');
}
export function a() { new EventSource('/a'); }
export function b() { new EventSource('/b'); }
export function viaFirst() { a(); b(); }
export function callsClass() { (Base as any)(); }
export function callsAnonymous() { anonymous(); }
export function constructsAnonymous() { new AnonymousClass(); }
export function calls400() { n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); new EventSource('/after-400'); }
export function calls401() { n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); n(); new EventSource('/after-401'); }
`,
  'chains.ts': `
function g0() { g1(); }
function g1() { g2(); }
function g2() { g3(); }
function g3() { g4(); }
function g4() { g5(); }
function g5() { g6(); }
function g6() { g7(); }
function g7() { g8(); }
function g8() { g9(); }
function g9() { g10(); }
function g10() { g11(); }
function g11() { g12(); }
function g12() { g13(); }
function g13() { g14(); }
function g14() { g15(); }
function g15() { g16(); }
function g16() { g17(); }
function g17() { g18(); }
function g18() { g19(); }
function g19() { g20(); }
function g20() { g21(); }
function g21() { g22(); }
function g22() { g23(); }
function g23() { g24(); }
function g24() { new EventSource('/g24'); }
function h0() { h1(); }
function h1() { h2(); }
function h2() { h3(); }
function h3() { h4(); }
function h4() { h5(); }
function h5() { h6(); }
function h6() { h7(); }
function h7() { h8(); }
function h8() { h9(); }
function h9() { h10(); }
function h10() { h11(); }
function h11() { h12(); }
function h12() { h13(); }
function h13() { h14(); }
function h14() { h15(); }
function h15() { h16(); }
function h16() { h17(); }
function h17() { h18(); }
function h18() { h19(); }
function h19() { h20(); }
function h20() { h21(); }
function h21() { h22(); }
function h22() { h23(); }
function h23() { new EventSource('/h23'); }
function d0() { d1(); }
function d1() { d2(); }
function d2() { d3(); }
function d3() { d4(); }
function d4() { d5(); }
function d5() { d6(); }
function d6() { d7(); }
function d7() { d8(); }
function d8() { d9(); }
function d9() { d10(); }
function d10() { d11(); }
function d11() { d12(); }
function d12() { d13(); }
function d13() { d14(); }
function d14() { d15(); }
function d15() { d16(); }
function d16() { d17(); }
function d17() { d18(); }
function d18() { d19(); }
function d19() { d20(); }
function d20() { d21(); }
function d21() { d22(); }
function d22() { x(); new EventSource('/d22'); }
function x() { d22(); y(); }
function y() {}
`,
  'cycle.ts': `
export function cycleA() { cycleB(); new EventSource('/cycle'); }
function cycleB() { cycleC(); }
function cycleC() { cycleA(); }
`,
})
;

/** Where invoking `name` opens a stream (`file:line:column`), and through which declarations. */
function reached(name: string, file: string, mode: SummaryMode = 'call', from: Project = code): { at: string; via: readonly string[] } | null {
  const opening = summaryOf(from.information, [], from.declaration(file, name), mode);
  return opening && { at: `${path.basename(opening.fileName)}:${opening.line}:${opening.column}`, via: opening.via };
}

describe('where an opening is', () => {
  // kills summaries.ts:119 `character + 1` -> `- 1`; :164 `return true` -> false (the walk would go on to the second)
  it('is the first opening of the body, 1-based', () => {
    expect(reached('twoOpenings', 'functions.ts')).toEqual({ at: 'functions.ts:8:3', via: [] });
  });

  // kills summaries.ts:162 `return false` -> true: a stream kept for the page does not end the walk
  it('skips a stream kept for the page and finds the one opened per call after it', () => {
    expect(reached('keptThenOwn', 'functions.ts')).toEqual({ at: 'functions.ts:12:3', via: [] });
  });

  // kills summaries.ts:151 `return true` -> false: the first callee that opens is the route
  it('goes through the first callee that opens one', () => {
    expect(reached('viaFirst', 'functions.ts')).toEqual({ at: 'functions.ts:14:23', via: ['a'] });
  });

  // kills summaries.ts:146 condition -> false, `'call'` -> ""
  it('does not follow a class called without `new`', () => {
    expect(reached('callsClass', 'functions.ts')).toBeNull();
  });

  // kills summaries.ts:123 `'an anonymous function'` -> "", `'an anonymous class'` -> ""
  it('names anonymous declarations on the way', () => {
    expect(reached('callsAnonymous', 'functions.ts')).toEqual({ at: 'anonymous-function.ts:1:30', via: ['an anonymous function'] });
    expect(reached('constructsAnonymous', 'functions.ts')).toEqual({
      at: 'anonymous-class.ts:1:40',
      via: ['an anonymous class'],
    });
  });
});

describe('what runs when a class is constructed or rendered', () => {
  // kills summaries.ts:100 `isStatic` -> false
  it('does not run static fields on construction', () => {
    expect(reached('StaticOnly', 'classes.ts', 'construct')).toBeNull();
  });

  // kills summaries.ts:101 `isConstructorDeclaration && body` -> `||`; :106 condition -> true, `mode === 'render'` -> true,
  // `mode === 'render' && (…)` -> true or `||`, `… && body` -> `|| body`
  it('does not run methods on construction, but does on rendering', () => {
    expect(reached('WithMethod', 'classes.ts', 'construct')).toBeNull();
    expect(reached('WithMethod', 'classes.ts', 'render')).toEqual({ at: 'classes.ts:5:36', via: [] });
  });

  // kills summaries.ts:104 `isPropertyDeclaration && initializer` -> `||` (an uninitialised field is no code to run)
  it('reads past a field without an initialiser', () => {
    expect(reached('Declared', 'classes.ts', 'construct')).toEqual({ at: 'classes.ts:8:19', via: [] });
  });

  // kills summaries.ts:102 `hasConstructor = true` -> false
  it("does not run the base class's constructor when the class has its own that does not call super", () => {
    expect(reached('OwnConstructor', 'classes.ts', 'construct')).toBeNull();
    expect(reached('Inherits', 'classes.ts', 'construct')).toEqual({ at: 'classes.ts:3:37', via: ['Base'] });
  });

  // kills summaries.ts:111 `heritage.token === ExtendsKeyword` -> true
  it('does not construct a class it only implements', () => {
    expect(reached('Implements', 'classes.ts', 'construct')).toBeNull();
  });

  // kills summaries.ts:106 `isMethodDeclaration || isAccessor` -> true
  it('does not count a static block as instance code on rendering', () => {
    expect(reached('Widget', 'classes.ts', 'render')).toBeNull();
  });
});

describe('the limits', () => {
  it('are 24 declarations deep and 400 invocations of one body', () => {
    expect([MAX_DEPTH, MAX_INVOCATIONS]).toEqual([24, 400]);
  });

  // kills summaries.ts:134 `depth >= MAX_DEPTH` -> false, `>`
  it('follow a chain 23 calls deep, and not 24', () => {
    expect(reached('h0', 'chains.ts')?.at).toBe('chains.ts:50:18');
    expect(reached('g0', 'chains.ts')).toBeNull();
  });

  // kills summaries.ts:170 `++resolved > MAX_INVOCATIONS` -> false, `>=`, `--resolved`, `return true` -> false
  it('resolve 400 invocations of one body, and not 401', () => {
    expect(reached('calls400', 'functions.ts')?.via).toEqual([]);
    expect(reached('calls401', 'functions.ts')).toBeNull();
  });

  // kills summaries.ts:179 `resolved <= MAX_INVOCATIONS` -> true, `<`
  it("count a derived class's invocations before following its base class", () => {
    expect(reached('Many400', 'classes.ts', 'construct')?.via).toEqual(['Base']);
    expect(reached('Many401', 'classes.ts', 'construct')).toBeNull();
  });
});

describe('cycles', () => {
  // kills summaries.ts:134 `{ opening: null, dependsOn: Infinity }` -> {} (the cut would hide the cycle x waits on)
  it('answer afresh a member whose "no stream" waited on a declaration that then opened one, at the depth limit too', () => {
    expect(reached('d0', 'chains.ts')?.at).toBe('chains.ts:73:23');
    expect(reached('x', 'chains.ts')).toEqual({ at: 'chains.ts:73:23', via: ['d22'] });
  });

  // kills summaries.ts:193 `{ opening: null, dependsOn }` -> {}
  it('answer afresh the members of a cycle whose first declaration opens a stream after them', () => {
    expect(reached('cycleA', 'cycle.ts')).toEqual({ at: 'cycle.ts:2:38', via: [] });
    expect(reached('cycleB', 'cycle.ts')).toEqual({ at: 'cycle.ts:2:38', via: ['cycleC', 'cycleA'] });
  });
});

describe('summaryStatistics', () => {
  // kills summaries.ts:235 `!store` -> false, `{ summarised: 0, … }` -> {}, `[]` -> ["Stryker was here"]
  it('is empty for a program never summarised', () => {
    const fresh = build({ 'fresh.ts': 'export function idle() {}\n' });
    expect(summaryStatistics(fresh.program)).toEqual({ summarised: 0, walks: 0, declarations: [] });
  });

  // kills summaries.ts:130 `known !== undefined` -> false; :137 `+ 1` -> `- 1`, `?? 0` -> `&& 0`; :189 `dependsOn < depth` -> true;
  // :201 `{ opening: null, dependsOn: Infinity }` -> {}
  it('reads a body once however often it is asked about, and keeps a final "no stream"', () => {
    const counted = build({ 'idle.ts': 'export function idle() { Math.max(1, 2); }\n' });
    const idle = counted.declaration('idle.ts', 'idle');
    expect(summaryOf(counted.information, [], idle, 'call')).toBeNull();
    expect(summaryOf(counted.information, [], idle, 'call')).toBeNull();
    expect(summaryStatistics(counted.program)).toEqual({
      summarised: 1,
      walks: 1,
      declarations: [{ fileName: counted.file('idle.ts'), line: 1, name: 'idle', walks: 1 }],
    });
  });

  // kills summaries.ts:189 `dependsOn < depth` -> `<=`
  it('keeps the answer of a function that calls itself', () => {
    const counted = build({ 'again.ts': 'export function again() { again(); }\n' });
    expect(summaryOf(counted.information, [], counted.declaration('again.ts', 'again'), 'call')).toBeNull();
    expect(summaryStatistics(counted.program)).toMatchObject({ summarised: 1, walks: 1 });
  });

  // kills summaries.ts:197 `{…}` -> {}: the members a final answer waited for become final too
  it('makes the answers of the cycle members final with the first declaration of the cycle', () => {
    const counted = build({ 'pair.ts': 'export function first() { second(); }\nfunction second() { first(); }\n' });
    expect(summaryOf(counted.information, [], counted.declaration('pair.ts', 'first'), 'call')).toBeNull();
    expect(summaryStatistics(counted.program)).toMatchObject({ summarised: 2, walks: 2 });
  });

  // kills summaries.ts:131 `inProgress ?? provisional` -> `&&`: a cycle below the first declaration is walked once
  it('walks each member of a cycle below the declaration asked about once', () => {
    const counted = build({
      'loop.ts': 'export function start() { enter(); }\nfunction enter() { loop(); }\nfunction loop() { enter(); }\n',
    });
    expect(summaryOf(counted.information, [], counted.declaration('loop.ts', 'start'), 'call')).toBeNull();
    expect(summaryStatistics(counted.program)).toMatchObject({ summarised: 3, walks: 3 });
  });
});
