package dev.tessera.auth.token.grant;

/**
 * One grant type the token endpoint dispatches to. It receives a typed request that the endpoint's
 * converter for the same grant type parsed from the HTTP parameters: grants never see HTTP.
 *
 * @param <R> the request record of this grant
 */
public interface Grant<R> {

    /** The {@code grant_type} value this grant handles. */
    String grantType();

    /** The request record it takes. */
    Class<R> requestType();

    /** Issues tokens for an authenticated client allowed to use this grant, or throws an OAuthException. */
    TokenResponse grant(R request);
}
