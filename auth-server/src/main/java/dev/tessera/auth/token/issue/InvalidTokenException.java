package dev.tessera.auth.token.issue;

/** A token that is not a valid Tessera access token; the message says why, for the log only. */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
