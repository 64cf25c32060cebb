/** Beans every feature shares: the clock and the Redis command interfaces. */
package dev.tessera.auth.config;
