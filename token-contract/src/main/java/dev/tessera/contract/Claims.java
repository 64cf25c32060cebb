package dev.tessera.contract;

import com.nimbusds.jose.JOSEObjectType;

/**
 * Claim names and token types Tessera's tokens use beyond the registered ones of RFC 7519 (those
 * are {@link com.nimbusds.jwt.JWTClaimNames}). The issuer writes them; every verifier reads them.
 */
public final class Claims {

    /** RFC 9068 §2.2: the client the access token was issued to. */
    public static final String CLIENT_ID = "client_id";
    /** RFC 9068 §2.2.3: space-separated scopes. */
    public static final String SCOPE = "scope";
    /** The device (one sign-in on one user agent) a token belongs to; the OIDC session id in ID and logout tokens. */
    public static final String SID = "sid";
    /** RFC 9068 §2.2.3.1: the user's roles. */
    public static final String ROLES = "roles";
    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    /** OIDC Core §2. */
    public static final String NONCE = "nonce";
    public static final String AUTH_TIME = "auth_time";
    public static final String AZP = "azp";
    /** OIDC Back-Channel Logout §2.4. */
    public static final String EVENTS = "events";
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** RFC 9068 §2.1: access tokens carry {@code typ: at+jwt}. */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    /** OIDC Back-Channel Logout §2.4: logout tokens carry {@code typ: logout+jwt}. */
    public static final JOSEObjectType LOGOUT_TOKEN_TYPE = new JOSEObjectType("logout+jwt");
    /** ID tokens carry the plain {@code JWT} type. */
    public static final JOSEObjectType ID_TOKEN_TYPE = JOSEObjectType.JWT;

    private Claims() {
    }
}
