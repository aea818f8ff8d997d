/**
 * Pins what `src/analysis/templates/angular-component.ts` reads from an Angular file (issue 17),
 * so that the mutants StrykerJS left alive there fail a test: a selector or `templateUrl` is a
 * string or a template literal without expressions (not a number, not `app-${x}`); an inline
 * template is text, not a number; an anonymous default-exported component has no name; a
 * component without an `imports` array imports nothing; components and `@NgModule`s are found
 * exported or not, and `export { … }` lists are stepped over; the exported component is looked up
 * by its exported name (a named export, or the default export's class declaration only); a
 * declared class is a class; import sources keep string-named imports and drop namespace
 * imports; a `templateUrl` names a template by path; and a selector part matches only when it is
 * wholly a tag and attribute selector.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  angularComponents,
  declaredClass,
  exportedComponent,
  importedNames,
  importSources,
  matchingSelector,
  ngModuleDeclarations,
  templateUrlNames,
} from '../../src/analysis/templates/angular-component.js';
import { analyse, type SourceCode, TS_FILE } from './probe.js';

/** What `inspect` computes from `code`, parsed as a TypeScript file (decorators need typescript-eslint). */
function read<T>(code: string, inspect: (sourceCode: SourceCode) => T): T {
  return analyse(tsParser, code, inspect, TS_FILE);
}

const program = (sourceCode: SourceCode) => sourceCode.ast as TSESTree.Program;

/** The components of `code`, as plain data. */
function components(code: string) {
  return read(code, (sourceCode) =>
    angularComponents(program(sourceCode)).map(({ name, selector, templateUrl, hasInlineTemplate, imports, providers }) => ({
      name,
      selector,
      templateUrl,
      hasInlineTemplate,
      imports,
      providers,
    })),
  );
}

const none = { templateUrl: null, hasInlineTemplate: false, imports: [], providers: [] };

describe('angularComponents, metadata', () => {
  it('reads a selector only from a string, not from a number', () => {
    // kills angular-component.ts:26 "typeof node.value === 'string'" -> true
    expect(components("@Component({ selector: 42 })\nclass Row {}")).toEqual([{ name: 'Row', selector: null, ...none }]);
  });

  it('reads a template literal only without expressions', () => {
    // kills angular-component.ts:27 "node.expressions.length === 0" -> true
    expect(components('const p = "app";\n@Component({ selector: `${p}-row`, templateUrl: `./row-${p}.html` })\nclass Row {}')).toEqual([
      { name: 'Row', selector: null, ...none },
    ]);
    expect(components("@Component({ selector: `app-row`, templateUrl: './row.html' })\nclass Row {}")).toEqual([
      { name: 'Row', selector: 'app-row', ...none, templateUrl: './row.html' },
    ]);
  });

  it('does not take a number for an inline template', () => {
    // kills angular-component.ts:32 "typeof node.value === 'string'" -> true
    expect(components("@Component({ selector: 'app-row', template: 42 })\nclass Row {}")).toEqual([{ name: 'Row', selector: 'app-row', ...none }]);
    expect(components("@Component({ selector: 'app-row', template: '<p></p>' })\nclass Row {}")).toEqual([
      { name: 'Row', selector: 'app-row', ...none, hasInlineTemplate: true },
    ]);
  });

  it('gives an anonymous default-exported component no name', () => {
    // kills angular-component.ts:58 node.id?.name -> node.id.name
    expect(components("@Component({ selector: 'app-row' })\nexport default class {}")).toEqual([{ name: null, selector: 'app-row', ...none }]);
  });

  it('lists only the identifiers of imports and providers, not spreads or calls', () => {
    // kills angular-component.ts:69 [] -> ["Stryker was here"] (the list of a non-identifier element)
    const code = "const shared = [];\n@Component({ selector: 'app-row', imports: [Cell, ...shared, forwardRef(() => Cell)], providers: [Jobs, { provide: Feed, useClass: Feed }] })\nclass Row {}";
    expect(components(code)).toEqual([{ name: 'Row', selector: 'app-row', ...none, imports: ['Cell'], providers: ['Jobs'] }]);
  });
});

