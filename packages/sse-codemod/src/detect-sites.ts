/**
 * Finds what to rewrite by running the plugin's own repeated-stream rules through ESLint's
 * `Linter`: the codemod has no detector of its own, so it rewrites exactly what the rules
 * report, and each report leads to the openings it is about (`flagged-openings.ts`).
 */
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter, type SourceCode } from 'eslint';
import path from 'node:path';
import { flaggedOpenings, getStreamOpenings, streamOpenedAtMount, streamUrlArgument, streamUrlOf } from 'eslint-plugin-sse/detection';
import type { StreamOpening, StreamWrapper } from 'eslint-plugin-sse/detection';
import plugin from 'eslint-plugin-sse';
import { type ScriptBlock, componentParser, isComponentFile, scriptBlocks } from './component-files.js';
import { describeUrl } from './report/describe-url.js';
import { varyingQueryParameters } from './topic-urls.js';
import type { SourcePosition } from './types.js';

/**
 * The rules whose findings the codemod moves onto the shared hub: streams repeated per item, and
 * streams several consumers open to one URL. A single stream beside them is never converted.
 */
export const REWRITTEN_RULES = ['sse/no-eventsource-in-loop', 'sse/no-eventsource-per-item', 'sse/no-duplicate-stream'] as const;

/** A stream opening that at least one rule flagged, with the first rule that did. */
export interface FlaggedSite {
  opening: StreamOpening;
  rule: string;
  /**
   * Repeated with a URL that can differ from one repetition to the next (`/rows/${id}`): the
   * hub's dedupe mode shares only equal URLs, so only the multiplexer lowers the count.
   */
  urlPerItem: boolean;
  /** The origin its URL connects to, as the report tells it: an absolute URL's, `(same origin)`, or `(unknown)`. */
  urlOrigin: string;
  /** The query parameters whose values alone vary in its URL (`topic` in `/hub?topic=${topic}`), or null. */
  topicParameters: string[] | null;
  /** Its URL as `describeUrl` keys it (`/hub?topic={}`), or null when only known at run time. */
  urlKey: string | null;
}

const PER_ITEM_RULE = 'sse/no-eventsource-per-item';
const DUPLICATE_RULE = 'sse/no-duplicate-stream';
const REPETITION_RULES = new Set(['sse/no-eventsource-in-loop', PER_ITEM_RULE]);

export interface Comment {
  value: string;
  /** 1-based lines, as ESLint gives them. */
  startLine: number;
  endLine: number;
}

/** `esm` when the file imports or exports; `commonjs` for `.cjs` or `require`/`module.exports`; else `none`. */
export type ModuleKind = 'esm' | 'commonjs' | 'none';

export type Detection =
  /** `blocks`: a `.vue` or `.svelte` file's `<script>` blocks, where all its sites are; null for other files. */
  | { ok: true; sites: FlaggedSite[]; comments: Comment[]; moduleKind: ModuleKind; blocks: ScriptBlock[] | null }
  | { ok: false; error: string };

const linter = new Linter({ configType: 'flat' });

const EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.vue', '.svelte'];

const JAVASCRIPT_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);

/**
 * ESLint's own parser for JavaScript (about twice as fast as typescript-eslint's), with JSX
 * on, since React code lives in `.js` files too; typescript-eslint's for TypeScript, and for
 * JavaScript espree rejects (decorators, for one).
 */
function configFor(extension: string, parser: 'espree' | 'typescript' | Linter.Parser, options: StreamLintOptions): Linter.Config[] {
  const commonJs = extension === '.cjs' || extension === '.cts';
  const wrappers = options.wrappers && options.wrappers.length > 0 ? { wrappers: [...options.wrappers] } : {};
  const ruleEntry = (rule: (typeof REWRITTEN_RULES)[number]): Linter.RuleEntry =>
    // One file at a time, the codemod cannot see that a component whose URL comes from its props
    // is rendered per item elsewhere, nor who calls a hook; it converts every such component and
    // hook, as the rule's opt-ins do.
    rule === 'sse/no-eventsource-per-item'
      ? ['error', { ...wrappers, reportUrlFromProps: true, reportHookWithoutCallers: true }]
      : ['error', wrappers];
  // A component's parser hands its `<script>` blocks to typescript-eslint's, which reads JavaScript too.
  const parserOptions =
    typeof parser === 'object'
      ? { parser, parserOptions: { parser: typescriptParser, ecmaFeatures: { jsx: true } } }
      : parser === 'typescript'
        ? { parser: typescriptParser }
        : { parserOptions: { ecmaFeatures: { jsx: true } } };
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte}'],
      plugins: { sse: plugin as never },
      languageOptions: {
        ...parserOptions,
        sourceType: commonJs ? 'commonjs' : 'module',
        ecmaVersion: 'latest',
      },
      // Users' `eslint-disable sse/…` comments opt sites out, as in their editor (unless
      // `ignoreInlineConfig`); comments about rules this config does not load must not become errors.
      linterOptions: {
        reportUnusedDisableDirectives: 'off',
        reportUnusedInlineConfigs: 'off',
        ...(options.ignoreInlineConfig ? { noInlineConfig: true } : {}),
      },
      rules: options.parseOnly ? {} : Object.fromEntries(REWRITTEN_RULES.map((rule) => [rule, ruleEntry(rule)])),
    },
  ];
}

