/**
 * Which component file owns an Angular external template (angular-template.ts `externalOwner`
 * and the per-path cache of `parsedComponentFile`): the `.ts` file of the same name first, then
 * the other `.ts` files beside it that mention the template, never a spec, a declaration file or
 * a JavaScript file; a component file read once is cached by its modification time.
 */
import { mkdirSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { across, lintTemplate, project, write } from './templates-mutants-ngtpl-project.js';

const ROW = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-row', template: '<li></li>' })
export class RowComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/rows');
  }
}
`;
/** A list component in `file`-less form: its decorator's `templateUrl` is `url` (source text, quotes included). */
const list = (url: string, imports = '[RowComponent]') => `import { Component } from '@angular/core';
import { RowComponent } from './row.component';

@Component({ selector: 'app-list', imports: ${imports}, templateUrl: ${url} })
export class ListComponent {}
`;
const FOR = '@for (id of ids; track id) { <app-row /> }';
const ROW_IN_FOR = across('1:30', 'app-row', 'row.component.ts', 6, 'an `@for` over `ids`');

describe('the owner of an external template', () => {
  it('finds a sibling component of another name that names the template', () => {
    // kills angular-template.ts:178 the filter/map/filter chain -> `directoryEntries(directory)` (bare names, read from nowhere)
    const dir = project({ 'row.component.ts': ROW, 'cards.component.ts': list("'./card.html'") });
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([ROW_IN_FOR]);
  });

  it('does not read a JavaScript file beside the template as its component', () => {
    // kills angular-template.ts:178 `.filter((name) => …)` removed, :178 the whole test -> true,
    // `name.endsWith('.ts') && !name.endsWith('.spec.ts')` -> true, both `&&` -> `||`, and `'.ts'` -> ""
    const dir = project({ 'row.component.ts': ROW, 'card.component.js': list("'./card.html'") });
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([]);
  });

  it('does not read a spec file beside the template as its component', () => {
    // kills angular-template.ts:179 `name.endsWith('.spec.ts')` -> `name.startsWith('.spec.ts')`
    const dir = project({ 'row.component.ts': ROW, 'card.component.spec.ts': list("'./card.html'") });
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([]);
  });

  it('does not read a declaration file beside the template as its component', () => {
    // kills angular-template.ts:179 `name.endsWith('.d.ts')` -> `name.startsWith('.d.ts')`
    const declaration = list("'./card.html'").replace('export class', 'export declare class');
    const dir = project({ 'row.component.ts': ROW, 'card.component.d.ts': declaration });
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([]);
  });

  it('reads the file of the same name even when its text does not spell the template name (an escaped templateUrl)', () => {
    // Only the other files beside the template must mention it; the `.ts` file of the same name is read as is.
    // The folder's name has `.html` in it too: only the file's extension is replaced.
    // kills angular-template.ts:177 `/\.html$/` -> `/\.html/` and `'.ts'` -> "",
    // :182 `file !== sameName` -> true and -> `file === sameName`
    const dir = project({ 'views.html/row.component.ts': ROW, 'views.html/list.component.ts': list("'./list.component\\x2ehtml'") });
    expect(lintTemplate(dir, 'views.html/list.component.html', FOR)).toEqual([
      across('1:30', 'app-row', 'views.html/row.component.ts', 6, 'an `@for` over `ids`'),
    ]);
  });

  it('takes no component without a templateUrl as the owner, even in the file of the same name', () => {
    // A component that moved to an inline template, and renders its own tag per item there.
    // kills angular-template.ts:186 `c.templateUrl !== null && templateUrlNames(…)` -> true,
    // `c.templateUrl !== null` -> true and `&&` -> `||` (these two resolve a null templateUrl and throw)
    const tree = `import { Component, OnInit } from '@angular/core';

@Component({ selector: 'app-row', template: '<li></li>' })
export class ListComponent implements OnInit {
  ngOnInit(): void {
    new EventSource('/tree');
  }
}
`;
    const dir = project({ 'list.component.ts': tree });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it('goes on to the sibling that names the template when the file of the same name holds components of other templates', () => {
    // kills angular-template.ts:188 `sourceCode && component` -> `sourceCode || component` (an owner without a component)
    const dir = project({
      'row.component.ts': ROW,
      'list.component.ts': list("'./other.component.html'", '[]'),
      'lists.component.ts': list("'./list.component.html'"),
    });
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([ROW_IN_FOR]);
  });
});

describe('the cache of component files', () => {
  it('reads a component file again only when its modification time changes', () => {
    const dir = project({ 'row.component.ts': ROW, 'list.component.ts': list("'./list.component.html'") });
    const owner = path.join(dir, 'list.component.ts');
    utimesSync(owner, 1_000, 1_000);
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([ROW_IN_FOR]);
    // The list no longer imports the row, but its modification time is the same: the cached reading stands.
    // kills angular-template.ts:131 `cached && cached.mtimeMs === mtimeMs` -> false, `===` -> `!==`, and :134 `{ mtimeMs, sourceCode }` -> {}
    write(dir, { 'list.component.ts': list("'./list.component.html'", '[]') });
    utimesSync(owner, 1_000, 1_000);
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([ROW_IN_FOR]);
    // kills angular-template.ts:131 `cached.mtimeMs === mtimeMs` -> true
    utimesSync(owner, 2_000, 2_000);
    expect(lintTemplate(dir, 'list.component.html', FOR)).toEqual([]);
  });

  it('does not take a sibling that cannot be read any more from the cache', () => {
    // The sibling that named the template becomes a folder with the same modification time: a
    // cached reading of its path would still name an owner, but it no longer mentions the template.
    // kills angular-template.ts:147 `return false` -> `return true` (in `mentions`)
    const dir = project({ 'row.component.ts': ROW, 'cards.component.ts': list("'./card.html'") });
    const sibling = path.join(dir, 'cards.component.ts');
    utimesSync(sibling, 1_000, 1_000);
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([ROW_IN_FOR]);
    rmSync(sibling);
    mkdirSync(sibling);
    utimesSync(sibling, 1_000, 1_000);
    expect(lintTemplate(dir, 'card.html', FOR)).toEqual([]);
  });
});
