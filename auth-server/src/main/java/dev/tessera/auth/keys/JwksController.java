package dev.tessera.auth.keys;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** {@code GET /oauth/jwks}: the public keys that verify Tessera's tokens. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

    private final KeyManager keys;

    public JwksController(KeyManager keys) {
        this.keys = keys;
    }

    @Get(uri = "/oauth/jwks", produces = "application/jwk-set+json")
    public HttpResponse<String> jwks() {
        // Short caching: verifiers also refetch when they meet an unknown kid.
        return HttpResponse.ok(keys.jwksJson()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .contentType(MediaType.of("application/jwk-set+json"));
    }
}
