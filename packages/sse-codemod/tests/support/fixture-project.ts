/**
 * The commands a user runs on a fixture repository after the codemod: the built CLI, the
 * project's TypeScript build, a syntax check of plain JavaScript, and the report's verdict.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const tscPath = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runNode(cwd: string, args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The built `sse-codemod`, as `npx sse-codemod …` runs it in `cwd`. */
export function runCodemod(cwd: string, ...args: string[]): Promise<CommandResult> {
  return runNode(cwd, [cliPath, ...args]);
}

/** The real `tsc -p <project>`: a build when the tsconfig emits, a type check when it says `noEmit`. */
export function runTypeScript(cwd: string, project = '.'): Promise<CommandResult> {
  return runNode(cwd, [tscPath, '-p', project]);
}

/** `node --check` of a JavaScript file: the build of a project that has none. */
export function checkJavaScript(cwd: string, file: string): Promise<CommandResult> {
  return runNode(cwd, ['--check', file]);
}

export interface OriginVerdict {
  origin: string;
  connections: number;
  available: number;
  over: number;
}

export interface ReportSummary {
  origins: OriginVerdict[];
  /** Each site's `path:line:column` → the connections it adds to its origin. */
  connections: Record<string, number>;
  /** The URL each site opens, as the report writes it. */
  urls: Record<string, string | null>;
}

/** `sse-codemod --report --json` in `cwd` (default reserve: 1 connection kept for requests), reduced to its counts. */
export async function reportIn(cwd: string, ...args: string[]): Promise<ReportSummary> {
  const result = await runCodemod(cwd, '--report', '--json', ...args);
  if (result.stderr !== '') throw new Error(`sse-codemod --report failed in ${cwd}: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    origins: OriginVerdict[];
    sites: { location: string; connections: number; url: { text: string | null } }[];
  };
  return {
    origins: report.origins.map(({ origin, connections, available, over }) => ({ origin, connections, available, over })),
    connections: Object.fromEntries(report.sites.map((site) => [site.location, site.connections])),
    urls: Object.fromEntries(report.sites.map((site) => [site.location, site.url.text])),
  };
}

/** The part of a run's text output from the line that starts with `heading` to the next blank line. */
export function outputSection(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}
