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
import { type Project, project } from './typed-scratch-project.js';

const projects: Project[] = [];
afterAll(() => {
  for (const each of projects) each.dispose();
});

function build(files: Record<string, string>): Project {
  const built = project(files);
  projects.push(built);
  return built;
}

/** `count` calls of `n()`, joined by `separator`. */
function invocations(count: number, separator: string): string {
  return Array.from({ length: count }, () => 'n()').join(separator);
}

/** `prefix0()` calls `prefix1()` … calls `prefix<length>()`, one a line, and the last opens a stream. */
function chain(prefix: string, length: number): string {
  const links = Array.from({ length }, (_, index) => `function ${prefix}${index}() { ${prefix}${index + 1}(); }`);
  return [...links, `function ${prefix}${length}() { new EventSource('/${prefix}${length}'); }`].join('\n');
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
export class Many400 extends Base { all = [${invocations(400, ', ')}]; }
export class Many401 extends Base { all = [${invocations(401, ', ')}]; }
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
export function calls400() { ${invocations(400, '; ')}; new EventSource('/after-400'); }
export function calls401() { ${invocations(401, '; ')}; new EventSource('/after-401'); }
`,
  'chains.ts': `
${chain('g', 24)}
${chain('h', 23)}
${chain('d', 22).replace('function d22() { new EventSource', 'function d22() { x(); new EventSource')}
function x() { d22(); y(); }
function y() {}
`,
  'cycle.ts': `
export function cycleA() { cycleB(); new EventSource('/cycle'); }
function cycleB() { cycleC(); }
function cycleC() { cycleA(); }
`,
});

/** Where invoking `name` opens a stream (`file:line:column`), and through which declarations. */
function reached(name: string, file: string, mode: SummaryMode = 'call'): { at: string; via: readonly string[] } | null {
  const opening = summaryOf(code.information, [], code.declaration(file, name), mode);
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
