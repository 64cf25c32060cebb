/**
 * How every Tessera app talks to Redis when Redis is not all right: {@link dev.tessera.web.redis.RedisClientPolicy}
 * (fail fast while disconnected, reconnect within a second, so a Sentinel failover is over for the app about
 * when Sentinel has promoted the replica). Applies only where Lettuce is on the classpath.
 */
package dev.tessera.web.redis;
