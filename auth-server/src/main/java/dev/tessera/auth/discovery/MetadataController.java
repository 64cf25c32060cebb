package dev.tessera.auth.discovery;

import dev.tessera.auth.keys.KeyProperties;
import dev.tessera.auth.token.TokenProperties;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /.well-known/oauth-authorization-server} (RFC 8414 §3) and
 * {@code /.well-known/openid-configuration}. Lists only what this server really serves.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class MetadataController {

    private final Map<String, Object> metadata;

    public MetadataController(TokenProperties tokens, KeyProperties keys) {
        String issuer = tokens.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        // RFC 8414 §2: issuer is REQUIRED and identical to the iss of issued tokens.
        m.put("issuer", issuer);
        m.put("authorization_endpoint", issuer + "/oauth/authorize");
        m.put("token_endpoint", issuer + "/oauth/token");
        m.put("userinfo_endpoint", issuer + "/userinfo");
        m.put("end_session_endpoint", issuer + "/oauth/logout");
        m.put("jwks_uri", issuer + "/oauth/jwks");
        m.put("revocation_endpoint", issuer + "/oauth/revoke");
        m.put("introspection_endpoint", issuer + "/oauth/introspect");
        m.put("grant_types_supported", List.of("authorization_code", "password", "client_credentials", "refresh_token"));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        m.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        m.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        m.put("scopes_supported", List.of("openid", "profile", "email", "offline_access", "orders:read", "orders:write"));
        m.put("response_types_supported", List.of("code"));
        m.put("response_modes_supported", List.of("query"));
        m.put("code_challenge_methods_supported", List.of("S256"));
        m.put("authorization_response_iss_parameter_supported", true);
        m.put("backchannel_logout_supported", true);
        m.put("backchannel_logout_session_supported", true);
        m.put("claims_supported", List.of("sub", "name", "preferred_username", "email", "sid", "auth_time", "nonce"));
        m.put("subject_types_supported", List.of("public"));
        m.put("id_token_signing_alg_values_supported", List.of(keys.idTokenAlgorithm().name()));
        this.metadata = Collections.unmodifiableMap(m);
    }

    @Get("/.well-known/oauth-authorization-server")
    public HttpResponse<Map<String, Object>> oauthMetadata() {
        return respond();
    }

    @Get("/.well-known/openid-configuration")
    public HttpResponse<Map<String, Object>> openidConfiguration() {
        return respond();
    }

    private HttpResponse<Map<String, Object>> respond() {
        return HttpResponse.ok(metadata).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
