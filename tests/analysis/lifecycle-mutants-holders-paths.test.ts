/**
 * Pins how `holder-paths.ts` names the places a stream is kept, so that the mutants StrykerJS left
 * alive in `src/analysis/lifecycle/holder-paths.ts` fail a test (issue 17): the object literal a
 * `this` stands for (`objectOfThis`, `optionsObjectOf`), the `this.a.b` occurrences of an options
 * object's path, `sameHolder`, `isModuleLevelHolder` and `holderText` on private names.
 *
 * An object literal is shown as `object <its keys>`, a class body as `class <Name>`.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  type HolderPath,
  holderOccurrences,
  holderPathOf,
  holderText,
  isModuleLevelHolder,
  objectOfThis,
  sameHolder,
} from '../../src/analysis/lifecycle/holder-paths.js';
import { streamHolding } from '../../src/analysis/lifecycle/stream-holders.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

function isThis(node: TSESTree.Node): node is TSESTree.ThisExpression {
  return node.type === 'ThisExpression';
}

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

function describeOwner(node: TSESTree.Node | null): string {
  if (!node) return 'none';
  if (node.type === 'ObjectExpression') {
    const keys = node.properties.map((p) => (p.type === 'Property' && p.key.type === 'Identifier' ? p.key.name : '?'));
    return `object ${keys.join(',')}`;
  }
  if (node.type === 'ClassBody') {
    const owner = node.parent;
    return `class ${owner.type === 'ClassDeclaration' ? owner.id?.name : '?'}`;
  }
  return node.type;
}

/** The object literal the first `this` of the code stands for. */
function ownerOfThis(parser: unknown, code: string, file?: { name?: string; sourceType?: 'module' | 'script' }): string {
  return analyse(parser, code, (sourceCode) => describeOwner(objectOfThis(find(sourceCode.ast, isThis))), file);
}

/** The path the argument of `check(…)` reads. */
function checkedPath(sourceCode: SourceCode): HolderPath {
  const path = holderPathOf(sourceCode, find(sourceCode.ast, isCheck).arguments[0]!);
  if (!path) throw new Error('no path');
  return path;
}

/** Every occurrence of the path that `check(…)` reads, as source text. */
function occurrences(parser: unknown, code: string, file?: { name?: string; sourceType?: 'module' | 'script' }): string[] {
  return analyse(
    parser,
    code,
    (sourceCode) => holderOccurrences(sourceCode, checkedPath(sourceCode)).map((node) => sourceCode.getText(node)),
    file,
  );
}

/** How the first stream of `code` is held: `held <names>`, `unheld`, `escapes` or `no-signal`. */
function holding(parser: unknown, code: string): string {
  return analyse(parser, code, (sourceCode) => {
    const opening = getStreamOpenings(sourceCode)[0];
    if (!opening) throw new Error('no stream in the code');
    const result = streamHolding(sourceCode, opening);
    return result.kind === 'held' ? `held ${result.paths.map((path) => holderText(path)).join(', ')}` : result.kind;
  });
}

