/**
 * The command line of `npm run bench`, read with Node's own `parseArgs`. A word it does not know
 * is an error, not a part to skip: an unknown option or a misspelt part used to fall through to
 * "no part named", which runs every part, 38 minutes of measuring nobody asked for.
 */
import { parseArgs } from 'node:util';

/** Every part, in the order a whole run measures them; `fanout` runs only when named. */
export const BENCH_PARTS = ['lint', 'lint-scaling', 'lint-concurrency', 'type-aware', 'sfc', 'oxlint', 'editor', 'hub-size', 'hub', 'hub-browser', 'install-size', 'fanout', 'codemod'];
const ONLY_WHEN_NAMED = new Set(['fanout']);

export const BENCH_USAGE = `usage: npm run bench -- [part ...] [--json] [--runs N] [--type-aware-runs N] [--skip-eslint] [--write-docs | --update-docs]
parts: ${BENCH_PARTS.join(', ')} (none named: all but ${[...ONLY_WHEN_NAMED].join(', ')})`;

const OPTIONS = {
  json: { type: 'boolean' },
  runs: { type: 'string' },
  'type-aware-runs': { type: 'string' },
  'skip-eslint': { type: 'boolean' },
  'write-docs': { type: 'boolean' },
  'update-docs': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * What `args` (the words after `bench.js`) ask for, or an Error whose message says what is wrong.
 * `wanted(part)` says whether a part runs.
 */
export function parseBenchArguments(args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return new Error(error.message);
  }
  const { values, positionals: parts } = parsed;
  const unknown = parts.filter((part) => !BENCH_PARTS.includes(part));
  if (unknown.length > 0) return new Error(`unknown part${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  const runs = positiveInteger('--runs', values.runs, 5);
  if (runs instanceof Error) return runs;
  const typeAwareRuns = positiveInteger('--type-aware-runs', values['type-aware-runs'], runs);
  if (typeAwareRuns instanceof Error) return typeAwareRuns;
  const writeDocs = values['write-docs'] === true;
  const updateDocs = values['update-docs'] === true;
  const skipEslint = values['skip-eslint'] === true;
  if (writeDocs && (parts.length > 0 || skipEslint)) return new Error('--write-docs measures every part: name no part and do not pass --skip-eslint.');
  if (updateDocs && (parts.length === 0 || writeDocs)) return new Error('--update-docs replaces the entries of the parts named: name at least one part (or use --write-docs for all).');
  return {
    parts,
    json: values.json === true,
    runs,
    typeAwareRuns,
    skipEslint,
    writeDocs,
    updateDocs,
    help: values.help === true,
    wanted: (part) => parts.includes(part) || (parts.length === 0 && !ONLY_WHEN_NAMED.has(part)),
  };
}

function positiveInteger(name, text, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  return /^\d+$/.test(text) && value >= 1 ? value : new Error(`${name} takes a whole number of runs, at least 1, not ${JSON.stringify(text)}`);
}
