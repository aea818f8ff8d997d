/**
 * no-eventsource-per-item in Angular templates parsed by @angular-eslint/template-parser: a
 * component rendered under `@for`, `*ngFor` or `<ng-template ngFor>` whose every instance opens
 * a stream (in `ngOnInit`, its constructor or a field initialiser), found through the template's
 * own component (the fixtures beside this test): its standalone `imports`, or itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { angularTemplate, inlineTemplateName } from './angular-language.js';
import { ES } from '../support/rule-messages.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'angular');
/** Linted as the external template of job-list.component.ts, whose `imports` list the rows. */
const list = (code: string) => angularTemplate(code, path.join(FIXTURES, 'job-list.component.html'));
/** Linted as the `index`-th inline template of inline-lists.component.ts (1: the local row, 2: the local list, 3: the inline tree). */
/** Linted as the external template of library/library-list.component.ts, which imports its rows through library/public-api.ts. */
const library = (code: string) => angularTemplate(code, path.join(FIXTURES, 'library', 'library-list.component.html'));
const inline = (code: string, index: number) => angularTemplate(code, inlineTemplateName(path.join(FIXTURES, 'inline-lists.component.ts'), index));
/** How messages name a fixture: relative to ESLint's working directory, which the rule tester leaves at the root. */
const fixture = (name: string) => path.relative(path.parse(FIXTURES).root, path.join(FIXTURES, name)).split(path.sep).join('/');
const across = (component: string, file: string, line: number, repetition: string) => ({
  component,
  file: fixture(file),
  stream: ES,
  opening: `${fixture(file)}:${line}`,
  route: '',
  repetition,
});
const forOver = (over: string) => `an \`@for\` over \`${over}\``;
const ngForOver = (over: string) => `an \`*ngFor\` over \`${over}\``;

