package dev.tessera.auth.token.grant;

import dev.tessera.auth.client.Client;
import java.util.Optional;

/** RFC 6749 §6: a refresh request, parsed; {@code scope} may only narrow what the family was granted. */
public record RefreshRequest(Client client, String refreshToken, Optional<String> scope, String ip) {
}
