package dev.tessera.auth.error;

import io.micronaut.http.HttpStatus;

/** Error codes of RFC 6749 §5.2 and RFC 7009 §2.2.1, with the HTTP status each is sent with. */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", HttpStatus.BAD_REQUEST),
    /** RFC 6749 §5.2: 401 with WWW-Authenticate when the client tried to authenticate. */
    INVALID_CLIENT("invalid_client", HttpStatus.UNAUTHORIZED),
    INVALID_GRANT("invalid_grant", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED_CLIENT("unauthorized_client", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", HttpStatus.BAD_REQUEST),
    INVALID_SCOPE("invalid_scope", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", HttpStatus.BAD_REQUEST),
    /** RFC 6749 §4.1.2.1, sent to the redirect URI. */
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", HttpStatus.BAD_REQUEST),
    /** OIDC Core §3.1.2.6: prompt=none without a session. */
    LOGIN_REQUIRED("login_required", HttpStatus.BAD_REQUEST),
    /** Throttled login attempts; sent with Retry-After. */
    SLOW_DOWN("invalid_grant", HttpStatus.TOO_MANY_REQUESTS),
    /** Throttled client authentication (too many failures from an address); sent with Retry-After. */
    CLIENT_SLOW_DOWN("invalid_client", HttpStatus.TOO_MANY_REQUESTS),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** RFC 6749 §4.1.2.1: what nothing else explains; the details stay in the log. */
    SERVER_ERROR("server_error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String code;
    private final HttpStatus status;

    OAuthError(String code, HttpStatus status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
