/**
 * One class per grant type (RFC 6749 §4.3 password, §4.4 client_credentials, §6 refresh_token),
 * each behind {@link dev.tessera.auth.token.grant.Grant}. Grants receive typed requests, never HTTP.
 */
package dev.tessera.auth.token.grant;