describe('angularComponents, which statements', () => {
  const file = [
    "import { Component } from '@angular/core';",
    "@Component({ selector: 'app-a' })\nclass A {}",
    "@Component({ selector: 'app-b' })\nexport class B {}",
    'export { A };',
    'export const C = 1;',
    "@Component({ selector: 'app-d' })\nexport default class D {}",
  ].join('\n');

  it('finds components declared, exported by name and exported by default, stepping over an export list', () => {
    // kills angular-component.ts:77 the export test -> true (A is lost), "statement.type === 'ExportDefaultDeclaration'" -> false,
    // === -> !== and "'ExportDefaultDeclaration'" -> "" (D is lost, and A with !==);
    // angular-component.ts:78 "declaration?.type === 'ClassDeclaration'" -> true and declaration?.type -> declaration.type
    // (the `export { A }` list has a null declaration)
    expect(components(file).map(({ name, selector }) => [name, selector])).toEqual([
      ['A', 'app-a'],
      ['B', 'app-b'],
      ['D', 'app-d'],
    ]);
  });
});

describe('ngModuleDeclarations', () => {
  it('gives no list for a file without an NgModule', () => {
    // kills angular-component.ts:86 [] -> ["Stryker was here"]
    expect(read("@Component({ selector: 'app-a' })\nclass A {}", (sourceCode) => ngModuleDeclarations(program(sourceCode)))).toEqual([]);
  });

  it('reads NgModules exported or not, stepping over an export list', () => {
    // kills angular-component.ts:88 "statement.type === 'ExportNamedDeclaration'" -> true (the unexported module is lost);
    // angular-component.ts:89 "declaration?.type === 'ClassDeclaration'" -> true and declaration?.type -> declaration.type
    const code = [
      '@NgModule({ declarations: [A, B] })\nclass First {}',
      'export { First };',
      '@NgModule({ declarations: [C] })\nexport class Second {}',
    ].join('\n');
    expect(read(code, (sourceCode) => ngModuleDeclarations(program(sourceCode)))).toEqual([['A', 'B'], ['C']]);
  });
});

describe('exportedComponent', () => {
  const nameOf = (code: string, exported: string) =>
    read(code, (sourceCode) => {
      const component = exportedComponent(program(sourceCode), exported);
      return component ? [component.name, component.selector] : null;
    });

  it('looks a named export up by its name, past the default export', () => {
    // kills angular-component.ts:98 "exported === 'default'" -> true
    const code = "@Component({ selector: 'app-main' })\nexport default class Main {}\n@Component({ selector: 'app-row' })\nexport class Row {}";
    expect(nameOf(code, 'Row')).toEqual(['Row', 'app-row']);
    expect(nameOf(code, 'default')).toEqual(['Main', 'app-main']);
  });

  it('does not take a default-exported class expression', () => {
    // kills angular-component.ts:98 "statement.declaration.type === 'ClassDeclaration'" -> true
    expect(nameOf("export default (@Component({ selector: 'app-row' }) class {});", 'default')).toBeNull();
  });

  it('does not find the default-exported class under its own name', () => {
    // kills angular-component.ts:101 "statement.type !== 'ExportNamedDeclaration'" -> false, || -> &&
    expect(nameOf("@Component({ selector: 'app-row' })\nexport default class Row {}", 'Row')).toBeNull();
  });

  it('steps over an export list and exported non-classes', () => {
    // kills angular-component.ts:101 "statement.declaration?.type !== 'ClassDeclaration'" -> false and
    // statement.declaration?.type -> statement.declaration.type (the `export { Row }` list has a null declaration)
    const code = "const Other = 1;\nexport { Other };\n@Component({ selector: 'app-row' })\nexport class Row {}";
    expect(nameOf(code, 'Row')).toEqual(['Row', 'app-row']);
  });

  it('gives the class exported under the asked name, not the first one', () => {
    // kills angular-component.ts:102 "statement.declaration.id?.name === exported" -> true
    const code = "@Component({ selector: 'app-head' })\nexport class Head {}\n@Component({ selector: 'app-row' })\nexport class Row {}";
    expect(nameOf(code, 'Row')).toEqual(['Row', 'app-row']);
  });
});

