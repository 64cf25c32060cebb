package dev.tessera.auth.protocol;

import dev.tessera.auth.error.OAuthException;
import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a client presented to identify itself: {@code client_secret_basic} (RFC 6749 §2.3.1, the
 * id and secret are form-encoded before Base64), {@code client_secret_post}, or only a
 * {@code client_id} (public clients).
 */
public record ClientCredentials(String clientId, Optional<String> secret, Method method) {

    /** How the credentials arrived. */
    public enum Method { BASIC, POST, NONE }

    public static ClientCredentials extract(HttpRequest<?> request, OAuthParameters params) {
        Optional<String> header = request.getHeaders().getAuthorization();
        boolean basic = header.isPresent() && header.get().regionMatches(true, 0, "Basic ", 0, 6);
        if (basic) {
            // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
            if (params.has("client_secret")) {
                throw OAuthException.invalidRequest("use one client authentication method, not two");
            }
            ClientCredentials fromHeader = fromBasic(header.get().substring(6).trim());
            params.optional("client_id").filter(id -> !id.equals(fromHeader.clientId())).ifPresent(id -> {
                throw OAuthException.invalidRequest("client_id does not match the Authorization header");
            });
            return fromHeader;
        }
        if (header.isPresent()) {
            throw OAuthException.invalidClient("unsupported Authorization scheme");
        }
        String clientId = params.optional("client_id")
                .orElseThrow(() -> OAuthException.invalidClient("no client authentication"));
        Optional<String> secret = params.optional("client_secret");
        return new ClientCredentials(clientId, secret, secret.isPresent() ? Method.POST : Method.NONE);
    }

    private static ClientCredentials fromBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || decoded.length() > 2 * OAuthParameters.MAX_VALUE_LENGTH) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
        try {
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (OAuthParameters.hasControlCharacter(id) || OAuthParameters.hasControlCharacter(secret)) {
                throw OAuthException.invalidClient("control character in Basic credentials");
            }
            return new ClientCredentials(id, Optional.of(secret), Method.BASIC);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
    }

}
