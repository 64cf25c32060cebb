package dev.tessera.auth;

import io.micronaut.runtime.Micronaut;

/** Starts the Tessera authorization server. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
