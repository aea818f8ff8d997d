/**
 * The stream openings of a file, grouped by the URL they connect to (`stream-urls.ts`), each
 * with the consumer that keeps it open (`stream-consumers.ts`), and which of them hold a
 * connection at the same time. `no-duplicate-stream` reports openings of one URL by several
 * consumers; a report of the project's connections can read the same index.
 *
 * Two openings of one URL in one file are concurrent unless they are alternatives: the branches
 * of one condition, a fallback, a re-opening that replaces the stream in the same variable or
 * property, or two components that the file renders in exclusive branches (`live ? <A /> : <B />`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { bindingOf, asComponentOrHook, renderSites } from './components.js';
import { areAlternatives } from './exclusive-branches.js';
import { includesHolder } from './lifecycle/holder-paths.js';
import { streamHolding } from './lifecycle/stream-holders.js';
import { type StreamConsumer, standingConsumerOf } from './stream-consumers.js';
import { type StreamOpening, type StreamWrapper, getStreamOpenings, streamUrlArgument } from './stream-sources.js';
import { type ImportResolver, type StreamUrl, streamUrlOf } from './stream-urls.js';

export interface UrlOpening {
  readonly opening: StreamOpening;
  readonly url: StreamUrl;
  /**
   * What keeps the stream open beside other consumers; null when nothing in the file shows that
   * it does (a one-shot request, a stream opened in a handler or by a plain function). Worked
   * out on first read: a URL that only one opening uses rarely needs it.
   */
  readonly consumer: StreamConsumer | null;
}

class IndexedOpening implements UrlOpening {
  #consumer: StreamConsumer | null | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly opening: StreamOpening,
    readonly url: StreamUrl,
  ) {}

  get consumer(): StreamConsumer | null {
    if (this.#consumer === undefined) this.#consumer = standingConsumerOf(this.sourceCode, this.opening);
    return this.#consumer;
  }
}

export interface UrlIndexOptions {
  wrappers?: readonly StreamWrapper[];
  /** The file's name, as the program or ESLint gives it: it keys module-level values of unknown content. */
  fileName: string;
  /** Follows imports into the files that declare them (type-aware mode). */
  resolveImport?: ImportResolver | undefined;
}

const cache = new WeakMap<object, Map<string, ReadonlyMap<string, readonly UrlOpening[]>>>();

function computeIndex(sourceCode: Readonly<TSESLint.SourceCode>, options: UrlIndexOptions): Map<string, UrlOpening[]> {
  const byUrl = new Map<string, UrlOpening[]>();
  const context = { sourceCode, fileName: options.fileName, resolveImport: options.resolveImport };
  for (const opening of getStreamOpenings(sourceCode, options.wrappers ?? [])) {
    const argument = streamUrlArgument(opening);
    const url = argument && streamUrlOf(context, argument);
    if (!url) continue;
    const openings = byUrl.get(url.key) ?? [];
    openings.push(new IndexedOpening(sourceCode, opening, url));
    byUrl.set(url.key, openings);
  }
  return byUrl;
}

/**
 * Every opening of the file whose URL is the same on every run, by URL key, in source order.
 * Computed once per file and set of options, however many rules (or a report) ask.
 */
export function streamOpeningsByUrl(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: UrlIndexOptions,
): ReadonlyMap<string, readonly UrlOpening[]> {
  const key = JSON.stringify([options.fileName, options.wrappers ?? [], options.resolveImport !== undefined]);
  let byOptions = cache.get(sourceCode);
  if (!byOptions) {
    byOptions = new Map();
    cache.set(sourceCode, byOptions);
  }
  let index = byOptions.get(key);
  if (!index) {
    index = computeIndex(sourceCode, options);
    byOptions.set(key, index);
  }
  return index;
}

/** Whether both streams are kept under one name, so that the later opening replaces the earlier (a re-open). */
function replacesTheOther(sourceCode: Readonly<TSESLint.SourceCode>, a: StreamOpening, b: StreamOpening): boolean {
  const first = streamHolding(sourceCode, a);
  const second = streamHolding(sourceCode, b);
  return first.kind === 'held' && second.kind === 'held' && first.paths.some((path) => includesHolder(second.paths, path));
}

/** Whether the file renders the two components only in exclusive branches of one condition. */
function renderedAsAlternatives(sourceCode: Readonly<TSESLint.SourceCode>, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const sitesOf = (node: TSESTree.Node) => {
    const unit = asComponentOrHook(node);
    const binding = unit && unit.kind !== 'hook' ? bindingOf(sourceCode, unit) : null;
    return binding ? renderSites(sourceCode, binding) : [];
  };
  const sitesA = sitesOf(a);
  const sitesB = sitesOf(b);
  return (
    sitesA.length > 0 &&
    sitesB.length > 0 &&
    sitesA.every((siteA) => sitesB.every((siteB) => areAlternatives(siteA.node, siteB.node)))
  );
}

/**
 * Whether two openings of one URL in one file hold a connection each at the same time: both
 * kept open by a consumer, and not alternatives of each other (see the module comment).
 */
export function areConcurrent(sourceCode: Readonly<TSESLint.SourceCode>, a: UrlOpening, b: UrlOpening): boolean {
  if (a.opening === b.opening || !a.consumer || !b.consumer) return false;
  if (a.consumer.node !== b.consumer.node) {
    return !(a.consumer.kind === 'component' && b.consumer.kind === 'component' && renderedAsAlternatives(sourceCode, a.consumer.node, b.consumer.node));
  }
  return !areAlternatives(a.opening.node, b.opening.node) && !replacesTheOther(sourceCode, a.opening, b.opening);
}