ruleTester.run('no-eventsource-per-item (Angular templates)', rule, {
  valid: [
    // A streaming row rendered once.
    list(`<app-job-row id="main" />`),
    // In `@empty`, which renders once when the list is empty.
    list(`@for (job of jobs; track job.id) { <li>{{ job.id }}</li> } @empty { <app-job-row id="none" /> }`),
    // One stream in the parent, each row gets its job as an input.
    list(`@for (job of jobs; track job.id) { <app-plain-row [job]="job" /> }`),
    // Shape of vichanse/symfony-angular-mercure (client/src/app/shared/services/sse.service.ts):
    // the rows subscribe to a root service (`providedIn: 'root'`), one instance and one stream for all.
    list(`@for (job of jobs; track job.id) { <app-feed-row /> }`),
    // The row opens its stream only when clicked, not when it is created.
    list(`<ul>
  @for (job of jobs; track job.id) {
    <app-click-row [id]="job.id" />
  }
</ul>`),
    // A module-level stream that every row listens to: one connection however many rows.
    list(`<li *ngFor="let job of jobs"><app-shared-row /></li>`),
    // A streaming row that the list does not import: the tag is not that component here, though a stale
    // NgModule (stale.module.ts) declares both.
    list(`@for (job of jobs; track job.id) { <app-unimported-row /> }`),
    // A tag that no imported selector matches (one letter more).
    list(`@for (job of jobs; track job.id) { <app-job-rows /> }`),
    // `tr[app-attr-row]` needs a `<tr>`: the attribute on a `<div>` is not that component.
    list(`@for (job of jobs; track job.id) { <div app-attr-row></div> }`),
    // A `<tr>` without the attribute is a plain row.
    list(`<table><tr *ngFor="let job of jobs"><td>{{ job.id }}</td></tr></table>`),
    // `*ngIf` and `[ngIf]` render at most once.
    list(`<app-job-row *ngIf="jobs.length" id="first" />
<ng-template [ngIf]="jobs.length"><app-field-row /></ng-template>`),
    // `@if`/`@switch` with no `@for` around them.
    list(`@if (jobs.length) { <app-job-row id="first" /> } @else { <app-ctor-row /> }
@switch (jobs.length) { @case (1) { <app-default-row /> } @default { <app-multi-row /> } }`),
    // Mentions ngFor in text only, no repetition.
    list(`<p>ngFor and &#64;for are explained in the docs.</p><app-job-row id="doc" />`),
    // TODO (known false negative): shape of the-james-burton/project-euler-ng (src/app/euler.service.ts):
    // each row subscribes to a root service's Observable that opens a new EventSource per subscriber;
    // the analysis does not follow a call into another class's method.
    list(`@for (job of jobs; track job.id) { <app-euler-row [id]="job.id" /> }`),
    // NgModule app: the label declared beside the list opens no stream.
    angularTemplate(`<app-legacy-label *ngFor="let id of ids" [text]="id" />`, path.join(FIXTURES, 'legacy', 'legacy-list.component.html')),
    // A non-standalone component that no NgModule declares: `<app-legacy-row>` is not known here.
    angularTemplate(
      `<app-legacy-row *ngFor="let id of ids" [id]="id"></app-legacy-row>`,
      path.join(FIXTURES, 'legacy', 'rows', 'orphan-list.component.html'),
    ),
    // Through the barrel too, the plain row opens no stream.
    angularTemplate(`@for (job of jobs; track job.id) { <app-plain-row [job]="job" /> }`, path.join(FIXTURES, 'barrel-list.component.html')),
    // Through a library's entry file (`export *` of plain-row.component.ts), the plain row opens no stream either.
    library(`@for (job of jobs; track job.id) { <app-plain-row [job]="job" /> }`),
    // The streaming row re-exported by the entry file, rendered once.
    library(`<app-stream-row id="main" />`),
    // `export *` re-exports the whole of star-row.component.ts, but the list imports only StarRowComponent:
    // `<app-star-badge>` is no component in its template.
    library(`@for (id of ids; track id) { <app-star-badge /> }`),
    // An inline template numbered past the file's last component with one: no owner, nothing reported.
    inline(`@for (id of ids; track id) { <app-local-row [id]="id" /> }`, 9),
    // A template in a directory that does not exist (an editor's unsaved buffer): no owner, nothing reported.
    angularTemplate(`@for (job of jobs; track job.id) { <app-job-row [id]="job.id" /> }`, path.join(FIXTURES, 'not-a-directory', 'lost.component.html')),
    // The row lists a stream service in `providers` but never injects it: Angular never creates it.
    list(`@for (job of jobs; track job.id) { <app-idle-provider-row /> }`),
    // A template with no component file beside it: nothing to resolve its tags with.
    angularTemplate(`@for (id of ids; track id) { <app-job-row [id]="id" /> }`, path.join(FIXTURES, 'orphan.component.html')),
    // The component file does not parse: the template is still linted, and nothing is reported.
    angularTemplate(`@for (id of ids; track id) { <app-job-row [id]="id" /> }`, path.join(FIXTURES, 'broken.component.html')),
    // tree-node.component.ts does not import job-row: in its template `<app-job-row>` is unknown.
    angularTemplate(
      `@for (child of node.children; track child.id) { <app-job-row [id]="child.id" /> }`,
      path.join(FIXTURES, 'tree-node.component.html'),
    ),
    // The local row's own inline template has no repetition.
    inline(`<li>{{ id }}</li>`, 1),
    // The inline list renders a plain `<li>` per id, not the local row.
    inline(`<ul>@for (id of ids; track id) { <li>{{ id }}</li> }</ul>`, 2),
  ],
  invalid: [
    {
      // Imported under another name (`JobRowComponent as Row`); opens in ngOnInit, closes in ngOnDestroy: one connection per row.
      ...list(`<ul>
  @for (job of jobs; track job.id) {
    <app-job-row [id]="job.id" />
  }
</ul>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 3,
          column: 5,
          data: across('app-job-row', 'job-row.component.ts', 15, forOver('jobs')),
        },
      ],
    },
    {
      // `*ngFor` on an enclosing element; the row opens in a field initialiser.
      ...list(`<ul>
  <li *ngFor="let job of jobs; trackBy: trackById"><app-field-row /></li>
</ul>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 52,
          data: across('app-field-row', 'field-row.component.ts', 10, ngForOver('jobs')),
        },
      ],
    },
    {
      // `*ngFor` on the component's own element.
      ...list(`<app-job-row *ngFor="let job of jobs" [id]="job.id"></app-job-row>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 1,
          data: across('app-job-row', 'job-row.component.ts', 15, ngForOver('jobs')),
        },
      ],
    },
    {
      // The long form, `<ng-template ngFor [ngForOf]>`, its trackBy bound first (the collection is still
      // `jobs`); the row opens in its constructor, through a private method.
      ...list(`<ng-template ngFor let-job [ngForTrackBy]="trackById" [ngForOf]="jobs">
  <app-ctor-row />
</ng-template>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 3,
          data: across('app-ctor-row', 'ctor-row.component.ts', 17, 'an `<ng-template ngFor>` over `jobs`'),
        },
      ],
    },
    {
      // An attribute-selected table row (`tr[app-attr-row]`).
      ...list(`<table>
  <tr app-attr-row *ngFor="let job of jobs" [id]="job.id"></tr>
</table>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 3,
          data: across('tr[app-attr-row]', 'attr-row.component.ts', 13, ngForOver('jobs')),
        },
      ],
    },
    {
      // A default import (`import DefaultRow from …`), over a signal.
      ...list(`@for (job of jobs(); track job.id) {
  <app-default-row />
}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 3,
          data: across('app-default-row', 'default-row.component.ts', 10, forOver('jobs()')),
        },
      ],
    },
    {
      // Both selectors of one component: the element one, and the attribute one on a native element.
      ...list(`@for (job of jobs; track job.id) {
  <app-multi-row />
  <li appMultiRow>{{ job.id }}</li>
}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 3,
          data: across('app-multi-row', 'multi-row.component.ts', 12, forOver('jobs')),
        },
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 3,
          column: 3,
          data: across('li[appMultiRow]', 'multi-row.component.ts', 12, forOver('jobs')),
        },
      ],
    },
    {
      // Inside `@if` and `@switch` inside `@for`: still once per item.
      ...list(`@for (job of jobs; track job.id) {
  @if (job.visible) {
    @switch (job.kind) {
      @case ('field') { <app-field-row /> }
      @default { <app-job-row [id]="job.id" /> }
    }
  }
}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 4,
          column: 25,
          data: across('app-field-row', 'field-row.component.ts', 10, forOver('jobs')),
        },
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 5,
          column: 18,
          data: across('app-job-row', 'job-row.component.ts', 15, forOver('jobs')),
        },
      ],
    },
    {
      // The inner `@empty` renders once per outer item: the outer `@for` repeats it.
      ...list(`@for (group of groups; track group.id) {
  @for (job of group.jobs; track job.id) { <li>{{ job.id }}</li> } @empty { <app-job-row [id]="group.id" /> }
}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 77,
          data: across('app-job-row', 'job-row.component.ts', 15, forOver('groups')),
        },
      ],
    },
    {
      // Over an async pipe, inside a `@defer` block and with content between the tags.
      ...list(`@for (job of jobs$ | async; track job.id; let i = $index) {
  @defer (on viewport) {
    <app-job-row [id]="job.id">#{{ i }}</app-job-row>
  } @placeholder { <p>…</p> }
}`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 3,
          column: 5,
          data: across('app-job-row', 'job-row.component.ts', 15, forOver('jobs$ | async')),
        },
      ],
    },
    {
      // The `*ngFor` microsyntax with a pipe and an index: the collection is what the message names.
      ...list(`<app-job-row *ngFor="let job of jobs | slice: 0 : 10; index as i" [id]="job.id" />`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 1,
          data: across('app-job-row', 'job-row.component.ts', 15, ngForOver('jobs | slice: 0 : 10')),
        },
      ],
    },
    {
      // `<ng-template ngFor>` with a trackBy, around attribute-selected table rows.
      ...list(`<table>
  <ng-template ngFor let-job [ngForOf]="jobs" [ngForTrackBy]="trackById">
    <tr app-attr-row [id]="job.id"></tr>
  </ng-template>
</table>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 3,
          column: 5,
          data: across('tr[app-attr-row]', 'attr-row.component.ts', 13, 'an `<ng-template ngFor>` over `jobs`'),
        },
      ],
    },
    {
      // `<ng-container *ngFor>`, the usual wrapper when no element should be added.
      ...list(`<ng-container *ngFor="let job of jobs">
  <app-job-row [id]="job.id" />
  <app-plain-row [job]="job" />
</ng-container>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 2,
          column: 3,
          data: across('app-job-row', 'job-row.component.ts', 15, ngForOver('jobs')),
        },
      ],
    },
    {
      // Recursion: a tree node whose external template renders its own selector per child.
      ...angularTemplate(
        `<span>{{ node.id }}</span>
@for (child of node.children; track child.id) {
  <app-tree-node [node]="child" />
}`,
        path.join(FIXTURES, 'tree-node.component.html'),
      ),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 3,
          column: 3,
          data: across('app-tree-node', 'tree-node.component.ts', 19, forOver('node.children')),
        },
      ],
    },
    {
      // A templateUrl of another name (`./rows.html`): its component is found among the files beside it.
      ...angularTemplate(`@for (id of ids; track id) { <app-job-row [id]="id" /> }`, path.join(FIXTURES, 'rows.html')),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 30,
          data: across('app-job-row', 'job-row.component.ts', 15, forOver('ids')),
        },
      ],
    },
    {
      // An inline template (the second of its file), rendering a row declared in the same file: the
      // stream is in the linted file, so the message gives its line.
      ...inline(
        `<ul>
  @for (id of ids; track id) {
    <app-local-row [id]="id" />
  }
</ul>`,
        2,
      ),
      errors: [
        {
          messageId: 'renderedPerItem',
          line: 3,
          column: 5,
          data: { component: 'app-local-row', stream: ES, line: 13, repetition: forOver('ids') },
        },
      ],
    },
    {
      // Recursion in an inline template, under `<ng-container *ngFor>`.
      ...inline(`<ng-container *ngFor="let child of children"><app-inline-tree /></ng-container>`, 3),
      errors: [
        {
          messageId: 'renderedPerItem',
          line: 1,
          column: 46,
          data: { component: 'app-inline-tree', stream: ES, line: 39, repetition: ngForOver('children') },
        },
      ],
    },
    {
      // `template: BADGE_TEMPLATE` (a constant) is not extracted by the processor: the file's first
      // inline template is the comment's, which renders itself per reply.
      ...angularTemplate(
        `<p>{{ text }}</p>
@for (reply of replies; track reply) { <app-comment [text]="reply" /> }`,
        inlineTemplateName(path.join(FIXTURES, 'inline-skip.component.ts'), 1),
      ),
      errors: [
        {
          messageId: 'renderedPerItem',
          line: 2,
          column: 40,
          data: { component: 'app-comment', stream: ES, line: 27, repetition: forOver('replies') },
        },
      ],
    },
    {
      // The row provides its own stream service (`providers: [JobFeedService]`) and injects it: one
      // service, and one stream, per row.
      ...list(`@for (job of jobs; track job.id) { <app-provided-row /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: {
            ...across('app-provided-row', 'provided-row.component.ts', 0, forOver('jobs')),
            opening: `${fixture('job-feed.service.ts')}:6`,
            route: ' through its own `JobFeedService` (in `providers`)',
          },
        },
      ],
    },
    {
      // Other decorators before `@Component`, and a spread and a computed key before `selector`:
      // the component and its selector are still found.
      ...list(`@for (job of jobs; track job.id) { <app-decorated-row /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: across('app-decorated-row', 'decorated-row.component.ts', 23, forOver('jobs')),
        },
      ],
    },
    {
      // The provided service (a default export) opens its stream in its constructor; the streams
      // before it (module level, another class, a static field, a decorator argument, a method, a
      // listener the constructor registers) do not open per instance and are not the one named.
      ...list(`@for (job of jobs; track job.id) { <app-ctor-provided-row /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: {
            ...across('app-ctor-provided-row', 'ctor-provided-row.component.ts', 0, forOver('jobs')),
            opening: `${fixture('ctor-feed.service.ts')}:24`,
            route: ' through its own `CtorFeedService` (in `providers`)',
          },
        },
      ],
    },
    {
      // A named service from a file whose default export, declared first, is another (quiet) service.
      ...list(`@for (job of jobs; track job.id) { <app-polling-row /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: {
            ...across('app-polling-row', 'polling-row.component.ts', 0, forOver('jobs')),
            opening: `${fixture('feeds.service.ts')}:13`,
            route: ' through its own `PollingFeedService` (in `providers`)',
          },
        },
      ],
    },
    {
      // Services declared in the row's own file: a package's service (not read) and one that opens
      // only in a method come first; the third opens in a callback its constructor schedules once.
      ...list(`@for (job of jobs; track job.id) { <app-local-provided-row /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: {
            ...across('app-local-provided-row', 'local-provided-row.component.ts', 0, forOver('jobs')),
            opening: `${fixture('local-provided-row.component.ts')}:19`,
            route: ' through its own `LocalFeedService` (in `providers`)',
          },
        },
      ],
    },
    {
      // NgModule app: the row is declared in the same module as the list (legacy.module.ts), its
      // import there relative to the module's file.
      ...angularTemplate(
        `<ul><app-legacy-row *ngFor="let id of ids" [id]="id"></app-legacy-row></ul>`,
        path.join(FIXTURES, 'legacy', 'legacy-list.component.html'),
      ),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 5,
          data: across('app-legacy-row', 'legacy/rows/legacy-row.component.ts', 13, ngForOver('ids')),
        },
      ],
    },
    {
      // Imported through a barrel (`./shared` re-exports `LiveBadgeComponent as StatusBadgeComponent`).
      ...angularTemplate(`@for (job of jobs; track job.id) { <app-live-badge [id]="job.id" /> }`, path.join(FIXTURES, 'barrel-list.component.html')),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 36,
          data: across('app-live-badge', 'shared/live-badge.component.ts', 14, forOver('jobs')),
        },
      ],
    },
    {
      // Imported through a library's entry file, ng-packagr's `public-api.ts`, which re-exports the row by name.
      ...library(`@for (id of ids; track id) { <app-stream-row [id]="id" /> }`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 30,
          data: across('app-stream-row', 'library/stream-row.component.ts', 13, forOver('ids')),
        },
      ],
    },
    {
      // Through the same entry file's `export * from './star-row.component'`.
      ...library(`<ul *ngFor="let job of jobs"><app-star-row /></ul>`),
      errors: [
        {
          messageId: 'renderedPerItemAcrossFiles',
          line: 1,
          column: 30,
          data: across('app-star-row', 'library/star-row.component.ts', 12, ngForOver('jobs')),
        },
      ],
    },
  ],
});
