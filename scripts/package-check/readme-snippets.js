/**
 * The config files the README shows, read from it verbatim: each fenced block whose first line
 * is a comment naming the file (`// eslint.config.js`, `// eslint.config.ts (or .js)`,
 * `// eslint.config.cjs`). The package check installs and runs exactly what a user pastes.
 */
import { readFileSync } from 'node:fs';

const README = new URL('../../README.md', import.meta.url);
const BLOCK = /^```(?:js|ts)\n\/\/ (eslint\.config\.(?:js|ts|cjs))\b[^\n]*\n([\s\S]*?)^```$/gm;

/** The README's config blocks by file name, in order; the naming comment line is dropped. */
export function readmeConfigs() {
  const configs = new Map();
  for (const [, fileName, body] of readFileSync(README, 'utf8').matchAll(BLOCK)) {
    configs.set(fileName, [...(configs.get(fileName) ?? []), body]);
  }
  return configs;
}

/** The `index`-th README block for `fileName`; throws when the README no longer shows it. */
export function readmeConfig(fileName, index = 0) {
  const body = readmeConfigs().get(fileName)?.[index];
  if (body === undefined) throw new Error(`README.md shows no ${fileName} block number ${index + 1}`);
  return body;
}
