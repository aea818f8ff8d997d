/**
 * Pins which flags `getServerStops` (`src/analysis/reconnect/server-stops.ts`) takes for stops
 * that the server controls, and when `readsServerStop` sees a condition read one, case by case,
 * so that the mutants StrykerJS left alive there are killed (issue 17).
 *
 * Each file opens a global `EventSource` as `es`; the listeners it registers for server events
 * are where flags are set. Flags come back as names (`stopped`, `this.state.stopped`); anything
 * that is no path at all comes back as `<none>`.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type AccessPath, isClassRoot } from '../../src/analysis/reconnect/access-paths.js';
import { getServerStops, readsServerStop } from '../../src/analysis/reconnect/server-stops.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, find, parsers } from './probe.js';

function nameOf(path: AccessPath | null | undefined): string {
  if (!path?.root) return '<none>';
  return [isClassRoot(path.root) ? 'this' : path.root.name, ...path.properties].join('.');
}

/** The server stops of `code` under one parser, by name. */
function stopsWith(parser: unknown, code: string): string[] {
  return analyse(parser, code, (sourceCode) => getServerStops(sourceCode, getStreamOpenings(sourceCode)).map(nameOf));
}

/** The server stops of `code`, the same under both parsers. */
function stopsOf(code: string): string[] {
  const [first, second] = parsers.map(([, parser]) => stopsWith(parser, code));
  expect(second).toEqual(first);
  return first!;
}

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

/** Whether the argument of the first `check(…)` reads a server stop of the file, under both parsers. */
function readsStop(code: string): boolean[] {
  return parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) => {
      const condition = find(sourceCode.ast, isCheck).arguments[0]!;
      return readsServerStop(sourceCode, condition, getServerStops(sourceCode, getStreamOpenings(sourceCode)));
    }),
  );
}

/** A stream whose `bye` listener runs `body`, after `before`. */
function onBye(body: string, before = 'let stopped = false;'): string {
  return `${before}
const es = new EventSource('/events');
es.addEventListener('bye', () => { ${body} });`;
}

const STATE = "const [stopped, setStopped] = useState(false);";

describe('getServerStops: assignments in a listener', () => {
  it('takes a flag assigned a boolean', () => {
    expect(stopsOf(onBye('stopped = true;'))).toEqual(['stopped']);
  });

  it('does not take a flag assigned something else', () => {
    // kills server-stops.ts:30 the whole return -> true, '&&' -> '||', "typeof value.value === 'boolean'" -> true
    expect(stopsOf(onBye("stopped = 'yes';"))).toEqual([]);
  });

  it('does not take a logical assignment', () => {
    // kills server-stops.ts:56 "node.type === 'AssignmentExpression' && node.operator === '='" -> '||', "node.operator === '='" -> true
    expect(stopsOf(onBye('stopped ||= true;'))).toEqual([]);
  });

  it('does not take a target that is no path', () => {
    // kills server-stops.ts:58 'path && !flags.some(…)' -> true and '||'
    expect(stopsOf(onBye('flags[Math.random()] = true;', 'const flags = {};'))).toEqual([]);
  });

  it('takes a flag assigned twice once', () => {
    // kills server-stops.ts:58 '(flag) => samePath(flag, path)' -> '() => undefined'
    expect(stopsOf(onBye('stopped = true; stopped = false;'))).toEqual(['stopped']);
  });

  it('does not look inside a function the listener only defines', () => {
    // kills server-stops.ts:55 'isFunctionNode(node)' -> false, 'return false' -> 'return true'
    expect(stopsOf(onBye('items.forEach(() => { stopped = true; });', 'let stopped = false;\nconst items = [];'))).toEqual([]);
  });

  it('takes nothing from a call that sets no state', () => {
    // kills server-stops.ts:61 'state' -> true
    expect(stopsOf(onBye('stopped = true; log();'))).toEqual(['stopped']);
  });

  it('starts from no flags at all', () => {
    // kills server-stops.ts:79 '[]' -> '["Stryker was here"]'
    expect(stopsOf(onBye('log();'))).toEqual([]);
  });

  it('computes the stops once per list of openings', () => {
    // kills server-stops.ts:78 '!stops' -> true
    for (const [, parser] of parsers) {
      const same = analyse(parser, onBye('stopped = true;'), (sourceCode) => {
        const openings = getStreamOpenings(sourceCode);
        return getServerStops(sourceCode, openings) === getServerStops(sourceCode, openings);
      });
      expect(same).toBe(true);
    }
  });
});

