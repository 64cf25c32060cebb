package dev.tessera.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** The shared bearer challenges and redirect, in a Micronaut app of their own. */
@MicronautTest
class WebSupportTest {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Controller("/guarded")
    @Secured("admin")
    static class Guarded {
        @Get
        String get() {
            return "ok";
        }
    }

    @Controller("/away")
    @Secured("isAnonymous()")
    static class Away {
        @Get
        io.micronaut.http.MutableHttpResponse<?> get() {
            return Redirects.found(URI.create("/elsewhere"));
        }
    }

    /** Accepts "user" (no roles) and "admin" (role admin). */
    @Singleton
    static class FixedTokens implements TokenValidator<HttpRequest<?>> {
        @Override
        public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
            return switch (token) {
                case "user" -> Mono.just(Authentication.build("u", List.of()));
                case "admin" -> Mono.just(Authentication.build("a", List.of("admin")));
                default -> Mono.empty();
            };
        }
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void challengesFollowRfc6750() throws Exception {
        assertEquals("ok", get("/guarded", "admin").body());

        HttpResponse<String> none = get("/guarded", null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"tessera\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());

        HttpResponse<String> bad = get("/guarded", "forged");
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(bad.body().contains("\"invalid_token\""), bad.body());

        HttpResponse<String> inQuery = get("/guarded?access_token=admin", null);
        assertEquals(401, inQuery.statusCode(), "query-string tokens are never accepted");
        assertTrue(inQuery.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        HttpResponse<String> weak = get("/guarded", "user");
        assertEquals(403, weak.statusCode());
        assertTrue(weak.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"insufficient_scope\""));
        assertTrue(weak.body().contains("\"insufficient_scope\""), weak.body());
    }

    @Test
    void redirectsAre302AndNeverCached() throws Exception {
        HttpResponse<String> away = get("/away", null);
        assertEquals(302, away.statusCode());
        assertEquals("/elsewhere", away.headers().firstValue("Location").orElseThrow());
        assertEquals("no-store", away.headers().firstValue("Cache-Control").orElseThrow());
    }
}
