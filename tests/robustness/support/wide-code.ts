/**
 * Code with thousands of streams side by side, each of which a rule must report on its own:
 * a rule that compares every stream with every other, or loses count, shows here.
 */

/**
 * `count` functions, one per line, each opening a stream whose error handler re-opens it a
 * second later, forever; and where each must be reported: at the `connectN` handed to
 * `setTimeout`.
 */
export function manyReconnectingStreams(count: number): { code: string; expected: { line: number; column: number }[] } {
  const lines: string[] = [];
  const expected: { line: number; column: number }[] = [];
  for (let index = 0; index < count; index++) {
    const line = `function connect${index}() { const es = new EventSource('/feeds/${index}'); es.onerror = () => { es.close(); setTimeout(connect${index}, 1000); }; }`;
    lines.push(line);
    expected.push({ line: index + 1, column: line.indexOf('setTimeout(') + 'setTimeout('.length + 1 });
  }
  return { code: `${lines.join('\n')}\n`, expected };
}