describe.each(parsers)('objectOfThis and optionsObjectOf (%s)', (_name, parser) => {
  it('places `this` in a method of an exported options object', () => {
    // kills holder-paths.ts:37 "group?.type === 'Property' && … && group.parent.type === 'ObjectExpression'" -> 'true'
    expect(ownerOfThis(parser, 'export default { mounted() { this.es = 1; } };')).toBe('object mounted');
  });

  it('places `this` of a `methods` group in the options object around it', () => {
    expect(ownerOfThis(parser, 'export default { data() {}, methods: { open() { this.es = 1; } } };')).toBe('object data,methods');
  });

  it('keeps `this` in a nested object that is no Vue method group', () => {
    // kills holder-paths.ts:37 '… && VUE_METHOD_GROUPS.has(group.key.name) && …' -> '… || group.parent.type === "ObjectExpression"'
    expect(ownerOfThis(parser, 'export default { data() {}, helpers: { open() { this.es = 1; } } };')).toBe('object open');
  });

  it('sees through an arrow function inside a method', () => {
    // kills holder-paths.ts:61 "current.type === 'ArrowFunctionExpression'" -> 'false' and "'ArrowFunctionExpression'" -> ""
    expect(ownerOfThis(parser, 'export default { mounted() { setTimeout(() => { this.es = 1; }); } };')).toBe('object mounted');
  });

  it('does not place `this` in a function declared inside a method', () => {
    // kills holder-paths.ts:70 'isFunctionNode(current) || … || current.type === "StaticBlock"' -> 'false' (both),
    // the '(…) && current.type === "StaticBlock"', '(…) && current.type === "PropertyDefinition"' and
    // 'isFunctionNode(current) && current.type === "ClassBody"' mutants, :70 'isFunctionNode(current) || current.type === "ClassBody"' -> 'false',
    // and :74 '{ return null; }' -> '{}'
    expect(ownerOfThis(parser, 'export default { mounted() { function inner() { return this.es; } return inner; } };')).toBe('none');
  });

  it('does not place `this` in a function that is the computed key of a property', () => {
    // kills holder-paths.ts:64 "property?.type !== 'Property' || property.value !== current || …" -> '(… || …) && …',
    // "property?.type !== 'Property' || property.value !== current" -> 'false' and -> '&&', 'property.value !== current' -> 'false'
    expect(ownerOfThis(parser, 'export default { mounted() { return { [function () { return this.es; }]: 1 }; } };')).toBe('none');
  });
});

describe('objectOfThis in a class of a method', () => {
  it('does not place `this` in an `accessor` field of a class declared in a method', () => {
    // kills holder-paths.ts:71 "current.type === 'ClassBody'" -> 'false' and "'ClassBody'" -> ""
    expect(ownerOfThis(tsParser, 'export default { mounted() { class A { accessor x = this.es; } return A; } };')).toBe('none');
  });
});

describe.each(parsers)('holderOccurrences of an options object path (%s)', (_name, parser) => {
  const component = `
    export default {
      mounted() { this.state.es = new EventSource(u); check(this.state.es); },
      unmounted() { this.state.other.close(); f(this.state); this.state.es.close(); },
    };`;

  it('finds every `this.state.es` and nothing shorter or longer', () => {
    // kills holder-paths.ts:141 the loop body -> '{}', :144 "parent?.type !== 'MemberExpression' || parent.object !== outer"
    // -> 'true' and -> 'false' (the `f(this.state)` call has no property), "parent?.type !== 'MemberExpression'" -> '===' and
    // "'MemberExpression'" -> "", 'parent.object !== outer' -> '===', :145 'staticPropertyName(parent) !== property' -> 'true',
    // -> 'false' and -> '===', and :158 'node' -> 'true' (a null for `this.state.other`)
    expect(occurrences(parser, component)).toEqual(['this.state.es', 'this.state.es', 'this.state.es']);
  });

  it('finds nothing for a property no `this.` member names', () => {
    // kills holder-paths.ts:156 '?? []' -> '?? ["Stryker was here"]'
    const code = 'export default { mounted() { this.es = new EventSource(u); check(this.missing); } };';
    expect(occurrences(parser, code)).toEqual(['this.missing']);
    const none = analyse(parser, code, (sourceCode) => {
      const path = checkedPath(sourceCode);
      return holderOccurrences(sourceCode, { root: path.root, properties: ['absent'] });
    });
    expect(none).toEqual([]);
  });

  it('counts neither another object’s `es` nor the `this` of a function declared in a method', () => {
    // kills holder-paths.ts:127 "node.object.type !== 'ThisExpression'" -> 'false'
    // and :129 'name === null || objectOfThis(node.object) !== object' -> 'false' and -> '&&', 'objectOfThis(node.object) !== object' -> 'false'
    const code = `
      export default {
        mounted() { this.es = new EventSource(u); other.es.close(); },
        unmounted() { function inner() { this.es.close(); } check(this.es); return inner; },
      };`;
    expect(occurrences(parser, code)).toEqual(['this.es', 'this.es']);
  });
});

