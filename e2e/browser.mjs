// What every browser test file shares: one headless Chromium per file (Debian's, launched with the
// shared options) and the folder screenshots land in.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

/** Launches Chromium before the file's tests and closes it after; returns what the tests use of it. */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await chromium.launch(chromiumLaunchOptions);
  });
  after(async () => browser?.close());
  return { newContext: (...options) => browser.newContext(...options) };
}
