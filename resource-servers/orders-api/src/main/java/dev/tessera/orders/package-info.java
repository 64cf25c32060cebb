/**
 * A sample resource server: {@code /api/profile}, {@code /api/orders} (scopes orders:read and
 * orders:write) and the public {@code /api/ping}, run as several replicas told apart by
 * {@code SERVER_ID}. Tokens are validated locally by the tessera-resource-server library.
 */
package dev.tessera.orders;
