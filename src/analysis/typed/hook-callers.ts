/**
 * Type-aware: whether the program runs a hook twice at once, as seen from the file that declares
 * it. A hook that opens its own stream holds one connection per call, but two callers are two
 * connections only while both are on screen. The program shows that when a component that runs
 * the hook renders another that runs it too (`<App>` calls `useSpots()` and renders `<Panel>`,
 * which calls it again: accius/openhamclock before PR #369), or when one component calls it
 * twice. Two pages that each call it are not evidence: a router mounts one at a time.
 *
 * Callers are found by the hook's name in each project file's text first, then by the checker,
 * so aliases (`import { useSpots as useFeed }`) count and a same-named function elsewhere does not.
 */
import type * as ts from 'typescript';
import { isTestFile } from '../test-files.js';
import { isProjectSourceFile, resolveCallables } from './declarations.js';
import { isFunctionLike } from './execution.js';
import { declarationName, skipOuterExpressions } from './ts-syntax.js';
import type { TypeInformation } from './type-information.js';
import type { TypeScript } from './typescript-module.js';

export interface HookCaller {
  /** The component's name, as its declaration gives it. */
  name: string;
  fileName: string;
  /** Where it calls the hook (its first call), 1-based. */
  line: number;
}

/** Two callers on screen together: `outer` renders `inner`, or calls the hook twice itself (`inner` null). */
export interface SimultaneousCallers {
  outer: HookCaller;
  inner: HookCaller | null;
}

interface CallerEntry {
  component: ts.Node;
  calls: ts.CallExpression[];
}

/** By program first: the project service reuses an unchanged file's nodes in the next program, whose other files may call the hook otherwise. */
const answers = new WeakMap<ts.Program, WeakMap<ts.Node, SimultaneousCallers | null>>();

function isComponentName(name: string | null): name is string {
  return name !== null && /^[A-Z]/.test(name);
}

/** The component a call runs in: the innermost function, when its name is a component's. */
function enclosingComponent(ts: TypeScript, node: ts.Node): ts.Node | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(ts, current)) return isComponentName(declarationName(ts, current)) ? current : null;
  }
  return null;
}

function forEachDescendant(ts: TypeScript, root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}

/** The components of the program that call `hook`, each with its calls. */
function callersOf(information: TypeInformation, hook: ts.Node, hookName: string): CallerEntry[] {
  const { ts, program } = information;
  const byComponent = new Map<ts.Node, CallerEntry>();
  for (const file of program.getSourceFiles()) {
    if (!isProjectSourceFile(program, file) || isTestFile(file.fileName) || !file.text.includes(hookName)) continue;
    forEachDescendant(ts, file, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = skipOuterExpressions(ts, node.expression);
      // Hooks go by `use…` names; an alias keeps the prefix by convention, which the linter of hooks enforces.
      if (!ts.isIdentifier(callee) || !callee.text.startsWith('use')) return;
      if (!resolveCallables(information, callee).includes(hook as never)) return;
      const component = enclosingComponent(ts, node);
      if (!component) return;
      const entry = byComponent.get(component) ?? { component, calls: [] };
      entry.calls.push(node);
      byComponent.set(component, entry);
    });
  }
  return [...byComponent.values()];
}

function describe(information: TypeInformation, entry: CallerEntry): HookCaller {
  const call = entry.calls[0]!;
  const file = call.getSourceFile();
  return {
    name: declarationName(information.ts, entry.component) ?? 'default',
    fileName: file.fileName,
    line: file.getLineAndCharacterOfPosition(call.getStart(file)).line + 1,
  };
}

/** A caller that renders another caller, by JSX tag resolved through the checker. */
function rendersAnother(information: TypeInformation, callers: readonly CallerEntry[]): SimultaneousCallers | null {
  const { ts } = information;
  const byDeclaration = new Map(callers.map((entry) => [entry.component, entry]));
  for (const outer of callers) {
    let inner: CallerEntry | undefined;
    forEachDescendant(ts, outer.component, (node) => {
      if (inner || !(ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node))) return;
      const tag = node.tagName;
      if (!ts.isIdentifier(tag) || !isComponentName(tag.text)) return;
      for (const declaration of resolveCallables(information, tag)) {
        const found = byDeclaration.get(declaration);
        if (found && found !== outer) inner = found;
      }
    });
    if (inner) return { outer: describe(information, outer), inner: describe(information, inner) };
  }
  return null;
}

/**
 * Whether components of the program run `hook` (a function declaration of the linted file) twice
 * at once, and which; null when the program does not show it. Cached per declaration.
 */
export function simultaneousHookCallers(information: TypeInformation, hook: ts.Node): SimultaneousCallers | null {
  let byHook = answers.get(information.program);
  if (!byHook) {
    byHook = new WeakMap();
    answers.set(information.program, byHook);
  }
  const known = byHook.get(hook);
  if (known !== undefined) return known;
  const hookName = declarationName(information.ts, hook);
  let answer: SimultaneousCallers | null = null;
  if (hookName !== null) {
    const callers = callersOf(information, hook, hookName);
    const twice = callers.find((entry) => entry.calls.length > 1);
    answer = twice ? { outer: describe(information, twice), inner: null } : rendersAnother(information, callers);
  }
  byHook.set(hook, answer);
  return answer;
}
