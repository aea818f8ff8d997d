/**
 * A minimal editor for `vscode-eslint-language-server` (npm `vscode-langservers-extracted`, the
 * server of VS Code's ESLint extension): it spawns the server over stdio, speaks LSP through
 * `vscode-jsonrpc`, answers `workspace/configuration` with the settings VS Code's client sends
 * for a workspace folder, opens and changes documents, pulls diagnostics, asks for code
 * actions and runs their commands, keeping the edits the server asks it to apply.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { REPOSITORY_ROOT } from './example-workspace.js';

export const SERVER_BIN = path.join(REPOSITORY_ROOT, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-eslint-language-server');

const LANGUAGE_IDS = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
};

/**
 * What VS Code's ESLint extension answers for `section: ''` (its `eslint.*` settings, with the
 * extension's defaults), for flat config: `useFlatConfig` rather than the experimental switch,
 * which would make the server import `eslint/use-at-your-own-risk` (gone in ESLint 10).
 * @param {string} workspaceFolder
 */
export function editorSettings(workspaceFolder) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    // VS Code sends `{ useFlatConfig: false }` here, which ESLint 10 answers with a log line that it ignores the setting.
    experimental: {},
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(workspaceFolder), uri: pathToFileURL(workspaceFolder).href },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

/** What the client can do, as far as the server asks: code action literals, pulled diagnostics, applied edits. */
const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
    },
  },
};

/**
 * Starts the server for `workspaceFolder` and completes the `initialize` handshake.
 * @param {string} workspaceFolder an absolute path
 */
export async function startEslintLanguageServer(workspaceFolder) {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: workspaceFolder, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  /** What the server wrote to the log and asked the client to apply, in order. */
  const log = [];
  const appliedEdits = [];
  const settings = editorSettings(workspaceFolder);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('workspace/applyEdit', (params) => {
    appliedEdits.push(params.edit);
    return { applied: true };
  });
  // Registrations, progress, the diagnostics refresh and the server's own `eslint/*` requests need no answer here.
  connection.onRequest(() => null);
  connection.onNotification('window/logMessage', (params) => log.push(params.message));
  connection.onNotification(() => {});
  connection.listen();

  const workspaceUri = pathToFileURL(workspaceFolder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceUri,
    workspaceFolders: [{ uri: workspaceUri, name: path.basename(workspaceFolder) }],
    capabilities: CLIENT_CAPABILITIES,
  });
  await connection.sendNotification('initialized', {});

  const versions = new Map();
  const uriOf = (file) => pathToFileURL(path.resolve(workspaceFolder, file)).href;

  return {
    log,
    appliedEdits,
    uriOf,
    /** Opens `file` (relative to the workspace folder) with its text on disk; returns its URI. */
    async open(file) {
      const uri = uriOf(file);
      const text = await readFile(path.resolve(workspaceFolder, file), 'utf8');
      versions.set(uri, 1);
      const languageId = LANGUAGE_IDS[path.extname(file)] ?? 'plaintext';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    /** Replaces the whole text of an open document, as an unsaved edit. */
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    /** Pulls the document's diagnostics (`textDocument/diagnostic`). */
    async diagnostics(uri) {
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return report.items ?? [];
    },
    /** The quick fixes the server offers for one diagnostic. */
    codeActions(uri, diagnostic) {
      return connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
      });
    },
    /** Runs a code action's command; the server answers by asking the client to apply an edit. */
    executeCommand(command) {
      return connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
    },
    /** The server's stderr so far, for failure messages. */
    stderr: () => stderr,
    /** `shutdown` and `exit`, as an editor closes; killed if it does not exit within `graceMs`. */
    async stop(graceMs = 5000) {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, graceMs))]);
        await connection.sendNotification('exit');
      } catch {
        // The server may be gone already; it is killed below if not.
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

/**
 * Applies an LSP `WorkspaceEdit`'s edits for one document to its text (edits of one document
 * do not overlap, so they are applied from the last to the first).
 * @param {string} text
 * @param {{ range: { start: { line: number, character: number }, end: { line: number, character: number } }, newText: string }[]} edits
 */
export function applyTextEdits(text, edits) {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const offset = ({ line, character }) => (line < lineStarts.length ? lineStarts[line] + character : text.length);
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
