package dev.tessera.auth.device;

import dev.tessera.auth.audit.AuditEvent;

/** Why a device was signed out; stored on the device and family, and told to the client on its next refresh. */
public enum KickReason {
    LOGIN_ELSEWHERE("login_elsewhere"),
    USER_KICK("user_kick"),
    ADMIN_KICK("admin_kick"),
    ADMIN_REVOKE_BEFORE("admin_revoke_before"),
    LOGOUT("logout"),
    REFRESH_TOKEN_REUSE("refresh_token_reuse"),
    /** A new login from a device the client already named (same {@code device_id}). */
    REPLACED("replaced"),
    /** RFC 7009: the client revoked the device's last refresh token. */
    REVOKED_BY_CLIENT("revoked_by_client");

    private final String code;

    KickReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The audit record a sign-out for this reason writes. */
    public String auditType() {
        return switch (this) {
            case REFRESH_TOKEN_REUSE -> AuditEvent.REFRESH_REUSE_DETECTED;
            case REPLACED, REVOKED_BY_CLIENT -> AuditEvent.TOKEN_REVOKED;
            default -> AuditEvent.DEVICE_KICKED;
        };
    }
}
