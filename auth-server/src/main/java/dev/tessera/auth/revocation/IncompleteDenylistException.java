package dev.tessera.auth.revocation;

/**
 * The denylist cannot answer: its store lost its data and the relay has not re-published every live
 * revocation yet. Callers ask PostgreSQL instead, as they do while Redis is unreachable.
 */
public class IncompleteDenylistException extends RuntimeException {

    public IncompleteDenylistException() {
        super("the denylist is being rebuilt from PostgreSQL", null, false, false);
    }
}
