import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The rule tester builds many linters per file; the default 5 s leaves no slack on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
