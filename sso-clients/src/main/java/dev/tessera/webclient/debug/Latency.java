package dev.tessera.webclient.debug;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;

/** Mean, median and 99th percentile of measured durations, in microseconds. */
@Serdeable
public record Latency(double mean, double p50, double p99) {

    static Latency of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        return new Latency(round(mean), round(sorted[(sorted.length - 1) / 2] / 1000.0),
                round(sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0));
    }

    private static double round(double micros) {
        return Math.round(micros * 10) / 10.0;
    }
}
