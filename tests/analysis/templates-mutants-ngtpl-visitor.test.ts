/**
 * angular-template.ts `angularTemplateVisitor` and `enclosingRepetition` as no-eventsource-per-item
 * runs them: how a repetition without a collection is named, and which TypeScript parser reads
 * the component files (typescript-eslint's parser, or the `typescript-eslint` package's), found
 * from the template's folder or ESLint's working directory; without one no component file is read.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { across, linkPackage, lintTemplate, project } from './templates-mutants-ngtpl-project.js';

const ROW = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-row', template: '<li></li>' })
export class RowComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/rows');
  }
}
`;
const LIST = `import { Component } from '@angular/core';
import { RowComponent } from './row.component';

@Component({ selector: 'app-list', imports: [RowComponent], templateUrl: './list.component.html' })
export class ListComponent {}
`;
const FOR = '@for (id of ids; track id) { <app-row /> }';
const over = 'an `@for` over `ids`';

describe('the repetition a message names', () => {
  it('names an `<ng-template ngFor>` and a `*ngFor` whose collection is empty by their form alone', () => {
    // kills angular-template.ts:112 `` `an ${form}` `` -> `` `` `` (an empty repetition reports nothing)
    const dir = project({ 'row.component.ts': ROW, 'list.component.ts': LIST });
    const code = '<ng-template ngFor [ngForOf]=""><app-row /></ng-template>\n<app-row *ngFor="let id of" />';
    expect(lintTemplate(dir, 'list.component.html', code)).toEqual([
      across('1:33', 'app-row', 'row.component.ts', 6, 'an `<ng-template ngFor>`'),
      across('2:1', 'app-row', 'row.component.ts', 6, 'an `*ngFor`'),
    ]);
  });
});

describe('the parser of the component files', () => {
  it("takes @typescript-eslint/parser from the template's folder when the project has no `typescript-eslint` package", () => {
    // kills angular-template.ts:334 `??` -> `&&` (the missing second parser wins) and `'@typescript-eslint/parser'` -> ""
    const dir = project({ 'row.component.ts': ROW, 'list.component.ts': LIST }, ['@typescript-eslint/parser']);
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
  });

  it('takes the parser of the `typescript-eslint` package when the project has only that one', () => {
    // kills angular-template.ts:334 `'typescript-eslint'` -> ""
    const dir = project({ 'row.component.ts': ROW, 'list.component.ts': LIST }, ['typescript-eslint']);
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([across('1:30', 'app-row', 'row.component.ts', 6, over)]);
  });

  it('reads no component file, not even one cached by an earlier lint, where no TypeScript parser can be loaded', () => {
    // One file, two components: one whose external template is linted first, with a parser at hand,
    // and a tree node whose inline template is linted after the parser has gone. The file was read
    // and cached by the first lint; the second finds no parser (Node caches what it resolved per
    // folder, and the inline template's virtual folder is the component file itself).
    const both = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-tree', imports: [NodeComponent], templateUrl: './tree.component.html' })
export class TreeComponent {}

@Component({ selector: 'app-node', template: '<li></li>' })
export class NodeComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/nodes');
  }
}
`;
    const root = project({ 'app/tree.component.ts': both }, []);
    const app = path.join(root, 'app');
    linkPackage(app, '@typescript-eslint/parser');
    const code = '@for (child of children; track child) { <app-node /> }';
    expect(lintTemplate(app, 'tree.component.html', code)).toEqual([
      across('1:41', 'app-node', 'tree.component.ts', 9, 'an `@for` over `children`'),
    ]);
    rmSync(path.join(app, 'node_modules'), { recursive: true });
    // kills angular-template.ts:335 `!parse` -> false (the cached file would name the owner and its stream)
    expect(lintTemplate(app, 'tree.component.ts/1_inline-template-tree.component.ts-1.component.html', code, root)).toEqual([]);
  });
});
