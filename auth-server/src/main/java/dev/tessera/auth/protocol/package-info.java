/**
 * The HTTP edge of the OAuth endpoints: parses form (or JSON) bodies into typed parameters and
 * extracts client credentials (RFC 6749 §2.3.1, §3.2), so grants and services never see HTTP.
 */
package dev.tessera.auth.protocol;
