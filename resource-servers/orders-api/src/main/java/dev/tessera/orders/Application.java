package dev.tessera.orders;

import io.micronaut.runtime.Micronaut;

/** Starts one replica of the orders API. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
