import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

describe('plugin object', () => {
  it('names itself for ESLint (meta.name, meta.version, meta.namespace)', () => {
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version, namespace: 'sse' });
  });

  it('derives recommended from each rule’s meta.docs.recommended', () => {
    const expected = Object.entries(plugin.rules)
      .filter(([, rule]) => rule.meta?.docs?.recommended)
      .map(([name]) => `sse/${name}`)
      .sort();
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('turns every rule on in all', () => {
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((name) => `sse/${name}`)
        .sort(),
    );
  });

  it('registers itself under the sse namespace in each flat config', () => {
    expect(plugin.configs.recommended.name).toBe('sse/recommended');
    expect(plugin.configs.recommended.plugins?.sse).toBe(plugin);
    expect(plugin.configs.all.plugins?.sse).toBe(plugin);
  });
});
