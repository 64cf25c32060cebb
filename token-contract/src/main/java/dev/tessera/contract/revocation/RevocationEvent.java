package dev.tessera.contract.revocation;

import java.time.Instant;

/**
 * One revocation, as the auth server stores it in its outbox and publishes it to Redis
 * ({@link RevocationWire}), and as every verifier applies it.
 *
 * @param kind          what it applies to ({@link Kind})
 * @param subject       the jti, sid, sub, or {@code sid:client_id} it names
 * @param revokedAt     when it was made; a mark covers tokens issued at or before this instant ({@link RevocationRule})
 * @param relevantUntil after this instant every token it could refuse has expired anyway
 * @param reason        why, for logs and audit
 */
public record RevocationEvent(Kind kind, String subject, Instant revokedAt, Instant relevantUntil, String reason) {

    /** The mark this event sets. */
    public RevocationTarget target() {
        return new RevocationTarget(kind, subject);
    }

    /** What a revocation applies to. */
    public enum Kind {
        /** One access token, by its {@code jti}. */
        JTI("jti"),
        /** Every access token of a device ({@code sid}) issued at or before the mark. */
        DEVICE("device"),
        /** Every access token of a user ({@code sub}) issued at or before the mark. */
        USER("user"),
        /**
         * Every access token one client holds on one device ({@code sid} and {@code client_id}) issued at or
         * before the mark: what RFC 7009 §2.1 asks when one client revokes its refresh token on a device that
         * other clients share (a browser signed in through SSO).
         */
        DEVICE_CLIENT("device_client");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown revocation kind " + code);
        }
    }
}
