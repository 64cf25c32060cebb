package dev.tessera.auth.support;

import dev.tessera.auth.error.ApiException;
import java.util.UUID;

/** Path identifiers, checked at the edge. */
public final class Ids {

    private Ids() {
    }

    /** The UUID in a path segment, or 400 naming what was malformed. */
    public static UUID uuid(String value, String what) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.badRequest(what + " must be a UUID");
    }
}
