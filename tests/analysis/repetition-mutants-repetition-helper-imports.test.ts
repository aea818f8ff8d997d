/**
 * Pins which local names `collectionHelperImports` (src/analysis/repetition.ts) binds to a
 * lodash, underscore or jQuery helper (issue 17), so that the mutants StrykerJS left alive there
 * fail a test: per-method packages (`lodash.foreach`, `lodash/map`), whole-library namespaces,
 * top-level `require` calls (one string argument only), destructured requires (plain keys only),
 * and modules that are no helper library at all.
 *
 * The bindings are written out as one string, `functions: local=method, … | namespaces: …`, so a
 * wrong or missing binding shows as a different string.
 */
import { describe, expect, it } from 'vitest';
import { collectionHelperImports, findRepetition } from '../../src/analysis/repetition.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('collectionHelperImports (%s)', (_name, parser) => {
  /** The helper bindings of `code`, as `functions: a=map, b=forEach | namespaces: _, $`. */
  function bindings(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const found = collectionHelperImports(sourceCode.ast);
      const functions = [...found.functions].map(([local, method]) => `${String(local)}=${String(method)}`);
      return `functions: ${functions.join(', ')} | namespaces: ${[...found.namespaces].join(', ')}`;
    });
  }

  /** What repeats the first `new EventSource(…)` of `code`, with the file's helper imports. */
  function repetition(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const found = findRepetition(find(sourceCode.ast, isNewEventSource), {
        helperImports: collectionHelperImports(sourceCode.ast),
      });
      return found ? `${found.kind}: ${found.description}` : 'once';
    });
  }

  it('binds a per-method lodash package to its camel-case method', () => {
    // kills repetition.ts:100 "specifier.startsWith('lodash.')" -> "specifier.endsWith('lodash.')",
    // "specifier.slice('lodash.'.length)" -> "specifier", "'lodash.'" -> "" (in the slice),
    // :103 "?? modulePath" -> "&& modulePath", "modulePath.toLowerCase()" -> "modulePath.toUpperCase()"
    expect(bindings("import each from 'lodash.foreach';")).toBe('functions: each=forEach | namespaces: ');
    expect(bindings("const each = require('lodash.foreach');")).toBe('functions: each=forEach | namespaces: ');
    expect(repetition("import each from 'lodash.foreach';\neach(urls, (u) => new EventSource(u));")).toBe(
      'callback: a `forEach()` callback',
    );
  });

  it('binds a method module it does not know to the module name, in its own spelling', () => {
    // kills repetition.ts:103 "?? modulePath" -> "&& modulePath"
    expect(bindings("import chunk from 'lodash/chunk';")).toBe('functions: chunk=chunk | namespaces: ');
    expect(bindings("import map from 'lodash/map';")).toBe('functions: map=map | namespaces: ');
  });

  it('binds a whole library to a namespace, not to a function', () => {
    // kills repetition.ts:100 "'lodash.'" -> "" (in startsWith), :132 "fn" -> true,
    // :133 "fn === null" -> false, "fn === null" -> "fn !== null"
    expect(bindings("import _ from 'underscore';")).toBe('functions:  | namespaces: _');
    expect(bindings("import * as L from 'lodash-es';")).toBe('functions:  | namespaces: L');
    expect(bindings("import _ from 'lodash';\nimport $ from 'jquery';")).toBe('functions:  | namespaces: _, $');
  });

  it('ignores the imports of a module that is no helper library', () => {
    // kills repetition.ts:137 "helperModuleFunction(statement.source.value) === undefined" -> false
    expect(bindings("import { map } from 'ramda';\nimport R from 'ramda';")).toBe('functions:  | namespaces: ');
    expect(repetition("import { map } from 'ramda';\nmap(urls, (u) => new EventSource(u));")).toBe('once');
  });

  it('binds a named import by the name it has in the library, written as a string too', () => {
    expect(bindings("import { forEach as each } from 'lodash-es';")).toBe('functions: each=forEach | namespaces: ');
    // kills repetition.ts:140 "specifier.imported.type === 'Identifier'" -> true
    expect(bindings("import { 'forEach' as each } from 'lodash-es';")).toBe('functions: each=forEach | namespaces: ');
  });

  it('reads a top-level require only when it is a call of `require` with one string', () => {
    expect(bindings("const _ = require('lodash');")).toBe('functions:  | namespaces: _');
    // kills repetition.ts:111 "node.callee.name === 'require'" -> true
    expect(bindings("const _ = load('lodash');")).toBe('functions:  | namespaces: ');
    // kills repetition.ts:112 "node.arguments.length === 1" -> true
    expect(bindings("const _ = require('lodash', options);")).toBe('functions:  | namespaces: ');
  });

  it('binds a required whole library to a namespace', () => {
    // kills repetition.ts:150 "declarator.id.type === 'Identifier'" -> false, "'Identifier'" -> "",
    // the block "{ bindWhole(declarator.id.name, module); }" -> "{}"
    expect(bindings("const $ = require('jquery');")).toBe('functions:  | namespaces: $');
    expect(bindings("const each = require('lodash/each');")).toBe('functions: each=each | namespaces: ');
  });

  it('ignores a destructured require of a module that is no helper library, or of no module', () => {
    // kills repetition.ts:149 "module === null || helperModuleFunction(module) === undefined" -> false,
    // "||" -> "&&", "helperModuleFunction(module) === undefined" -> false
    expect(bindings("const { map } = require('ramda');")).toBe('functions:  | namespaces: ');
    expect(bindings('const { map } = helpers;')).toBe('functions:  | namespaces: ');
  });

  it('binds the plain keys of a destructured require to their local names', () => {
    expect(bindings("const { map, forEach: each } = require('lodash');")).toBe('functions: map=map, each=forEach | namespaces: ');
  });

  it('skips an array pattern, a rest element, computed and string keys and nested patterns', () => {
    // kills repetition.ts:152 "declarator.id.type === 'ObjectPattern'" -> true
    expect(bindings("const [first] = require('lodash');")).toBe('functions:  | namespaces: ');
    // kills repetition.ts:154 the whole condition -> false, "property.type !== 'Property' || property.computed" -> false,
    // "property.type !== 'Property'" -> false, the outer "||" -> "&&", the inner "||" -> "&&"
    expect(bindings("const { map, ...rest } = require('lodash');")).toBe('functions: map=map | namespaces: ');
    // kills repetition.ts:154 "property.type !== 'Property' || property.computed" -> false
    expect(bindings("const { [key]: picked } = require('lodash');")).toBe('functions:  | namespaces: ');
    // kills repetition.ts:154 "property.key.type !== 'Identifier'" -> false
    expect(bindings("const { 'map': mapped } = require('lodash');")).toBe('functions:  | namespaces: ');
    // kills repetition.ts:155 "property.value.type === 'Identifier'" -> true
    expect(bindings("const { map = fallback, each: { length } } = require('lodash');")).toBe('functions:  | namespaces: ');
  });

  it('does not count a callback of an imported function that is no iteration helper', () => {
    // kills repetition.ts:257 "imported && COLLECTION_HELPER_METHODS.has(imported)" -> "imported || …"
    expect(repetition("import { after } from 'lodash';\nafter(3, () => new EventSource('/a'));")).toBe('once');
    expect(repetition("import { map } from 'lodash';\nmap(urls, (u) => new EventSource(u));")).toBe('callback: a `map()` callback');
  });

  it('counts an imported helper callback only in the second argument', () => {
    // kills repetition.ts:257 "index === 1" -> true
    expect(repetition("import { map } from 'lodash';\nmap((u) => new EventSource(u), urls);")).toBe('once');
  });
});
