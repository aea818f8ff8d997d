/**
 * The components an Angular template can render (angular-template.ts `candidatesOf`,
 * `moduleSiblings`, `exportSources`): classes of the component's own file that it imports, the
 * re-exports of the module a class is imported from (a barrel, a library's `public-api.ts`) one
 * level deep, and the other declarations of the `*.module.ts` NgModule that declares a
 * non-standalone component, looked for up to two folders above it.
 */
import { describe, expect, it } from 'vitest';
import { across, lintTemplate, project } from './templates-mutants-ngtpl-project.js';

const ROW = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-row', template: '<li></li>' })
export class RowComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/rows');
  }
}
`;
/** A row of the same tag that opens nothing. */
const PLAIN = `import { Component } from '@angular/core';

@Component({ selector: 'app-row', template: '<li></li>' })
export class PlainComponent {}
`;
const FOR = '@for (id of ids; track id) { <app-row /> }';
const over = 'an `@for` over `ids`';

/** A standalone list whose `imports` are `names`, imported from `from` (a module specifier). */
const standaloneList = (names: string, from: string) => `import { Component } from '@angular/core';
import { ${names} } from '${from}';

@Component({ selector: 'app-list', imports: [${names}], templateUrl: './list.component.html' })
export class ListComponent {}
`;
/** A non-standalone list (no `imports`), declared by an NgModule. */
const MODULE_LIST = `import { Component } from '@angular/core';

@Component({ selector: 'app-list', templateUrl: './list.component.html' })
export class ListComponent {}
`;
/** An NgModule that declares the list and the row, imported from `list` and `row`. */
const ngModule = (list: string, row: string) => `import { NgModule } from '@angular/core';
import { ListComponent } from '${list}';
import { RowComponent } from '${row}';

@NgModule({ declarations: [ListComponent, RowComponent] })
export class ListModule {}
`;

describe('classes of the component file itself', () => {
  it('renders a row declared after the list in the same file, not the list itself', () => {
    // kills angular-template.ts:238 `c.name === exported` -> true (the first class of the file is the list)
    const file = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-list', imports: [RowComponent], templateUrl: './list.component.html' })
export class ListComponent {}

@Component({ selector: 'app-row', template: '<li></li>' })
export class RowComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/rows');
  }
}
`;
    const dir = project({ 'list.component.ts': file });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'list.component.ts', 9, over)]);
  });
});

describe('classes imported from other files', () => {
  it('leaves out an imported class that is not a component, even when its file opens a stream', () => {
    // kills angular-template.ts:256 `source && component` -> `source || component` (a candidate without a component)
    const pipe = `import { Pipe, PipeTransform } from '@angular/core';

@Pipe({ name: 'live' })
export class LivePipe implements PipeTransform {
  transform(url: string): EventSource {
    return new EventSource(url);
  }
}
`;
    const dir = project({ 'row.component.ts': ROW, 'live.pipe.ts': pipe, 'list.component.ts': standaloneList('LivePipe', './live.pipe') });
    expect(lintTemplate(dir, 'list.component.html', '@for (id of ids; track id) { <app-row /> <p>{{ id | live }}</p> }')).toEqual([]);
  });
});

