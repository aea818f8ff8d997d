/**
 * What `npm run mutation` keeps of a Stryker report, and the page it writes from it.
 *
 * The score is Stryker's: detected mutants (killed, or timed out: a mutant that makes a loop
 * endless) over the mutants that ran or had no test. Mutants that do not change behaviour
 * (equivalent mutants) cannot be killed; `equivalent-mutants.json` names each with the reason,
 * and the page gives the score both with them and without them, so neither figure hides the other.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * @typedef {{ folder: string, killed: number, timeout: number, survived: number, noCoverage: number, ignored: number, errors: number }} FolderCounts
 * @typedef {{ file: string, line: number, column: number, mutator: string, original: string, replacement: string, context: string }} Survivor
 * @typedef {{ scope: string, describe: string, target: number, seconds: number, incremental: boolean, code?: string, folders: FolderCounts[], survivors: Survivor[] }} ScopeResult
 * @typedef {{ file: string, mutator: string, original: string, replacement: string, context?: string, why: string }} Equivalent
 */

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * A digest of a scope's code: each file's path (from the project root) and text, in path order.
 * The result keeps the digest of the files a run mutated; the page compares it with the files as
 * they are, so that a score of older code cannot pass for the code of today.
 * @param {{ file: string, text: string }[]} files
 */
