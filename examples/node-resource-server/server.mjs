// A Node API that accepts Tessera access tokens: jose verifies the signature with Tessera's JWKS
// (fetched once, refetched for unknown kids) and RFC 9068's checks; no call to Tessera per request.
import { createServer } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = process.env.TESSERA_ISSUER ?? 'http://127.0.0.1:9000';
const AUDIENCE = process.env.TESSERA_AUDIENCE ?? 'tessera-api';
const PORT = Number(process.env.EXAMPLE_PORT ?? 8303);
const keys = createRemoteJWKSet(new URL(`${ISSUER}/oauth/jwks`));

/** The verified claims of the bearer token, or null. */
async function authenticate(request) {
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(request.headers.authorization ?? '');
  if (!match) return null;
  try {
    const { payload } = await jwtVerify(match[1], keys, {
      issuer: ISSUER,
      audience: AUDIENCE,
      typ: 'at+jwt', // RFC 9068 §4: the resource server MUST check the type
      algorithms: ['ES256', 'RS256'], // pinned: the key decides, never the token (no "none", no HS256)
    });
    return payload;
  } catch {
    return null;
  }
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/api/ping') return send(response, 200, { stack: 'node', status: 'up' });
  if (path !== '/api/whoami' && path !== '/api/admin') return send(response, 404, { error: 'not_found' });
  const claims = await authenticate(request);
  if (!claims) {
    return send(response, 401, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (path === '/api/admin' && !roles.includes('admin')) return send(response, 403, { error: 'insufficient_scope' });
  send(response, 200, {
    stack: 'node',
    name: claims.preferred_username ?? claims.sub,
    roles,
    scope: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
  });
}).listen(PORT, '127.0.0.1', () => console.log(`node resource server on http://127.0.0.1:${PORT}`));
