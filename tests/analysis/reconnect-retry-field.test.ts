import { describe, expect, it } from 'vitest';
import { retryFieldValues } from '../../src/analysis/reconnect/retry-field.js';

describe('retryFieldValues', () => {
  it('reads a field at the start of the text or after any line break', () => {
    expect(retryFieldValues('retry: 500\n\n')).toEqual([500]);
    expect(retryFieldValues('data: a\n\nretry: 10\n')).toEqual([10]);
    expect(retryFieldValues('data: a\r\nretry: 20\r\n')).toEqual([20]);
    expect(retryFieldValues('data: a\rretry: 30\r')).toEqual([30]);
  });

  it('takes the space after the colon as optional, and the end of the text as a line end', () => {
    expect(retryFieldValues('retry:750\n')).toEqual([750]);
    expect(retryFieldValues('retry: 750')).toEqual([750]);
  });

  it('returns every field, in order', () => {
    expect(retryFieldValues('retry: 1\n\nretry: 2\n')).toEqual([1, 2]);
  });

  it('ignores lines a client would not read as a reconnection time', () => {
    // Not at a line start, not only digits, a different field, or two spaces.
    expect(retryFieldValues('data: retry: 5\n')).toEqual([]);
    expect(retryFieldValues('retry: 5s\n')).toEqual([]);
    expect(retryFieldValues('retry: 1e3\n')).toEqual([]);
    expect(retryFieldValues('retryAfter: 5\n')).toEqual([]);
    expect(retryFieldValues('Retry: 5\n')).toEqual([]);
    expect(retryFieldValues('retry:  5\n')).toEqual([]);
  });

  it('treats an unknown part (a NUL stand-in) as neither digit nor line end', () => {
    expect(retryFieldValues('retry: \u0000\n')).toEqual([]);
    expect(retryFieldValues('retry: 5\u0000\n')).toEqual([]);
  });
});
