/**
 * Pins when `stream-consumers.ts` takes a class for a service the page holds once, and when a
 * stream opened in it runs on construction, so that the mutants StrykerJS left alive in
 * `isSingletonClass`, `runsOnConstruction` and `singletonClassConsumer` of
 * `src/analysis/stream-consumers.ts` fail a test (issue 17).
 *
 * Each case lists the consumer of every stream of the code (`kind: label`, or `none`). The
 * streams are kept in local variables, so that only construction, not keeping the stream on
 * `this`, can make the class their consumer.
 */
import { describe, expect, it } from 'vitest';
import { TS_FILE, parsers } from './probe.js';
import { consumersOf } from './consumers-probe.js';

const consumers = consumersOf;

const SERVICE = ['service: service `Service`'];
const NONE = ['none'];

/** A stream the code opens and keeps in a local variable. */
const OPEN = "const es = new EventSource('/events'); es.onmessage = show;";

describe.each(parsers)('which classes the page holds once (%s)', (_name, parser) => {
  it('takes an anonymous class instantiated at module level for a service', () => {
    // kills stream-consumers.ts:229 "classNode.type === 'ClassDeclaration'" -> true (a class expression's variable is its declarator's)
    expect(consumers(parser, `const Service = class { constructor() { ${OPEN} } };\nexport const service = new Service();`)).toEqual([
      'service: service `Service`',
    ]);
  });

  it('does not take a default-exported class without a name for a service', () => {
    // kills stream-consumers.ts:234 variable?.references -> variable.references
    // and stream-consumers.ts:234 [] -> ["Stryker was here"]
    expect(consumers(parser, `export default class { constructor() { ${OPEN} } }`)).toEqual(NONE);
  });

  it('does not take a class that a function instantiates for a service', () => {
    // kills stream-consumers.ts:237 the whole construction test -> true, and its `&&` -> `||` before isModuleLevelCode
    expect(consumers(parser, `class Service { constructor() { ${OPEN} } }\nfunction make() { return new Service(); }`)).toEqual(NONE);
  });

  it('does not take a class that module code only passes on for a service', () => {
    // kills stream-consumers.ts:237 "construction?.type === 'NewExpression' && construction.callee === identifier" -> true
    expect(consumers(parser, `class Service { constructor() { ${OPEN} } }\nregister(Service);`)).toEqual(NONE);
  });

  it('does not take a class passed to another constructor for a service', () => {
    // kills stream-consumers.ts:237 "construction.callee === identifier" -> true
    // and "construction?.type === 'NewExpression' && construction.callee === identifier" -> `||`
    expect(consumers(parser, `class Service { constructor() { ${OPEN} } }\nconst wrapped = new Wrapper(Service);`)).toEqual(NONE);
  });

  it('does not take a class called without `new` for a service', () => {
    // kills stream-consumers.ts:237 "construction?.type === 'NewExpression'" -> true
    expect(consumers(parser, `class Service { constructor() { ${OPEN} } }\nconst service = Service();`)).toEqual(NONE);
  });
});

