package dev.tessera.auth.revocation;

import dev.tessera.contract.revocation.RevocableToken;
import dev.tessera.contract.revocation.RevocationEvent;

/** The shared, short-lived view of what is revoked, consulted for every access token check. */
public interface Denylist {

    /** Records the revocation and announces it to subscribers. */
    void apply(RevocationEvent event);

    /**
     * Returns once what {@link #apply} recorded would survive the loss of the store's primary (as many replicas
     * hold it as configured); throws {@link UnreplicatedDenylistException} when they do not in time.
     */
    void awaitReplicated();

    /**
     * True when a live mark refuses the token: its own jti, or a device, user or device-client mark
     * made at or after its issue time ({@link dev.tessera.contract.revocation.RevocationRule}).
     */
    boolean isRevoked(RevocableToken token);

    /**
     * Whether the denylist holds every live revocation. False after the store lost its data (a Redis
     * restarted without persistence, or flushed) until {@link #markComplete} after a full re-publish;
     * meanwhile {@link #isRevoked} throws {@link IncompleteDenylistException}.
     */
    boolean isComplete();

    /** Every live revocation has been published into it again. */
    void markComplete();
}
