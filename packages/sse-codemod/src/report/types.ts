/**
 * The shape of `sse-codemod --report --json`, documented field by field in docs/report.md.
 * Scripts read it: a field may be added, but none renamed, removed or given another meaning
 * without a major version.
 */

/** The connections a browser opens at once to one origin over HTTP/1.1, shared by all tabs of a profile. */
export const CONNECTION_BUDGET = 6;

/** What the estimate assumes where the code cannot tell. */
export interface ReportAssumptions {
  /** Connections per origin that a browser allows: 6. */
  budget: number;
  /** `--reserve`: connections per origin kept free for ordinary requests (default 1); streams may hold `budget - reserve`. */
  reserve: number;
  /** `--items`: how many items a list, loop or key set holds (default 10). */
  items: number;
  /** `--tabs`: how many tabs of the app are open in one browser profile (default 1). */
  tabs: number;
}

/**
 * How many of a site's streams can be open at once:
 * - `once`: once per app (module level, a lazily shared singleton, a context provider);
 * - `per-instance`: once per instance of the component or per call of the hook that opens it;
 * - `per-item`: once per item (a loop, an iteration callback, a component rendered per item);
 * - `per-key`: once per key of the map, object or list it is stored in;
 * - `per-call`: once per call of a function that is neither a component nor a hook.
 */
export type Multiplicity = 'once' | 'per-instance' | 'per-item' | 'per-key' | 'per-call';

/** `static`: the whole URL is known; `template`: known text with `{…}` placeholders; `dynamic`: nothing known. */
export type UrlKind = 'static' | 'template' | 'dynamic';

/** An origin such as `https://api.example.com`, or one of these two. */
export const SAME_ORIGIN = '(same origin)';
export const UNKNOWN_ORIGIN = '(unknown)';

export interface ReportUrl {
  kind: UrlKind;
  /** The URL, with `{name}` where a value is only known at run time; null when `dynamic`. */
  text: string | null;
  /** The origin connected to: an absolute URL's origin, `(same origin)` for a relative URL, else `(unknown)`. */
  origin: string;
}

export interface ReportSite {
  /** `path:line:column`, as the table prints it: the key other sections refer to a site by. */
  location: string;
  /** Relative to the current directory, with `/`. */
  path: string;
  /** 1-based, of the `new` or the call that opens the stream. */
  line: number;
  column: number;
  /** What opens it: `{ module: null, export: "EventSource" }` for the browser's own. */
  client: { module: string | null; export: string };
  /** True for `sharedEventSource()` and `subscribe()` of the shared hub. */
  hub: boolean;
  url: ReportUrl;
  instances: {
    kind: Multiplicity;
    /** How many the estimate counts: 1, the places a component is rendered, or `items`. */
    count: number;
    /** Why, in words: "opened in a `map()` callback", "component `Badge`, rendered in 2 places". */
    reason: string;
  };
  /** What this site adds to its origin's estimate (0 when it rides a hub connection counted at another site). */
  connections: number;
  /** How the hub changes the count, when it does; null for a site that opens its own connections. */
  sharing: string | null;
  /** The plugin's rules that report this opening (`sse/no-eventsource-in-loop`, `sse/no-eventsource-per-item`). */
  flaggedBy: string[];
}

export interface OriginEstimate {
  origin: string;
  /** The worst case: the sum of its sites' `connections`. */
  connections: number;
  budget: number;
  /** The connections left for streams: `budget` less the reserve kept for ordinary requests. */
  available: number;
  /** How many connections above `available`; 0 within it. */
  over: number;
  /** The `location` of every site that connects to it. */
  sites: string[];
}

/** Sites (or the instances of one site) that open the same URL: the hub's dedupe mode gives them one connection. */
export interface MergeCandidate {
  /** The URL as the first of its sites writes it. */
  url: string;
  /**
   * True when the URL is the same on every run (`sse/no-duplicate-stream`'s key: known text,
   * constants, environment variables, imports); false for a template of run-time values, whose
   * instances share only when the values match.
   */
  exact: boolean;
  /** The `location` of each site. */
  sites: string[];
  /** The connections they count for now, summed. */
  connections: number;
}

/** The hub setup read from `configureHub()` calls (absent: dedupe mode, no cross-tab sharing). */
export interface ReportHubSetup {
  mode: 'multiplex' | 'dedupe';
  /** The multiplexer's URL in multiplex mode; null in dedupe mode. */
  endpoint: string | null;
  crossTab: boolean;
  /** The `location` of each `configureHub()` call read, in the order applied. */
  configuredAt: string[];
  /** The `mergeTopics` rules read (literal `url` and `param`), when there are any: their topics ride one connection in any mode. */
  mergeTopics?: { url: string; param: string }[];
}

export interface ReportFileIssue {
  path: string;
  reason: string;
}

export interface ReportFiles {
  /** Files found under the paths (.gitignore, node_modules, .d.ts excluded). */
  scanned: number;
  /** Of those, the files that mention a stream or the hub, so were analysed. */
  analysed: number;
  /** Files that could not be read or parsed: their sites are missing from the report. */
  failed: ReportFileIssue[];
  /** Files not read: symbolic link, binary, over 10 MiB, not UTF-8. */
  skipped: ReportFileIssue[];
}

export interface BudgetReport {
  assumptions: ReportAssumptions;
  hub: ReportHubSetup;
  /** Every stream site, sorted by path, line and column. */
  sites: ReportSite[];
  /** One entry per origin, `(same origin)` first, `(unknown)` last. */
  origins: OriginEstimate[];
  mergeCandidates: MergeCandidate[];
  files: ReportFiles;
}
