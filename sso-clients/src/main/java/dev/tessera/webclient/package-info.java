/**
 * A web app that signs users in through Tessera SSO (authorization code + PKCE), keeps its own
 * session ({@code session} package: Redis or memory), refreshes tokens when they near expiry, and
 * honours back-channel logout. One codebase, run as several registered clients.
 */
package dev.tessera.webclient;
