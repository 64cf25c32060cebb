package dev.tessera.webclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica behind nginx: the redirect URI follows {@code X-Forwarded-Host/-Proto/-Port} only from a
 * trusted proxy and only for an allowed host; the login state carries the replica's route.
 */
class BehindProxyTest {

    private static final Map<String, String> VIA_NGINX = Map.of("X-Forwarded-Host", "127.0.0.1",
            "X-Forwarded-Port", "8090", "X-Forwarded-Proto", "http", "X-Forwarded-For", "127.0.0.1");

    private static EmbeddedServer replica(Map<String, Object> extra) {
        Map<String, Object> properties = OfflineClient.properties("proxied");
        properties.put("tessera.web-client.session-store", "memory");
        properties.put("micronaut.server.host-resolution.allowed-hosts", List.of("^http://127\\.0\\.0\\.1:[0-9]+$"));
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** The query parameters of the authorization redirect /login answers with. */
    private static Map<String, String> authorizeParameters(EmbeddedServer replica, Map<String, String> headers) {
        Http.Response login = new Http(replica.getURI()).send("/login", "GET", null, null, null, headers);
        assertEquals(302, login.status(), login::toString);
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(login.header("Location")).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void aTrustedProxySetsThePublicAddressAndTheStateCarriesTheRoute() {
        try (EmbeddedServer replica = replica(Map.of("tessera.web-client.trusted-proxies", "127.0.0.1",
                "tessera.web-client.route", "sticky-7"))) {
            Map<String, String> viaNginx = authorizeParameters(replica, VIA_NGINX);
            assertEquals("http://127.0.0.1:8090/callback", viaNginx.get("redirect_uri"));
            assertTrue(viaNginx.get("state").startsWith("sticky-7."), viaNginx.get("state"));
            assertEquals("http://127.0.0.1:8091/callback", authorizeParameters(replica, Map.of()).get("redirect_uri"),
                    "without the headers: the configured public URL");
        }
    }

    @Test
    void headersFromAPeerThatIsNotTrustedAreIgnored() {
        try (EmbeddedServer replica = replica(Map.of("tessera.web-client.trusted-proxies", "10.0.0.0/8"))) {
            assertEquals("http://127.0.0.1:8091/callback", authorizeParameters(replica, VIA_NGINX).get("redirect_uri"));
        }
        try (EmbeddedServer replica = replica(Map.of())) {
            assertEquals("http://127.0.0.1:8091/callback", authorizeParameters(replica, VIA_NGINX).get("redirect_uri"),
                    "nobody is trusted by default");
        }
    }

    @Test
    void aForwardedHostOutsideTheAllowedHostsIsIgnored() {
        try (EmbeddedServer replica = replica(Map.of("tessera.web-client.trusted-proxies", "127.0.0.1"))) {
            Map<String, String> forged = new HashMap<>(VIA_NGINX);
            forged.put("X-Forwarded-Host", "evil.example");
            assertEquals("http://127.0.0.1:8091/callback", authorizeParameters(replica, forged).get("redirect_uri"));
        }
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressStopsTheStartUp() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> replica(Map.of("tessera.web-client.trusted-proxies", "proxy.example.com")).close());
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("proxy.example.com"), failure::toString);
    }
}
