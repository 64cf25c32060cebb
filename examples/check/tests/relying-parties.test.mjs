// The two stock relying parties sign a user in through Tessera's login page in headless Chromium
// (Debian's, driven by playwright-core) and show who signed in. Screenshots land in artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../e2e/chromium.mjs';
import { AUTH } from '../tokens.mjs';

const SPRING_RP = `http://127.0.0.1:${process.env.EXAMPLE_SPRING_RP_PORT ?? 8304}`;
const MICRONAUT_RP = `http://127.0.0.1:${process.env.EXAMPLE_MICRONAUT_RP_PORT ?? 8305}`;
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
});
after(async () => browser?.close());

/** On Tessera's login page: sign in as alice and wait to be back at the relying party. */
async function signInAtTessera(page, rp, shot) {
  await page.waitForURL(`${AUTH}/login?**`);
  assert.match(await page.textContent('h1'), /Sign in/);
  await page.screenshot({ path: `${ARTIFACTS}${shot}-1-tessera-login.png`, fullPage: true });
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', 'alice-pass');
  await page.click('button[type=submit]');
  // Spring appends ?continue to the page it resumes; the path is what matters.
  await page.waitForURL((url) => url.origin === rp && url.pathname === '/');
}

async function assertShowsAlice(page, shot) {
  assert.equal(await page.textContent('#username'), 'alice');
  assert.equal(await page.textContent('#name'), 'Alice Liddell');
  await page.screenshot({ path: `${ARTIFACTS}${shot}-2-signed-in.png`, fullPage: true });
}

test('Spring Boot oauth2Login: a visit sends the browser to Tessera, and back signed in as alice', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${SPRING_RP}/`);
  await signInAtTessera(page, SPRING_RP, 'spring-rp');
  await assertShowsAlice(page, 'spring-rp');
  await context.close();
});

test('Micronaut OpenID login: the sign-in link goes through Tessera, and back signed in as alice', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${MICRONAUT_RP}/`);
  assert.ok(await page.isVisible('#login'), 'signed out at first');
  await page.click('#login');
  await signInAtTessera(page, MICRONAUT_RP, 'micronaut-rp');
  await assertShowsAlice(page, 'micronaut-rp');
  await context.close();
});
