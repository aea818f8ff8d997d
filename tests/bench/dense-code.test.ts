/**
 * The dense files of the lint-scaling benchmark: the same bytes for the same seed, parseable,
 * and dense with findings of every rule of the plugin, which grow with the scale (a benchmark
 * on a file where a rule finds nothing would time its pre-filter, not its work).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DENSE_SHAPES, UNITS_PER_SCALE, denseFile } from '../../scripts/bench/dense-code.js';
import plugin from '../../src/index.js';

function findingsByRule(text: string): Record<string, number> {
  const messages = new Linter({ configType: 'flat' }).verify(
    text,
    {
      files: ['**/*.jsx'],
      plugins: { sse: plugin as never },
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: plugin.configs.all.rules as Linter.RulesRecord,
    },
    'dense.jsx',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const counts: Record<string, number> = {};
  for (const message of messages) counts[message.ruleId!] = (counts[message.ruleId!] ?? 0) + 1;
  return counts;
}

describe('denseFile', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(denseFile(1, { seed: 3 })).toBe(denseFile(1, { seed: 3 }));
    expect(denseFile(1, { seed: 3 })).not.toBe(denseFile(1, { seed: 4 }));
  });

  it('holds scale × UNITS_PER_SCALE units drawn from every shape', () => {
    const units = [...denseFile(2).matchAll(/^\/\/ unit (\d+): (\w+)$/gm)];
    expect(units.map((unit) => Number(unit[1]))).toEqual([...Array(2 * UNITS_PER_SCALE).keys()]);
    expect(new Set(units.map((unit) => unit[2]))).toEqual(new Set(DENSE_SHAPES));
  });

  it('gives every rule findings, four times as many at four times the size (within sampling)', () => {
    const one = findingsByRule(denseFile(1));
    const four = findingsByRule(denseFile(4));
    for (const name of Object.keys(plugin.rules)) {
      expect(one[`sse/${name}`], name).toBeGreaterThan(5);
      expect(four[`sse/${name}`]! / one[`sse/${name}`]!, name).toBeGreaterThan(2.5);
      expect(four[`sse/${name}`]! / one[`sse/${name}`]!, name).toBeLessThan(5.5);
    }
  });
});
