package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.token.grant.ClientCredentialsRequest;
import jakarta.inject.Singleton;

/** RFC 6749 §4.4.2: only an optional {@code scope}. */
@Singleton
public class ClientCredentialsRequestConverter implements GrantRequestConverter<ClientCredentialsRequest> {

    @Override
    public String grantType() {
        return "client_credentials";
    }

    @Override
    public Class<ClientCredentialsRequest> requestType() {
        return ClientCredentialsRequest.class;
    }

    @Override
    public ClientCredentialsRequest convert(Client client, OAuthParameters params, String ip, String userAgent) {
        return new ClientCredentialsRequest(client, params.optional("scope"));
    }
}
