// Single sign-on in a real browser (Debian's headless Chromium via playwright-core), against the
// running system (`./tessera up`): log in once at mail, docs needs no password, logging out at docs
// logs mail out (back-channel), and an admin kick of the browser device ends both sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, useBrowser } from '../browser.mjs';

const AUTH = process.env.AUTH_URL ?? 'http://127.0.0.1:9000';
const MAIL = process.env.MAIL_URL ?? 'http://127.0.0.1:8091';
const DOCS = process.env.DOCS_URL ?? 'http://127.0.0.1:8201';

const browser = useBrowser();

async function signInAtMail(page, shot) {
  await page.goto(`${MAIL}/`);
  await page.click('#login');
  await page.waitForURL(`${AUTH}/login?**`);
  assert.match(await page.textContent('h1'), /Sign in/);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}01-login-page.png`, fullPage: true });
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', 'alice-pass');
  await page.click('button[type=submit]');
  await page.waitForURL(`${MAIL}/`);
  assert.equal(await page.textContent('#greeting'), 'Hello, Alice Liddell');
  assert.ok(await page.isVisible('button#logout'), 'a Log out button');
}

/** Reloads until the page shows the signed-out state (back-channel logout is asynchronous). */
async function expectSignedOut(page, url) {
  for (let i = 0; i < 50; i++) {
    await page.goto(url);
    if (await page.isVisible('#login')) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${url} still shows a signed-in session`);
}

async function openDocsWithoutPassword(page) {
  const visited = [];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) visited.push(frame.url()); });
  await page.goto(`${DOCS}/login`);
  await page.waitForURL(`${DOCS}/`);
  assert.ok(!visited.some((url) => url.startsWith(`${AUTH}/login`)), `no login page on the way: ${visited.join(' -> ')}`);
  assert.equal(await page.textContent('#greeting'), 'Hello, Alice Liddell');
}

test('log in once at mail, docs is signed in without a password, logout at docs logs mail out', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtMail(page, true);
  await page.screenshot({ path: `${ARTIFACTS}02-mail-profile.png`, fullPage: true });

  const profile = await (await page.request.get(`${MAIL}/profile`)).json();
  assert.equal(profile.username, 'alice');
  const otherReplica = await (await page.request.get(MAIL.replace(/:\d+$/, ':8092') + '/profile')).json();
  assert.equal(otherReplica.session_id, profile.session_id, 'the Redis session is shared by the mail replicas');

  await openDocsWithoutPassword(page);
  await page.screenshot({ path: `${ARTIFACTS}03-docs-profile.png`, fullPage: true });

  await page.click('button#logout');
  await page.waitForURL(`${DOCS}/`);
  assert.ok(await page.isVisible('#login'), 'docs is signed out');
  await expectSignedOut(page, `${MAIL}/`);
  await page.screenshot({ path: `${ARTIFACTS}04-mail-after-logout-at-docs.png`, fullPage: true });
  await context.close();
});

test('an admin kick of the browser device ends the sessions at mail and docs', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAtMail(page, false);
  await openDocsWithoutPassword(page);
  const profile = await (await page.request.get(`${MAIL}/profile`)).json();

  const token = await fetch(`${AUTH}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('cli:cli-secret') },
    body: 'grant_type=password&username=admin&password=admin-pass&scope=admin',
  }).then((r) => r.json());
  const kick = await fetch(`${AUTH}/admin/users/${profile.user_id}/devices/${profile.session_id}`, {
    method: 'DELETE', headers: { Authorization: `Bearer ${token.access_token}` },
  });
  assert.equal(kick.status, 200, await kick.text());

  await expectSignedOut(page, `${MAIL}/`);
  await expectSignedOut(page, `${DOCS}/`);
  await page.goto(`${DOCS}/login`);
  await page.waitForURL(`${AUTH}/login?**`);
  await page.screenshot({ path: `${ARTIFACTS}05-login-again-after-kick.png`, fullPage: true });
  await context.close();
});
