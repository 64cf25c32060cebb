package dev.tessera.auth.revocation;

import dev.tessera.contract.jwt.VerifiedAccessToken;
import io.lettuce.core.RedisException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a verified access token has been revoked: Redis answers in one round trip; when Redis is
 * unreachable, or lost its data and is being rebuilt, PostgreSQL answers from the revocation outbox,
 * which holds every revocation ever made (durable first). The auth server therefore neither fails open nor locks its own
 * administrators out during a Redis outage.
 */
@Singleton
public class RevocationChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationChecker.class);

    private final Denylist denylist;
    private final RevocationOutbox outbox;

    public RevocationChecker(Denylist denylist, RevocationOutbox outbox) {
        this.denylist = denylist;
        this.outbox = outbox;
    }

    public boolean isRevoked(VerifiedAccessToken token) {
        try {
            return denylist.isRevoked(token.revocable());
        } catch (RedisException | IncompleteDenylistException e) {
            LOG.debug("denylist unreachable or being rebuilt, asking PostgreSQL: {}", e.getMessage());
            return outbox.isRevoked(token.revocable());
        }
    }
}
