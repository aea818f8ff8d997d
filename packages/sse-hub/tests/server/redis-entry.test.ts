import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { redisBackplane } from '../../src/server/redis.js';

const SOURCE_DIR = fileURLToPath(new URL('../../src/', import.meta.url));
const PACKAGE_JSON = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>;
  typesVersions: Record<string, Record<string, string[]>>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  dependencies?: Record<string, string>;
};

/** Every module a source file loads, transitively: relative ones followed, bare ones (packages) collected. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName.replace(/\.js$/, '.ts')));
      else packages.add(fileName);
    }
  };
  visit(resolve(SOURCE_DIR, entry));
  return { files: [...files].map((file) => file.slice(SOURCE_DIR.length)).sort(), packages: [...packages].sort() };
}

describe('the Redis backplane is its own entry point', () => {
  it('sse-hub/server loads no Redis code and no package but Node built-ins', () => {
    const graph = importGraph('server/index.ts');
    expect(graph.packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    expect(graph.files).not.toContain('server/redis-backplane.ts');
    expect(graph.files).toContain('server/published-topics.ts');
  });

  it('sse-hub/server/redis is what imports redis', () => {
    const graph = importGraph('server/redis.ts');
    expect(graph.packages.filter((name) => !name.startsWith('node:'))).toEqual(['redis']);
    expect(graph.files).toContain('server/redis-backplane.ts');
  });

  it('is exported from the package, with redis an optional peer and never a dependency', () => {
    expect(PACKAGE_JSON.exports['./server/redis']).toEqual({ types: './dist/server/redis.d.ts', default: './dist/server/redis.js' });
    expect(PACKAGE_JSON.typesVersions['*']?.['server/redis']).toEqual(['./dist/server/redis.d.ts']);
    expect(PACKAGE_JSON.peerDependenciesMeta.redis).toEqual({ optional: true });
    expect(PACKAGE_JSON.dependencies).toBeUndefined();
  });

  it('throws at creation on a bad bound, before connecting anywhere', () => {
    expect(() => redisBackplane({ eventsPerTopic: 0 })).toThrow('redisBackplane: eventsPerTopic must be a positive integer, got 0');
    expect(() => redisBackplane({ retainSeconds: 1.5 })).toThrow('redisBackplane: retainSeconds must be a positive integer, got 1.5');
    expect(() => redisBackplane({ changeTimeoutMs: -1 })).toThrow('redisBackplane: changeTimeoutMs must be a positive integer, got -1');
  });
});
