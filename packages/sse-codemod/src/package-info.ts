import { readFileSync } from 'node:fs';

/** This package's name, and its version from the package.json one folder above `src/` (tests) or `dist/` (installed). */
export const PACKAGE_NAME = 'sse-codemod';
export const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
