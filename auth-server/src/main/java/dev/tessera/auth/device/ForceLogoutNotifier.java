package dev.tessera.auth.device;

import java.time.Instant;

/**
 * Tells a signed-out device's clients at once ({@code force_logout} on the user's channel). Best
 * effort: the revocation itself is durable elsewhere. {@link RedisForceLogoutNotifier} publishes on
 * Redis pub/sub.
 */
public interface ForceLogoutNotifier {

    /** The pub/sub channel of a user's events. */
    static String channel(Object userId) {
        return "tessera:user:" + userId + ":events";
    }

    void notifyKicked(Device device, KickReason reason, Instant at);
}
