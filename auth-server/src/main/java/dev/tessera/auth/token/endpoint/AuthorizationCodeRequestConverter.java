package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.token.grant.AuthorizationCodeRequest;
import jakarta.inject.Singleton;

/** RFC 6749 §4.1.3: {@code code}, {@code redirect_uri} when the authorization request had one; RFC 7636 §4.5 {@code code_verifier}. */
@Singleton
public class AuthorizationCodeRequestConverter implements GrantRequestConverter<AuthorizationCodeRequest> {

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public Class<AuthorizationCodeRequest> requestType() {
        return AuthorizationCodeRequest.class;
    }

    @Override
    public AuthorizationCodeRequest convert(Client client, OAuthParameters params, String ip, String userAgent) {
        return new AuthorizationCodeRequest(client, params.required("code"), params.optional("redirect_uri"),
                params.optional("code_verifier"), ip);
    }
}
