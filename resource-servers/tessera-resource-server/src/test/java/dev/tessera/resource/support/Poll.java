package dev.tessera.resource.support;

import java.util.function.BooleanSupplier;

/** Waits for a condition by polling it, never for a fixed time. */
public final class Poll {

    private Poll() {
    }

    public static boolean until(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
