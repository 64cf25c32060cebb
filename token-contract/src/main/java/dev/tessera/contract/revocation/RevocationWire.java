package dev.tessera.contract.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Redis encoding of revocations, the one place its names are spelled (docs/revocation.md
 * describes it for people):
 * <ul>
 *   <li>a mark per target: key {@code tessera:revoked:<kind>:<subject>}, value = revokedAt in epoch
 *       millis, expiring when it stops mattering ({@code relevantUntil});</li>
 *   <li>the stream {@code tessera:revocations}, one entry per revocation with the fields
 *       {@code kind subject revoked_at relevant_until reason} (millis as decimal strings).</li>
 *   <li>the epoch key {@link #EPOCH}: Redis holds every live revocation.</li>
 * </ul>
 * The auth server writes them; a verifier snapshots the keys at start and then tails the stream.
 */
public final class RevocationWire {

    /** The stream every verifier tails. */
    public static final String STREAM = "tessera:revocations";
    /** The stream is trimmed to about this many entries; the keys hold the rest. */
    public static final long STREAM_MAX_LENGTH = 100_000;

    private static final String KEY_PREFIX = "tessera:revoked:";
    /**
     * Present while Redis holds every live revocation: the auth server's relay writes it once it has
     * published them all from PostgreSQL. Absent after Redis lost its data (restarted without persistence,
     * flushed): then Redis's answer "not revoked" means nothing until the relay has re-published. Not a mark
     * ({@link #target} ignores it), though it matches {@link #keyPattern}.
     */
    public static final String EPOCH = KEY_PREFIX + "epoch";
    private static final String KIND = "kind";
    private static final String SUBJECT = "subject";
    private static final String REVOKED_AT = "revoked_at";
    private static final String RELEVANT_UNTIL = "relevant_until";
    private static final String REASON = "reason";

    private RevocationWire() {
    }

    /** The key of a target's mark. */
    public static String key(RevocationTarget target) {
        return KEY_PREFIX + target.kind().code() + ":" + target.subject();
    }

    /** A SCAN pattern matching every mark key. */
    public static String keyPattern() {
        return KEY_PREFIX + "*";
    }

    /** The target a mark key names; empty for keys that are not marks (or of a kind this version does not know). */
    public static Optional<RevocationTarget> target(String key) {
        if (!key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(KEY_PREFIX.length()).split(":", 2);
        try {
            return parts.length == 2 ? Optional.of(new RevocationTarget(RevocationEvent.Kind.of(parts[0]), parts[1]))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The value stored under a mark's key. */
    public static String markValue(RevocationEvent event) {
        return Long.toString(event.revokedAt().toEpochMilli());
    }

    /** A mark's value back as revokedAt in epoch millis. */
    public static long revokedAtMillis(String markValue) {
        return Long.parseLong(markValue);
    }

    /** The stream entry of an event. */
    public static Map<String, String> streamFields(RevocationEvent event) {
        return Map.of(KIND, event.kind().code(),
                SUBJECT, event.subject(),
                REVOKED_AT, Long.toString(event.revokedAt().toEpochMilli()),
                RELEVANT_UNTIL, Long.toString(event.relevantUntil().toEpochMilli()),
                REASON, event.reason());
    }

    /** A stream entry back as an event; throws IllegalArgumentException for a malformed or unknown one. */
    public static RevocationEvent fromStream(Map<String, String> fields) {
        String subject = fields.get(SUBJECT);
        if (subject == null) {
            throw new IllegalArgumentException("no subject");
        }
        return new RevocationEvent(RevocationEvent.Kind.of(fields.get(KIND)), subject,
                Instant.ofEpochMilli(Long.parseLong(fields.get(REVOKED_AT))),
                Instant.ofEpochMilli(Long.parseLong(fields.get(RELEVANT_UNTIL))), fields.getOrDefault(REASON, ""));
    }
}
