/**
 * Files the codemod must never rewrite, and the report must not count beside their sources:
 * build outputs and generated code. Rewriting a committed `dist/controller.js` gives the
 * published package an import of a source file it does not ship; counting it doubles every
 * stream the source opens.
 *
 * A file is a build output when
 * - a folder on its path (below the package that holds it) is one build tools write to:
 *   `dist/`, `build/`, `out/`, `.next/`, and the like;
 * - its text says so: a `//# sourceMappingURL=` comment, a generated-file marker
 *   (`@generated`, "Code generated … DO NOT EDIT", "auto-generated"), or minified code;
 * - its package's `main`, `module`, `bin`, `exports` or `files` point at it (or at a folder
 *   holding it) while a source of the same name exists under `src/`.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_EXTENSIONS } from './discover-files.js';

/** Folders whose files are written by a build, never by hand. */
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'out', '.next', '.nuxt', '.svelte-kit', '.output', '.turbo', 'coverage']);

/** Markers tools put at the top of what they generate. */
const GENERATED_MARKER = /@generated\b|\bcode generated\b[^\n]*\bdo not edit\b|\bauto-?generated\b[^\n]*\b(?:do not|don't) (?:edit|modify)\b/i;

const SOURCE_MAP_COMMENT = /^[ \t]*\/[/*][#@][ \t]*sourceMappingURL=/m;

/** How much of a file's start is searched for a generated-file marker. */
const MARKER_PROBE_CHARACTERS = 2_000;

/**
 * Minified code: lines far longer than anyone writes. The average over the file keeps one long
 * data URL or string in hand-written code from counting.
 */
const MINIFIED_LINE_LENGTH = 500;
const MINIFIED_AVERAGE_LINE_LENGTH = 200;

/** Why `file` is a build output or generated, or null when it is a source to migrate. */
export function buildOutputReason(file: string, text: string, packages: PackageManifests): string | null {
  const manifest = packages.nearest(file);
  const relative = path.relative(manifest?.root ?? path.dirname(file), file).split(path.sep);
  const folder = relative.slice(0, -1).find((segment) => OUTPUT_FOLDERS.has(segment));
  if (folder) return `build output (in ${folder}/): rewrite its source instead`;
  if (SOURCE_MAP_COMMENT.test(text)) return 'build output (it has a sourceMappingURL comment): rewrite its source instead';
  if (GENERATED_MARKER.test(text.slice(0, MARKER_PROBE_CHARACTERS))) return 'generated code (marked as generated): change its generator instead';
  if (isMinified(text)) return 'minified code: rewrite its source instead';
  const entry = manifest && publishedEntryWithSource(manifest, relative.join('/'));
  if (entry) return `build output (package.json ${entry.field} names it, and ${entry.source} is its source): rewrite the source instead`;
  return null;
}

function isMinified(text: string): boolean {
  const lines = text.split('\n');
  const longest = lines.reduce((length, line) => Math.max(length, line.length), 0);
  return longest >= MINIFIED_LINE_LENGTH && text.length / lines.length >= MINIFIED_AVERAGE_LINE_LENGTH;
}

interface PackageManifest {
  root: string;
  /** package.json fields and the paths they name, relative to `root` without `./`. */
  published: { field: string; path: string }[];
}

/** The nearest package.json above each file, read once per folder. */
export class PackageManifests {
  readonly #byFolder = new Map<string, PackageManifest | null>();

  nearest(file: string): PackageManifest | null {
    return this.#inFolder(path.dirname(file));
  }

  #inFolder(folder: string): PackageManifest | null {
    const cached = this.#byFolder.get(folder);
    if (cached !== undefined) return cached;
    const parent = path.dirname(folder);
    const found = readManifest(folder) ?? (parent === folder || path.basename(folder) === 'node_modules' ? null : this.#inFolder(parent));
    this.#byFolder.set(folder, found);
    return found;
  }
}

function readManifest(folder: string): PackageManifest | null {
  let text: string;
  try {
    text = readFileSync(path.join(folder, 'package.json'), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A broken package.json still marks a package root; it just names no entry points.
    return { root: folder, published: [] };
  }
  const published: PackageManifest['published'] = [];
  if (json !== null && typeof json === 'object') {
    const fields = json as Record<string, unknown>;
    for (const field of ['main', 'module', 'browser', 'types', 'bin', 'exports', 'files']) {
      for (const named of pathsIn(fields[field])) published.push({ field, path: named.replace(/^\.\//, '').replace(/\/$/, '') });
    }
  }
  return { root: folder, published };
}

/** Every string in a package.json field (`exports` and `bin` nest them in objects). */
function pathsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(pathsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(pathsIn);
  return [];
}

/**
 * The package.json field that publishes `relativePath` (the file itself, or a folder holding it),
 * when the package also has its source under `src/`: `lib/util/x.js` → `src/util/x.ts`.
 */
function publishedEntryWithSource(manifest: PackageManifest, relativePath: string): { field: string; source: string } | null {
  for (const entry of manifest.published) {
    if (entry.path === '' || entry.path.includes('*') || entry.path === 'src' || entry.path.startsWith('src/')) continue;
    const inside = relativePath === entry.path ? path.posix.basename(relativePath) : relativePath.startsWith(`${entry.path}/`) ? relativePath.slice(entry.path.length + 1) : null;
    if (inside === null) continue;
    const stem = inside.replace(/\.[cm]?[jt]sx?$/, '');
    for (const extension of SOURCE_EXTENSIONS) {
      const source = `src/${stem}${extension}`;
      if (source !== relativePath && fileExists(path.join(manifest.root, source))) return { field: entry.field, source };
    }
  }
  return null;
}

function fileExists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
