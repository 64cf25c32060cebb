package dev.tessera.auth.revocation.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientAuthenticator;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.ClientCredentials;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.token.issue.AccessTokenVerifier;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.token.store.StoredRefreshToken;
import dev.tessera.contract.jwt.VerifiedAccessToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Optional;
import dev.tessera.auth.apidocs.OAuthForms;
import dev.tessera.auth.error.OAuthErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * {@code POST /oauth/revoke} (RFC 7009). A refresh token revokes its family and the access
 * tokens its client holds on that device ({@link DeviceSignOut#revokeFamily}: the device itself is
 * signed out only when that was its last sign-in, so other clients sharing an SSO browser keep
 * theirs); an access token is denied by jti until it expires. Unknown or invalid
 * tokens get 200 (RFC 7009 §2.2), since the client's goal (the token is unusable) is met.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RevocationController {

    private final ClientAuthenticator clients;
    private final AccessTokenVerifier accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final RevocationService revocations;
    private final DeviceSignOut signOut;

    public RevocationController(ClientAuthenticator clients, AccessTokenVerifier accessTokens,
                                RefreshTokenStore refreshTokens, RevocationService revocations,
                                DeviceSignOut signOut) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.signOut = signOut;
    }

    @Operation(summary = "Revocation (RFC 7009): 200 whether or not the token was known", security = @SecurityRequirement(name = "client"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/x-www-form-urlencoded", schema = @Schema(implementation = OAuthForms.RevocationForm.class))),
            responses = {@ApiResponse(responseCode = "200", description = "revoked, or never valid"),
                @ApiResponse(responseCode = "400", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = OAuthErrorBody.class)))})
    @Post(uri = "/oauth/revoke", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> revoke(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params = OAuthParameters.fromForm(request, body);
        // RFC 7009 §2.1: the server first validates the client credentials.
        Client client = clients.authenticate(ClientCredentials.extract(request, params), RequestOrigin.ip(request));
        String token = params.required("token");
        String actor = "client:" + client.id();
        String ip = RequestOrigin.ip(request);
        // RFC 7009 §2.1: an unknown hint does not stop the search across token types.
        Optional<VerifiedAccessToken> access = accessTokens.verifyOrEmpty(token);
        if (access.isPresent()) {
            requireOwner(client, access.get().clientId());
            revocations.revokeAccessToken(access.get(), "revoked_by_client", actor, ip);
        } else {
            Optional<StoredRefreshToken> refresh = refreshTokens.find(Hashes.sha256(token));
            if (refresh.isPresent()) {
                requireOwner(client, refresh.get().family().clientId());
                signOut.revokeFamily(refresh.get().family(), actor, ip);
            }
        }
        return HttpResponse.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** RFC 7009 §2.1: the server verifies the token was issued to the client making the request. */
    private static void requireOwner(Client client, String ownerClientId) {
        if (!client.id().equals(ownerClientId)) {
            throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "the token was not issued to this client");
        }
    }
}