describe('declaredClass', () => {
  const found = (code: string, name: string) =>
    read(code, (sourceCode) => {
      const node = declaredClass(program(sourceCode), name);
      return node ? [node.type, node.id?.name ?? null] : null;
    });

  it('does not take a default-exported value for a class', () => {
    // kills angular-component.ts:111 "statement.declaration.type === 'ClassDeclaration'" -> true
    expect(found('export default 42;', 'default')).toBeNull();
    expect(found('export default class Jobs {}', 'default')).toEqual(['ClassDeclaration', 'Jobs']);
  });

  it('does not take a function of the name for a class, and steps over an export list', () => {
    // kills angular-component.ts:115 "declaration?.type === 'ClassDeclaration'" -> true (the function is taken, and
    // the `export { … }` list has a null declaration) and declaration?.type -> declaration.type
    expect(found('export { x };\nconst x = 1;\nfunction Jobs() {}', 'Jobs')).toBeNull();
    expect(found('export { x };\nconst x = 1;\nexport class Jobs {}', 'Jobs')).toEqual(['ClassDeclaration', 'Jobs']);
  });
});

describe('importSources', () => {
  const sources = (code: string) => read(code, (sourceCode) => [...importSources(sourceCode).entries()]);

  it('keeps a string-named import by its string', () => {
    // kills angular-component.ts:135 "specifier.imported.type === 'Identifier'" -> true
    expect(sources("import { 'job-row' as JobRow } from './rows';")).toEqual([['JobRow', { module: './rows', exported: 'job-row' }]]);
  });

  it('leaves a namespace import out', () => {
    // kills angular-component.ts:138 "specifier.type === 'ImportDefaultSpecifier'" -> true and 141 exported -> true
    expect(sources("import * as rows from './rows';\nimport Row from './row';")).toEqual([['Row', { module: './row', exported: 'default' }]]);
  });
});

describe('importedNames', () => {
  it('leaves out a name neither imported nor declared in the file', () => {
    // kills angular-component.ts:154 [] -> ["Stryker was here"]
    const code = "import { Row } from './row';\n@Component({ selector: 'app-list', imports: [Row, SharedModule, Cell] })\nclass List {}\n@Component({ selector: 'app-cell' })\nclass Cell {}";
    const names = read(code, (sourceCode) => importedNames(sourceCode, angularComponents(program(sourceCode))[0]!));
    expect(names).toEqual([
      { module: './row', exported: 'Row' },
      { module: null, exported: 'Cell' },
    ]);
  });
});

describe('templateUrlNames', () => {
  it('tells whether a templateUrl names a template file', () => {
    // kills angular-component.ts:160 the path comparison -> true
    expect(templateUrlNames('/app/list/list.component.ts', './list.component.html', '/app/list/list.component.html')).toBe(true);
    expect(templateUrlNames('/app/list/list.component.ts', './list.component.html', '/app/row/row.component.html')).toBe(false);
  });
});

describe('matchingSelector', () => {
  const row = { name: 'row', attributes: ['active'] };

  it('does not match a class selector by the class name', () => {
    // kills angular-component.ts:176 the regex without ^ (it would read `row` after the dot as a tag);
    // angular-component.ts:177 "!match || (!match[1] && !match[2])" -> false and || -> && (match[1] of no match throws)
    expect(matchingSelector('.row', row)).toBeNull();
  });

  it('does not match a tag followed by a class', () => {
    // kills angular-component.ts:176 the regex without $
    expect(matchingSelector('row.wide', row)).toBeNull();
    expect(matchingSelector('row[active]', row)).toBe('row[active]');
  });

  it('does not match an empty part of a selector list', () => {
    // kills angular-component.ts:177 "!match[1] && !match[2]" -> false (the empty part would match as '')
    expect(matchingSelector('app-other, ', row)).toBeNull();
  });
});
