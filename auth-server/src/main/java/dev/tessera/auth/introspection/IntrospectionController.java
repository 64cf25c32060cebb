package dev.tessera.auth.introspection;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientAuthenticator;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.ClientCredentials;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.revocation.RevocationChecker;
import dev.tessera.auth.token.issue.AccessTokenVerifier;
import dev.tessera.auth.token.store.RefreshFamily;
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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.tessera.auth.apidocs.OAuthForms;
import dev.tessera.auth.error.OAuthErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * RFC 7662 introspection. Any token that is not valid, expired, or revoked is simply
 * {@code {"active": false}} (§2.2): the caller learns nothing more about it. Nor does a caller that has
 * no business with the token (§4): a client may introspect its own tokens, and a resource server
 * ({@link Client#introspectionAudiences()}) the access tokens issued for its audiences.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntrospectionController {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final ClientAuthenticator clients;
    private final AccessTokenVerifier accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final RevocationChecker revocations;
    private final Clock clock;

    public IntrospectionController(ClientAuthenticator clients, AccessTokenVerifier accessTokens,
                                   RefreshTokenStore refreshTokens, RevocationChecker revocations, Clock clock) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Operation(summary = "Introspection (RFC 7662), for authenticated confidential clients", security = @SecurityRequirement(name = "client"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/x-www-form-urlencoded", schema = @Schema(implementation = OAuthForms.IntrospectionForm.class))),
            responses = {@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OAuthForms.IntrospectionAnswer.class))),
                @ApiResponse(responseCode = "401", description = "invalid_client")})
    @Post(uri = "/oauth/introspect", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> introspect(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params = OAuthParameters.fromForm(request, body);
        Client client = clients.authenticate(ClientCredentials.extract(request, params), RequestOrigin.ip(request));
        // RFC 7662 §2.1: the endpoint MUST require authorization; public clients cannot prove who they are.
        if (!client.confidential()) {
            throw OAuthException.invalidClient("public client " + client.id() + " may not introspect");
        }
        String token = params.required("token");
        Map<String, Object> answer = introspectAccessToken(client, token).or(() -> introspectRefreshToken(client, token))
                .orElse(INACTIVE);
        return HttpResponse.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private Optional<Map<String, Object>> introspectAccessToken(Client caller, String token) {
        Optional<VerifiedAccessToken> found = accessTokens.verifyOrEmpty(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VerifiedAccessToken verified = found.get();
        if (!mayIntrospect(caller, verified) || revocations.isRevoked(verified)) {
            return Optional.of(INACTIVE);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", "access_token");
        answer.put("scope", verified.scope());
        answer.put("client_id", verified.clientId());
        answer.put("sub", verified.subject());
        if (verified.username() != null) {
            answer.put("username", verified.username());
        }
        answer.put("aud", verified.audience());
        answer.put("iss", verified.claims().get("iss"));
        answer.put("exp", verified.expiresAt().getEpochSecond());
        answer.put("iat", verified.issuedAt().getEpochSecond());
        answer.put("nbf", verified.notBefore().getEpochSecond());
        answer.put("jti", verified.jti());
        if (verified.deviceId() != null) {
            answer.put("sid", verified.deviceId());
        }
        return Optional.of(answer);
    }

    /** RFC 7662 §4: the token's own client, or a resource server of one of its audiences. */
    private static boolean mayIntrospect(Client caller, VerifiedAccessToken token) {
        return caller.id().equals(token.clientId()) || (token.audience() != null
                && token.audience().stream().anyMatch(caller.introspectionAudiences()::contains));
    }

    private Optional<Map<String, Object>> introspectRefreshToken(Client caller, String token) {
        if (token.length() > OAuthParameters.MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        Optional<StoredRefreshToken> stored = refreshTokens.find(Hashes.sha256(token));
        Instant now = clock.instant();
        // A refresh token concerns only its own client (RFC 7662 §4): nobody else learns it is one.
        return stored.filter(t -> t.family().clientId().equals(caller.id()))
                .filter(t -> t.rotatedAt() == null && t.expiresAt().isAfter(now))
                .filter(t -> t.family().revokedAt() == null && t.family().absoluteExpiresAt().isAfter(now))
                .map(t -> {
                    RefreshFamily family = t.family();
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("active", true);
                    answer.put("token_type", "refresh_token");
                    answer.put("scope", family.scope());
                    answer.put("client_id", family.clientId());
                    answer.put("sub", family.userId().toString());
                    answer.put("exp", t.expiresAt().getEpochSecond());
                    answer.put("iat", t.issuedAt().getEpochSecond());
                    answer.put("sid", family.deviceId().toString());
                    return answer;
                });
    }
}
