import { configDefaults, defineConfig } from 'vitest/config';
import projectConfig from '../../vitest.config.js';
import { scopeNamed } from './scopes.js';

const scope = scopeNamed(process.env.SSE_MUTATION_SCOPE ?? 'sse');

// The project's vitest setup, narrowed to the test files of the scope being mutated. Spread
// rather than merged: vite's mergeConfig would append this include to the project's.
export default defineConfig({
  ...projectConfig,
  test: { ...projectConfig.test, include: scope.tests, exclude: [...configDefaults.exclude, ...(scope.exclude ?? [])] },
});