describe('barrels', () => {
  it('follows an export the barrel names with a string', () => {
    // kills angular-template.ts:262 `node.type === 'Identifier'` -> true (a string literal's `name` is undefined)
    const dir = project({
      'row.component.ts': ROW,
      'shared/index.ts': "export { RowComponent as 'RowComponent' } from '../row.component';\n",
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
  });

  it('follows the re-exports of a module of any name: a library entry file, a `.mts` or `.tsx` barrel', () => {
    // Was missed: only files named `index.ts`, `index.mts` or `index.cts` were read for re-exports.
    const named = "export { RowComponent } from '../row.component';\n";
    for (const [barrel, from] of [
      ['shared/public-api.ts', './shared/public-api'],
      ['shared/index.mts', './shared/index.mts'],
      ['shared/index.tsx', './shared/index.tsx'],
    ]) {
      const dir = project({ 'row.component.ts': ROW, [barrel!]: named, 'list.component.ts': standaloneList('RowComponent', from!) });
      expect(lintTemplate(dir, 'list.component.html', FOR), barrel).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
    }
  });

  it('follows `export *` to the module that exports the name, past those that do not', () => {
    const dir = project({
      'row.component.ts': ROW,
      'plain.component.ts': PLAIN,
      'components.ts': "export * from './plain.component';\nexport * from './row.component';\n",
      'list.component.ts': standaloneList('RowComponent', './components'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
  });

  it('reads nothing from an `index.ts` that exports nothing', () => {
    // kills angular-template.ts:284 `sourceCode?.ast` -> `sourceCode.ast` (the file is not parsed without a re-export)
    const dir = project({
      'row.component.ts': ROW,
      'shared/index.ts': '// The shared components will be listed here.\n',
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it('takes a name the module re-exports by name from that module only, not from its `export *`', () => {
    // The plain row is re-exported as RowComponent; the streaming RowComponent of `export *` is shadowed, as in TypeScript.
    const barrel = [
      "export * from '../row.component';",
      "export { RowComponent as LiveComponent } from '../row.component';",
      "export { PlainComponent as RowComponent } from '../plain.component';",
      '',
    ].join('\n');
    const dir = project({
      'row.component.ts': ROW,
      'plain.component.ts': PLAIN,
      'shared/index.ts': barrel,
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
    // Re-exported by name from a package, which is not read: still not the RowComponent of `export *`.
    const fromPackage = project({
      'row.component.ts': ROW,
      'shared/index.ts': "export { RowComponent } from '@acme/rows';\nexport * from '../row.component';\n",
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(fromPackage, 'list.component.html', FOR)).toEqual([]);
  });

  it('takes a name the module declares itself from the module, not from its `export *`', () => {
    const components = `export * from './row.component';
${PLAIN.replace('PlainComponent', 'RowComponent')}`;
    const declared = project({ 'row.component.ts': ROW, 'components.ts': components, 'list.component.ts': standaloneList('RowComponent', './components') });
    expect(lintTemplate(declared, 'list.component.html', FOR)).toEqual([]);
    // The module's own `export { … }` list shadows it too.
    const list = `export * from './row.component';
${PLAIN.replace('export class PlainComponent', 'class PlainComponent')}export { PlainComponent as RowComponent };
`;
    const listed = project({ 'row.component.ts': ROW, 'components.ts': list, 'list.component.ts': standaloneList('RowComponent', './components') });
    expect(lintTemplate(listed, 'list.component.html', FOR)).toEqual([]);
  });

  it('does not take a default import from `export *`, which passes on no `default`', () => {
    const dir = project({
      'row.component.ts': ROW.replace('export class', 'export default class'),
      'components.ts': "export * from './row.component';\n",
      'list.component.ts': `import { Component } from '@angular/core';
import RowComponent from './components';

@Component({ selector: 'app-list', imports: [RowComponent], templateUrl: './list.component.html' })
export class ListComponent {}
`,
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it('follows one module deep: not the re-exports of a re-exported module', () => {
    // A limit: `public-api.ts` that re-exports `./lib/index.ts`, which re-exports the row, is not followed to the row.
    const dir = project({
      'lib/row.component.ts': ROW,
      'lib/index.ts': "export * from './row.component';\n",
      'public-api.ts': "export * from './lib/index';\n",
      'list.component.ts': standaloneList('RowComponent', './public-api'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it('passes over `export *` and the exports of other names to the one imported', () => {
    // kills angular-template.ts:295 `exportName(specifier.exported) !== exported` -> false and `!==` -> `===`
    // (the plain row is exported first; the module of `export *` has no RowComponent)
    const barrel = [
      "export * from '../plain.component';",
      "export { PlainComponent as QuietComponent } from '../plain.component';",
      "export { RowComponent } from '../row.component';",
      '',
    ].join('\n');
    const dir = project({
      'row.component.ts': ROW,
      'plain.component.ts': PLAIN,
      'shared/index.ts': barrel,
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
  });

  it('does not take a class from `export * as`, which exports a namespace of that name', () => {
    const dir = project({
      'row.component.ts': ROW,
      'shared/index.ts': "export * as RowComponent from '../row.component';\n",
      'list.component.ts': standaloneList('RowComponent', './shared'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });
});

describe('the NgModule that declares a non-standalone component', () => {
  it('is looked for up to two folders above the component', () => {
    const dir = project({
      'app/rows/row.component.ts': ROW,
      'app/features/lists/list.component.ts': MODULE_LIST,
      'app/app.module.ts': ngModule('./features/lists/list.component', './rows/row.component'),
    });
    expect(lintTemplate(dir, 'app/features/lists/list.component.html', FOR)).toEqual([
      across('1:30', 'app-row', 'app/rows/row.component.ts', 6, over),
    ]);
  });

  it("follows the module's import of a sibling through the re-exports of a module of any name", () => {
    const dir = project({
      'rows/row.component.ts': ROW,
      'rows/public-api.ts': "export * from './row.component';\n",
      'list.component.ts': MODULE_LIST,
      'lists.module.ts': ngModule('./list.component', './rows/public-api'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'rows/row.component.ts', 6, over)]);
  });

  it('is not looked for three folders above it', () => {
    // kills angular-template.ts:212 `depth < MODULE_SEARCH_DEPTH` -> `<=`
    const dir = project({
      'rows/row.component.ts': ROW,
      'app/features/lists/list.component.ts': MODULE_LIST,
      'app.module.ts': ngModule('./app/features/lists/list.component', './rows/row.component'),
    });
    expect(lintTemplate(dir, 'app/features/lists/list.component.html', FOR)).toEqual([]);
  });

  it('is read from `*.module.ts` files only, not from a test module in a spec', () => {
    // kills angular-template.ts:213 `.filter((file) => file.endsWith('.module.ts'))` removed and `'.module.ts'` -> ""
    const dir = project({
      'row.component.ts': ROW,
      'list.component.ts': MODULE_LIST,
      'list.component.spec.ts': ngModule('./list.component', './row.component'),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it("leaves out the module's own class of the list's name, even when it is another file's class", () => {
    // The module declares a ListComponent of another folder (an older list, whose tag opens a stream):
    // the class of the list's own name is never one of the list's siblings.
    // kills angular-template.ts:220 `declared === name` -> false
    const older = ROW.replace('RowComponent', 'ListComponent');
    const dir = project({
      'old/list.component.ts': older,
      'list.component.ts': MODULE_LIST,
      'lists.module.ts': `import { NgModule } from '@angular/core';
import { ListComponent } from './old/list.component';

@NgModule({ declarations: [ListComponent] })
export class ListsModule {}
`,
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });
});
