package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.protocol.OAuthParameters;

/** A token request after client authentication: the client, its parameters, and where it came from. */
public record GrantRequest(Client client, OAuthParameters params, String ip, String userAgent) {
}
