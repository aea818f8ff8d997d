/**
 * Code whose syntax tree is thousands of levels deep, each with the one finding a rule must
 * make at the bottom (or across the whole depth), and where: a rule that gets lost on the way
 * down, or gives up, misses it.
 */
export interface DeepCode {
  code: string;
  /** Where the one finding starts. */
  at: { line: number; column: number };
}

const INNERMOST_LOOP = 'for (const url of urls) new EventSource(url);';
const OPENING_OFFSET = INNERMOST_LOOP.indexOf('new EventSource');

/** `const grid = [[[ … () => { loop } … ]]];`: the loop's function `depth` arrays deep. */
export function nestedArrays(depth: number): DeepCode {
  const innermost = `() => { ${INNERMOST_LOOP} }`;
  return {
    code: `const grid = ${'['.repeat(depth)}\n${innermost}\n${']'.repeat(depth)};\n`,
    at: { line: 2, column: innermost.indexOf(INNERMOST_LOOP) + OPENING_OFFSET + 1 },
  };
}

/** `later(() => {` `depth` times, the loop, then as many `});`: callbacks that each run once. */
export function nestedCallbacks(depth: number): DeepCode {
  return {
    code: `${'later(() => {\n'.repeat(depth)}${INNERMOST_LOOP}\n${'});\n'.repeat(depth)}`,
    at: { line: depth + 1, column: OPENING_OFFSET + 1 },
  };
}

const WRITE = 'res.write(';

/**
 * `res.write('retry: 10\n' + part + part + …)`: server code that sends a 10 ms `retry:`, as a
 * `+` chain `pieces` long (a tree as deep). Reported at the whole concatenation.
 */
export function longRetryConcatenation(pieces: number): DeepCode {
  return {
    code: `${WRITE}'retry: 10\\n'${' + part'.repeat(pieces)});\n`,
    at: { line: 1, column: WRITE.length + 1 },
  };
}

/** The same with template literals: `` `retry: 10\n` + `${part}` + … + '' ``. */
export function longRetryTemplateChain(pieces: number): DeepCode {
  return {
    code: `${WRITE}\`retry: 10\\n\`${' + `${part}`'.repeat(pieces)} + '');\n`,
    at: { line: 1, column: WRITE.length + 1 },
  };
}