export interface StreamLintOptions {
  /** Stream openers besides the known ones, passed to both rules as their `wrappers` option. */
  wrappers?: readonly StreamWrapper[];
  /** Ignore `eslint-disable` and other inline config comments (a disabled report still opens its connection). */
  ignoreInlineConfig?: boolean;
  /** Parse only, for the `SourceCode` and its scopes: no rule runs. */
  parseOnly?: boolean;
}

export type StreamLint =
  | { ok: true; sourceCode: SourceCode; messages: Linter.LintMessage[] }
  | { ok: false; error: string };

/**
 * Lints `text` with the repeated-stream rules as a file with `filePath`'s extension: the
 * rules' findings, and the file's `SourceCode` (with its scope analysis) for more questions.
 */
export function lintWithStreamRules(filePath: string, text: string, options: StreamLintOptions = {}): StreamLint {
  const extension = path.extname(filePath).toLowerCase();
  // The file name only picks the parser's dialect; a fixed one keeps ESLint's path matching out of it.
  const filename = `input${EXTENSIONS.includes(extension) ? extension : '.js'}`;
  if (isComponentFile(filename)) {
    const component = componentParser(extension);
    if (!component.ok) return component;
    return verified(linter.verify(text, configFor(extension, component.parser, options), { filename }));
  }
  let messages = JAVASCRIPT_EXTENSIONS.has(extension)
    ? linter.verify(text, configFor(extension, 'espree', options), { filename })
    : null;
  if (!messages || messages.some((message) => message.fatal)) {
    messages = linter.verify(text, configFor(extension, 'typescript', options), { filename });
  }
  return verified(messages);
}

/** The lint of the file `linter` just verified: its messages and `SourceCode`, or its syntax error. */
function verified(messages: Linter.LintMessage[]): StreamLint {
  const fatal = messages.find((message) => message.fatal);
  if (fatal) return { ok: false, error: `${fatal.message.replace(/^Parsing error: /, 'syntax error: ')} (${fatal.line}:${fatal.column})` };

  const sourceCode = linter.getSourceCode();
  if (!sourceCode) return { ok: false, error: messages[0]?.message ?? 'ESLint did not lint the file' };
  return { ok: true, sourceCode, messages };
}

/**
 * Lints `text` as a file with `filePath`'s extension and returns the flagged openings, in source
 * order, with the openings at `sharedUrlOpenings`: a URL other files open too (`PlanRequest`).
 */
export function detectFlaggedSites(filePath: string, text: string, sharedUrlOpenings: readonly SourcePosition[] = []): Detection {
  const extension = path.extname(filePath).toLowerCase();
  const lint = lintWithStreamRules(filePath, text);
  if (!lint.ok) return lint;
  const { sourceCode, messages } = lint;
  const byStart = new Map<number, FlaggedSite>();
  const blocks = isComponentFile(filePath) ? scriptBlocks(sourceCode, extension) : null;
  const instanceBlocks = blocks?.filter((block) => block.perInstance) ?? [];
  const urlOf = (opening: StreamOpening) => {
    const url = describeUrl(sourceCode as never, streamUrlArgument(opening));
    return { urlOrigin: url.origin, topicParameters: varyingQueryParameters(url.key), urlKey: url.key };
  };
  const urlPerItem = (opening: StreamOpening, rule: string) =>
    repeatedUrlVaries(sourceCode, filePath, opening, rule) || (REPETITION_RULES.has(rule) && urlReadsInstanceScript(sourceCode, opening, instanceBlocks));
  for (const message of messages) {
    if (!message.ruleId || !(REWRITTEN_RULES as readonly string[]).includes(message.ruleId)) continue;
    for (const opening of flaggedOpenings(sourceCode, { ...message, messageId: message.messageId })) {
      const start = opening.node.range[0];
      if (!byStart.has(start)) byStart.set(start, { opening, rule: message.ruleId, urlPerItem: urlPerItem(opening, message.ruleId), ...urlOf(opening) });
    }
  }
  if (sharedUrlOpenings.length > 0) {
    for (const opening of getStreamOpenings(sourceCode as never)) {
      const { line, column } = opening.node.loc.start;
      const shared = sharedUrlOpenings.some((position) => position.line === line && position.column === column + 1);
      // One URL, the same on every run: dedupe mode shares it, so it is never left for the multiplexer.
      if (shared && !byStart.has(opening.node.range[0])) byStart.set(opening.node.range[0], { opening, rule: DUPLICATE_RULE, urlPerItem: false, ...urlOf(opening) });
    }
  }
  const mounted = blocks ? streamOpenedAtMount(sourceCode as never, []) : null;
  // Each instance of the component opens it. One file at a time, the codemod cannot see whether
  // another template renders the component per item; it converts it, as the rule's opt-in
  // `reportHookWithoutCallers` does for a React hook.
  if (mounted && !byStart.has(mounted.node.range[0])) {
    byStart.set(mounted.node.range[0], { opening: mounted, rule: PER_ITEM_RULE, urlPerItem: urlPerItem(mounted, PER_ITEM_RULE), ...urlOf(mounted) });
  }
  const sites = [...byStart.values()].sort((a, b) => a.opening.node.range[0] - b.opening.node.range[0]);
  const comments = sourceCode.getAllComments().map((comment) => ({
    value: comment.value,
    startLine: sourceCode.getLocFromIndex(comment.range![0]).line,
    endLine: sourceCode.getLocFromIndex(comment.range![1]).line,
  }));
  // Vue and Svelte compile every `<script>` to an ES module.
  return { ok: true, sites, comments, moduleKind: blocks ? 'esm' : moduleKindOf(sourceCode, extension), blocks };
}

