// How the browser tests (e2e/ and examples/check/) launch Debian's Chromium headless: playwright-core
// cannot download a browser of its own here. No imports, so any package may use it.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
