import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests import the packages by name (`eslint-plugin-sse/detection`, `sse-hub`) as their users
 * do, and run them from source: the same `paths` the type check uses, so the two never differ.
 */
function aliasesFromTsconfig(): Record<string, string> {
  const { compilerOptions } = JSON.parse(readFileSync(new URL('tsconfig.json', import.meta.url), 'utf8')) as {
    compilerOptions: { paths: Record<string, [string]> };
  };
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([name, [target]]) => [name, fileURLToPath(new URL(target, import.meta.url))]),
  );
}

export default defineConfig({
  resolve: {
    // Longest names first, so that `sse-hub/server` is not read as `sse-hub` + `/server`.
    alias: Object.entries(aliasesFromTsconfig())
      .sort(([a], [b]) => b.length - a.length)
      .map(([find, replacement]) => ({ find: new RegExp(`^${find.replace(/[/.-]/g, '\\$&')}$`), replacement })),
  },
  test: {
    include: ['tests/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    // The rule tester builds many linters per file; the default 5 s leaves no slack on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