describe('getServerStops: local functions the listener calls', () => {
  const HELPERS = 'let stopped = false;\nfunction a() { b(); }\nfunction b() { c(); }\nfunction c() { stopped = true; }\nfunction d() { stopped = true; }';

  it('follows calls two deep, not three', () => {
    // kills server-stops.ts:62 'depth < MAX_DEPTH' -> true and '<=', :65 'depth + 1' -> 'depth - 1'
    expect(stopsOf(onBye('a();', HELPERS))).toEqual([]);
    expect(stopsOf(onBye('b();', HELPERS))).toEqual(['stopped']);
  });

  it('walks a listener that calls itself once', () => {
    // kills server-stops.ts:50 '[listener]' -> '[]' (the listener walked twice pushes the state twice)
    const code = `${STATE}
function onBye() {
  setStopped(true);
  if (again) onBye();
}
const es = new EventSource('/events');
es.addEventListener('bye', onBye);`;
    expect(stopsOf(code)).toEqual(['stopped']);
  });
});

describe('getServerStops: useState setters', () => {
  it('takes the state of a setter called with a boolean', () => {
    expect(stopsOf(onBye('setStopped(true);', STATE))).toEqual(['stopped']);
  });

  it('does not take a setter called with something else', () => {
    // kills server-stops.ts:60 'node.arguments[0] && isBooleanLiteral(…)' -> true
    expect(stopsOf(onBye("setStopped('yes');", STATE))).toEqual([]);
  });

  it('does not take a call of a name the file does not declare', () => {
    // kills server-stops.ts:37 'setter?.defs.length === 1' -> true and 'setter?.defs' -> 'setter.defs' (both read a missing variable)
    expect(stopsOf(onBye('unknownSetter(true);'))).toEqual([]);
  });

  it('does not take a call of a built-in, which has no definition', () => {
    // kills server-stops.ts:38 'definition?.type' -> 'definition.type'
    expect(stopsOf(onBye('Boolean(true);'))).toEqual([]);
  });

  it('does not take a call of a parameter', () => {
    // kills server-stops.ts:38 "definition?.type !== 'Variable'" -> false (a function has no `id` pattern to read)
    const code = "const es = new EventSource('/events');\nes.addEventListener('bye', function (done) { done(true); });";
    expect(stopsOf(code)).toEqual([]);
  });

  it('takes the setter from the second element only', () => {
    // kills server-stops.ts:41 the whole test -> false, '(… || …) && init?.type …', 'pattern.type … || pattern.elements[1] …' -> false and '&&',
    // 'pattern.elements[1] !== definition.name' -> false
    expect(stopsOf(onBye('setStopped(true);', 'const [setStopped, stopped] = useState(false);'))).toEqual([]);
  });

  it('does not take a setter that is no array element', () => {
    // kills server-stops.ts:41 "pattern.type !== 'ArrayPattern'" -> false (reads the elements of a name)
    expect(stopsOf(onBye('setStopped(true);', 'const setStopped = useState(false);'))).toEqual([]);
  });

  it('does not take a pair that no call returns', () => {
    // kills server-stops.ts:41 "init?.type !== 'CallExpression'" -> false (reads the callee of a name)
    expect(stopsOf(onBye('setStopped(true);', 'const [stopped, setStopped] = pair;'))).toEqual([]);
  });

  it('does not take a pair declared by a loop, which has no initialiser', () => {
    // kills server-stops.ts:41 'init?.type' -> 'init.type', :40 'definition.node.init && …' -> '||'
    const code = `const es = new EventSource('/events');
for (const [stopped, setStopped] of pairs) {
  es.addEventListener('bye', () => setStopped(true));
}`;
    expect(stopsOf(code)).toEqual([]);
  });

  it('takes `React.useState`', () => {
    // kills server-stops.ts:43 "hook.type === 'Identifier'" -> true, the member test -> false,
    // "hook.type === 'MemberExpression'" -> '!==', "'MemberExpression'" -> "", "hook.property.type === 'Identifier'" -> '!==', "'Identifier'" -> ""
    expect(stopsOf(onBye('setStopped(true);', 'const [stopped, setStopped] = React.useState(false);'))).toEqual(['stopped']);
  });

  it('does not take a hook that is neither a name nor a named member', () => {
    // kills server-stops.ts:43 the member test -> true and '||', "hook.type === 'MemberExpression'" -> true (each reads a missing property)
    expect(stopsOf(onBye('setStopped(true);', 'const [stopped, setStopped] = makeHook()(false);'))).toEqual([]);
  });

  it('does not take a private method called `#useState`', () => {
    // kills server-stops.ts:43 "hook.property.type === 'Identifier'" -> true
    const code = `class Feed {
  #useState(value) { return [value, () => {}]; }
  start() {
    const [stopped, setStopped] = this.#useState(false);
    const es = new EventSource('/events');
    es.addEventListener('bye', () => setStopped(true));
  }
}`;
    expect(stopsOf(code)).toEqual([]);
  });

  it('does not take another hook', () => {
    // kills server-stops.ts:45 the whole test -> false, '||' -> '&&', "hookName !== 'useState'" -> false
    expect(stopsOf(onBye('setStopped(true);', 'const [stopped, setStopped] = useReducer(reduce, false);'))).toEqual([]);
  });

  it('does not take a setter whose state is left out', () => {
    // kills server-stops.ts:45 "state?.type !== 'Identifier'" -> false and 'state?.type' -> 'state.type'
    expect(stopsOf(onBye('setStopped(true);', 'const [, setStopped] = useState(false);'))).toEqual([]);
  });

  it('sees through `as` on the hook call', () => {
    // kills server-stops.ts:40 'definition.node.init && unwrapExpression(…)' -> '||'
    const code = onBye('setStopped(true);', 'const [stopped, setStopped] = useState(false) as [boolean, (value: boolean) => void];');
    expect(stopsWith(tsParser, code)).toEqual(['stopped']);
  });
});

