// The admin console and the account page in a real browser (Debian's headless Chromium via playwright-core),
// against the running system (`./tessera up`): an admin signs in through the SSO login page, finds alice and
// signs one of her devices out (its refresh token is then refused); a non-admin gets 403; alice signs out all
// her other devices from /account and stays signed in; the dashboard's chart renders and updates itself.
// Screenshots of the console and the account page land in e2e/artifacts/ (docs/screenshots/ has copies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ARTIFACTS, useBrowser } from '../browser.mjs';

const AUTH = process.env.AUTH_URL ?? 'http://127.0.0.1:9000';

const browser = useBrowser();

/** A sign-in of `username` with the cli client on a named device: what a phone or a laptop app does. */
async function deviceLogin(username, password, deviceName) {
  const response = await fetch(`${AUTH}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('cli:cli-secret') },
    body: new URLSearchParams({ grant_type: 'password', username, password, device_name: deviceName, device_type: 'mobile' }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function refresh(refreshToken) {
  return fetch(`${AUTH}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('cli:cli-secret') },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
}

/** A new browser that records every Content-Security-Policy violation and script error. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

async function signIn(page, path, username, password) {
  await page.goto(`${AUTH}${path}`);
  await page.waitForURL(`${AUTH}/login?**`);
  assert.match(await page.textContent('h1'), /Sign in/);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`${AUTH}${path}`);
}

test('an admin finds alice in the console and signs one of her devices out: its refresh token is refused', async () => {
  const phoneName = `Alice's phone ${randomUUID().slice(0, 8)}`;
  const phone = await deviceLogin('alice', 'alice-pass', phoneName);
  const laptop = await deviceLogin('alice', 'alice-pass', `Alice's laptop ${randomUUID().slice(0, 8)}`);
  const { context, page, problems } = await newPage();

  await signIn(page, '/console', 'admin', 'admin-pass');
  assert.equal(await page.textContent('h1'), 'Dashboard');
  await page.click('nav a[href="/console/users"]');
  await page.fill('#q', 'ali');
  await page.click('#search');
  await page.click('a[data-username=alice]');
  assert.match(await page.textContent('h1'), /Alice Liddell/);
  const row = page.locator('#devices tr', { hasText: phoneName });
  await row.locator('a', { hasText: 'Sign out' }).click();
  assert.equal(await page.textContent('h1'), 'Sign out this device?');
  assert.ok((await page.textContent('section.confirm')).includes(phoneName), 'the confirmation names the device');
  await page.click('#confirm');
  await page.waitForSelector('[data-notice=device-signed-out]');
  assert.equal(await page.locator('#devices tr', { hasText: phoneName }).count(), 0, 'the device left the list');
  await page.screenshot({ path: `${ARTIFACTS}console-user.png` }); // the top: alice may have many devices

  const refused = await refresh(phone.refresh_token);
  assert.equal(refused.status, 400);
  assert.equal((await refused.json()).error, 'invalid_grant');
  assert.equal((await refresh(laptop.refresh_token)).status, 200, 'her other device is untouched');
  assert.deepEqual(problems, [], 'no CSP violation, no script error');
  await context.close();
});

test('the dashboard chart renders and updates itself', async () => {
  const { context, page, problems } = await newPage();
  await signIn(page, '/console', 'admin', 'admin-pass');
  const points = await page.getAttribute('#series-logins', 'points');
  assert.equal(points.split(' ').length, 30, 'five minutes in 10-second buckets');
  const box = await page.locator('#activity-chart').boundingBox();
  assert.ok(box.width > 600 && box.height > 150, `the chart is drawn: ${JSON.stringify(box)}`);
  // Bob's app refreshes its token about ten times a second until the chart, refreshing itself, shows it.
  const before = await page.getAttribute('#series-refreshes', 'points');
  let refreshToken = (await deviceLogin('bob', 'bob-pass', 'Bob on the dashboard')).refresh_token;
  const deadline = Date.now() + 45000;
  while (await page.getAttribute('#series-refreshes', 'points') === before) {
    assert.ok(Date.now() < deadline, 'the chart did not move within 45 s of steady refreshes');
    const rotated = await refresh(refreshToken);
    assert.equal(rotated.status, 200);
    refreshToken = (await rotated.json()).refresh_token;
    await page.waitForTimeout(100);
  }
  assert.ok(Number(await page.getAttribute('#dashboard', 'data-refreshes')) >= 1, 'updated by the page\'s script');
  assert.notEqual(await page.textContent('[data-tile=refreshes_per_second]'), '0.00', 'the tiles follow');
  await page.screenshot({ path: `${ARTIFACTS}console-dashboard.png`, fullPage: true });
  assert.deepEqual(problems, [], 'no CSP violation, no script error');
  await context.close();
});

test('a user without the admin role gets the 403 page', async () => {
  const { context, page } = await newPage();
  const responses = [];
  page.on('response', (r) => { if (r.url() === `${AUTH}/console`) responses.push(r.status()); });
  await signIn(page, '/console', 'bob', 'bob-pass');
  assert.equal(await page.textContent('h1'), 'Administrators only');
  assert.equal(responses.at(-1), 403);
  await context.close();
});

test('alice signs out all her other devices on /account: their refresh is refused, this browser stays signed in', async () => {
  const laptop = await deviceLogin('alice', 'alice-pass', `Alice's laptop ${randomUUID().slice(0, 8)}`);
  const { context, page, problems } = await newPage();
  await signIn(page, '/account', 'alice', 'alice-pass');
  assert.equal(await page.locator('#devices tr[data-current=true] #this-device').count(), 1, 'this browser is marked');
  assert.ok(await page.locator('#devices tr[data-current=false]').count() >= 1, 'her other devices are listed');
  await page.screenshot({ path: `${ARTIFACTS}account.png` });

  await page.click('#sign-out-others');
  assert.equal(await page.textContent('h1'), 'Sign out all other devices?');
  await page.click('#confirm');
  await page.waitForSelector('[data-notice=others-signed-out]');
  assert.equal(await page.locator('#devices tr[data-current=false]').count(), 0, 'only this browser is left');
  assert.equal((await refresh(laptop.refresh_token)).status, 400, 'the laptop is signed out');

  await page.reload();
  assert.equal(page.url(), `${AUTH}/account?done=others-signed-out`, 'no sign-in page: the session stays');
  assert.equal(await page.locator('#this-device').count(), 1);
  assert.deepEqual(problems, [], 'no CSP violation, no script error');
  await context.close();
});
