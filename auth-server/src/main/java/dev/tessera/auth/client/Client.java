package dev.tessera.auth.client;

import java.util.List;
import java.util.Set;

/**
 * A registered client.
 *
 * @param secretHash    argon2id hash of the secret; null for public clients
 * @param grantTypes    grants this client may use; {@code password} here is the per-client switch
 *                      that allows the resource owner password grant (first-party clients only)
 * @param sessionPolicy device session policy for this client, or null for the global default
 * @param postLogoutRedirectUris where RP-initiated logout may send the browser back (exact match)
 * @param backchannelLogoutUri  where OIDC back-channel logout tokens are posted, or null
 * @param accessTokenType       the {@code typ} of its access tokens: {@code at+jwt} unless registered otherwise
 */
public record Client(
        String id,
        String name,
        String secretHash,
        boolean confidential,
        Set<String> grantTypes,
        Set<String> scopes,
        Set<String> defaultScopes,
        List<String> redirectUris,
        String sessionPolicy,
        List<String> postLogoutRedirectUris,
        String backchannelLogoutUri,
        AccessTokenType accessTokenType) {

    /** A client with RFC 9068's {@code typ: at+jwt} access tokens, the default. */
    public Client(String id, String name, String secretHash, boolean confidential, Set<String> grantTypes,
                  Set<String> scopes, Set<String> defaultScopes, List<String> redirectUris, String sessionPolicy,
                  List<String> postLogoutRedirectUris, String backchannelLogoutUri) {
        this(id, name, secretHash, confidential, grantTypes, scopes, defaultScopes, redirectUris, sessionPolicy,
                postLogoutRedirectUris, backchannelLogoutUri, AccessTokenType.AT_JWT);
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }
}
