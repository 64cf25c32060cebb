package dev.tessera.auth.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The API description written at build time, served as YAML and as a page that works offline. */
@MicronautTest(transactional = false)
class OpenApiTest extends IntegrationTest {

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> paths() {
        Http.Response response = http.get("/openapi.yml");
        assertEquals(200, response.status(), response::toString);
        assertTrue(response.header("Content-Type").startsWith("application/yaml"), response.header("Content-Type"));
        Map<String, Object> spec = new Yaml().load(response.body());
        assertTrue(spec.get("openapi").toString().startsWith("3."), "OpenAPI 3");
        return (Map<String, Map<String, Object>>) spec.get("paths");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(Map<String, Map<String, Object>> paths, String path, String method) {
        assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        Map<String, Object> operation = (Map<String, Object>) paths.get(path).get(method);
        assertTrue(operation != null, method + " " + path);
        return operation;
    }

    @Test
    void theApisAreDescribedAndThePagesAreNot() {
        Map<String, Map<String, Object>> paths = paths();
        for (String[] op : new String[][] {{"/oauth/token", "post"}, {"/oauth/revoke", "post"}, {"/oauth/introspect", "post"},
                {"/userinfo", "get"}, {"/me/devices", "get"}, {"/me/devices", "delete"}, {"/me/devices/{id}", "delete"},
                {"/admin/users", "get"}, {"/admin/users/{id}/devices", "get"}, {"/admin/users/{id}/devices/{deviceId}", "delete"},
                {"/admin/users/{id}/revoke-before", "post"}, {"/admin/tokens/revoke", "post"}, {"/admin/audit", "get"},
                {"/admin/stats", "get"}, {"/admin/keys/rotate", "post"}}) {
            operation(paths, op[0], op[1]);
        }
        for (String page : List.of("/login", "/console", "/account", "/oauth/logout", "/api-docs", "/openapi.yml")) {
            assertFalse(paths.containsKey(page), page + " is a page, not an API");
        }
    }

    @Test
    void theTokenEndpointTakesAFormAndTheAdminApiABearerToken() {
        Map<String, Map<String, Object>> paths = paths();
        String token = operation(paths, "/oauth/token", "post").toString();
        assertTrue(token.contains("application/x-www-form-urlencoded") && token.contains("TokenRequest"), token);
        assertTrue(token.contains("client=[]"), "client authentication: " + token);
        assertTrue(operation(paths, "/admin/users", "get").toString().contains("bearer=[]"));
        assertTrue(operation(paths, "/me/devices", "get").toString().contains("bearer=[]"));
    }

    @Test
    void apiDocsRenderTheDescriptionWithSwaggerUiServedHere() {
        Http.Response page = http.get("/api-docs");
        assertEquals(200, page.status(), page::toString);
        Matcher script = Pattern.compile("<script nonce=\"([^\"]+)\" src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertTrue(script.find(), page.body());
        assertTrue(page.header("Content-Security-Policy").contains("'nonce-" + script.group(1) + "'"));
        assertFalse(page.body().contains("https://"), "nothing from a CDN");
        Http.Response bundle = http.get(script.group(2));
        assertEquals(200, bundle.status());
        assertEquals(200, http.get(script.group(2).replace("swagger-ui-bundle.js", "swagger-ui.css")).status());
        assertEquals(200, http.get("/assets/api-docs.js").status());
    }
}
