/**
 * The Angular set-up the README shows, as a user has it: the `eslint.config.js` that
 * angular-eslint's schematic writes (`defineConfig` with `tsRecommended` and
 * `processInlineTemplates` for `.ts`, `templateRecommended` for `.html`) plus
 * `sse.configs.angular`, linted with ESLint's Node API. The project's `node_modules` is this
 * repository's (a symlink), where `eslint-plugin-sse` is the built package: run `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { lintConfigProject } from './support/config-project.js';

/** Exactly the README's "Angular" configuration. */
const CONFIG = `import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';
import sse from 'eslint-plugin-sse';

export default defineConfig([
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, tseslint.configs.recommended, angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
  },
  {
    files: ['**/*.html'],
    extends: [angular.configs.templateRecommended],
  },
  sse.configs.angular,
]);
`;

const JOB_ROW = `import { Component, Input, OnInit } from '@angular/core';

@Component({
  selector: 'app-job-row',
  template: '<li>{{ status }}</li>',
})
export class JobRowComponent implements OnInit {
  @Input({ required: true }) id!: string;
  status = 'queued';

  ngOnInit(): void {
    const source = new EventSource('/jobs/' + this.id);
    source.onmessage = (event) => (this.status = event.data);
  }
}
`;

const JOB_LIST = `import { Component } from '@angular/core';
import { JobRowComponent } from './job-row.component';

@Component({
  selector: 'app-job-list',
  imports: [JobRowComponent],
  templateUrl: './job-list.component.html',
})
export class JobListComponent {
  ids: string[] = [];
}
`;

const JOB_LIST_TEMPLATE = `<ul>
  @for (id of ids; track id) {
    <app-job-row [id]="id" />
  }
</ul>
`;

/** A tree node whose inline template renders itself per child. */
const TREE_NODE = `import { Component, DestroyRef, Input, OnInit, inject } from '@angular/core';

@Component({
  selector: 'app-tree-node',
  template: \`<span>{{ name }}</span>
    @for (child of children; track child) {
      <app-tree-node [name]="child" />
    }\`,
})
export class TreeNodeComponent implements OnInit {
  @Input() name = '';
  children: string[] = [];
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    const source = new EventSource('/nodes/' + this.name);
    this.destroyRef.onDestroy(() => source.close());
  }
}
`;

describe('sse.configs.angular after angular-eslint', () => {
  it('reports rows rendered under @for from an external and an inline template, and an ngOnInit stream never closed', async () => {
    const { results, findings } = await lintConfigProject('sse-angular-project-', CONFIG, {
      'job-row.component.ts': JOB_ROW,
      'job-list.component.ts': JOB_LIST,
      'job-list.component.html': JOB_LIST_TEMPLATE,
      'tree-node.component.ts': TREE_NODE,
    });
    expect(findings).toEqual([
      { file: 'job-list.component.html', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItemAcrossFiles', line: 3, column: 5 },
      { file: 'job-row.component.ts', ruleId: 'sse/require-eventsource-close', messageId: 'notClosedOnUnmount', line: 12, column: 20 },
      // The inline template's report, placed by angular-eslint's processor back in the component file.
      { file: 'tree-node.component.ts', ruleId: 'sse/no-eventsource-per-item', messageId: 'renderedPerItem', line: 7, column: 7 },
    ]);
    // angular-eslint's own rules ran on the same files: the plugin sits beside them, not instead.
    expect(results.every((result) => result.fatalErrorCount === 0)).toBe(true);
  });
});
