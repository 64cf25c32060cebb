package dev.tessera.auth.token.issue;

import dev.tessera.auth.client.AccessTokenType;
import java.util.Set;
import java.util.UUID;

/**
 * What an access token says.
 *
 * @param subject  user id, or the client id for client_credentials (RFC 9068 §2.2)
 * @param deviceId the device ({@code sid}) this token belongs to; null for client_credentials
 * @param username {@code preferred_username}, null for clients
 * @param roles    the user's roles (RFC 9068 §2.2.3.1), empty for clients
 * @param type     the header {@code typ}, from the client's registration
 */
public record AccessTokenRequest(String subject, String clientId, Set<String> scope, UUID deviceId, String username,
                                 Set<String> roles, AccessTokenType type) {
}
