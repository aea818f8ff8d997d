/**
 * Whether the app already runs the hub in multiplex mode: a `configureHub({ endpoint })` or
 * `createHub({ endpoint })` call somewhere in the files the codemod reads. Read from the text,
 * before any file is planned, because every file's plan depends on it: without the multiplexer,
 * a stream opened per item with a URL of its own is not worth rewriting (`conversions.ts`).
 */

/** Where a hub configuration call's options object starts. */
export const HUB_CONFIGURATION = /\b(?:configureHub|createHub)\s*\(\s*\{/g;
/** How far into the options object the endpoint is looked for. */
const OPTIONS_WINDOW = 800;
const ENDPOINT_VALUE = /^endpoint\s*(?::\s*(?:(['"`])([^'"`\n]*)\1)?|(?=[,}\s]|$))/;

export interface MultiplexSetup {
  /** The endpoint as written, or null when it is not a string literal (a variable, an env value). */
  endpoint: string | null;
}

/** The first hub configuration with an `endpoint` in `text`, or undefined when there is none. */
export function multiplexSetupIn(text: string): MultiplexSetup | undefined {
  if (!text.includes('endpoint')) return undefined;
  for (const match of text.matchAll(HUB_CONFIGURATION)) {
    // A comment configures nothing, and the codemod's own TODO names `configureHub({ endpoint })`:
    // read as a setup, it made the next run rewrite the very streams the TODO left alone.
    if (inComment(text, match.index)) continue;
    const options = text.slice(match.index + match[0].length, match.index + match[0].length + OPTIONS_WINDOW);
    const found = topLevelEndpoint(options);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A line comment before the call on its line (not the `//` of `'https://…'`). */
const LINE_COMMENT = /(?:^|[\s;{}()])\/\//;

/**
 * Whether the call at `index` is commented out: a line comment before it on its line, or a
 * block comment still open that starts its own line (a `/*` inside a string such as
 * `'/api/*'` does not).
 */
export function inComment(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  if (LINE_COMMENT.test(text.slice(lineStart, index))) return true;
  const opened = text.lastIndexOf('/*', index);
  if (opened === -1 || opened < text.lastIndexOf('*/', index)) return false;
  return /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', opened - 1) + 1, opened));
}

/**
 * The `endpoint` property among the object's own (depth 0) properties, read until the object
 * closes: `crossTab: new URLSearchParams(location.search).get('x')` beside it must not hide it,
 * and an `endpoint` of a nested object is not the hub's.
 */
function topLevelEndpoint(options: string): MultiplexSetup | undefined {
  let depth = 0;
  let quote: string | null = null;
  let propertyStart = true;
  for (let index = 0; index < options.length; index++) {
    const character = options[index]!;
    if (quote !== null) {
      if (character === '\\') index++;
      else if (character === quote) quote = null;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') {
      quote = character;
      propertyStart = false;
    } else if ('{[('.includes(character)) {
      depth++;
    } else if ('}])'.includes(character)) {
      if (depth === 0) return undefined;
      depth--;
    } else if (character === ',' && depth === 0) {
      propertyStart = true;
    } else if (propertyStart && depth === 0 && /\S/.test(character)) {
      propertyStart = false;
      const property = ENDPOINT_VALUE.exec(options.slice(index));
      if (property) return { endpoint: property[2] ?? null };
    }
  }
  return undefined;
}
