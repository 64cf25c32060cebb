/**
 * The one protocol error type: {@link dev.tessera.auth.error.OAuthException} carries the RFC 6749
 * §5.2 error code and a safe description for the client; the reason stays in the log.
 * {@link dev.tessera.auth.error.UnexpectedErrorHandler} answers everything else without exception text.
 */
package dev.tessera.auth.error;
