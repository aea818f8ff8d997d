/**
 * The command line of `sse-codemod`: what it accepts, its `--help` text, and the usage
 * errors (exit code 2) that stop a run before it reads a file.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was invoked: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `dry-run` prints what would change; `check` does the same and exits 1 when anything would; `write` applies. */
export type RunMode = 'dry-run' | 'check' | 'write';

export interface CodemodOptions {
  /** Files, directories or globs as given; empty when none was (the run then uses `.`, or the whole `--project`). */
  paths: string[];
  mode: RunMode;
  json: boolean;
  silent: boolean;
  /** `--project`: take the file list from this tsconfig. */
  project: string | null;
  /** `--helper`: where to write the hub module. */
  helper: string | null;
  /** `--helper-import`: import `sharedEventSource` from this specifier instead of writing a module. */
  helperImport: string | null;
  allowDirty: boolean;
  /** `--jobs`: how many planning threads at most; null picks from the machine. */
  jobs: number | null;
  /**
   * `--endpoint`: the path where the app will mount the server multiplexer, so streams opened
   * per item with URLs of their own are rewritten too (multiplex mode); null when not given.
   */
  endpoint: string | null;
}

/** `--report`: the connection budget report; it never writes. */
export interface ReportOptions {
  paths: string[];
  json: boolean;
  silent: boolean;
  project: string | null;
  /** `--check`: exit 1 when an origin is over budget. */
  check: boolean;
  /** `--helper`/`--helper-import`: where the project's hub module is, so that its sites count as the hub's. */
  helper: string | null;
  helperImport: string | null;
  /** `--items`: how many items a list, loop or key set is assumed to hold. */
  items: number;
  /** `--tabs`: how many tabs of the app are assumed open in one browser profile. */
  tabs: number;
  /** `--reserve`: connections per origin kept free for ordinary requests. */
  reserve: number;
}

export const DEFAULT_REPORT_ITEMS = 10;
export const DEFAULT_REPORT_TABS = 1;
/**
 * Connections per origin kept free for ordinary requests. A page whose streams hold all 6 is not
 * within budget: no `fetch()` or POST can start, which is the very bug the report is for.
 */
export const DEFAULT_REPORT_RESERVE = 1;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; options: CodemodOptions }
  | { kind: 'report'; options: ReportOptions };

export const HELP_TEXT = `Usage: sse-codemod [paths or globs...] [options]

Moves EventSource connections that the rules no-eventsource-in-loop and
no-eventsource-per-item flag onto one shared connection: \`new EventSource(url, init)\`
becomes \`sharedEventSource(url, init)\`, imported from a hub module that the codemod
writes into your project once.

Without --write nothing is written: the changes are printed as a unified diff.

Paths default to the current directory. Files ignored by .gitignore and anything in
node_modules are never touched. Globs must be quoted so that the shell leaves them alone.

With --report it changes nothing and prints the connection budget report instead: every
stream site, what it connects to, how many instances it can have, which sites open the
same URL, and the worst-case connections per origin against the browser's 6.

Options:
  --write                  Apply the changes (refused in a git work tree with
                           uncommitted changes, see --allow-dirty).
  --check                  Write nothing; exit 1 when some file would change (for CI).
                           With --report: exit 1 when an origin is over budget.
  --json                   Print only a JSON report on stdout.
  --report                 Print the connection budget report (never writes).
  --items <n>              With --report: items assumed per list, loop or key set
                           (default ${DEFAULT_REPORT_ITEMS}).
  --tabs <n>               With --report: tabs of the app assumed open at once
                           (default ${DEFAULT_REPORT_TABS}).
  --reserve <n>            With --report: connections per origin kept free for
                           fetch() and POSTs (default ${DEFAULT_REPORT_RESERVE}; 0 to 5).
  --project <tsconfig>     Convert the files of this tsconfig (restricted to the given
                           paths, if any).
  --helper <path.js>       Where to write the hub module (default: sse-hub.js in the
                           first path's src/ directory if it has one, else in the first
                           path's directory; sse-hub.ts for TypeScript files under a
                           tsconfig.json without allowJs). A .d.ts is written beside
                           a .js helper.
                           With --report: where the project's hub module is.
  --helper-import <spec>   Import sharedEventSource from this module instead of writing
                           one, e.g. sse-hub. With --report: a module
                           that re-exports the hub.
  --endpoint <path>        The app will mount the server multiplexer at this path
                           (e.g. /__sse_hub): also rewrite streams opened per item
                           with a URL of their own. Without it (and without a
                           configureHub({ endpoint }) in the files), those are left
                           with a TODO: in dedupe mode they would keep a connection each.
  --allow-dirty            Let --write run in a git work tree with uncommitted changes.
  --silent                 Print nothing; exit codes are unchanged.
  --jobs <n>               Plan files on at most n threads (default: one per CPU).
  -h, --help               Show this help.
  -v, --version            Show the version.

Exit codes: 0 done; 1 --check found pending changes (with --report: an origin over
budget), or a file failed; 2 usage error or a dirty git work tree.
`;

