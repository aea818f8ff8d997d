/** FileTextVerdicts: a question about a file's text, answered once per path and modification time. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTextVerdicts } from '../../src/analysis/templates/file-verdicts.js';
import { scratchFolder } from '../support/scratch-folders.js';

describe('FileTextVerdicts', () => {
  const directory = scratchFolder('file-verdicts');
  const file = join(directory, 'Feed.vue');
  writeFileSync(file, 'new EventSource("/feed")');

  it('answers from the file text, and false for a missing file or a directory', () => {
    const verdicts = new FileTextVerdicts((_file, text) => text.includes('EventSource'));
    expect(verdicts.get(file, [])).toBe(true);
    expect(verdicts.get(join(directory, 'Missing.vue'), [])).toBe(false);
    expect(verdicts.get(directory, [])).toBe(false);
  });

  it('answers false when deciding fails (the file cannot be read or understood)', () => {
    const verdicts = new FileTextVerdicts(() => {
      throw new Error('unreadable');
    });
    expect(verdicts.get(file, [])).toBe(false);
  });
});
