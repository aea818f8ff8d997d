/**
 * Every rule on odd but parseable Angular templates: each is linted with all the rules under
 * @angular-eslint/template-parser, as the external template of the fixtures' job list (whose
 * imports include rows that open streams), and what they report is pinned, so a rule that
 * throws on a node shape of Angular's compiler AST fails here with the rule's stack.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as templateParser from '@angular-eslint/template-parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'angular');
const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`sse/${name}`, 'error' as const]));

function lint(code: string, name = 'job-list.component.html'): string[] {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.html'],
      languageOptions: { parser: templateParser as never },
      plugins: { sse: plugin as unknown as ESLint.Plugin },
      rules: allRules,
    },
    { filename: path.join(FIXTURES, name) },
  );
  return messages.map((message) => (message.fatal ? `fatal: ${message.message}` : `${message.ruleId}:${message.messageId}@${message.line}:${message.column}`));
}

const PER_ITEM = 'sse/no-eventsource-per-item:renderedPerItemAcrossFiles';

const TEMPLATES: [string, string, string[]][] = [
  ['an empty template', '', []],
  ['a comment only', '<!-- @for (job of jobs; track job.id) { <app-job-row /> } -->', []],
  ['text that names ngFor', '<p>ngFor, ngForOf and ngForTrackBy</p>', []],
  ['an @for with an empty body', '@for (job of jobs; track job.id) {}', []],
  ['an @for whose @empty is the only content', '@for (job of jobs; track job.id) {} @empty { <app-job-row /> }', []],
  ['an <ng-template ngFor> without ngForOf', '<ng-template ngFor let-job><app-job-row /></ng-template>', []],
  ['a row projected through <ng-content> under @for', '@for (job of jobs; track job.id) { <ng-content select="app-job-row" /> }', []],
  ['svg under @for', '@for (p of points; track p) { <svg><circle [attr.r]="p" /></svg> }', []],
  ['@let and a pipe under @for', '@for (job of jobs; track job.id) { @let id = job.id | uppercase; <span>{{ id }}</span> }', []],
  [
    'a row under @for inside @defer loading and error blocks',
    '@defer { <p>x</p> } @loading { @for (j of jobs; track j) { <app-job-row /> } } @error { <app-job-row /> }',
    [`${PER_ITEM}@1:60`],
  ],
  ['an event binding and a two-way binding on a row under *ngFor', '<app-job-row *ngFor="let j of jobs" (click)="open(j)" [(id)]="j.id" />', [`${PER_ITEM}@1:1`]],
  ['a row inside i18n markup under @for', '@for (j of jobs; track j) { <p i18n>Job <app-job-row /></p> }', [`${PER_ITEM}@1:41`]],
];

describe('every rule on odd Angular templates', () => {
  for (const [title, code, expected] of TEMPLATES) {
    it(title, () => {
      expect(lint(code)).toEqual(expected);
    });
  }
});
