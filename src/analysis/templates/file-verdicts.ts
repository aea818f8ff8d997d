/**
 * A yes/no question about a file's text on disk (can this component or composable open a
 * stream?), answered once per path and wrappers and again only when the file's modification
 * time changes: in one CLI run a module imported by many components is read once; in an
 * editor, one edited since is read again.
 */
import { readFileSync, statSync } from 'node:fs';
import type { StreamWrapper } from '../stream-sources.js';
import { wrappersKey } from '../wrappers-cache.js';

export class FileTextVerdicts {
  readonly #verdicts = new Map<string, { mtimeMs: number; answer: boolean }>();

  constructor(private readonly decide: (file: string, text: string, wrappers: readonly StreamWrapper[]) => boolean) {}

  /** The answer for `file`; false when it is missing, not a file, or cannot be read. */
  get(file: string, wrappers: readonly StreamWrapper[]): boolean {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) return false;
    const key = `${wrappersKey(wrappers)}\0${file}`;
    const cached = this.#verdicts.get(key);
    if (cached?.mtimeMs === stats.mtimeMs) return cached.answer;
    let answer: boolean;
    try {
      answer = this.decide(file, readFileSync(file, 'utf8'), wrappers);
    } catch {
      // Unreadable (no permission, gone meanwhile): it says nothing about streams, and the linted file is still linted.
      answer = false;
    }
    this.#verdicts.set(key, { mtimeMs: stats.mtimeMs, answer });
    return answer;
  }
}
