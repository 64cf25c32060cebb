package dev.tessera.resource.support;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** A minimal service protected by the library: any token, a scope, and a public endpoint. */
@Controller("/api")
public class TestApi {

    @Get("/profile")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, Object> profile(Authentication caller) {
        return Map.of("sub", caller.getName(), "roles", caller.getRoles());
    }

    @Get("/orders")
    @Secured("scope:orders:read")
    public Map<String, Object> orders() {
        return Map.of("orders", java.util.List.of());
    }

    @Get("/ping")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, Object> ping() {
        return Map.of("status", "pong");
    }
}
