package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientAuthenticator;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.ClientCredentials;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.token.grant.Grant;
import dev.tessera.auth.token.grant.TokenResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.tessera.auth.apidocs.OAuthForms;
import dev.tessera.auth.error.OAuthErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2) and {@code POST /refresh}, its alias for the refresh
 * grant that also takes JSON. Consumes any content type so that a wrong one gets an RFC 6749
 * error body instead of a framework 415. Each grant type is a route: its {@link GrantRequestConverter}
 * parses the parameters into a typed request, its {@link Grant} issues the tokens.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final Map<String, Route<?>> routes = new HashMap<>();
    private final ClientAuthenticator clients;
    private final JsonMapper json;
    private final MeterRegistry meters;

    public TokenController(List<Grant<?>> grants, List<GrantRequestConverter<?>> converters, ClientAuthenticator clients,
                           JsonMapper json, MeterRegistry meters) {
        for (Grant<?> grant : grants) {
            GrantRequestConverter<?> converter = converters.stream().filter(c -> c.grantType().equals(grant.grantType()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no request converter for " + grant.grantType()));
            routes.put(grant.grantType(), Route.of(converter, grant));
        }
        this.clients = clients;
        this.json = json;
        this.meters = meters;
    }

    @Operation(summary = "Token endpoint (RFC 6749 §3.2): authorization_code + PKCE, password, client_credentials, refresh_token",
            security = @SecurityRequirement(name = "client"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/x-www-form-urlencoded", schema = @Schema(implementation = OAuthForms.TokenForm.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "tokens (RFC 6749 §5.1)", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class))),
                @ApiResponse(responseCode = "400", description = "RFC 6749 §5.2", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorBody.class))),
                @ApiResponse(responseCode = "401", description = "invalid_client, with WWW-Authenticate"),
                @ApiResponse(responseCode = "429", description = "a locked login, with Retry-After")})
    @Post(uri = "/oauth/token", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<TokenResponse> token(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params = OAuthParameters.fromForm(request, body);
        return issue(request, params, params.required("grant_type"));
    }

    @Operation(summary = "The refresh grant, also as JSON {\"refresh_token\": \"...\"}", security = @SecurityRequirement(name = "client"),
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenResponse.class))))
    @Post(uri = "/refresh", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<TokenResponse> refresh(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params = OAuthParameters.fromFormOrJson(request, body, json);
        String grantType = params.optional("grant_type").orElse("refresh_token");
        if (!"refresh_token".equals(grantType)) {
            throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "/refresh only takes grant_type refresh_token");
        }
        return issue(request, params, grantType);
    }

    private HttpResponse<TokenResponse> issue(HttpRequest<?> request, OAuthParameters params, String grantType) {
        Client client = clients.authenticate(ClientCredentials.extract(request, params), RequestOrigin.ip(request));
        Route<?> route = routes.get(grantType);
        if (route == null) {
            throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "unsupported grant_type");
        }
        if (!client.allowsGrant(grantType)) {
            throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "this client may not use " + grantType);
        }
        TokenResponse response = route.handle(client, params, RequestOrigin.ip(request), RequestOrigin.userAgent(request));
        meters.counter("tessera.tokens.issued", "grant", grantType).increment();
        // RFC 6749 §5.1: token responses MUST carry Cache-Control: no-store.
        return HttpResponse.ok(response).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }

    /** A grant type's converter and grant, which agree on the request record. */
    private record Route<R>(GrantRequestConverter<R> converter, Grant<R> grant) {

        @SuppressWarnings("unchecked") // checked: both name the same request class
        static Route<?> of(GrantRequestConverter<?> converter, Grant<?> grant) {
            if (!converter.requestType().equals(grant.requestType())) {
                throw new IllegalStateException(grant.grantType() + ": converter and grant disagree on the request type");
            }
            return new Route<>((GrantRequestConverter<Object>) converter, (Grant<Object>) grant);
        }

        TokenResponse handle(Client client, OAuthParameters params, String ip, String userAgent) {
            return grant.grant(converter.convert(client, params, ip, userAgent));
        }
    }
}
