/**
 * Headless Chromium for browser tests and benchmarks: the browser shipped inside the npm package
 * @sparticuz/chromium (unpacked into the temporary folder on first use), driven by playwright-core.
 * Nothing is downloaded at install or run time.
 */
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  // The package's flags are made for one page per process (AWS Lambda): with --single-process, closing a
  // browser context takes the whole browser down, and tests open a fresh context per journey.
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args });
}
