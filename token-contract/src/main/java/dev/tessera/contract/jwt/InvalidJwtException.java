package dev.tessera.contract.jwt;

/**
 * A token that failed verification. {@link #reason()} is a short tag for metrics ({@code malformed},
 * {@code typ}, {@code key}, {@code signature}, {@code expired}, …); the message is for the log, never the caller.
 */
public final class InvalidJwtException extends Exception {

    private final String reason;

    public InvalidJwtException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
