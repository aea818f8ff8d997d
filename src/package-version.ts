import { readFileSync } from 'node:fs';

/**
 * The package's version, read from its package.json, which sits two folders up from the
 * compiled `dist/src/` and one up from `src/` when the sources run directly (tests).
 */
function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'eslint-plugin-sse' && manifest.version) return manifest.version;
    } catch {
      // Not at this depth; try the next.
    }
  }
  return '0.0.0';
}

export const PACKAGE_NAME = 'eslint-plugin-sse';
export const PACKAGE_VERSION = readVersion();