describe.each(parsers)('what runs when a service is constructed (%s)', (_name, parser) => {
  const held = (body: string) => `class Service {\n${body}\n}\nexport const service = new Service();`;

  it('does not count a method that nothing calls', () => {
    // kills stream-consumers.ts:259 "method?.type === 'MethodDefinition' && method.kind === 'constructor'" -> true, and -> `||`
    // and stream-consumers.ts:259 "method.kind === 'constructor'" -> true, and -> `!==`
    // and stream-consumers.ts:261 calls.some -> calls.every (no callers at all)
    // and stream-consumers.ts:272 runsOnConstruction(...) -> true
    // and stream-consumers.ts:275 the kept-on-`this` test -> true, and "path.root === classNode.body" -> true
    expect(consumers(parser, held(`connect() { ${OPEN} }`))).toEqual(NONE);
  });

  it('counts a function that the constructor runs inline', () => {
    // kills stream-consumers.ts:257 runsOncePerEvaluation(current) -> false
    // and stream-consumers.ts:259 "method.kind === 'constructor'" -> `!==`
    expect(consumers(parser, held(`constructor() { (() => { ${OPEN} })(); }`))).toEqual(SERVICE);
  });

  it('follows the constructor three method calls deep and no further', () => {
    const three = held(`constructor() { this.a(); }\na() { this.b(); }\nb() { this.c(); }\nc() { ${OPEN} }`);
    expect(consumers(parser, three)).toEqual(SERVICE);
    // kills stream-consumers.ts:260 "depth >= MAX_CONSTRUCTION_DEPTH" -> false, and `>=` -> `>`
    // and stream-consumers.ts:260 false -> true
    // and stream-consumers.ts:261 "depth + 1" -> "depth - 1"
    const four = held(`constructor() { this.a(); }\na() { this.b(); }\nb() { this.c(); }\nc() { this.d(); }\nd() { ${OPEN} }`);
    expect(consumers(parser, four)).toEqual(NONE);
  });

  it('counts a method that the constructor calls, whatever else calls it', () => {
    // kills stream-consumers.ts:261 calls.some -> calls.every (the caller in c() is too far from the constructor)
    const code = held(`constructor() { this.connect(); }\na() { this.b(); }\nb() { this.c(); }\nc() { this.connect(); }\nconnect() { ${OPEN} }`);
    expect(consumers(parser, code)).toEqual(SERVICE);
  });

  it('does not count a local function called from the constructor of another class', () => {
    // kills stream-consumers.ts:259 "method.parent.parent === classNode" -> true
    const code = held(`start() {\nfunction connect() { ${OPEN} }\nreturn class Inner { constructor() { connect(); } };\n}`);
    expect(consumers(parser, code)).toEqual(NONE);
  });

  it('counts an instance field whose initial value opens the stream', () => {
    // kills stream-consumers.ts:263 "current.type === 'PropertyDefinition'" -> false, and "'PropertyDefinition'" -> ""
    // and stream-consumers.ts:263 "!current.static" -> "current.static"
    // and stream-consumers.ts:263 the whole field test -> false
    // and stream-consumers.ts:263 "current.value === child" -> `!==`, "current.parent.parent === classNode" -> `!==`
    expect(consumers(parser, held(`ready = (() => { ${OPEN} return true; })();`))).toEqual(SERVICE);
  });

  it('does not count a static field', () => {
    // kills stream-consumers.ts:263 "!current.static" -> "current.static"
    // and stream-consumers.ts:263 the whole field test -> true
    // and stream-consumers.ts:263 "!current.static && current.value === child" -> true, and -> `||`
    // and stream-consumers.ts:263 "... && current.value === child && current.parent.parent === classNode" -> `... || current.parent.parent === classNode`
    expect(consumers(parser, held(`static ready = (() => { ${OPEN} return true; })();`))).toEqual(NONE);
  });

  it('does not count the computed key of a field', () => {
    // kills stream-consumers.ts:263 "current.value === child" -> true
    expect(consumers(parser, held(`[(() => { ${OPEN} return 'key'; })()] = 1;`))).toEqual(NONE);
  });

  it('does not count a field of another class that calls a local function', () => {
    // kills stream-consumers.ts:263 "current.parent.parent === classNode" -> true
    const code = held(`start() {\nfunction connect() { ${OPEN} }\nreturn class Inner { ready = connect(); };\n}`);
    expect(consumers(parser, code)).toEqual(NONE);
  });

  it('does not count a static block', () => {
    // kills stream-consumers.ts:264 false -> true
    expect(consumers(parser, held(`static { ${OPEN} }`))).toEqual(NONE);
  });

  it('does not count the computed key of a method', () => {
    // kills stream-consumers.ts:266 false -> true
    expect(consumers(parser, held("[key(new EventSource('/events'))]() {}"))).toEqual(NONE);
  });
});

describe('what runs when a service is constructed (typescript-eslint, accessor fields)', () => {
  const parser = parsers[0][1];

  it('stops at an accessor field of a class the constructor declares', () => {
    // kills stream-consumers.ts:264 isExecutionBoundary(current) -> false (the walk would go on to the constructor)
    const code = `class Service {\nconstructor() {\nfunction connect() { ${OPEN} }\nclass Inner { accessor ready = connect(); }\n}\n}\nexport const service = new Service();`;
    expect(consumers(parser, code, TS_FILE)).toEqual(NONE);
  });
});

describe.each(parsers)('streams a service method keeps (%s)', (_name, parser) => {
  const held = (body: string) => `class Service {\n${body}\n}\nexport const service = new Service();`;

  it('does not count a stream a method hands to someone else', () => {
    // kills stream-consumers.ts:275 "holding.kind === 'held'" -> true, and the kept test's `&&` -> `||`
    expect(consumers(parser, held("connect() { register(new EventSource('/events')); }"))).toEqual(NONE);
  });

  it('counts a stream a method keeps on `this` as well as in a local variable', () => {
    // kills stream-consumers.ts:275 holding.paths.some -> holding.paths.every
    expect(consumers(parser, held("connect() { const es = new EventSource('/events'); this.es = es; }"))).toEqual(SERVICE);
  });
});
