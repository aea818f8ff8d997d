/**
 * Whether a file in the project is our helper in another format: the same code after a
 * formatter (Prettier, an editor's format-on-save) changed its layout, quotes, semicolons,
 * trailing commas or parentheses. A byte comparison called such a copy "different", and the
 * next run then kept it and warned; by content it is ours, and current.
 *
 * The comparison runs TypeScript's scanner over both texts and compares what is left once
 * layout is set aside: white space and line breaks; `;`, `,`, `(` and `)`, which formatters
 * add and remove; string literals by their value, not their quotes; comments with their white
 * space collapsed. Any other change (an edited statement, another version's code or header) is
 * a difference.
 */
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

let typescript: typeof TypeScript | undefined;

/** Loaded on first use: only a run that finds a helper whose bytes differ pays for the compiler. */
function loadTypeScript(): typeof TypeScript {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return typescript;
}

function contentTokens(text: string): string[] {
  const ts = loadTypeScript();
  const { SyntaxKind } = ts;
  const layout = new Set([
    SyntaxKind.WhitespaceTrivia,
    SyntaxKind.NewLineTrivia,
    SyntaxKind.ShebangTrivia,
    SyntaxKind.SemicolonToken,
    SyntaxKind.CommaToken,
    SyntaxKind.OpenParenToken,
    SyntaxKind.CloseParenToken,
  ]);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const tokens: string[] = [];
  // The scanner alone cannot tell `}` that resumes a template, or `/` that starts a regular
  // expression; a parser would. These two stacks and the previous token are enough here.
  const braces: ('block' | 'template')[] = [];
  let previous: TypeScript.SyntaxKind = SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken) braces.push('block');
    else if (kind === SyntaxKind.TemplateHead) braces.push('template');
    else if (kind === SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      kind = scanner.reScanTemplateToken(false);
      if (kind === SyntaxKind.TemplateMiddle) braces.push('template');
    } else if ((kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) && !endsOperand(ts, previous)) {
      kind = scanner.reScanSlashToken();
    }
    const trivia = kind >= SyntaxKind.FirstTriviaToken && kind <= SyntaxKind.LastTriviaToken;
    if (!trivia) previous = kind;
    if (layout.has(kind)) continue;
    if (kind === SyntaxKind.SingleLineCommentTrivia || kind === SyntaxKind.MultiLineCommentTrivia) {
      tokens.push(scanner.getTokenText().replace(/\s+/g, ' '));
    } else if (kind === SyntaxKind.StringLiteral || kind === SyntaxKind.NoSubstitutionTemplateLiteral) {
      tokens.push(JSON.stringify(scanner.getTokenValue()));
    } else {
      tokens.push(scanner.getTokenText());
    }
  }
  return tokens;
}

/** Whether a `/` after a token of this kind divides (the token ends an operand) rather than starting a regular expression. */
function endsOperand(ts: typeof TypeScript, kind: TypeScript.SyntaxKind): boolean {
  const { SyntaxKind } = ts;
  return (
    kind === SyntaxKind.Identifier ||
    kind === SyntaxKind.PrivateIdentifier ||
    kind === SyntaxKind.NumericLiteral ||
    kind === SyntaxKind.BigIntLiteral ||
    kind === SyntaxKind.StringLiteral ||
    kind === SyntaxKind.NoSubstitutionTemplateLiteral ||
    kind === SyntaxKind.TemplateTail ||
    kind === SyntaxKind.RegularExpressionLiteral ||
    kind === SyntaxKind.CloseParenToken ||
    kind === SyntaxKind.CloseBracketToken ||
    kind === SyntaxKind.CloseBraceToken ||
    kind === SyntaxKind.ThisKeyword ||
    kind === SyntaxKind.SuperKeyword ||
    kind === SyntaxKind.TrueKeyword ||
    kind === SyntaxKind.FalseKeyword ||
    kind === SyntaxKind.NullKeyword
  );
}

/** Whether `text` is `ours` with only its layout changed (see the module comment). */
export function isReformattedCopy(text: string, ours: string): boolean {
  if (text === ours) return true;
  const a = contentTokens(text);
  const b = contentTokens(ours);
  return a.length === b.length && a.every((token, index) => token === b[index]);
}
