package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.token.grant.PasswordRequest;
import jakarta.inject.Singleton;

/** RFC 6749 §4.3.2: {@code username}, {@code password}, optional {@code scope}, and the device it signs in from. */
@Singleton
public class PasswordRequestConverter implements GrantRequestConverter<PasswordRequest> {

    @Override
    public String grantType() {
        return "password";
    }

    @Override
    public Class<PasswordRequest> requestType() {
        return PasswordRequest.class;
    }

    @Override
    public PasswordRequest convert(Client client, OAuthParameters params, String ip, String userAgent) {
        return new PasswordRequest(client, params.required("username"), params.required("password"),
                params.optional("scope"), DeviceDescriptor.from(params, userAgent, ip), ip);
    }
}
