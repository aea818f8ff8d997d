/**
 * A small line chart as SVG text: the benchmark's charts are a few series of a few points,
 * and a string of SVG is easier to review in a diff, and to regenerate byte for byte, than a
 * charting library's output. Axes can be linear or logarithmic (base 10).
 */

const WIDTH = 720;
const HEIGHT = 380;
const MARGIN = { top: 48, right: 240, bottom: 56, left: 72 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '4 4'];

function escape(text) {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function round(value) {
  return Math.round(value * 10) / 10;
}

function niceLinearTicks(max) {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
  const ticks = [];
  for (let value = 0; value <= max + step / 2; value += step) ticks.push(value);
  return ticks;
}

function logTicks(min, max) {
  const ticks = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) ticks.push(10 ** exponent);
  return ticks;
}

function axis(values, kind) {
  const max = Math.max(...values);
  if (kind === 'log') {
    const ticks = logTicks(Math.min(...values.filter((v) => v > 0)), max);
    const [low, high] = [Math.log10(ticks[0]), Math.log10(ticks[ticks.length - 1])];
    return { ticks, position: (value) => (Math.log10(value) - low) / (high - low || 1) };
  }
  const ticks = niceLinearTicks(max || 1);
  const top = ticks[ticks.length - 1];
  return { ticks, position: (value) => value / top };
}

function formatTick(value) {
  if (value >= 1_000_000) return `${value / 1_000_000}M`;
  if (value >= 1_000) return `${value / 1_000}k`;
  return String(Math.round(value * 100) / 100);
}

/**
 * `series`: `[{ name, points: [[x, y], …] }]`. `x`/`y`: `{ label, scale: 'linear' | 'log' }`.
 * Returns the SVG document as a string.
 */
export function lineChart({ title, x, y, series }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xAxis = axis(series.flatMap((s) => s.points.map(([px]) => px)), x.scale);
  const yAxis = axis(series.flatMap((s) => s.points.map(([, py]) => py)), y.scale);
  const px = (value) => round(MARGIN.left + xAxis.position(value) * plotWidth);
  const py = (value) => round(MARGIN.top + plotHeight - yAxis.position(value) * plotHeight);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  for (const tick of xAxis.ticks) {
    out.push(`<line x1="${px(tick)}" y1="${MARGIN.top}" x2="${px(tick)}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`);
    out.push(`<text x="${px(tick)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${formatTick(tick)}</text>`);
  }
  for (const tick of yAxis.ticks) {
    out.push(`<line x1="${MARGIN.left}" y1="${py(tick)}" x2="${MARGIN.left + plotWidth}" y2="${py(tick)}" stroke="#eee"/>`);
    out.push(`<text x="${MARGIN.left - 8}" y="${py(tick) + 4}" text-anchor="end">${formatTick(tick)}</text>`);
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escape(x.label)}</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(y.label)}</text>`,
  );
  series.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const dash = DASHES[index % DASHES.length];
    const path = line.points.map(([vx, vy], i) => `${i === 0 ? 'M' : 'L'}${px(vx)} ${py(vy)}`).join(' ');
    out.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    for (const [vx, vy] of line.points) out.push(`<circle cx="${px(vx)}" cy="${py(vy)}" r="3" fill="${colour}"/>`);
    const legendY = MARGIN.top + 8 + index * 20;
    const legendX = MARGIN.left + plotWidth + 16;
    out.push(
      `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${legendX + 30}" y="${legendY + 4}">${escape(line.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
