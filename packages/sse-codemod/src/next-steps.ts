/**
 * What a run that rewrote streams tells the user to do next, and what it changed beyond the
 * diff: the one line the app must add, what the server must serve, how the hub's behaviour
 * differs from the native `EventSource` it replaced, and which tests will notice.
 *
 * The migration trial behind issue 13 found both behaviour changes silent: a native
 * `EventSource` retries network errors forever while the hub waits, past its attempt limit, for
 * the page to come back online or visible, and a consumer that joins an open stream does not get
 * the events sent before it joined unless the app opts into a replay of the last one.
 */
import { dirname, join } from 'node:path';
import { isTestFile } from 'eslint-plugin-sse/detection';
import { DEFAULT_HUB_ENDPOINT } from 'sse-hub';

/**
 * A test file that replaces `EventSource` or counts its constructions: after the rewrite, the
 * code under test opens one shared connection through the hub instead of one per subscriber.
 */
const EVENTSOURCE_MOCK = new RegExp(
  [
    String.raw`\b(?:globalThis|global|window|self)\.EventSource\s*=[^=]`,
    String.raw`\bstubGlobal\(\s*['"]EventSource['"]`,
    String.raw`\bdefineProperty\(\s*(?:globalThis|global|window|self)\s*,\s*['"]EventSource['"]`,
    String.raw`\b(?:vi|jest)\.(?:mock|doMock|spyOn)\(\s*(?:['"](?:eventsource|reconnecting-eventsource|event-source-polyfill|extended-eventsource|@microsoft/fetch-event-source|sse\.js)['"]|(?:globalThis|global|window|self)\s*,\s*['"]EventSource['"])`,
    String.raw`\bEventSource\w*\.mock\.(?:calls|instances|results)`,
    String.raw`\b(?:Mock|Fake)EventSource\b`,
  ].join('|'),
);

/** Whether `file` is a test file (by the rules' own test) whose text mocks `EventSource` or counts its constructions. */
export function mocksEventSource(file: string, text: string): boolean {
  return isTestFile(file) && EVENTSOURCE_MOCK.test(text);
}

export interface NextStepsInput {
  /** The module the rewritten files import `sharedEventSource` from, as the user would import it. */
  helperModule: string;
  /** Whether the run wrote (`--write`); a dry run says what `--write` would leave to do. */
  written: boolean;
  /** The multiplexer's path for the `configureHub` line: `--endpoint`, the app's own, or the default. */
  endpoint?: string;
  /** Whether any site was rewritten; without one, only the lines about what was left are printed. */
  rewritten?: boolean;
  /**
   * Whether every rewritten site is a stream per item that the app's `configureHub({ mergeTopics })`
   * already carries: then no multiplexer is needed, and saying to mount one would be wrong advice
   * (a Mercure hub's app may not be a Node one).
   */
  onlyMerged?: boolean;
  /** `path:line` of each stream left alone because only the multiplexer would lower its count. */
  distinctUrlSites?: readonly string[];
  /** `path:line` of each stream left alone whose URL varies per item only in a query parameter (`?topic=`). */
  topicUrlSites?: readonly string[];
  /** Test files that mock `EventSource`, relative to the current directory. */
  mockingTests: readonly string[];
  /** Helpers written into projects formatted by Prettier, relative to the current directory. */
  prettierHelpers?: readonly string[];
}

/** The report lists every site; the summary names a few. */
const MAX_LISTED_SITES = 10;

