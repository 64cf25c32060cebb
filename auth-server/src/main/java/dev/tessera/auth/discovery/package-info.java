/** Authorization server metadata: RFC 8414 and OpenID Connect Discovery 1.0. */
package dev.tessera.auth.discovery;
