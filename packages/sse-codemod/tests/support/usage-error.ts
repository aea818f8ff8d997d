import { expect } from 'vitest';
import { UsageError, parseCliArguments } from '../../src/cli-arguments.js';

/** The message of the usage error (exit code 2) that `argv` gives; fails the test when it gives none. */
export function usageErrorOf(argv: string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}
