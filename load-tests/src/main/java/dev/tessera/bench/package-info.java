/** JMH micro-benchmarks; run with {@code ./tessera bench jwt} and {@code ./tessera bench argon2}. */
package dev.tessera.bench;
