// Tokens for the checks: real ones from Tessera's token endpoint, and forged or altered ones.
// Wrong-issuer, wrong-audience and expired tokens must be signed with Tessera's real key, or a
// refusal would prove only that the signature is checked; so this reads the active signing key the
// way the auth server does (PostgreSQL row, AES-256-GCM with the dev profile's encryption key).
// That is an insider's view of a dev database, for tests only.
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportSPKI, importJWK } from 'jose';

export const AUTH = process.env.TESSERA_ISSUER ?? 'http://127.0.0.1:9000';
export const AUDIENCE = 'tessera-api';

async function tokenRequest(client, secret, params) {
  const response = await fetch(`${AUTH}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic ' + btoa(`${client}:${secret}`) },
    body: new URLSearchParams(params),
  });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`token request for ${client} failed: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export const passwordToken = (username = 'alice', password = `${username}-pass`) =>
  tokenRequest('cli', 'cli-secret', { grant_type: 'password', username, password });
export const clientCredentialsToken = () => tokenRequest('service-a', 'service-a-secret', { grant_type: 'client_credentials' });
/** legacy-gateway is registered for typ JWT instead of at+jwt (docs/integrations.md). */
export const plainJwtToken = () => tokenRequest('legacy-gateway', 'legacy-gateway-secret', { grant_type: 'client_credentials' });

function encryptionKey() {
  if (process.env.TESSERA_KEYS_ENCRYPTION_KEY) return process.env.TESSERA_KEYS_ENCRYPTION_KEY;
  const devConfig = new URL('../../auth-server/src/main/resources/application-dev.yml', import.meta.url);
  const match = /encryption-key:\s*(\S+)/.exec(readFileSync(devConfig, 'utf8'));
  if (!match) throw new Error('no encryption-key in application-dev.yml; set TESSERA_KEYS_ENCRYPTION_KEY');
  return match[1];
}

/** Reverses the auth server's SigningKeyCipher: enc:v1:base64(iv[12] | ciphertext | tag[16]), kid as AAD. */
function decrypt(kid, stored) {
  if (!stored.startsWith('enc:v1:')) return stored;
  const data = Buffer.from(stored.slice('enc:v1:'.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(encryptionKey(), 'base64'), data.subarray(0, 12));
  decipher.setAAD(Buffer.from(kid, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
}

let signingKey;
async function tesseraSigningKey() {
  if (signingKey) return signingKey;
  const env = { ...process.env, PGPASSWORD: process.env.TESSERA_DB_PASSWORD ?? 'tessera' };
  const row = execFileSync('psql', ['-h', process.env.TESSERA_PG_HOST ?? '127.0.0.1', '-p', process.env.TESSERA_PG_PORT ?? '5432',
    '-U', process.env.TESSERA_DB_USER ?? 'tessera', '-d', process.env.TESSERA_DB_NAME ?? 'tessera', '-tAF', '\t', '-c',
    'SELECT kid, algorithm, jwk FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1'],
  { env, encoding: 'utf8' }).trim();
  if (!row) throw new Error('no active signing key in the database');
  const [kid, alg, stored] = row.split('\t');
  const jwk = JSON.parse(decrypt(kid, stored));
  const { d, p, q, dp, dq, qi, ...publicJwk } = jwk;
  signingKey = { kid, alg, key: await importJWK(jwk, alg), publicKey: await importJWK(publicJwk, alg) };
  return signingKey;
}

/** A token like Tessera's, signed with Tessera's key, with these claims changed. */
export async function minted(changes = {}, typ = 'at+jwt') {
  const { kid, alg, key } = await tesseraSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: AUTH, sub: 'minted-subject', aud: AUDIENCE, iat: now, nbf: now, exp: now + 120,
    jti: crypto.randomUUID(), client_id: 'cli', scope: 'orders:read', preferred_username: 'alice', roles: ['user'], ...changes };
  return new SignJWT(claims).setProtectedHeader({ alg, kid, typ }).sign(key);
}

const b64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** The same claims with alg none and no signature. */
export function algNone(token) {
  const header = decodeProtectedHeader(token);
  return `${b64url({ alg: 'none', typ: header.typ })}.${token.split('.')[1]}.`;
}

/** The payload changed (a scope added) under the original signature. */
export function tampered(token) {
  const [header, , signature] = token.split('.');
  const claims = decodeJwt(token);
  return `${header}.${b64url({ ...claims, scope: `${claims.scope} orders:write admin` })}.${signature}`;
}

/** HS256 "signed" with Tessera's public key as the HMAC secret: the classic algorithm confusion. */
export async function hs256Confusion(token) {
  const { kid, publicKey } = await tesseraSigningKey();
  const pem = await exportSPKI(publicKey);
  const input = `${b64url({ alg: 'HS256', typ: 'at+jwt', kid })}.${token.split('.')[1]}`;
  return `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
}
