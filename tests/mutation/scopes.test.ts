/**
 * The mutation scopes between them mutate every source file of the folders issue 17 measures,
 * each file once: a module added to src/analysis/ and listed in no part would never be scored,
 * and one listed twice would be counted twice.
 */
import { globbySync } from 'globby';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MUTATION_SCOPES, scopesNamed } from './scopes.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MEASURED = ['src/analysis/**/*.ts', 'rules/**/*.ts', 'src/fixes/**/*.ts', 'packages/sse-hub/src/sse/**/*.ts'];

describe('mutation scopes', () => {
  it('mutate every measured source file in exactly one scope', () => {
    const owners = new Map<string, string[]>();
    for (const scope of MUTATION_SCOPES) {
      for (const file of globbySync(scope.mutate, { cwd: ROOT })) owners.set(file, [...(owners.get(file) ?? []), scope.name]);
    }
    const measured = globbySync(MEASURED, { cwd: ROOT });
    expect(measured.length).toBeGreaterThan(90);
    expect(measured.filter((file) => !owners.has(file))).toEqual([]);
    expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
    // Every listed file exists: a renamed module would otherwise leave its part mutating nothing.
    for (const scope of MUTATION_SCOPES) {
      for (const pattern of scope.mutate) expect(globbySync(pattern, { cwd: ROOT }), `${scope.name}: ${pattern}`).not.toEqual([]);
    }
  });

  it('run each scope on test files that exist, and leave out only what they say', () => {
    for (const scope of MUTATION_SCOPES) {
      const tests = globbySync(scope.tests, { cwd: ROOT, ignore: scope.exclude ?? [] });
      expect(tests.length, scope.name).toBeGreaterThan(0);
      if (scope.exclude) expect(scope.leftOut, scope.name).toBeTruthy();
      if (scope.exclude) expect(tests.filter((file) => file.includes('/typed')), scope.name).toEqual([]);
    }
  });

  it('take a group name for all of its parts', () => {
    expect(scopesNamed('analysis-core').map((scope) => scope.name)).toEqual(['analysis-core-streams', 'analysis-core-repetition', 'analysis-core-components']);
    expect(scopesNamed('analysis-lifecycle').map((scope) => scope.name)).toEqual(['analysis-lifecycle-hooks', 'analysis-lifecycle-holders']);
    expect(scopesNamed('analysis')).toHaveLength(8);
    expect(scopesNamed('sse').map((scope) => scope.name)).toEqual(['sse']);
    expect(() => scopesNamed('nothing')).toThrow('unknown mutation scope "nothing"');
  });
});
