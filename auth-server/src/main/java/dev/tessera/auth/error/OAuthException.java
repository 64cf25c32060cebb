package dev.tessera.auth.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A protocol error: the client sees {@link #error()} and {@link #description()}; {@link #getMessage()}
 * (the reason) goes to the log only. No stack trace is captured: these are expected outcomes.
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final String description;
    private final Duration retryAfter;

    private OAuthException(OAuthError error, String description, String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.error = Objects.requireNonNull(error);
        this.description = description;
        this.retryAfter = retryAfter;
    }

    public static OAuthException of(OAuthError error, String description) {
        return new OAuthException(error, description, description, null);
    }

    /** An error whose log reason says more than the client may learn. */
    public static OAuthException of(OAuthError error, String description, String reason) {
        return new OAuthException(error, description, reason, null);
    }

    public static OAuthException throttled(String description, Duration retryAfter) {
        return new OAuthException(OAuthError.SLOW_DOWN, description, description, retryAfter);
    }

    /** Client authentication throttled: 429 invalid_client with Retry-After, decided before any secret is hashed. */
    public static OAuthException clientThrottled(String description, Duration retryAfter) {
        return new OAuthException(OAuthError.CLIENT_SLOW_DOWN, description, description, retryAfter);
    }

    /** A dependency or resource is saturated or away: 503 temporarily_unavailable with Retry-After. */
    public static OAuthException unavailable(String description, Duration retryAfter) {
        return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, description, description, retryAfter);
    }

    public static OAuthException invalidRequest(String description) {
        return of(OAuthError.INVALID_REQUEST, description);
    }

    public static OAuthException invalidGrant(String description) {
        return of(OAuthError.INVALID_GRANT, description);
    }

    public static OAuthException invalidClient(String reason) {
        return of(OAuthError.INVALID_CLIENT, "client authentication failed", reason);
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return description;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
