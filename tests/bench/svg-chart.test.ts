import { describe, expect, it } from 'vitest';
import { lineChart } from '../../scripts/bench/svg-chart.js';

const chart = lineChart({
  title: 'A & B <chart>',
  x: { label: 'subscribers', scale: 'log' },
  y: { label: 'connections', scale: 'log' },
  series: [
    { name: 'naive', points: [[1, 1], [10, 10], [100, 100], [1000, 1000]] },
    { name: 'multiplex', points: [[1, 1], [10, 1], [100, 1], [1000, 1]] },
  ],
});

describe('lineChart', () => {
  it('is one SVG document with a path per series and a dot per point', () => {
    expect(chart.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(chart.trimEnd().endsWith('</svg>')).toBe(true);
    expect(chart.match(/<path /g)).toHaveLength(2);
    expect(chart.match(/<circle /g)).toHaveLength(8);
  });

  it('escapes text and labels the axes and the legend', () => {
    expect(chart).toContain('A &amp; B &lt;chart&gt;');
    expect(chart).toContain('>subscribers</text>');
    expect(chart).toContain('>naive</text>');
    expect(chart).toContain('>multiplex</text>');
    // Log ticks at every power of ten the data spans.
    for (const tick of ['1', '10', '100', '1k']) expect(chart).toContain(`>${tick}</text>`);
  });

  it('puts equal ratios at equal distances on a log axis', () => {
    const naive = /<path d="([^"]+)"/.exec(chart)![1]!;
    const xs = [...naive.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((match) => Number(match[1]));
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 0);
    // A constant series is a horizontal line.
    const flat = [...chart.matchAll(/<path d="([^"]+)"/g)][1]![1]!;
    const ys = [...flat.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((match) => match[1]);
    expect(new Set(ys).size).toBe(1);
  });
});
