/**
 * Scope parsing and checking (RFC 6749 §3.3, §6): {@link dev.tessera.auth.scope.Scopes}, a leaf that the
 * grants and the authorization endpoint share.
 */
package dev.tessera.auth.scope;
