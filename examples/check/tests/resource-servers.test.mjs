// Each example resource server, stock configuration, against the running Tessera: fresh tokens
// (password and client credentials) are accepted with the user as the principal; a missing token,
// alg none, a tampered payload, HS256 key confusion, a wrong audience, a wrong issuer and an expired
// token are refused. Then how each treats typ (RFC 9068 §4) and revocation. nginx asks Tessera
// (introspection) instead of checking the JWT itself; it learns no roles that way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tokens from '../tokens.mjs';

const port = (name, fallback) => process.env[name] ?? fallback;
const MICRONAUT = { stack: 'micronaut', url: `http://127.0.0.1:${port('EXAMPLE_MICRONAUT_API_PORT', 8301)}`, roles: true };
const SPRING = { stack: 'spring', url: `http://127.0.0.1:${port('EXAMPLE_SPRING_API_PORT', 8302)}`, roles: true };
const NODE = { stack: 'node', url: `http://127.0.0.1:${port('EXAMPLE_NODE_API_PORT', 8303)}`, roles: true };
const NGINX = { stack: 'nginx', url: `http://127.0.0.1:${port('EXAMPLE_NGINX_PORT', 8307)}`, roles: false };
const SERVERS = [MICRONAUT, SPRING, NODE, NGINX];
const UNCONFIGURED_SPRING = `http://127.0.0.1:${port('EXAMPLE_SPRING_PLAIN_API_PORT', 8306)}`;

async function call(url, token, path = '/api/whoami') {
  const response = await fetch(`${url}${path}`, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

async function assertAccepted(url, token, what) {
  const response = await call(url, token);
  assert.equal(response.status, 200, `${what} should be accepted at ${url}: ${response.status} ${response.text}`);
  return response.json();
}

async function assertRefused(url, token, what) {
  const response = await call(url, token);
  assert.equal(response.status, 401, `${what} should be refused with 401 at ${url}: ${response.status} ${response.text}`);
}

/** The roles and scopes each stack derived, as one list of names. */
function granted(body) {
  return body.authorities ?? [...body.roles.map((role) => `ROLE_${role}`), ...[body.scope].flat().filter(Boolean)
    .flatMap((scope) => scope.split(' ')).map((scope) => `SCOPE_${scope}`)];
}

for (const { stack, url, roles } of SERVERS) {
  describe(`${stack} resource server`, () => {
    test('accepts a password token: preferred_username is the principal, scope reaches the app', async () => {
      const body = await assertAccepted(url, await tokens.passwordToken(), 'a password token');
      assert.equal(body.stack, stack);
      assert.equal(body.name, 'alice');
      assert.ok(granted(body).includes('SCOPE_orders:read'), JSON.stringify(body));
    });

    if (roles) {
      test('maps the roles claim to authorities: /api/admin needs role admin', async () => {
        const body = await assertAccepted(url, await tokens.passwordToken(), 'a password token');
        assert.ok(granted(body).includes('ROLE_user'), JSON.stringify(body));
        assert.equal((await call(url, await tokens.passwordToken('admin'), '/api/admin')).status, 200, 'role admin');
        assert.equal((await call(url, await tokens.passwordToken(), '/api/admin')).status, 403, 'alice has no role admin');
      });
    }

    test('accepts a client-credentials token: the client is the principal', async () => {
      const body = await assertAccepted(url, await tokens.clientCredentialsToken(), 'a client-credentials token');
      assert.equal(body.name, 'service-a');
    });

    test('accepts a token minted with Tessera\'s key (control for the refusals below)', async () => {
      await assertAccepted(url, await tokens.minted(), 'a correctly minted token');
    });

    test('refuses a request without a token', async () => {
      await assertRefused(url, undefined, 'no token');
    });

    test('refuses alg none', async () => {
      await assertRefused(url, tokens.algNone(await tokens.passwordToken()), 'alg none');
    });

    test('refuses a tampered payload under the original signature', async () => {
      await assertRefused(url, tokens.tampered(await tokens.passwordToken()), 'a tampered token');
    });

    test('refuses HS256 signed with Tessera\'s public key (key confusion)', async () => {
      await assertRefused(url, await tokens.hs256Confusion(await tokens.passwordToken()), 'HS256 key confusion');
    });

    test('refuses a wrong audience', async () => {
      await assertRefused(url, await tokens.minted({ aud: 'another-api' }), 'aud another-api');
    });

    test('refuses a wrong issuer', async () => {
      await assertRefused(url, await tokens.minted({ iss: 'https://evil.example' }), 'iss https://evil.example');
    });

    test('refuses an expired token', async () => {
      const past = Math.floor(Date.now() / 1000) - 600;
      await assertRefused(url, await tokens.minted({ iat: past - 300, nbf: past - 300, exp: past }), 'exp 10 minutes ago');
    });
  });
}

describe('typ: at+jwt (RFC 9068) and the typ: JWT registration option', () => {
  test('an unconfigured Spring decoder refuses at+jwt and accepts typ JWT from a client registered for it', async () => {
    await assertRefused(UNCONFIGURED_SPRING, await tokens.passwordToken(), 'at+jwt at a Spring decoder without the customizer');
    const body = await assertAccepted(UNCONFIGURED_SPRING, await tokens.plainJwtToken(), 'typ JWT (legacy-gateway)');
    assert.equal(body.name, 'legacy-gateway');
    await assertRefused(UNCONFIGURED_SPRING, await tokens.minted({ aud: 'another-api' }, 'JWT'), 'typ JWT, wrong audience');
  });

  test('resource servers that check typ refuse typ JWT; typ-agnostic Micronaut accepts it', async () => {
    const plain = await tokens.plainJwtToken();
    await assertRefused(SPRING.url, plain, 'typ JWT at Spring configured for at+jwt only');
    await assertRefused(NODE.url, plain, 'typ JWT at node (jose typ: at+jwt)');
    await assertAccepted(MICRONAUT.url, plain, 'typ JWT at Micronaut, which does not check typ');
    await assertAccepted(NGINX.url, plain, 'typ JWT through introspection: Tessera knows legacy-gateway is registered for it');
  });
});

describe('revocation', () => {
  async function revoked() {
    const token = await tokens.passwordToken();
    const revoke = await fetch(`${tokens.AUTH}/oauth/revoke`, {
      method: 'POST', body: new URLSearchParams({ token }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa('cli:cli-secret') },
    });
    assert.equal(revoke.status, 200);
    return token;
  }

  test('stock JWT stacks keep accepting a revoked token until it expires (no revocation feed)', async () => {
    const token = await revoked();
    for (const { url } of [MICRONAUT, SPRING, NODE]) await assertAccepted(url, token, 'a revoked token');
  });

  test('nginx with introspection refuses a revoked token at once', async () => {
    await assertRefused(NGINX.url, await revoked(), 'a revoked token');
  });
});
