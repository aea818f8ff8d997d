/**
 * Where other files render an exported component or call an exported hook that opens a
 * stream. One file at a time, the report counted such a unit once when its own file did not use
 * it; the migration trial behind issue 13 found 14 connections where the worst case was about
 * 25, because a hook used by three components and a component rendered per item in another
 * file each counted once.
 *
 * Followed through the project's own relative imports (`import Row from './Row'`, `import {
 * useFeed } from '../hooks/useFeed.js'`), one level deep: a use inside a loop or an iteration
 * callback counts `items`, any other use 1. Re-exports through an index file and a unit used
 * by a component that is itself rendered per item elsewhere are not followed.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DEFAULT_ITERATION_METHODS, collectionHelperImports, findRepetition, renderSites } from 'eslint-plugin-sse/detection';
import { isComponentFile } from '../component-files.js';
import { lintWithStreamRules } from '../detect-sites.js';
import type { ExportedUnit } from './multiplicity.js';
import { templateUses } from './template-uses.js';

export interface UnitToFind extends ExportedUnit {
  /** The absolute path of the file that exports it. */
  file: string;
}

export interface CrossFileUses {
  /** Uses that run once per render of their own component, or once. */
  places: number;
  /** Uses inside a loop or an iteration callback. */
  perItem: number;
  /** The files that use it, as the report prints them. */
  files: string[];
}

export interface ProjectFile {
  file: string;
  reportPath: string;
  text: string;
}

const RESOLVED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

/** The uses of each unit (keyed by `unitKey`) in the other files of the project. */
export function crossFileUses(units: readonly UnitToFind[], files: readonly ProjectFile[]): Map<string, CrossFileUses> {
  const found = new Map<string, CrossFileUses>();
  if (units.length === 0) return found;
  const unitsByFile = new Map<string, UnitToFind[]>();
  for (const unit of units) unitsByFile.set(unit.file, [...(unitsByFile.get(unit.file) ?? []), unit]);
  const stems = new Set([...unitsByFile.keys()].map((file) => stemOf(file)));
  for (const project of files) {
    // Cheap first: the file must name one of the exporting files in an import.
    if (![...stems].some((stem) => project.text.includes(stem))) continue;
    const lint = lintWithStreamRules(project.file, project.text, { parseOnly: true });
    if (!lint.ok) continue;
    const sourceCode = lint.sourceCode as unknown as TSESLint.SourceCode;
    const repetitionOptions = { iterationMethods: DEFAULT_ITERATION_METHODS, helperImports: collectionHelperImports(sourceCode.ast) };
    for (const statement of topLevelStatements(sourceCode)) {
      if (statement.type !== 'ImportDeclaration' || typeof statement.source.value !== 'string') continue;
      const target = resolveRelativeImport(project.file, statement.source.value);
      const targetUnits = target === null ? undefined : unitsByFile.get(target);
      if (!targetUnits || target === project.file) continue;
      for (const specifier of statement.specifiers) {
        const importedName =
          specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : specifier.type === 'ImportSpecifier'
              ? specifier.imported.type === 'Identifier'
                ? specifier.imported.name
                : specifier.imported.value
              : null;
        const unit = targetUnits.find((candidate) => candidate.exportedAs === importedName);
        if (!unit) continue;
        const variable = moduleVariable(sourceCode, specifier.local.name);
        if (!variable) continue;
        const uses = usesOf(unit, variable, sourceCode, project.file, (use) => findRepetition(use, repetitionOptions) !== null);
        if (uses.length === 0) continue;
        const entry = found.get(unitKey(unit)) ?? { places: 0, perItem: 0, files: [] };
        for (const perItem of uses) {
          if (perItem) entry.perItem++;
          else entry.places++;
        }
        if (!entry.files.includes(project.reportPath)) entry.files.push(project.reportPath);
        found.set(unitKey(unit), entry);
      }
    }
  }
  return found;
}

/**
 * Whether each use of the unit repeats: JSX that renders it, calls of a hook, and in a Vue or
 * Svelte component the template elements that render it.
 */
function usesOf(
  unit: UnitToFind,
  variable: TSESLint.Scope.Variable,
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: string,
  repeats: (use: TSESTree.Node) => boolean,
): boolean[] {
  if (unit.kind !== 'component') return hookCalls(variable).map(repeats);
  const markup = isComponentFile(file) ? templateUses(sourceCode, variable.name, path.extname(file).toLowerCase()) : [];
  return [...renderSites(sourceCode, variable).map((site) => repeats(site.node)), ...markup.map((use) => use.perItem)];
}

/** The statements at the top of a module: a Svelte component's are inside its `<script>` elements. */
function topLevelStatements(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ProgramStatement[] {
  return sourceCode.ast.body.flatMap((statement) =>
    (statement.type as string) === 'SvelteScriptElement' ? (statement as unknown as { body: TSESTree.ProgramStatement[] }).body : [statement],
  );
}

export function unitKey(unit: { file: string; exportedAs: string }): string {
  return `${unit.file}#${unit.exportedAs}`;
}

/** `src/Row.tsx` → `Row`; `src/Row/index.tsx` → `Row`: what an import of it must mention. */
function stemOf(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

/** An import's binding: in the module scope (ES modules), or the global scope of a script. */
function moduleVariable(sourceCode: Readonly<TSESLint.SourceCode>, name: string): TSESLint.Scope.Variable | null {
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((scope) => scope.type === 'module');
  return moduleScope?.set.get(name) ?? sourceCode.scopeManager?.globalScope?.set.get(name) ?? null;
}

function hookCalls(variable: TSESLint.Scope.Variable): TSESTree.Node[] {
  return variable.references
    .filter((reference) => reference.isRead() && reference.identifier.parent?.type === 'CallExpression' && reference.identifier.parent.callee === reference.identifier)
    .map((reference) => reference.identifier.parent!);
}

/**
 * The file a relative import names, as bundlers and TypeScript find it: the path itself, with a
 * source extension added, `.js` written for a `.ts` source, or the folder's `index`; null for a
 * package import or one that resolves to nothing.
 */
export function resolveRelativeImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const withoutJs = base.replace(/\.(m?)js$/, '');
  const candidates = [
    base,
    ...RESOLVED_EXTENSIONS.map((extension) => `${base}${extension}`),
    ...(withoutJs === base ? [] : RESOLVED_EXTENSIONS.map((extension) => `${withoutJs}${extension}`)),
    ...RESOLVED_EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}
