package dev.tessera.webclient;

import io.micronaut.runtime.Micronaut;

/** Starts one replica of a web client. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