/** The lines printed after the summary of a run that rewrote a site, or left one for the multiplexer. */
export function nextStepLines(input: NextStepsInput): string[] {
  const { helperModule, written, endpoint = DEFAULT_HUB_ENDPOINT, rewritten = true, onlyMerged = false, distinctUrlSites = [], topicUrlSites = [], mockingTests, prettierHelpers = [] } = input;
  const lines: string[] = [];
  if (rewritten) {
    lines.push(written ? 'Next steps:' : 'After --write, these steps are left to you:');
    if (onlyMerged) {
      lines.push(
        "1. Keep the app's configureHub({ mergeTopics }) where the app starts, with the helper's hub:",
        `     import { configureHub } from '${helperModule}';`,
        '   it carries these streams on one connection per merged server, and the server needs no change.',
        "   Its topicOf must name each update's topic: an update without one reaches no subscriber.",
      );
    } else {
      lines.push(
        `1. Call configureHub once where the app starts, so that every stream rides one connection per origin:`,
        `     import { configureHub } from '${helperModule}';`,
        `     configureHub({ endpoint: '${endpoint}' });`,
        "   and mount the server multiplexer there: createMultiplexer({ allow: [...] }) from 'sse-hub/server'.",
        "   Without it the hub runs in dedupe mode: one connection per distinct URL, so per-row URLs still take one each.",
      );
    }
    lines.push(
      'What changes at run time:',
      "- Reconnects: a native EventSource retries network errors forever; the hub retries with growing, jittered",
      '  delays, and after 10 attempts (reconnect.maxAttempts) waits until the browser is back online or the tab',
      '  visible, then starts again. hubStatus() and onHubStatusChange() say when it is reconnecting or waiting.',
      '  Comments that say the browser reconnects by itself no longer hold.',
      '- Late joiners: a subscriber that joins a stream already open gets the events from then on, not those',
      "  sent before it joined; configureHub({ replayLastEvent: true }) gives it the stream's last event.",
    );
  }
  if (distinctUrlSites.length > 0) {
    const count = distinctUrlSites.length;
    const shown = listed(distinctUrlSites);
    lines.push(
      `Left for the server multiplexer: ${count} stream${count === 1 ? '' : 's'} opened per item with a URL of ${count === 1 ? 'its' : 'their'} own (${shown}).`,
      '   In dedupe mode the shared hub would still open one connection per URL, so the rewrite would save nothing.',
      "   The server needs: createMultiplexer({ allow: [<these streams' paths, e.g. '/rows/:id/events'>] }) from 'sse-hub/server',",
      `   mounted at an endpoint such as ${DEFAULT_HUB_ENDPOINT}. Then run sse-codemod again with --endpoint ${DEFAULT_HUB_ENDPOINT}.`,
    );
  }
  if (topicUrlSites.length > 0) {
    const count = topicUrlSites.length;
    // A Mercure hub is not a Node server: the multiplexer's advice alone would not do (issue 13's trial).
    lines.push(
      `Left for the server: ${count} stream${count === 1 ? '' : 's'} opened per item with a topic of ${count === 1 ? 'its' : 'their'} own in one URL's query, as a Mercure hub's ?topic= (${listed(topicUrlSites)}).`,
      '   Without a hub setup that merges topics, the shared hub would still open one connection per topic, so the rewrite would save nothing.',
      '   The server needs: to take every topic on one connection (?topic=a&topic=b), as a Mercure hub does. The hub then shares one',
      "   with configureHub({ mergeTopics: [{ url, param, topicOf }] }) (docs/hub.md): add it with this URL and parameter, then run sse-codemod again.",
      `   A Node server can mount createMultiplexer from 'sse-hub/server' at ${DEFAULT_HUB_ENDPOINT} instead; then run sse-codemod again with --endpoint ${DEFAULT_HUB_ENDPOINT}.`,
    );
  }
  for (const helper of prettierHelpers) {
    lines.push(`Prettier formats this project: add ${helper} to .prettierignore (Prettier has no comment that exempts a whole file).`);
  }
  for (const test of mockingTests) {
    lines.push(`Warning: ${test} mocks EventSource or counts its constructions; the rewritten code opens one shared connection instead of one per subscriber.`);
  }
  return lines;
}

/** The first sites, and how many more. */
function listed(sites: readonly string[]): string {
  const more = sites.length - MAX_LISTED_SITES;
  return sites.slice(0, MAX_LISTED_SITES).join(', ') + (more > 0 ? `, and ${more} more` : '');
}

const PRETTIER_CONFIG = /^(?:\.prettierrc(?:\.(?:json5?|ya?ml|toml|[cm]?[jt]s))?|prettier\.config\.[cm]?[jt]s)$/;

/**
 * Whether Prettier formats the folder: a Prettier config in it or a folder above it (or a
 * `prettier` key in a package.json there), up to the file system's root.
 */
export function formattedByPrettier(directory: string, listFolder: (folder: string) => readonly string[], readFile: (file: string) => string | undefined): boolean {
  for (let folder = directory; ; folder = dirname(folder)) {
    const names = listFolder(folder);
    if (names.some((name) => PRETTIER_CONFIG.test(name))) return true;
    if (names.includes('package.json')) {
      try {
        if ((JSON.parse(readFile(join(folder, 'package.json')) ?? '{}') as { prettier?: unknown }).prettier !== undefined) return true;
      } catch {
        // A package.json that does not parse says nothing about Prettier.
      }
    }
    if (dirname(folder) === folder) return false;
  }
}
