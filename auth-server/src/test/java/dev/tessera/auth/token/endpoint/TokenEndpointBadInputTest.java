package dev.tessera.auth.token.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Garbage at the token endpoint gets RFC 6749 §5.2 JSON with the right code: never a 500, never a stack trace. */
@MicronautTest(transactional = false)
class TokenEndpointBadInputTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CLI = Http.basic("cli", "cli-secret");
    private static final String TEN_KB = "x".repeat(10 * 1024);

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("json body", "application/json", "{\"grant_type\":\"client_credentials\"}", CLI, 400, "invalid_request"),
                Arguments.of("text body", "text/plain", "grant_type=client_credentials", CLI, 400, "invalid_request"),
                Arguments.of("no content type", null, "grant_type=client_credentials", CLI, 400, "invalid_request"),
                Arguments.of("empty body", FORM, "", CLI, 400, "invalid_request"),
                Arguments.of("missing grant_type", FORM, "scope=openid", CLI, 400, "invalid_request"),
                Arguments.of("duplicate grant_type", FORM, "grant_type=client_credentials&grant_type=password", CLI, 400, "invalid_request"),
                Arguments.of("unknown grant", FORM, "grant_type=urn:evil", CLI, 400, "unsupported_grant_type"),
                Arguments.of("malformed percent-encoding", FORM, "grant_type=%zz", CLI, 400, "invalid_request"),
                Arguments.of("10 KB parameter", FORM, "grant_type=password&username=" + TEN_KB + "&password=x", CLI, 400, "invalid_request"),
                Arguments.of("10 KB parameter name", FORM, TEN_KB + "=1&grant_type=client_credentials", CLI, 400, "invalid_request"),
                Arguments.of("missing password", FORM, "grant_type=password&username=alice", CLI, 400, "invalid_request"),
                Arguments.of("sql-looking username", FORM, "grant_type=password&username=alice'%3B+DROP+TABLE+users%3B--&password=x", CLI, 400, "invalid_grant"),
                Arguments.of("missing refresh_token", FORM, "grant_type=refresh_token", CLI, 400, "invalid_request"),
                Arguments.of("garbage refresh_token", FORM, "grant_type=refresh_token&refresh_token=%00%01garbage", CLI, 400, "invalid_request"),
                Arguments.of("unknown refresh_token", FORM, "grant_type=refresh_token&refresh_token=garbage", CLI, 400, "invalid_grant"),
                Arguments.of("NUL client_id, secret in the body", FORM, "grant_type=client_credentials&client_id=%00&client_secret=x", null, 400, "invalid_request"),
                Arguments.of("NUL username", FORM, "grant_type=password&username=%00&password=x", CLI, 400, "invalid_request"),
                Arguments.of("CR LF in the password", FORM, "grant_type=password&username=alice&password=a%0D%0Ab", CLI, 400, "invalid_request"),
                Arguments.of("NUL in a parameter name", FORM, "grant_type=client_credentials&a%00b=1", CLI, 400, "invalid_request"),
                Arguments.of("NUL client id in Basic", FORM, "grant_type=client_credentials", Http.basic("c\u0000li", "cli-secret"), 401, "invalid_client"),
                Arguments.of("malformed scope", FORM, "grant_type=client_credentials&scope=bad%22scope", CLI, 400, "invalid_scope"),
                Arguments.of("wrong secret", FORM, "grant_type=client_credentials", Http.basic("cli", "wrong"), 401, "invalid_client"),
                Arguments.of("unknown client", FORM, "grant_type=client_credentials", Http.basic("nobody", "x"), 401, "invalid_client"),
                Arguments.of("no client authentication", FORM, "grant_type=client_credentials", null, 401, "invalid_client"),
                Arguments.of("malformed basic header", FORM, "grant_type=client_credentials", "Basic !!!not-base64!!!", 401, "invalid_client"),
                Arguments.of("basic without colon", FORM, "grant_type=client_credentials", "Basic Y2xp", 401, "invalid_client"),
                Arguments.of("bearer scheme", FORM, "grant_type=client_credentials", "Bearer abc", 401, "invalid_client"),
                Arguments.of("two client auth methods", FORM, "grant_type=client_credentials&client_secret=cli-secret", CLI, 400, "invalid_request"),
                Arguments.of("client_id contradicts header", FORM, "grant_type=client_credentials&client_id=docs", CLI, 400, "invalid_request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestGetsOAuthErrorJson(String name, String contentType, String body, String authorization,
                                      int status, String error) {
        Http.Response response = http.send("/oauth/token", "POST", contentType, body, authorization);

        assertEquals(status, response.status(), response::toString);
        assertEquals(error, response.field("error"), response::toString);
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertFalse(response.body().contains("Exception"), "no stack trace or exception name leaks");
        if (status == 401) {
            assertTrue(response.header("WWW-Authenticate").startsWith("Basic"), "RFC 6749 §5.2: 401 carries WWW-Authenticate");
        }
    }

    static Stream<Arguments> badRefreshRequests() {
        return Stream.of(
                Arguments.of("json array", "application/json", "[\"refresh_token\"]", 400, "invalid_request"),
                Arguments.of("json number value", "application/json", "{\"refresh_token\":42}", 400, "invalid_request"),
                Arguments.of("truncated json", "application/json", "{\"refresh_token\":", 400, "invalid_request"),
                Arguments.of("json without token", "application/json", "{}", 400, "invalid_request"),
                Arguments.of("xml", "application/xml", "<refresh_token>x</refresh_token>", 400, "invalid_request"),
                Arguments.of("unknown token", "application/json", "{\"refresh_token\":\"nope\"}", 400, "invalid_grant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRefreshRequests")
    void refreshAliasAnswersGarbageWithOAuthErrors(String name, String contentType, String body, int status, String error) {
        Http.Response response = http.send("/refresh", "POST", contentType, body, CLI);
        assertEquals(status, response.status(), response::toString);
        assertEquals(error, response.field("error"), response::toString);
    }
}
