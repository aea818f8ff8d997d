import { defineConfig } from 'vitest/config';
import projectConfig from '../../vitest.config.js';
import { scopeNamed } from './scopes.js';

// The project's vitest setup, narrowed to the test files of the scope being mutated. Spread
// rather than merged: vite's mergeConfig would append this include to the project's.
export default defineConfig({
  ...projectConfig,
  test: { ...projectConfig.test, include: scopeNamed(process.env.SSE_MUTATION_SCOPE ?? 'sse').tests },
});
