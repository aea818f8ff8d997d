/** How reports name a file: relative to ESLint's working directory, with `/`; absolute when it lies outside. */
import path from 'node:path';

export function displayPath(cwd: string, fileName: string): string {
  const absolute = path.resolve(cwd, fileName);
  const relative = path.relative(cwd, absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}
