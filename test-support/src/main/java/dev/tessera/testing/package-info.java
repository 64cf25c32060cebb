/** Shared test infrastructure: real PostgreSQL and Redis for every module's integration tests. */
package dev.tessera.testing;
