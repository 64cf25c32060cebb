/**
 * Token settings shared by every token package ({@link dev.tessera.auth.token.TokenProperties}): issuer,
 * audience and lifetimes. The endpoint is {@link dev.tessera.auth.token.endpoint}, the grants
 * {@link dev.tessera.auth.token.grant}, signing {@link dev.tessera.auth.token.issue}, storage
 * {@link dev.tessera.auth.token.store}; docs/token-lifecycle.md tells the story.
 */
package dev.tessera.auth.token;