/** Reads the arguments after `node sse-codemod`; throws `UsageError` for anything it cannot run. */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        json: { type: 'boolean' },
        project: { type: 'string' },
        helper: { type: 'string' },
        'helper-import': { type: 'string' },
        endpoint: { type: 'string' },
        'allow-dirty': { type: 'boolean' },
        silent: { type: 'boolean' },
        jobs: { type: 'string' },
        report: { type: 'boolean' },
        items: { type: 'string' },
        tabs: { type: 'string' },
        reserve: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its words.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  if (values.write && values.check) throw new UsageError('--write and --check cannot be used together.');
  if (values.helper !== undefined && values['helper-import'] !== undefined) {
    throw new UsageError('--helper and --helper-import cannot be used together: choose where sharedEventSource comes from.');
  }
  for (const name of ['project', 'helper', 'helper-import'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') throw new UsageError(`--${name} needs a value.`);
  }
  if (positionals.some((path) => path === '')) throw new UsageError('An empty path was given.');
  for (const name of ['items', 'tabs', 'reserve'] as const) {
    if (values[name] !== undefined && !values.report) throw new UsageError(`--${name} applies only to --report.`);
  }
  if (values.endpoint !== undefined && !/^\/(?!\/)[^?#\s]*$/.test(values.endpoint)) {
    throw new UsageError(`--endpoint must be a path starting with a single "/", e.g. /__sse_hub, got "${values.endpoint}".`);
  }
  if (values.endpoint !== undefined && values.report) {
    throw new UsageError('--endpoint applies to rewrites; the report reads the endpoint from configureHub() in the code.');
  }
  if (values.report) {
    if (values.write) throw new UsageError('--report writes nothing: it cannot be used with --write.');
    // --allow-dirty and --jobs change nothing for a report, which writes nothing and runs on one thread.
    return {
      kind: 'report',
      options: {
        paths: positionals,
        json: values.json ?? false,
        silent: values.silent ?? false,
        project: values.project ?? null,
        check: values.check ?? false,
        helper: values.helper ?? null,
        helperImport: values['helper-import'] ?? null,
        items: values.items === undefined ? DEFAULT_REPORT_ITEMS : parseCount('--items', values.items),
        tabs: values.tabs === undefined ? DEFAULT_REPORT_TABS : parseCount('--tabs', values.tabs),
        reserve: values.reserve === undefined ? DEFAULT_REPORT_RESERVE : parseReserve(values.reserve),
      },
    };
  }

  return {
    kind: 'run',
    options: {
      paths: positionals,
      mode: values.write ? 'write' : values.check ? 'check' : 'dry-run',
      json: values.json ?? false,
      silent: values.silent ?? false,
      project: values.project ?? null,
      helper: values.helper ?? null,
      helperImport: values['helper-import'] ?? null,
      allowDirty: values['allow-dirty'] ?? false,
      jobs: values.jobs === undefined ? null : parseJobs(values.jobs),
      endpoint: values.endpoint ?? null,
    },
  };
}

function parseJobs(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a positive whole number, got "${value}".`);
  return Number(value);
}

/** Connections kept free: 0 (streams may take all 6) to 5 (one left for streams). */
function parseReserve(value: string): number {
  if (!/^[0-5]$/.test(value)) throw new UsageError(`--reserve must be a whole number from 0 to 5, got "${value}".`);
  return Number(value);
}

/** A positive whole number, small enough that the estimate's products stay exact. */
function parseCount(option: string, value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new UsageError(`${option} must be a positive whole number, got "${value}".`);
  return Number(value);
}
