package dev.tessera.auth.revocation;

/**
 * Fewer replicas than required acknowledged what was published: a failover now could lose it, so the
 * outbox rows stay pending ({@link DenylistProperties#replicaAcks()}).
 */
public class UnreplicatedDenylistException extends RuntimeException {

    public UnreplicatedDenylistException(long acknowledged, int required) {
        super(acknowledged + " of " + required + " required Redis replicas acknowledged the revocations");
    }
}
