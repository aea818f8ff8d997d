/**
 * The TypeScript compiler API, loaded only when a file is linted with type information.
 *
 * The plugin's rules run on plain JavaScript projects too, where nothing else loads
 * `typescript`; a static import would make every lint pay for loading the compiler (and fail
 * where it is not installed). Type-aware mode only runs when typescript-eslint handed us a
 * `ts.Program`, so a `typescript` package is installed beside the parser, and we load that
 * one: the node kinds (`ts.SyntaxKind`) are numbers that differ between TypeScript versions, so
 * the module that reads the program's nodes must be the one that made them. It is found the
 * way the parser finds it (`@typescript-eslint/parser` → `@typescript-eslint/typescript-estree`
 * → `typescript`), which also works where packages only see their own dependencies (pnpm),
 * and else from this package.
 */
import { createRequire } from 'node:module';
import type * as ts from 'typescript';

export type TypeScript = typeof ts;

let loaded: TypeScript | undefined;

function load(): TypeScript {
  const fromHere = createRequire(import.meta.url);
  try {
    const parser = createRequire(fromHere.resolve('@typescript-eslint/parser'));
    const estree = createRequire(parser.resolve('@typescript-eslint/typescript-estree'));
    return estree('typescript') as TypeScript;
  } catch {
    return fromHere('typescript') as TypeScript;
  }
}

export function typescript(): TypeScript {
  loaded ??= load();
  return loaded;
}
