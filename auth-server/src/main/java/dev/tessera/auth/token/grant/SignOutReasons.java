package dev.tessera.auth.token.grant;

/** What a client is told when a refresh fails because its sign-in was ended. */
public final class SignOutReasons {

    private SignOutReasons() {
    }

    public static String describe(String reason) {
        if (reason == null) {
            return "refresh token was revoked";
        }
        return switch (reason) {
            case "refresh_token_reuse" -> "refresh token was reused; this sign-in has been revoked";
            case "replaced" -> "signed out: this device signed in again";
            case "login_elsewhere" -> "signed out because of a login on another device";
            case "user_kick" -> "signed out by the user";
            case "admin_kick" -> "signed out by an administrator";
            case "logout" -> "signed out";
            default -> "refresh token was revoked";
        };
    }
}
