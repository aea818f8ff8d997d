/**
 * What type-aware mode reports at a place of the linted file: the call, `new` or rendered
 * element names a function, class or component (declared in any project file, this one
 * included), and invoking it opens a stream that each invocation keeps. The answer comes from
 * the declaration's cached summary; this module only maps the ESTree place to the TypeScript
 * name, and the result to what a message says.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { displayPath } from '../display-path.js';
import type { StreamWrapper } from '../stream-sources.js';
import { type Callable, resolveCallables } from './declarations.js';
import { isProviderDeclaration } from './providers.js';
import { type ReachedOpening, summaryOf } from './summaries.js';
import { declarationName } from './ts-syntax.js';
import type { TypeInformation } from './type-information.js';

export interface CrossFileFinding {
  /** The declaration invoked or rendered. */
  declaration: Callable;
  /** The declaration's own name, for messages where the code's name for it is too long. */
  name: string;
  opening: ReachedOpening;
  /** Message data: the declaration's file, where the stream opens, and the functions on the way. */
  data: { file: string; opening: string; stream: string; route: string };
}

/** ` through \`useFeed\` → \`connect\``: the functions between the reported name and the opening (at most four). */
function describeRoute(via: readonly string[]): string {
  if (via.length === 0) return '';
  const names = via.slice(0, 4).map((name) => `\`${name}\``);
  return ` through ${names.join(' → ')}${via.length > 4 ? ' → …' : ''}`;
}

function finding(information: TypeInformation, declaration: Callable, opening: ReachedOpening): CrossFileFinding {
  return {
    declaration,
    name: declarationName(information.ts, declaration) ?? 'default',
    opening,
    data: {
      file: displayPath(information.cwd, declaration.getSourceFile().fileName),
      opening: `${displayPath(information.cwd, opening.fileName)}:${opening.line}`,
      stream: opening.source.label,
      route: describeRoute(opening.via),
    },
  };
}

function tsExpressionOf(information: TypeInformation, node: TSESTree.Node): ts.Expression | null {
  const tsNode = information.tsNodeOf(node);
  return tsNode && information.ts.isExpression(tsNode) ? tsNode : null;
}

/**
 * What invoking the callee of `node` opens: `node` is a call, a `new`, or a function handed to
 * an iteration by name (`ids.forEach(openRow)`, `ids.forEach(feeds.open)`).
 */
export function invocationFinding(
  information: TypeInformation,
  wrappers: readonly StreamWrapper[],
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.Identifier | TSESTree.MemberExpression,
): CrossFileFinding | null {
  const { ts } = information;
  const callee = tsExpressionOf(information, node.type === 'CallExpression' || node.type === 'NewExpression' ? node.callee : node);
  if (!callee) return null;
  const constructs = node.type === 'NewExpression';
  for (const declaration of resolveCallables(information, callee)) {
    if (ts.isClassLike(declaration) && !constructs) continue;
    const opening = summaryOf(information, wrappers, declaration, ts.isClassLike(declaration) ? 'construct' : 'call');
    if (opening) return finding(information, declaration, opening);
  }
  return null;
}

/** What rendering the component named at a render site opens per instance; providers share theirs. */
export function renderFinding(
  information: TypeInformation,
  wrappers: readonly StreamWrapper[],
  componentName: TSESTree.Node,
): CrossFileFinding | null {
  const name = tsExpressionOf(information, componentName);
  if (!name) return null;
  for (const declaration of resolveCallables(information, name)) {
    const opening = summaryOf(information, wrappers, declaration, 'render');
    // The provider test walks the whole component, so it waits until there is an opening to excuse.
    if (opening && !isProviderDeclaration(information, declaration)) return finding(information, declaration, opening);
  }
  return null;
}
