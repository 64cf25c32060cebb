// The three session schemes behind nginx, in a real browser (Debian's headless Chromium via
// playwright-core), against the running system (`./tessera up`): a user opens the nginx address of a
// scheme, signs in at the auth server and lands back on that nginx address, signed in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, useBrowser } from '../browser.mjs';

const AUTH = process.env.AUTH_URL ?? 'http://127.0.0.1:9000';
const REDIS = process.env.NGINX_REDIS_URL ?? 'http://127.0.0.1:8090';
const STICKY = process.env.NGINX_STICKY_URL ?? 'http://127.0.0.1:8080';
const STICKY_REPLICAS = (process.env.STICKY_REPLICA_URLS ?? 'http://127.0.0.1:8081 http://127.0.0.1:8082 http://127.0.0.1:8083').split(' ');

const browser = useBrowser();

async function signInThroughNginx(page, base) {
  await page.goto(`${base}/`);
  await page.click('#login');
  await page.waitForURL(`${AUTH}/login?**`);
  await page.fill('input[name=username]', 'alice');
  await page.fill('input[name=password]', 'alice-pass');
  await page.click('button[type=submit]');
  await page.waitForURL(`${base}/`);
  assert.equal(await page.textContent('#greeting'), 'Hello, Alice Liddell');
}

async function profiles(page, base, n) {
  const answers = [];
  for (let i = 0; i < n; i++) {
    const response = await page.request.get(`${base}/profile`);
    assert.equal(response.status(), 200, await response.text());
    answers.push(await response.json());
  }
  return answers;
}

test('redis scheme: sign in at nginx :8090, land back there, every replica serves the one session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughNginx(page, REDIS);
  await page.screenshot({ path: `${ARTIFACTS}10-nginx-redis-scheme.png`, fullPage: true });
  const answers = await profiles(page, REDIS, 6);
  assert.equal(new Set(answers.map((p) => p.session_id)).size, 1, 'one session');
  assert.ok(new Set(answers.map((p) => p.server_id)).size > 1, `round robin: ${answers.map((p) => p.server_id)}`);
  await context.close();
});

test('sticky scheme: sign in at nginx :8080, every request reaches the replica holding the session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughNginx(page, STICKY);
  await page.screenshot({ path: `${ARTIFACTS}11-nginx-sticky-scheme.png`, fullPage: true });
  const answers = await profiles(page, STICKY, 6);
  const owner = answers[0].server_id;
  assert.deepEqual([...new Set(answers.map((p) => p.server_id))], [owner], 'always the same replica');
  const cookie = (await context.cookies()).find((c) => c.name === 'mail_sticky_session');
  assert.ok(cookie.value.startsWith(`${owner}.`), `the cookie carries the route: ${cookie.value.slice(0, 12)}`);

  const ownerUrl = STICKY_REPLICAS[Number(owner.split('-')[1]) - 1];
  const held = await (await page.request.get(`${ownerUrl}/debug/sessions`)).json();
  assert.ok(held.sessions.some((s) => s.username === 'alice' && s.session_id.startsWith(`${owner}.`)), JSON.stringify(held));
  const other = STICKY_REPLICAS.find((url) => url !== ownerUrl);
  const refused = await page.request.get(`${other}/profile`);
  assert.equal(refused.status(), 401);
  assert.equal((await refused.json()).error, 'Session not found');
  await context.close();
});
