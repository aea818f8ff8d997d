/**
 * Scratch Angular projects for the templates-mutants-ngtpl tests: component files written to a
 * fresh directory, and a template linted there with no-eventsource-per-item through ESLint's own
 * Linter and @angular-eslint/template-parser, as angular-eslint's `templateRecommended` runs it.
 * A fresh directory per project: component files are cached by path and modification time.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as templateParser from '@angular-eslint/template-parser';
import { type ESLint, Linter } from 'eslint';
import rule from '../../rules/no-eventsource-per-item.js';
import { scratchFolder } from '../support/scratch-folders.js';

/** Where a package of this repository's node_modules lives. */
function packageDirectory(name: string): string {
  return path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
}

/**
 * A fresh directory holding `files` (relative names), whose node_modules holds the given
 * TypeScript parser packages of this repository (by default `@typescript-eslint/parser`), linked.
 */
export function project(files: Record<string, string>, parsers: string[] = ['@typescript-eslint/parser']): string {
  const directory = scratchFolder('ngtpl');
  for (const name of parsers) linkPackage(directory, name);
  write(directory, files);
  return directory;
}

/** Links this repository's package `name` into `directory`'s node_modules. */
export function linkPackage(directory: string, name: string): void {
  const link = path.join(directory, 'node_modules', name);
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(packageDirectory(name), link, 'dir');
}

/** Writes `files` (relative names) under `directory`. */
export function write(directory: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(directory, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * The findings of no-eventsource-per-item in `code` linted as the template `template` (relative
 * to `directory`), ESLint running in `cwd`: `line:column message` each.
 */
export function lintTemplate(directory: string, template: string, code: string, cwd = directory): string[] {
  const messages = new Linter({ configType: 'flat', cwd }).verify(
    code,
    {
      files: ['**/*.html'],
      languageOptions: { parser: templateParser as unknown as Linter.Parser },
      plugins: { sse: { rules: { 'no-eventsource-per-item': rule } } as unknown as ESLint.Plugin },
      rules: { 'sse/no-eventsource-per-item': 'error' },
    },
    { filename: path.join(directory, template) },
  );
  return messages.map((message) => `${message.line}:${message.column} ${message.message}`);
}

/** The message of a component rendered per item from another file, as lintTemplate gives it. */
export function across(at: string, component: string, file: string, line: number, repetition: string, route = ''): string {
  return (
    `${at} \`<${component}>\` (${file}) opens \`EventSource\` (${file}:${line})${route} and is rendered inside ${repetition}, so every item ` +
    'holds its own connection, one of the ~6 the browser allows per origin; later fetches and POSTs queue behind them. ' +
    'Open one shared stream above the list and pass each item its events.'
  );
}
