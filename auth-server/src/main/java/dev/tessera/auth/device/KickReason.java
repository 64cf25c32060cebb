package dev.tessera.auth.device;

/** Why a device was signed out; stored on the device and family, and told to the client on its next refresh. */
public enum KickReason {
    LOGIN_ELSEWHERE("login_elsewhere"),
    USER_KICK("user_kick"),
    ADMIN_KICK("admin_kick"),
    ADMIN_REVOKE_BEFORE("admin_revoke_before"),
    LOGOUT("logout"),
    REFRESH_TOKEN_REUSE("refresh_token_reuse");

    private final String code;

    KickReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
