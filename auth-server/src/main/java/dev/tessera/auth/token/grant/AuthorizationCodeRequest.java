package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import java.util.Optional;

/** RFC 6749 §4.1.3 with RFC 7636 §4.5: an authorization code token request, parsed. */
public record AuthorizationCodeRequest(Client client, String code, Optional<String> redirectUri,
                                       Optional<String> codeVerifier, String ip) {
}