export function codeDigest(files) {
  const hash = createHash('sha256');
  // By code unit, not localeCompare: the order must not depend on the machine's locale.
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

/** @param {string} root @param {string} absolute a path as the report names it */
function fromRoot(root, absolute) {
  return path.relative(root, path.resolve(root, absolute)).split(path.sep).join('/');
}

/**
 * @param {{ name: string, describe: string, target: number }} scope
 * @param {{ files: Record<string, { source: string, mutants: { mutatorName: string, replacement: string, status: string, location: Record<'start' | 'end', { line: number, column: number }> }[] }> }} report
 * @param {string} root the project root, which the files are named from
 * @param {{ seconds: number, incremental: boolean, code?: string }} run `code`: the `codeDigest` of
 *   the scope's files when the run started (Stryker copies them then)
 * @returns {ScopeResult}
 */
export function summariseReport(scope, report, root, run) {
  /** @type {Map<string, FolderCounts>} */
  const folders = new Map();
  /** @type {Survivor[]} */
  const survivors = [];
  for (const [absolute, { source, mutants }] of Object.entries(report.files)) {
    const file = fromRoot(root, absolute);
    const folder = path.posix.dirname(file);
    const counts = folders.get(folder) ?? { folder, killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
    folders.set(folder, counts);
    const lines = source.split('\n');
    for (const mutant of mutants) {
      if (mutant.status === 'Killed') counts.killed += 1;
      else if (mutant.status === 'Timeout') counts.timeout += 1;
      else if (mutant.status === 'Survived') counts.survived += 1;
      else if (mutant.status === 'NoCoverage') counts.noCoverage += 1;
      else if (mutant.status === 'Ignored') counts.ignored += 1;
      else counts.errors += 1;
      if (UNDETECTED.has(mutant.status)) {
        const { start, end } = mutant.location;
        survivors.push({
          file,
          line: start.line,
          column: start.column,
          mutator: mutant.mutatorName,
          original: oneLine(sourceBetween(lines, start, end)),
          replacement: oneLine(mutant.replacement),
          context: (lines[start.line - 1] ?? '').trim(),
        });
      }
    }
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.mutator.localeCompare(b.mutator));
  return {
    scope: scope.name,
    describe: scope.describe,
    target: scope.target,
    seconds: run.seconds,
    incremental: run.incremental,
    ...(run.code === undefined ? {} : { code: run.code }),
    folders: [...folders.values()].sort((a, b) => a.folder.localeCompare(b.folder)),
    survivors,
  };
}

/**
 * Whether the scope's last run mutated the code as it is now, as the scope's line says it.
 * @param {ScopeResult} result @param {Record<string, string>} currentCode
 */
function codeState(result, currentCode) {
  const now = currentCode[result.scope];
  if (now === undefined) return '';
  if (result.code === undefined) return ', on code it did not record';
  return result.code === now ? ', on the code as it is now' : ', **on code that has changed since: run it again**';
}

/** Long snippets (a mutated function body) are kept to their start: enough to tell mutants apart. */
const SNIPPET_LENGTH = 160;

/** @param {string} text */
function oneLine(text) {
  return text.replace(/\s+/g, ' ').slice(0, SNIPPET_LENGTH);
}

/**
 * The source a mutant replaced; Stryker's lines and columns count from 1.
 * @param {string[]} lines
 * @param {{ line: number, column: number }} start
 * @param {{ line: number, column: number }} end
 */
function sourceBetween(lines, start, end) {
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  return [(lines[start.line - 1] ?? '').slice(start.column - 1), ...middle, (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
}

/**
 * The equivalent-mutant entry that explains a survivor: same file, mutator, replaced source and
 * replacement, and, where that source is not unique in the file (`''`), a line that contains the
 * entry's `context`. Line numbers are not compared: they move with every edit above them.
 * @param {Survivor} survivor
 * @param {Equivalent[]} equivalents
 */
export function equivalentFor(survivor, equivalents) {
  return equivalents.find(
    (entry) =>
      entry.file === survivor.file &&
      entry.mutator === survivor.mutator &&
      entry.replacement === survivor.replacement &&
      entry.original === survivor.original &&
      (entry.context === undefined || survivor.context.includes(entry.context)),
  );
}

/** @param {number} detected @param {number} total */
function percent(detected, total) {
  return total === 0 ? '–' : `${((100 * detected) / total).toFixed(1)}%`;
}

/** @param {string} text */
function code(text) {
  const flat = text.replace(/\s+/g, ' ');
  const shown = flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
  const fence = shown.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${shown.replaceAll('|', '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/**
 * The scores of a group of folders (one scope, or one top folder of it).
 * @param {FolderCounts[]} folders
 * @param {number} equivalentCount
 */
function score(folders, equivalentCount) {
  const sum = (/** @type {keyof Omit<FolderCounts, 'folder'>} */ key) => folders.reduce((total, folder) => total + folder[key], 0);
  const detected = sum('killed') + sum('timeout');
  const undetected = sum('survived') + sum('noCoverage');
  return {
    mutants: detected + undetected + sum('errors') + sum('ignored'),
    ignored: sum('ignored'),
    detected,
    undetected,
    raw: percent(detected, detected + undetected),
    withoutEquivalents: percent(detected, detected + undetected - equivalentCount),
    value: (100 * detected) / Math.max(1, detected + undetected - equivalentCount),
  };
}

/**
 * @param {ScopeResult[]} results
 * @param {Equivalent[]} equivalents
 * @param {{ name: string, describe: string, leftOut?: string }[]} scopes every scope defined: the
 *   tests each leaves out are stated, and a scope with no result yet is named as not run.
 * @param {Record<string, string>} currentCode the `codeDigest` of each scope's files as they are
 *   now: a scope whose run mutated other code is marked as out of date.
 * @returns {string}
 */
export function writeMutationPage(results, equivalents, scopes = [], currentCode = {}) {
  const out = [
    '# Mutation testing',
    '',
    '<!-- Written by `npm run mutation` (scripts/mutation.js) from tests/mutation/results; `npm run docs:check` fails when it is edited by hand. -->',
    '',
    'StrykerJS changes the code one small step at a time (a `<` into `<=`, a condition into `true`, a string into `""`)',
    'and runs the tests that reach the changed line. A change no test notices, a surviving mutant, is either',
    'a test we are missing or a change that does not alter behaviour (an equivalent mutant).',
    '',
    '```sh',
    'npm run mutation                # every scope, incrementally: only mutants whose code or tests changed run again',
    'npm run mutation -- sse         # one scope (sse, rules, analysis-reconnect, …; analysis runs all its parts, analysis-core its three)',
    'npm run mutation -- --force sse # every mutant of the scope again: needed after editing a test body, which incremental runs miss',
    '```',
    '',
    'The score is Stryker\'s: mutants killed or timed out, over those that ran. "Without equivalents" leaves out the',
    'survivors listed below as equivalent, each with the reason it cannot change what the code does.',
    '',
    'Static mutants (code that runs once, when a module loads) cost a rerun of every test of the scope each; where a',
    'scope leaves them out, the "Not run" column counts them, and they are in neither score.',
    '',
    'A scope marked † last ran on code that has changed since (its files are not those Stryker mutated): its',
    'figures and survivors describe the older code until the scope is run again.',
    '',
    '| Scope | Folder | Mutants | Not run | Detected | Survived | Score | Without equivalents | Target |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  /** @type {string[]} */
  const equivalentLines = [];
  /** @type {string[]} */
  const gapLines = [];
  /** @type {string[]} */
  const runLines = [];
  for (const result of results) {
    const matched = result.survivors.map((survivor) => ({ survivor, equivalent: equivalentFor(survivor, equivalents) }));
    for (const folder of result.folders) {
      const inFolder = matched.filter(({ survivor, equivalent }) => equivalent && path.posix.dirname(survivor.file) === folder.folder).length;
      const figures = score([folder], inFolder);
      out.push(`| ${result.scope} | \`${folder.folder}/\` | ${figures.mutants} | ${figures.ignored} | ${figures.detected} | ${figures.undetected} | ${figures.raw} | ${figures.withoutEquivalents} | |`);
    }
    const total = score(result.folders, matched.filter(({ equivalent }) => equivalent).length);
    const verdict = total.value >= result.target ? 'met' : 'not met';
    const outdated = result.code !== undefined && currentCode[result.scope] !== undefined && currentCode[result.scope] !== result.code;
    out.push(`| **${result.scope}**${outdated ? ' †' : ''} | **all** | **${total.mutants}** | **${total.ignored}** | **${total.detected}** | **${total.undetected}** | **${total.raw}** | **${total.withoutEquivalents}** | ${result.target}% (${verdict}) |`);
    const leftOut = scopes.find((scope) => scope.name === result.scope)?.leftOut;
    runLines.push(
      `- \`${result.scope}\`: ${result.describe}. Last run ${result.incremental ? 'incremental' : 'full'}, ${result.seconds} s${codeState(result, currentCode)}.${leftOut ? ` ${leftOut}` : ''}`,
    );
    for (const { survivor, equivalent } of matched) {
      const inLine = survivor.original.length < 30 && survivor.context !== survivor.original ? ` in ${code(survivor.context)}` : '';
      const where = `\`${survivor.file}:${survivor.line}\` ${survivor.mutator}: ${code(survivor.original)} → ${code(survivor.replacement)}${inLine}`;
      if (equivalent) equivalentLines.push(`- ${where}. ${equivalent.why}`);
      else gapLines.push(`- ${where}`);
    }
  }
  const notRun = scopes.filter((scope) => !results.some((result) => result.scope === scope.name));
  for (const scope of notRun) runLines.push(`- \`${scope.name}\`: ${scope.describe}. **Not run yet: no score.**${scope.leftOut ? ` ${scope.leftOut}` : ''}`);
  out.push('', '## Scopes', '', ...runLines);
  out.push('', '## Equivalent mutants', '', ...(equivalentLines.length > 0 ? equivalentLines : ['None.']));
  out.push('', '## Known gaps', '', 'Survivors not judged equivalent: behaviour no test pins yet.', '', ...(gapLines.length > 0 ? gapLines : ['None.']));
  return `${out.join('\n')}\n`;
}
