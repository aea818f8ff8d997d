/**
 * Which language the helper is written in, and how a TypeScript file imports it.
 *
 * The migration trial behind issue 13 wrote `src/sse-hub.js` into a TypeScript library built by
 * `tsc` without `allowJs`: the build never emitted it, and the built code imported a file that
 * did not exist. So where the files being converted are TypeScript and the project's tsconfig
 * does not compile JavaScript, the helper is `sse-hub.ts`, which the build compiles with the rest.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { hasTypeScriptBlock, isComponentFile } from './component-files.js';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** `x/sse-hub.js` → `x/sse-hub.ts` (`.mjs` → `.mts`). */
export function typeScriptHelperPath(javascriptPath: string): string {
  return javascriptPath.replace(/\.(m?)js$/, '.$1ts');
}

/** Whether a file is TypeScript: by its extension, or a component with a `<script lang="ts">`. */
export function isTypeScriptSource(file: string, text: string): boolean {
  return TYPESCRIPT_FILE.test(file) || (isComponentFile(file) && hasTypeScriptBlock(text));
}

/**
 * Whether the helper at `javascriptPath` should be written as TypeScript: some of `files` (the
 * files that import it) are TypeScript (`isTypeScript`, by extension unless told), and the tsconfig.json nearest the helper's folder does
 * not set `allowJs`. Without a tsconfig.json there is no `tsc` build to leave it out: JavaScript.
 */
export function helperNeedsTypeScript(
  javascriptPath: string,
  files: readonly string[],
  compilesJavaScript: (directory: string) => boolean | undefined,
  isTypeScript: (file: string) => boolean = (file) => TYPESCRIPT_FILE.test(file),
): boolean {
  if (!files.some(isTypeScript)) return false;
  return compilesJavaScript(path.dirname(javascriptPath)) === false;
}

/**
 * Whether the tsconfig.json nearest `directory` (walking up) compiles JavaScript (`allowJs`,
 * through `extends` too); undefined without one, or one TypeScript cannot read. Cached per folder.
 */
export function createAllowJsLookup(): (directory: string) => boolean | undefined {
  const byConfig = new Map<string, boolean | undefined>();
  return (directory) => {
    const configPath = ts.findConfigFile(directory, (file) => existsSync(file));
    if (configPath === undefined) return undefined;
    if (!byConfig.has(configPath)) byConfig.set(configPath, readAllowJs(configPath));
    return byConfig.get(configPath);
  };
}

function readAllowJs(configPath: string): boolean | undefined {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return undefined;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath), undefined, configPath);
  // A config whose `extends` cannot be found still tells us what it says itself.
  return parsed.options.allowJs === true;
}

export type ImportExtensionStyle = 'js' | 'ts' | 'none';

const RELATIVE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"\n]*)\1/g;

/**
 * How `text` writes its own relative imports, so that the helper's import looks like them:
 * `./x.js` (NodeNext, or a bundler told to map `.js`), `./x.ts` (`allowImportingTsExtensions`),
 * or `./x` (most bundler setups). Undefined when the file has none to copy.
 */
export function importExtensionStyle(text: string): ImportExtensionStyle | undefined {
  const counts = { js: 0, ts: 0, none: 0 };
  for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
    const specifier = match[2]!;
    // Stylesheets, images and JSON say nothing about how modules are written.
    if (/\.(?:css|scss|sass|less|svg|png|jpe?g|gif|webp|json|vue|svelte)$/i.test(specifier)) continue;
    if (/\.[cm]?js$/.test(specifier)) counts.js++;
    else if (/\.[cm]?tsx?$/.test(specifier)) counts.ts++;
    else counts.none++;
  }
  const best = (Object.keys(counts) as ImportExtensionStyle[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : undefined;
}

/**
 * The extension style for a file with no relative import to copy: `.js` where TypeScript's
 * module resolution requires it (Node16/NodeNext), none otherwise.
 */
export function defaultImportExtensionStyle(file: string): ImportExtensionStyle {
  const configPath = ts.findConfigFile(path.dirname(file), (candidate) => existsSync(candidate));
  if (configPath === undefined) return 'js';
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return 'js';
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath), undefined, configPath);
  const resolution = options.moduleResolution;
  const nodeNext = resolution === ts.ModuleResolutionKind.Node16 || resolution === ts.ModuleResolutionKind.NodeNext;
  const nodeNextModule = options.module === ts.ModuleKind.Node16 || options.module === ts.ModuleKind.NodeNext;
  return nodeNext || (resolution === undefined && nodeNextModule) ? 'js' : 'none';
}

/** The relative specifier of a `.ts` helper, in the importing file's style. */
export function typeScriptHelperSpecifier(relativeSpecifier: string, style: ImportExtensionStyle): string {
  const bare = relativeSpecifier.replace(/\.(m?)ts$/, '');
  const module = relativeSpecifier.endsWith('.mts') ? 'm' : '';
  if (style === 'none') return bare;
  return `${bare}.${module}${style}`;
}
