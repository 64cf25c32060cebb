/** JMH micro-benchmarks; run with {@code ./tessera bench jwt}. */
package dev.tessera.bench;