/**
 * Whether a repeated opening's URL may differ per repetition: `streamUrlOf` gives a URL only
 * when it is the same on every run (text, constants, imports, `location`); a prop, a parameter
 * or state makes it differ, and so does an opening without a URL argument the codemod can read.
 */
function repeatedUrlVaries(sourceCode: SourceCode, filePath: string, opening: StreamOpening, rule: string): boolean {
  if (!REPETITION_RULES.has(rule)) return false;
  const url = streamUrlArgument(opening);
  return url === null || streamUrlOf({ sourceCode: sourceCode as never, fileName: filePath }, url) === null;
}

/**
 * Whether the URL reads a name declared in a `<script setup>` (`props.id`) or a Svelte instance
 * script (`const { id } = $props()`), which is code run per instance although the scope
 * analysis sees module-level constants there.
 */
function urlReadsInstanceScript(sourceCode: SourceCode, opening: StreamOpening, blocks: readonly ScriptBlock[]): boolean {
  const url = streamUrlArgument(opening);
  if (!url || blocks.length === 0) return false;
  const inBlock = (offset: number) => blocks.some((block) => block.start <= offset && offset <= block.end);
  const scope = sourceCode.getScope(opening.node as never);
  return readNames(url).some((name) => {
    let variable = null;
    for (let current: typeof scope | null = scope; current && !variable; current = current.upper) variable = current.set.get(name) ?? null;
    const definition = variable?.defs[0];
    return definition !== undefined && definition.type !== 'ImportBinding' && inBlock(definition.name.range![0]);
  });
}

/** The names an expression reads: `props` in `` `/jobs/${props.id}` ``, not the property `id`. */
function readNames(node: object): string[] {
  const names: string[] = [];
  const visit = (current: object, key: string, parent: object | null): void => {
    const typed = current as { type?: unknown; name?: unknown; computed?: boolean };
    const isProperty = parent !== null && (parent as { type?: unknown }).type === 'MemberExpression' && key === 'property' && !(parent as { computed?: boolean }).computed;
    if (typed.type === 'Identifier' && typeof typed.name === 'string' && !isProperty) names.push(typed.name);
    for (const [childKey, value] of Object.entries(current)) {
      if (childKey === 'parent' || value === null || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as object, childKey, current);
      }
    }
  };
  visit(node, '', null);
  return names;
}

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports']);

function moduleKindOf(sourceCode: SourceCode, extension: string): ModuleKind {
  if (extension === '.cjs' || extension === '.cts') return 'commonjs';
  const isEsm = sourceCode.ast.body.some(
    (statement) =>
      statement.type === 'ImportDeclaration' ||
      statement.type === 'ExportNamedDeclaration' ||
      statement.type === 'ExportDefaultDeclaration' ||
      statement.type === 'ExportAllDeclaration',
  );
  if (isEsm) return 'esm';
  // TypeScript's `export =` and `import x = require()` compile to CommonJS.
  const tsCommonJs = sourceCode.ast.body.some((statement) =>
    ['TSExportAssignment', 'TSImportEqualsDeclaration'].includes(statement.type as string),
  );
  if (tsCommonJs) return 'commonjs';
  const through = sourceCode.scopeManager?.globalScope?.through ?? [];
  return through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name)) ? 'commonjs' : 'none';
}
