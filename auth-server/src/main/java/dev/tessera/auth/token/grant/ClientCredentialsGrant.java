package dev.tessera.auth.token.grant;

import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.token.issue.AccessTokenIssuer;
import dev.tessera.auth.token.issue.AccessTokenRequest;
import dev.tessera.auth.token.issue.IssuedAccessToken;
import jakarta.inject.Singleton;
import java.util.Set;

/** RFC 6749 §4.4: a confidential client gets a token for itself. No refresh token (§4.4.3). */
@Singleton
public class ClientCredentialsGrant implements Grant<ClientCredentialsRequest> {

    private final AccessTokenIssuer issuer;

    public ClientCredentialsGrant(AccessTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Class<ClientCredentialsRequest> requestType() {
        return ClientCredentialsRequest.class;
    }

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public TokenResponse grant(ClientCredentialsRequest request) {
        // RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients.
        if (!request.client().confidential()) {
            throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "public clients cannot use client_credentials");
        }
        Set<String> scope = Scopes.grantable(Scopes.resolve(request.scope(), request.client()), Set.of());
        IssuedAccessToken token = issuer.issue(new AccessTokenRequest(request.client().id(), request.client().id(),
                scope, null, null, Set.of(), request.client().accessTokenType()));
        return TokenResponse.bearer(token, null, scope, null);
    }
}
