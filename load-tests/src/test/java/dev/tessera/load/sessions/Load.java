package dev.tessera.load.sessions;

import java.time.Duration;

/**
 * The open-model load every scheme gets, identical by construction: new users arrive at
 * {@code rate} per second (ramping up during the warm-up), each signs in once and then reads its
 * profile {@code reads} times, {@code pause.ms} apart. Requests are labelled by when they are sent:
 * {@code warm-up}, {@code steady} (the measured window) and {@code drain} (the last users finishing).
 */
final class Load {

    static final double RATE = Double.parseDouble(System.getProperty("rate", "4"));
    static final int READS = Integer.getInteger("reads", 40);
    static final Duration PAUSE = Duration.ofMillis(Integer.getInteger("pause.ms", 250));
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmup.seconds", 20));
    static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("steady.seconds", 60));
    static final int P99_LIMIT_MS = Integer.getInteger("p99.limit.ms", 500);

    private final long startMillis = System.currentTimeMillis();

    private Load() {
    }

    /** Starts the clock: labels are relative to the creation of the simulation. */
    static Load start() {
        return new Load();
    }

    String phase() {
        long elapsed = System.currentTimeMillis() - startMillis;
        if (elapsed < WARMUP.toMillis()) {
            return "warm-up";
        }
        return elapsed < WARMUP.plus(STEADY).toMillis() ? "steady" : "drain";
    }
}
