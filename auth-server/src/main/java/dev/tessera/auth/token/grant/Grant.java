package dev.tessera.auth.token.grant;

import dev.tessera.auth.token.grant.TokenResponse;

/** A grant type the token endpoint dispatches to. */
public interface Grant {

    /** The {@code grant_type} value this grant handles. */
    String grantType();

    /** Issues tokens for an authenticated client allowed to use this grant, or throws an OAuthException. */
    TokenResponse grant(GrantRequest request);
}
