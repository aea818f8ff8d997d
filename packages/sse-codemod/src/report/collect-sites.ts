/**
 * The stream sites of one file, for the report: every opening the shared analysis finds
 * (the known clients, and the hub's `sharedEventSource`/`subscribe`), with what it connects
 * to and how many of it can be open at once, plus the file's `configureHub()` calls.
 *
 * The file is linted with the plugin's two repeated-stream rules, as the codemod does, so
 * that "per item" means what the rules flag; `eslint-disable` comments are ignored here,
 * because a silenced report still opens its connections.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { flaggedOpenings } from 'eslint-plugin-sse/detection';
import { DEFAULT_ITERATION_METHODS, collectionHelperImports } from 'eslint-plugin-sse/detection';
import { getStreamOpeners } from 'eslint-plugin-sse/detection';
import type { StreamOpening } from 'eslint-plugin-sse/detection';
import { componentNameOfTag, getStreamOpenings, streamOpenedAtMount, streamUrlArgument, streamUrlOf } from 'eslint-plugin-sse/detection';
import { isComponentFile } from '../component-files.js';
import { REWRITTEN_RULES, lintWithStreamRules } from '../detect-sites.js';
import { type DescribedUrl, describeUrl } from './describe-url.js';
import { type HubConfigurationCall, hubConfigurationCalls } from './hub-configuration.js';
import { type HubModules, hubSpecifiersIn, hubWrappers } from './hub-modules.js';
import { type Classification, type FileAnalysis, type OpeningFlag, classifyComponentInstance, classifyOpening } from './multiplicity.js';
import { templateUses } from './template-uses.js';

/** A site before the project-wide estimate gives it its connections. */
export interface CollectedSite {
  location: string;
  path: string;
  line: number;
  column: number;
  client: { module: string | null; export: string };
  hub: boolean;
  url: DescribedUrl;
  /**
   * The key `sse/no-duplicate-stream` gives the URL (`streamUrlOf`): equal keys open the same URL
   * on every run, after constants, environment variables and imports are read. Null when the URL
   * may differ between runs (a parameter, a prop, state); the report's merge candidates come from it.
   */
  sameUrlKey: string | null;
  multiplicity: Classification;
  flaggedBy: string[];
}

export type FileCollection =
  | { ok: true; sites: CollectedSite[]; hubCalls: HubConfigurationCall[] }
  | { ok: false; error: string };

export interface CollectRequest {
  /** The file on disk: picks the parser and resolves relative imports of the hub. */
  file: string;
  /** The path the report prints. */
  reportPath: string;
  text: string;
}

/**
 * In a `.vue` or `.svelte` file, the stream each instance opens at mount counts per instance of
 * the component (a `<script setup>`'s top level looks like module code to the generic reading),
 * unless it already repeats within the component (a loop, a key).
 */
function componentClassifier(
  sourceCode: Readonly<TSESLint.SourceCode>,
  file: string,
  wrappers: Parameters<typeof streamOpenedAtMount>[1],
): (opening: StreamOpening, generic: Classification) => Classification {
  if (!isComponentFile(file)) return (_opening, generic) => generic;
  const mounted = streamOpenedAtMount(sourceCode, wrappers);
  const extension = path.extname(file).toLowerCase();
  const name = componentNameOfTag(path.basename(file, extension));
  return (opening, generic) => {
    if (opening.node !== mounted?.node || generic.kind === 'per-item' || generic.kind === 'per-key') return generic;
    return classifyComponentInstance(name, templateUses(sourceCode, name, extension));
  };
}

/** Never throws: a file the linter cannot take is a failed file, and the run goes on. */
export function collectFileSites(request: CollectRequest, hub: HubModules): FileCollection {
  try {
    return collect(request, hub);
  } catch (error) {
    return { ok: false, error: `could not be analysed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function collect(request: CollectRequest, hub: HubModules): FileCollection {
  const specifiers = hubSpecifiersIn(request.text, request.file, hub);
  const wrappers = hubWrappers(specifiers);
  const lint = lintWithStreamRules(request.file, request.text, { wrappers, ignoreInlineConfig: true });
  if (!lint.ok) return lint;
  // ESLint's SourceCode is the one typescript-eslint types; the shared analysis takes that type.
  const sourceCode = lint.sourceCode as unknown as TSESLint.SourceCode;
  const locate = (node: TSESTree.Node): string => `${request.reportPath}:${node.loc.start.line}:${node.loc.start.column + 1}`;
  const hubCalls = hubConfigurationCalls(sourceCode, specifiers, locate);

  const openings = getStreamOpenings(sourceCode, wrappers);
  if (openings.length === 0) return { ok: true, sites: [], hubCalls };

  const flagsByOpening = new Map<TSESTree.Node, OpeningFlag[]>();
  for (const message of lint.messages) {
    if (!message.ruleId || !(REWRITTEN_RULES as readonly string[]).includes(message.ruleId)) continue;
    const flag: OpeningFlag = { rule: message.ruleId, messageId: message.messageId ?? '', line: message.line };
    for (const opening of flaggedOpenings(sourceCode, { ...message, messageId: message.messageId })) {
      const flags = flagsByOpening.get(opening.node) ?? [];
      flags.push(flag);
      flagsByOpening.set(opening.node, flags);
    }
  }

  const analysis: FileAnalysis = {
    sourceCode,
    openers: getStreamOpeners(sourceCode, openings),
    // The rules' defaults, so that a loop here is a loop there.
    repetitionOptions: { iterationMethods: DEFAULT_ITERATION_METHODS, helperImports: collectionHelperImports(sourceCode.ast) },
  };
  const hubModules = new Set(specifiers);
  const classify = componentClassifier(sourceCode, request.file, wrappers);
  const sameUrlKey = (opening: StreamOpening): string | null => {
    const argument = streamUrlArgument(opening);
    return (argument && streamUrlOf({ sourceCode, fileName: request.file }, argument)?.key) ?? null;
  };
  const sites = openings.map((opening): CollectedSite => {
    const flags = flagsByOpening.get(opening.node) ?? [];
    const { line, column } = opening.node.loc.start;
    return {
      location: locate(opening.node),
      path: request.reportPath,
      line,
      column: column + 1,
      client: { module: opening.source.module, export: opening.source.exportName },
      hub: opening.source.userDefined && hubModules.has(opening.source.module ?? ''),
      url: describeUrl(sourceCode, streamUrlArgument(opening)),
      sameUrlKey: sameUrlKey(opening),
      multiplicity: classify(opening, classifyOpening(analysis, opening, flags)),
      flaggedBy: [...new Set(flags.map((flag) => flag.rule))].sort(),
    };
  });
  return { ok: true, sites, hubCalls };
}
