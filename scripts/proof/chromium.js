/** Launching the system Chromium (Debian's `chromium` package) through playwright-core. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Quiet, deterministic networking: no QUIC (the proof is about HTTP/1.1), and no
// background requests competing with the page's own connections.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when the machine lacks what the proof needs; the message says how to fix it. */
export class ProofSetupError extends Error {}

/**
 * @param {{ launchTimeoutMs: number }} options
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ launchTimeoutMs }) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ProofSetupError(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install chromium\` ` +
        '(Debian), or point CHROMIUM_PATH at another Chromium build.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: launchTimeoutMs });
}
