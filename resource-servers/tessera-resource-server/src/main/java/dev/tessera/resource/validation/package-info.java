/**
 * RFC 9068 access token validation for micronaut-security: signature with a pinned algorithm,
 * {@code typ}, {@code iss}, {@code aud}, lifetime with clock skew, required claims, local revocation view.
 */
package dev.tessera.resource.validation;
