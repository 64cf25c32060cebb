package dev.tessera.webclient.session;

import java.time.Duration;
import java.util.Optional;

/** Short-lived values used once: the jtis of logout tokens already acted on (replay protection). */
public interface OneTimeStore {

    /** Stores the value unless the key exists; false when it did (a replay). */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /** The value, removed: a second take finds nothing. */
    Optional<String> take(String key);
}