describe('readsServerStop', () => {
  const FLAGS = 'let stopped = false;\nlet closed = false;\nlet other = false;\nconst config = {};';
  const SETS_BOTH = onBye('stopped = true; closed = true;', FLAGS);

  it('does not see a stop in a condition that reads another variable', () => {
    // kills server-stops.ts:90 'let found = false' -> true, :98 the whole test -> true and '||'
    expect(readsStop(`${SETS_BOTH}\ncheck(other);`)).toEqual([false, false]);
  });

  it('keeps a stop found before other reads of the condition', () => {
    // kills server-stops.ts:92 'found || isFunctionNode(node)' -> false
    expect(readsStop(`${SETS_BOTH}\ncheck(stopped || other);`)).toEqual([true, true]);
  });

  it('does not look inside a function of the condition', () => {
    // kills server-stops.ts:92 'found || isFunctionNode(node)' -> false and '&&', 'return false' -> 'return true'
    expect(readsStop(`${SETS_BOTH}\ncheck([1].some(() => stopped));`)).toEqual([false, false]);
  });

  it('does not read the name of a property as a variable', () => {
    // kills server-stops.ts:96 the whole test -> false, "node.type === 'Identifier'" -> '!==', "'Identifier'" -> "",
    // "parent?.type === 'MemberExpression'" -> '!==', "'MemberExpression'" -> "", 'parent.property === node' -> '!==',
    // '!parent.computed' -> 'parent.computed'
    expect(readsStop(`${SETS_BOTH}\ncheck(config.stopped);`)).toEqual([false, false]);
  });

  it('reads the object of a member, and a computed property', () => {
    // kills server-stops.ts:96 'parent.property === node' -> true
    expect(readsStop(`${SETS_BOTH}\ncheck(stopped.valueOf());`)).toEqual([true, true]);
    // kills server-stops.ts:96 '!parent.computed' -> 'parent.computed'
    expect(readsStop(`${SETS_BOTH}\ncheck(config[stopped]);`)).toEqual([true, true]);
  });

  it('reads a whole chain from `this`', () => {
    const code = `class Feed {
  state = { stopped: false };
  open() {
    const es = new EventSource('/events');
    es.onmessage = () => { this.state.stopped = true; };
  }
  retry() { check(!this.state.stopped); }
}`;
    expect(stopsOf(code)).toEqual(['this.state.stopped']);
    expect(readsStop(code)).toEqual([true, true]);
  });

  it('does not take the words of `new.target` or `import.meta` for flags of those names', () => {
    // Found by the survivors at server-stops.ts:96: `meta` and `target` were read as variables.
    const flags = onBye('target = true; meta = true;', 'let target = false;\nlet meta = false;');
    expect(stopsOf(flags)).toEqual(['target', 'meta']);
    expect(readsStop(`${flags}\nfunction Feed() { check(new.target); }`)).toEqual([false, false]);
    expect(readsStop(`${flags}\ncheck(import.meta.env.DEV);`)).toEqual([false, false]);
    expect(readsStop(`${flags}\ncheck(import.meta.env[meta]);`)).toEqual([true, true]);
  });

  it('does not see a stop in a name the file does not declare', () => {
    // kills server-stops.ts:98 'path !== null' -> true (compares a flag with no path)
    expect(readsStop(`${SETS_BOTH}\ncheck(undeclared);`)).toEqual([false, false]);
  });

  it('sees any one of several stops', () => {
    // kills server-stops.ts:98 'stops.some' -> 'stops.every'
    expect(readsStop(`${SETS_BOTH}\ncheck(closed);`)).toEqual([true, true]);
  });
});
