package dev.tessera.contract.revocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a revocation check needs to know about an access token: its {@code jti}, {@code sid},
 * {@code sub}, {@code client_id} and {@code iat}. {@code deviceId} is null for tokens without a device
 * (client credentials).
 */
public record RevocableToken(String jti, String deviceId, String userId, String clientId, Instant issuedAt) {

    /** Every mark that could refuse this token: its jti, its device, its user, its client on its device. */
    public List<RevocationTarget> targets() {
        List<RevocationTarget> targets = new ArrayList<>(4);
        if (jti != null) {
            targets.add(new RevocationTarget(RevocationEvent.Kind.JTI, jti));
        }
        if (deviceId != null) {
            targets.add(new RevocationTarget(RevocationEvent.Kind.DEVICE, deviceId));
            if (clientId != null) {
                targets.add(RevocationTarget.deviceClient(deviceId, clientId));
            }
        }
        if (userId != null) {
            targets.add(new RevocationTarget(RevocationEvent.Kind.USER, userId));
        }
        return targets;
    }
}
