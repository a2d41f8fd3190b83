// The Debian Chromium the browser tests lay pages out in (nothing is downloaded), started
// headless the one way they all need.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/** One browser for the tests of a file: started before them (unless they are skipped), with the
 * folder their screenshots go to made, and closed after them. */
export function browserForTests(out: string, skip: string | false): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    if (skip) return;
    mkdirSync(out, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser!;
}
