package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.protocol.OAuthParameters;

/**
 * Parses one grant type's token request at the edge into the typed record its
 * {@link dev.tessera.auth.token.grant.Grant} takes (as Spring Authorization Server pairs an
 * AuthenticationConverter with each grant). Bad or missing parameters are RFC 6749 §5.2 errors here,
 * before any grant runs.
 *
 * @param <R> the request record
 */
public interface GrantRequestConverter<R> {

    String grantType();

    Class<R> requestType();

    /** The typed request of an authenticated client; {@code ip} and {@code userAgent} are where it came from. */
    R convert(Client client, OAuthParameters params, String ip, String userAgent);
}
