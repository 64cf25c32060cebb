/**
 * Web sessions, by configuration in Redis (hashes under the client's own prefix, {@code RedisKeys}; sliding
 * TTL; shared by replicas) or in this replica's memory (the sticky scheme). Same interfaces, same contract tests.
 */
package dev.tessera.webclient.session;
