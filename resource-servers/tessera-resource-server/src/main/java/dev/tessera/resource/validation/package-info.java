/**
 * RFC 9068 access token validation for micronaut-security: the bearer token from the Authorization header
 * (RFC 6750 §2.1), signature with a pinned algorithm, {@code typ}, {@code iss}, {@code aud}, lifetime with
 * clock skew, required claims, local revocation view.
 */
package dev.tessera.resource.validation;
