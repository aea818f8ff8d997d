/**
 * Which files are tests, stories or mocks rather than app code: `*.test.*`, `*.spec.*`,
 * `*.stories.*`, `*.cy.*`, `*.e2e.*`, and anything under `__tests__/` or `__mocks__/`. A test
 * that opens the same URL as the component it tests never runs on the same page as it, and a
 * test's setup opens streams against mocks that no page keeps open, so the rules that compare
 * openings across consumers, and `require-eventsource-close`, leave these files out; the codemod
 * warns about the tests that mock `EventSource`.
 */
const TEST_FILE_NAME = /\.(?:test|spec|stories|story|cy|e2e)\.[cm]?[jt]sx?$/;
const TEST_DIRECTORY = /(?:^|[\\/])(?:__tests__|__mocks__)[\\/]/;

export function isTestFile(fileName: string): boolean {
  return TEST_FILE_NAME.test(fileName) || TEST_DIRECTORY.test(fileName);
}
