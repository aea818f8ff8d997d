/**
 * Whether the app merges a Mercure-style server's topics onto one connection: a
 * `configureHub({ mergeTopics: [{ url, param, topicOf }] })` (or `createHub`) call somewhere in
 * the files the codemod reads. With such a rule, streams opened per item on that URL with a topic
 * of their own in `param` share one connection in any hub mode, so rewriting them saves
 * connections (`topic-urls.ts`). Read from the text, before any file is planned, as
 * `multiplex-setup.ts` reads the endpoint, and as conservatively: only a rule whose `url` and
 * `param` are string literals counts, since a value known only at run time may name another server.
 */
import { HUB_CONFIGURATION, inComment } from './multiplex-setup.js';

export interface MergeTopicsSetup {
  /** The server's URL without the topic parameter, as written: `'/.well-known/mercure'` or absolute. */
  url: string;
  /** The query parameter that names one topic: Mercure's `'topic'`. */
  param: string;
}

/** How far into the options object the rules are looked for: `topicOf` functions can be long. */
const OPTIONS_WINDOW = 4000;
/** A property's name and the start of its value: `mergeTopics:`, `'url' :`. */
const PROPERTY = /^(?:(['"])([A-Za-z_$][\w$]*)\1|([A-Za-z_$][\w$]*))\s*:/;
/** A whole string literal value, with no escapes or interpolation. */
const STRING_LITERAL = /^(['"`])([^'"`\\\n$]*)\1$/;

/** Every merge rule with literal `url` and `param` in the hub configuration calls of `text`, in source order. */
export function mergeTopicsSetupIn(text: string): MergeTopicsSetup[] {
  if (!text.includes('mergeTopics')) return [];
  const rules: MergeTopicsSetup[] = [];
  for (const match of text.matchAll(HUB_CONFIGURATION)) {
    // A comment configures nothing, and the codemod's own TODO names `configureHub({ mergeTopics: … })`.
    if (inComment(text, match.index)) continue;
    const start = match.index + match[0].length;
    const options = topLevelProperties(text.slice(start, start + OPTIONS_WINDOW));
    const list = options.get('mergeTopics');
    if (list === undefined || !list.startsWith('[')) continue;
    for (const element of topLevelItems(list.slice(1))) {
      if (!element.startsWith('{')) continue;
      const properties = topLevelProperties(element.slice(1));
      const url = STRING_LITERAL.exec(properties.get('url') ?? '')?.[2];
      const param = STRING_LITERAL.exec(properties.get('param') ?? '')?.[2];
      if (url && param) rules.push({ url, param });
    }
  }
  return rules;
}

/**
 * The items of a list whose opening bracket is already consumed, split at its own (depth 0)
 * commas until it closes, each trimmed; an unclosed list (cut by the window) gives only the
 * items known to be whole.
 */
function topLevelItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let itemStart = 0;
  for (let index = 0; index < body.length; index++) {
    const character = body[index]!;
    if (quote !== null) {
      if (character === '\\') index++;
      else if (character === quote) quote = null;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') quote = character;
    else if ('{[('.includes(character)) depth++;
    else if ('}])'.includes(character)) {
      if (depth === 0) {
        items.push(body.slice(itemStart, index).trim());
        return items.filter((item) => item !== '');
      }
      depth--;
    } else if (character === ',' && depth === 0) {
      items.push(body.slice(itemStart, index).trim());
      itemStart = index + 1;
    }
  }
  return items.slice(0, -1).filter((item) => item !== '');
}

/** An object literal's own properties by name, its opening brace consumed: values as written, trimmed. Spreads and methods are left out. */
function topLevelProperties(body: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const item of topLevelItems(body)) {
    const property = PROPERTY.exec(item);
    if (property) properties.set(property[2] ?? property[3]!, item.slice(property[0].length).trim());
  }
  return properties;
}
