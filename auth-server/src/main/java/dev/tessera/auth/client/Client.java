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
 * @param pkceRequired          whether its authorization requests must carry a PKCE challenge (RFC 9700 §2.1.1:
 *                              by default yes, confidential clients too; public clients always)
 * @param introspectionAudiences the audiences it serves as a resource server: it may introspect access tokens
 *                              issued for them (RFC 7662 §4); every client may introspect its own tokens
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
        AccessTokenType accessTokenType,
        boolean pkceRequired,
        Set<String> introspectionAudiences) {

    /** A client with this access token type, PKCE required, introspecting only its own tokens. */
    public Client(String id, String name, String secretHash, boolean confidential, Set<String> grantTypes,
                  Set<String> scopes, Set<String> defaultScopes, List<String> redirectUris, String sessionPolicy,
                  List<String> postLogoutRedirectUris, String backchannelLogoutUri, AccessTokenType accessTokenType) {
        this(id, name, secretHash, confidential, grantTypes, scopes, defaultScopes, redirectUris, sessionPolicy,
                postLogoutRedirectUris, backchannelLogoutUri, accessTokenType, true, Set.of());
    }

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

    /** This client, allowed to leave PKCE out (one that cannot send it). */
    public Client withoutPkce() {
        return new Client(id, name, secretHash, confidential, grantTypes, scopes, defaultScopes, redirectUris, sessionPolicy,
                postLogoutRedirectUris, backchannelLogoutUri, accessTokenType, false, introspectionAudiences);
    }

    /** This client as a resource server of these audiences (RFC 7662 §4). */
    public Client introspecting(Set<String> audiences) {
        return new Client(id, name, secretHash, confidential, grantTypes, scopes, defaultScopes, redirectUris, sessionPolicy,
                postLogoutRedirectUris, backchannelLogoutUri, accessTokenType, pkceRequired, Set.copyOf(audiences));
    }

    /** This client with another secret hash (the demo data hashes its plain secrets once). */
    public Client withSecretHash(String hash) {
        return new Client(id, name, hash, confidential, grantTypes, scopes, defaultScopes, redirectUris, sessionPolicy,
                postLogoutRedirectUris, backchannelLogoutUri, accessTokenType, pkceRequired, introspectionAudiences);
    }
}
