/**
 * Any file of a typed lint's `ts.Program` as an ESLint `SourceCode`, so that the analyses the
 * rules run on the linted file (which streams open, who keeps them, which URL) run unchanged on
 * the other files of the program: one detector, not an ESTree one and a TypeScript twin.
 *
 * The file is converted from the program's own syntax tree by typescript-estree's converter
 * (nothing is parsed again, and the node maps lead into that program, so imports can be followed
 * through the checker), and scope-analysed by typescript-eslint's scope manager. Not through
 * `@typescript-eslint/parser`'s `parseForESLint`: it always converts every token and comment,
 * which ESLint needs for the linted file and no analysis reads in another (a fifth of the
 * conversion, and garbage). Nor, where typescript-estree exports its converter
 * (`use-at-your-own-risk`, since version 6), through `parseAndGenerateServices`: for a file of a
 * program it makes its parse settings again per file and looks the file up in the program, which
 * took as long as the conversion itself (issue 16: 70–210 ms against 36–80 ms for the 56 files of
 * the type-aware benchmark, three runs each, timed around the call). Those packages are the parser's own dependencies,
 * resolved from where the parser is, so a typed lint (which has the parser) has them too.
 * Each file is converted at most once per program, and only when asked for; the packages and
 * ESLint's `SourceCode` are loaded on first use, as the TypeScript compiler is
 * (`typescript-module.ts`).
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { setParents } from '../set-parents.js';

type SourceCodeClass = new (config: {
  text: string;
  ast: TSESTree.Program;
  parserServices: unknown;
  scopeManager: unknown;
  visitorKeys: unknown;
}) => TSESLint.SourceCode;

type ConvertedTree = TSESTree.Program & { tokens?: unknown[]; comments?: unknown[] };

interface NodeMaps {
  esTreeNodeToTSNodeMap: unknown;
  tsNodeToESTreeNodeMap: unknown;
}

interface Loaded {
  parseAndGenerateServices: (code: string, options: Record<string, unknown>) => { ast: ConvertedTree; services: unknown };
  /** typescript-estree's converter of a parsed `ts.SourceFile`; undefined where the package does not export it. */
  astConverter: ((file: ts.SourceFile, settings: Record<string, unknown>, preserveNodeMaps: boolean) => { estree: ConvertedTree; astMaps: NodeMaps }) | undefined;
  analyze: (tree: TSESTree.Program, options: Record<string, unknown>) => unknown;
  visitorKeys: Record<string, readonly string[] | undefined>;
  SourceCode: SourceCodeClass;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const require = createRequire(import.meta.url);
  // Resolved from the parser's own folder: under pnpm they are not hoisted next to this package.
  const fromParser = createRequire(require.resolve('@typescript-eslint/parser'));
  const estree = fromParser('@typescript-eslint/typescript-estree') as Pick<Loaded, 'parseAndGenerateServices'>;
  let converter: Partial<Pick<Loaded, 'astConverter'>> = {};
  try {
    converter = fromParser('@typescript-eslint/typescript-estree/use-at-your-own-risk') as typeof converter;
  } catch {
    // An older typescript-estree without the subpath: `parseAndGenerateServices` does the same, slower.
  }
  const scopeManager = fromParser('@typescript-eslint/scope-manager') as Pick<Loaded, 'analyze'>;
  const keys = fromParser('@typescript-eslint/visitor-keys') as { visitorKeys: Loaded['visitorKeys'] };
  const eslint = require('eslint') as { SourceCode: SourceCodeClass };
  return {
    parseAndGenerateServices: estree.parseAndGenerateServices,
    astConverter: typeof converter.astConverter === 'function' ? converter.astConverter : undefined,
    analyze: scopeManager.analyze,
    visitorKeys: keys.visitorKeys,
    SourceCode: eslint.SourceCode,
  };
}

/** The JSX factory's root name, as the parser takes it from the compiler options (`h` for `preact.h`). */
function factoryName(factory: string | undefined): string | undefined {
  return factory === undefined ? undefined : factory.split('.')[0]!.trim();
}

// The analyses read the tree and its scopes, never another file's tokens or comments.
const SETTINGS = { range: true, loc: true, tokens: false, comment: false };

/**
 * The file as ESTree, with the services the analyses read: the program and the maps between
 * the two trees. Throws, as the parser does, on a file with syntax errors.
 */
function toEstree({ astConverter, parseAndGenerateServices }: Loaded, program: ts.Program, file: ts.SourceFile): { ast: ConvertedTree; services: unknown } {
  if (!astConverter) {
    return parseAndGenerateServices(file.text, { ...SETTINGS, programs: [program], filePath: file.fileName, errorOnTypeScriptSyntacticAndSemanticIssues: false });
  }
  // The converter walks up parent pointers, which binding sets: building the checker binds every
  // file (in a typed lint typescript-eslint has built it already, so this costs nothing there).
  program.getTypeChecker();
  const { estree, astMaps } = astConverter(
    file,
    // What `parseAndGenerateServices` hands its converter by default; the deprecated aliases' warnings are its users' concern, not ours.
    { ...SETTINGS, allowInvalidAST: false, errorOnUnknownASTType: false, suppressDeprecatedPropertyWarnings: true },
    true,
  );
  return { ast: estree, services: { program, ...astMaps } };
}

function convert(program: ts.Program, file: ts.SourceFile): TSESLint.SourceCode | null {
  loaded ??= load();
  try {
    const { ast, services } = toEstree(loaded, program, file);
    ast.sourceType = 'module';
    ast.tokens = [];
    ast.comments = [];
    const compilerOptions = program.getCompilerOptions();
    const scopeManager = loaded.analyze(ast, {
      sourceType: 'module',
      // No library globals: declaring the thousands of names of `lib.dom.d.ts` was a third of
      // what converting a file cost. The detectors already find `EventSource`, `window` and the
      // like as references to undeclared globals, as under espree.
      lib: [],
      jsxPragma: factoryName(compilerOptions.jsxFactory),
      jsxFragmentName: factoryName(compilerOptions.jsxFragmentFactory),
    });
    setParents(ast, loaded.visitorKeys);
    return new loaded.SourceCode({
      text: file.text,
      ast,
      parserServices: services,
      scopeManager,
      visitorKeys: loaded.visitorKeys,
    });
  } catch {
    // A file the converter refuses (invalid syntax ESTree cannot hold) is left out, not a crash.
    return null;
  }
}

const byProgram = new WeakMap<ts.Program, Map<ts.SourceFile, TSESLint.SourceCode | null>>();

/**
 * The `SourceCode` of a file of `program`, converted on first use. With `keep` (the default) it
 * is kept as long as the program, for analyses that come back to the file (the declaration of an
 * imported constant); without, a conversion made now is handed over and not kept: the program
 * index reads each file once, and holding every converted tree for the rest of the lint made
 * the heap, and each garbage collection, larger for nothing.
 */
export function programSourceCode(program: ts.Program, file: ts.SourceFile, { keep = true } = {}): TSESLint.SourceCode | null {
  let files = byProgram.get(program);
  if (!files) {
    files = new Map();
    byProgram.set(program, files);
  }
  const known = files.get(file);
  if (known !== undefined) return known;
  const sourceCode = convert(program, file);
  if (keep) files.set(file, sourceCode);
  return sourceCode;
}