describe.each(parsers)('holderOccurrences of a class path (%s)', (_name, parser) => {
  it('finds a class’s `this.es` through the class, not as an options object', () => {
    // kills holder-paths.ts:50 "'type' in root && root.type === 'ObjectExpression'" -> '||' and "root.type === 'ObjectExpression'" -> 'true'
    const code = 'class A { open() { this.es = new EventSource(u); } close() { check(this.es); } }';
    expect(occurrences(parser, code)).toEqual(['this.es', 'this.es']);
    expect(holding(parser, 'class A { open() { this.es = new EventSource(u); } close() { const es = this.es; es.close(); } }')).toBe(
      'held this.es, es',
    );
  });
});

describe('holderOccurrences of an options object path inside `with`', () => {
  it('does not read `with (this.state)` as a property of it', () => {
    // kills holder-paths.ts:144 "parent?.type !== 'MemberExpression'" -> 'false' (the `with` statement has an `object`, and no property)
    const code = 'var c = { mounted() { this.state.es = 1; with (this.state) {} check(this.state.es); } };';
    expect(occurrences(tsParser, code, { name: 'file.js', sourceType: 'script' })).toEqual(['this.state.es', 'this.state.es']);
  });
});

describe.each(parsers)('sameHolder (%s)', (_name, parser) => {
  it('tells a variable from a property path on it', () => {
    // kills holder-paths.ts:99 'a.properties.length === b.properties.length' -> 'true'
    const same = analyse(parser, 'let es; check(es.self);', (sourceCode) => {
      const path = checkedPath(sourceCode);
      return [sameHolder({ root: path.root, properties: [] }, path), sameHolder(path, { root: path.root, properties: [] })];
    });
    expect(same).toEqual([false, false]);
    expect(holding(parser, 'const es = new EventSource(u); es.self = es;')).toBe('held es, es.self');
  });
});

describe.each(parsers)('isModuleLevelHolder (%s)', (_name, parser) => {
  function moduleLevel(code: string, sourceType: 'module' | 'script' = 'module'): boolean {
    return analyse(parser, code, (sourceCode) => isModuleLevelHolder(checkedPath(sourceCode)), { name: 'file.js', sourceType });
  }

  it('says a module’s top-level variable and a script’s global are shared', () => {
    // kills holder-paths.ts:112 "type === 'global'" -> 'false', -> "type !== 'global'" and "'global'" -> ""
    expect(moduleLevel('let es; check(es);')).toBe(true);
    expect(moduleLevel('var es; check(es);', 'script')).toBe(true);
  });

  it('says a function’s variable and a class’s `this.es` are not', () => {
    // kills holder-paths.ts:112 "type === 'module' || type === 'global'" -> 'true' and :110 'false' -> 'true'
    expect(moduleLevel('function f() { let es; check(es); }')).toBe(false);
    expect(moduleLevel('var f = function () { var es; check(es); };', 'script')).toBe(false);
    expect(moduleLevel('class A { m() { check(this.es); } }')).toBe(false);
  });
});

describe.each(parsers)('holderText of private names (%s)', (_name, parser) => {
  it('names a private field as `this.#name`', () => {
    // kills holder-paths.ts:168 the private-name regex -> '/^#[^A-Za-z_$][\\w$]*$/', -> '/^#[A-Za-z_$][\\w$]$/',
    // -> '/^#[A-Za-z_$][^\\w$]*$/' and -> '/^#[A-Za-z_$][\\W$]*$/', '`.${property}`' -> '``',
    // "property.startsWith('#') && …" -> 'false' and "property.startsWith('#')" -> "property.endsWith('#')"
    expect(holding(parser, 'class A { #source; open() { this.#source = new EventSource(u); } }')).toBe('held this.#source');
  });

  it('gives no text for a `#` key that is not a private name', () => {
    // kills holder-paths.ts:168 the private-name regex -> '/^#[A-Za-z_$][\\w$]*/' (no end anchor)
    // and "property.startsWith('#') && …" -> '||'
    const dashed = analyse(parser, "class A { m() { check(this['#a-b']); } }", (sourceCode) => holderText(checkedPath(sourceCode)));
    expect(dashed).toBeNull();
    // kills holder-paths.ts:168 the private-name regex -> '/#[A-Za-z_$][\\w$]*$/' (no start anchor)
    const twice = analyse(parser, "class A { m() { check(this['#-#a']); } }", (sourceCode) => holderText(checkedPath(sourceCode)));
    expect(twice).toBeNull();
  });
});
