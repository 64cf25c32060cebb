package dev.tessera.auth.token.endpoint;

import dev.tessera.auth.token.grant.TokenResponse;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientAuthenticator;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.ClientCredentials;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.token.grant.Grant;
import dev.tessera.auth.token.grant.GrantRequest;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /oauth/token} (RFC 6749 §3.2) and {@code POST /refresh}, its alias for the refresh
 * grant that also takes JSON. Consumes any content type so that a wrong one gets an RFC 6749
 * error body instead of a framework 415.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private final Map<String, Grant> grants;
    private final ClientAuthenticator clients;
    private final JsonMapper json;
    private final MeterRegistry meters;

    public TokenController(List<Grant> grants, ClientAuthenticator clients, JsonMapper json, MeterRegistry meters) {
        this.grants = grants.stream().collect(Collectors.toUnmodifiableMap(Grant::grantType, Function.identity()));
        this.clients = clients;
        this.json = json;
        this.meters = meters;
    }

    @Post(uri = "/oauth/token", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<TokenResponse> token(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params = OAuthParameters.fromForm(request, body);
        return issue(request, params, params.required("grant_type"));
    }

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
        Client client = clients.authenticate(ClientCredentials.extract(request, params));
        Grant grant = grants.get(grantType);
        if (grant == null) {
            throw OAuthException.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "unsupported grant_type");
        }
        if (!client.allowsGrant(grantType)) {
            throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "this client may not use " + grantType);
        }
        TokenResponse response = grant.grant(new GrantRequest(client, params, RequestOrigin.ip(request),
                RequestOrigin.userAgent(request)));
        meters.counter("tessera.tokens.issued", "grant", grantType).increment();
        // RFC 6749 §5.1: token responses MUST carry Cache-Control: no-store.
        return HttpResponse.ok(response).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
