package dev.tessera.auth.revocation;

import java.time.Instant;

/**
 * One revocation, as stored in the outbox and as published on {@code tessera:revocations}.
 *
 * @param kind          {@code jti}: that access token; {@code device}/{@code user}: every access token of
 *                      that sid/sub issued at or before {@code revokedAt}
 * @param relevantUntil after this instant every token it could refuse has expired anyway
 */
public record RevocationEvent(Kind kind, String subject, Instant revokedAt, Instant relevantUntil, String reason) {

    /** What a revocation applies to. */
    public enum Kind {
        JTI("jti"), DEVICE("device"), USER("user");

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
