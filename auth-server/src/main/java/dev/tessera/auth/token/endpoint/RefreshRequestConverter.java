package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.token.grant.RefreshRequest;
import jakarta.inject.Singleton;

/** RFC 6749 §6: {@code refresh_token} and an optional narrower {@code scope}. */
@Singleton
public class RefreshRequestConverter implements GrantRequestConverter<RefreshRequest> {

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public Class<RefreshRequest> requestType() {
        return RefreshRequest.class;
    }

    @Override
    public RefreshRequest convert(Client client, OAuthParameters params, String ip, String userAgent) {
        return new RefreshRequest(client, params.required("refresh_token"), params.optional("scope"), ip);
    }
}
