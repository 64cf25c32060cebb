/**
 * Shared test infrastructure: real PostgreSQL and Redis for every module's integration tests, the auth
 * server and Redis as processes, and a browser-like client for SSO sign-ins.
 */
package dev.tessera.testing;
