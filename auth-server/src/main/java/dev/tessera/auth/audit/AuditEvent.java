package dev.tessera.auth.audit;

import java.util.List;
import java.util.UUID;

/**
 * One audit record. {@code actor} is who did it ({@code user:<id>}, {@code client:<id>},
 * {@code system}); the other fields say what it was done to.
 */
public record AuditEvent(String type, String actor, UUID userId, String clientId, UUID deviceId, String ip,
                         String detail) {

    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String TOKEN_REFRESHED = "token.refreshed";
    public static final String REFRESH_REUSE_DETECTED = "token.reuse_detected";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String KEY_ROTATED = "key.rotated";
    public static final String DEVICE_KICKED = "device.kicked";
    public static final String CODE_REDEEMED = "code.redeemed";
    public static final String CODE_REPLAYED = "code.replayed";
    public static final String LOGGED_OUT = "sso.logged_out";
    public static final String USER_REVOKED_BEFORE = "user.revoked_before";
    public static final String ADMIN_TOKEN_REVOKED = "admin.token_revoked";

    /** Every type above, for filters that offer a choice (the console's audit log). */
    public static final List<String> TYPES = List.of(LOGIN_SUCCEEDED, LOGIN_FAILED, TOKEN_REFRESHED,
            REFRESH_REUSE_DETECTED, TOKEN_REVOKED, KEY_ROTATED, DEVICE_KICKED, CODE_REDEEMED, CODE_REPLAYED, LOGGED_OUT,
            USER_REVOKED_BEFORE, ADMIN_TOKEN_REVOKED);
}
