/**
 * The fixture projects of the type-aware tests: small TypeScript projects on disk, each with its
 * own `tsconfig.json`, linted with type information through typescript-eslint's project service.
 * A case's `code` is the content of the file it names, so that the program the service builds
 * from disk and the code under test agree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface FixtureProject {
  /** The project's directory, absolute. */
  directory: string;
  /** A file of the project as reports name it: relative to the working directory of the lint (the repository root). */
  display(file: string): string;
  /** A RuleTester case for one file of the project, linted with type information. */
  typedCase(file: string): { code: string; filename: string; languageOptions: { parserOptions: Record<string, unknown> } };
  /** The same file linted without type information. */
  untypedCase(file: string): { code: string; filename: string };
}

export function fixtureProject(name: string): FixtureProject {
  const directory = fileURLToPath(new URL(`fixtures/${name}/`, import.meta.url));
  const relative = (file: string) => path.relative(repositoryRoot, path.join(directory, file)).split(path.sep).join('/');
  const read = (file: string) => readFileSync(path.join(directory, file), 'utf8');
  return {
    directory,
    display: relative,
    // typescript-eslint resolves the file name against `tsconfigRootDir`.
    typedCase: (file) => ({
      code: read(file),
      filename: file,
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir: directory, ecmaFeatures: { jsx: file.endsWith('x') } },
      },
    }),
    untypedCase: (file) => ({ code: read(file), filename: relative(file) }),
  };
}
