/**
 * `typescript()` (typescript-module.ts), issue 17: it loads the TypeScript that typescript-eslint's
 * parser uses (found through `@typescript-eslint/parser` → `@typescript-eslint/typescript-estree`,
 * as under pnpm, where each package sees only its own dependencies), and this package's own when
 * the parser cannot be found. In this repository both are the same module, so `node:module`'s
 * `createRequire` is wrapped: a require made from typescript-estree's folder answers a stand-in
 * for "the parser's TypeScript", and the parser can be made unresolvable.
 */
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const layout = vi.hoisted(() => ({
  parsersTypescript: { name: "the parser's typescript" } as unknown,
  parserMissing: false,
}));

vi.mock('node:module', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:module')>();
  const createRequire = (from: string | URL): NodeJS.Require => {
    const real = actual.createRequire(from);
    const wrapped = ((id: string) =>
      id === 'typescript' && String(from).includes('typescript-estree') ? layout.parsersTypescript : real(id)) as NodeJS.Require;
    wrapped.resolve = ((id: string, options?: { paths?: string[] }) => {
      if (layout.parserMissing && id === '@typescript-eslint/parser') throw new Error(`Cannot find module '${id}'`);
      return real.resolve(id, options);
    }) as NodeJS.RequireResolve;
    return wrapped;
  };
  return { ...actual, default: { ...actual, createRequire }, createRequire };
});

/** A fresh copy of the module: it keeps what it loaded for the rest of the process. */
async function freshTypescript(): Promise<unknown> {
  vi.resetModules();
  const { typescript } = await import('../../src/analysis/typed/typescript-module.js');
  return typescript();
}

describe('typescript()', () => {
  beforeEach(() => {
    layout.parserMissing = false;
  });

  it("loads the parser's TypeScript, found through the parser and typescript-estree", async () => {
    // kills typescript-module.ts:24 "'@typescript-eslint/parser'" -> "" and :25 "'@typescript-eslint/typescript-estree'" -> ""
    expect(await freshTypescript()).toBe(layout.parsersTypescript);
  });

  it("falls back to this package's TypeScript where the parser cannot be found", async () => {
    // kills (NoCoverage) typescript-module.ts:27 the catch block -> {}
    layout.parserMissing = true;
    expect(await freshTypescript()).toBe(ts);
  });
});
