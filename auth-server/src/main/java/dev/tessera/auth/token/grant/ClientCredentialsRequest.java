package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import java.util.Optional;

/** RFC 6749 §4.4.2: a client credentials token request, parsed. */
public record ClientCredentialsRequest(Client client, Optional<String> scope) {
}
