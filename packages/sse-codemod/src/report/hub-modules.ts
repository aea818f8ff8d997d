/**
 * Where the shared hub comes from in the project under report: the package's own
 * `sse-hub`, the module given to `--helper-import`, or the hub module the
 * codemod wrote (`--helper`, by default where the codemod puts it). Its `sharedEventSource`
 * and `subscribe` are stream sites like any other; the report counts them by the hub's rules.
 */
import path from 'node:path';
import type { StreamWrapper } from 'eslint-plugin-sse/detection';

export const HUB_PACKAGE = 'sse-hub';

/** The hub's exports that open (or join) a stream. */
export const HUB_OPENERS = ['sharedEventSource', 'subscribe'] as const;

export interface HubModules {
  /** Bare specifiers that name the hub: the package, and `--helper-import` when given. */
  specifiers: ReadonlySet<string>;
  /** The absolute path of the hub module written into the project, or null. */
  helperPath: string | null;
}

export function hubModules(helperImport: string | null, helperPath: string | null): HubModules {
  return { specifiers: new Set(helperImport === null ? [HUB_PACKAGE] : [HUB_PACKAGE, helperImport]), helperPath };
}

function withoutExtension(file: string): string {
  return file.replace(/\.[cm]?[jt]sx?$/, '');
}

/** Whether two hubs name the same modules (a helper by its path without extension), so that the analyses made with one hold for the other. */
export function sameHubModules(a: HubModules, b: HubModules): boolean {
  const helper = (hub: HubModules) => (hub.helperPath === null ? null : withoutExtension(hub.helperPath));
  return helper(a) === helper(b) && a.specifiers.size === b.specifiers.size && [...a.specifiers].every((specifier) => b.specifiers.has(specifier));
}

/** Text that every file using the hub contains: its specifiers, and the helper's file name. */
export function hubNeedles(hub: HubModules): string[] {
  const needles = [...hub.specifiers];
  if (hub.helperPath !== null) needles.push(path.basename(withoutExtension(hub.helperPath)));
  return needles;
}

/** `from 'x'`, `import 'x'`, `import('x')`, `require('x')`: every place a specifier can appear. */
const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\r\n]+)\1/g;

/**
 * The import specifiers in `text` that name the hub, as `fromFile` writes them. Read from the
 * text so that the rules can be told before parsing; scope analysis then decides which names
 * really come from them, so a specifier in a comment or a string costs nothing.
 */
export function hubSpecifiersIn(text: string, fromFile: string, hub: HubModules): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[2]!;
    if (hub.specifiers.has(specifier)) {
      found.add(specifier);
    } else if (hub.helperPath !== null && (specifier.startsWith('./') || specifier.startsWith('../'))) {
      const target = path.resolve(path.dirname(fromFile), specifier);
      // `./sse-hub.js`, `./sse-hub` and (through TypeScript's resolution) `./sse-hub.ts` name one module.
      if (withoutExtension(target) === withoutExtension(hub.helperPath)) found.add(specifier);
    }
  }
  return [...found].sort();
}

/** The hub's openers from these specifiers, as the `wrappers` the rules and the stream analysis accept. */
export function hubWrappers(specifiers: readonly string[]): StreamWrapper[] {
  return specifiers.flatMap((module) => HUB_OPENERS.map((name) => ({ module, export: name })));
}
