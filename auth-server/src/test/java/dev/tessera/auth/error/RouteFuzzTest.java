package dev.tessera.auth.error;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.Http;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Garbage to every route of the auth server, the routes read from Micronaut's route table (a new
 * endpoint is fuzzed without anyone listing it): control characters and NUL in path segments, query
 * and form parameters; invalid percent-encoding and UTF-8; huge values; duplicated parameters; wrong
 * content types, broken JSON, random bytes; forged and garbled Authorization headers and cookies; each
 * anonymous and with an admin's bearer token; and raw requests no HTTP client would send. Every answer
 * must be below 500 and free of internal text (exception names, stack frames, SQL or Redis messages).
 */
@MicronautTest(transactional = false)
class RouteFuzzTest extends IntegrationTest {

    /** What must never reach a client: it would mean an exception's text or a stack trace got out. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|\\bat (dev|io|java|jdk|org)\\.|org\\.postgresql|SQLSTATE|PSQLException|io\\.lettuce|"
                    + "RedisCommand|NullPointer|ClassCast|IndexOutOfBounds|HikariPool|io\\.micronaut\\.[a-z]+\\.[A-Z]");
    private static final String HUGE = "x".repeat(100_000);
    private static final Random RANDOM = new Random(20261122);

    @Inject
    Router router;

    private record Route(HttpMethod method, String template) {
    }

    private record Garbage(String name, String path, String contentType, String body, Map<String, String> headers) {
    }

    private List<Route> routes() {
        TreeSet<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        router.uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String template = info.getUriMatchTemplate().toString();
            if (seen.add(info.getHttpMethod() + " " + template)) {
                routes.add(new Route(info.getHttpMethod(), template));
            }
        });
        return routes;
    }

    /** The route's path with every variable replaced by {@code value}, and optional query variables dropped. */
    private static String path(Route route, String value) {
        return route.template().replaceAll("\\{[?&#+.;/][^}]*}", "").replaceAll("\\{[^}]*}", value);
    }

    private static List<Garbage> garbageFor(Route route, String adminToken) {
        String plain = path(route, "x");
        List<Garbage> cases = new ArrayList<>();
        for (String segment : new String[] {"%00", "%0a%0dSet-Cookie:%20x=1", "..%2f..%2fetc%2fpasswd", "%zz", "%C3%28",
                "%ED%A0%80", "a".repeat(4_000), "%E2%80%AE%F0%9F%92%A9"}) {
            cases.add(new Garbage("path variable " + shorten(segment), path(route, segment), null, null, Map.of()));
        }
        cases.add(new Garbage("NUL and CR LF in query", plain + "?client_id=%00&username=%0d%0aforged&state=%00", null, null, Map.of()));
        cases.add(new Garbage("invalid percent-encoding in query", plain + "?client_id=%zz&redirect_uri=%", null, null, Map.of()));
        cases.add(new Garbage("duplicated query parameters", plain + "?client_id=a&client_id=b&response_type=code&response_type=token",
                null, null, Map.of()));
        cases.add(new Garbage("6 KB query value", plain + "?q=" + "y".repeat(6_000), null, null, Map.of()));
        String form = "application/x-www-form-urlencoded";
        cases.add(new Garbage("NUL in form fields", plain, form, "grant_type=%00&client_id=%00&token=%00&username=%00&csrf=%00", Map.of()));
        cases.add(new Garbage("CR LF in form fields", plain, form, "grant_type=client_credentials%0d%0a&client_id=cli%0a&scope=%0d", Map.of()));
        cases.add(new Garbage("invalid percent-encoding in form", plain, form, "grant_type=%zz&client_id=%&token=%G0", Map.of()));
        cases.add(new Garbage("duplicated form fields", plain, form,
                "grant_type=refresh_token&grant_type=client_credentials&token=a&token=b&csrf=a&csrf=b", Map.of()));
        cases.add(new Garbage("100 KB form value", plain, form, "grant_type=client_credentials&client_id=" + HUGE, Map.of()));
        cases.add(new Garbage("2 MB form body", plain, form, "token=" + "z".repeat(2_000_000), Map.of()));
        cases.add(new Garbage("random bytes as a form", plain, form, randomText(512), Map.of()));
        cases.add(new Garbage("broken JSON", plain, "application/json", "{\"name\": \"x\", \"redirect_uris\": [", Map.of()));
        cases.add(new Garbage("JSON of the wrong shape", plain, "application/json", "[[[[[[1]]]]], null, {\"a\": {\"b\": 1e999999}}]", Map.of()));
        cases.add(new Garbage("deeply nested JSON", plain, "application/json", "[".repeat(5_000) + "]".repeat(5_000), Map.of()));
        cases.add(new Garbage("text/plain", plain, "text/plain", randomText(256), Map.of()));
        cases.add(new Garbage("multipart without a boundary", plain, "multipart/form-data", "--x\r\nContent-Disposition: form-data\r\n\r\n", Map.of()));
        cases.add(new Garbage("an unknown content type", plain, "application/x-tessera-garbage", "\u0000\u0001\u0002", Map.of()));
        cases.add(new Garbage("Basic, not base64", plain, form, "grant_type=client_credentials",
                Map.of("Authorization", "Basic !!!not-base64!!!")));
        cases.add(new Garbage("Basic with NUL credentials", plain, form, "grant_type=client_credentials",
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("\u0000:\u0000".getBytes(StandardCharsets.UTF_8)))));
        cases.add(new Garbage("Basic without a colon", plain, form, "grant_type=client_credentials",
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("cli".getBytes(StandardCharsets.UTF_8)))));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"admin\",\"roles\":[\"admin\"],\"scope\":\"admin\"}"
                .getBytes(StandardCharsets.UTF_8)) + ".";
        cases.add(new Garbage("Bearer alg none", plain, null, null, Map.of("Authorization", "Bearer " + none)));
        cases.add(new Garbage("Bearer random text", plain, null, null, Map.of("Authorization", "Bearer " + randomToken(300))));
        cases.add(new Garbage("Bearer 20 KB", plain, null, null, Map.of("Authorization", "Bearer " + "A".repeat(20_000))));
        cases.add(new Garbage("garbled cookies", plain, null, null, Map.of("Cookie",
                "tessera_sso=%00; tessera_csrf=;;;=; =x; tessera_sso=" + randomToken(64))));
        cases.add(new Garbage("an admin token and NUL in the form", plain, form, "client_id=%00&name=%00&user_id=%00&device_id=%00",
                Map.of("Authorization", "Bearer " + adminToken)));
        cases.add(new Garbage("an admin token and broken JSON", plain, "application/json", "{\"client_id\": ",
                Map.of("Authorization", "Bearer " + adminToken)));
        cases.add(new Garbage("an admin token and a path variable of NUL", path(route, "%00"), null, null,
                Map.of("Authorization", "Bearer " + adminToken)));
        cases.add(new Garbage("an admin token and a 4 KB path variable", path(route, "9".repeat(4_000)), null, null,
                Map.of("Authorization", "Bearer " + adminToken)));
        return cases;
    }

    @Test
    void noGarbageOnAnyRouteGetsA5xxOrInternalText() {
        List<Route> routes = routes();
        assertTrue(routes.size() >= 40, "the route table lists the server's endpoints: " + routes);
        String adminToken = new Logins(http).adminToken();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            for (Garbage garbage : garbageFor(route, adminToken)) {
                Http.Response response;
                try {
                    response = send(route, garbage);
                } catch (IllegalArgumentException refusedByTheClient) {
                    continue; // java.net.http will not send it; the raw requests below cover what it refuses
                } catch (java.io.UncheckedIOException closed) {
                    failures.add(route.method() + " " + route.template() + " [" + garbage.name() + "] -> no answer: " + closed.getMessage());
                    continue;
                }
                sent++;
                check(route.method() + " " + route.template() + " [" + garbage.name() + "]", response.status(), response.body(), failures);
            }
        }
        assertTrue(sent > routes.size() * 20, "most garbage was sent: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    @Test
    void rawRequestsNoClientWouldSendGetA4xxOrAClosedConnection() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> requests = new ArrayList<>(List.of(
                "GET /oauth/authorize?client_id=\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\n\u0000\u0000\u0000\u0000\u0000",
                "POST /oauth/token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic \u0000\u0001\r\nContent-Length: 0\r\n\r\n",
                "GET /login HTTP/1.1\r\nHost: x\r\nCookie: tessera_sso=\u0001\u0002\u0003\r\n\r\n",
                "GET /me/devices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\u0000b\r\n\r\n",
                "POST /oauth/revoke HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "POST /oauth/introspect HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot-hex\r\n0\r\n\r\n",
                "GET /\u0000/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /oauth/userinfo HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \u0000, 999.999.1.1, ::::::\r\n\r\n",
                "GARBAGE\r\n\r\n"));
        requests.add(randomText(2_048));
        for (String request : requests) {
            String answer = raw(request);
            if (answer.isEmpty()) {
                continue; // the server closed the connection: acceptable for bytes that are not HTTP
            }
            java.util.regex.Matcher statusLine = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
            int status = statusLine.find() ? Integer.parseInt(statusLine.group(1)) : 0;
            check("raw " + shorten(request.replaceAll("\\p{Cntrl}", "·")), status == 0 ? 599 : status, answer, failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Sends one case; once more when the pooled connection turns out closed: the server closes the connection
     * after refusing an over-long request line or body, and the client may not have noticed before reusing it.
     */
    private Http.Response send(Route route, Garbage garbage) {
        try {
            return http.send(garbage.path(), route.method().name(), garbage.contentType(), garbage.body(), null, garbage.headers());
        } catch (java.io.UncheckedIOException staleConnection) {
            return http.send(garbage.path(), route.method().name(), garbage.contentType(), garbage.body(), null, garbage.headers());
        }
    }

    private static void check(String what, int status, String body, List<String> failures) {
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + shorten(body));
        } else if (body != null && INTERNAL.matcher(body).find()) {
            failures.add(what + " -> " + status + " leaks internal text: " + shorten(body));
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0 && answer.size() < 200_000; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException | java.net.SocketTimeoutException closed) {
                // a reset after the answer (or instead of one) ends the exchange
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) RANDOM.nextInt(256));
        }
        return text.toString();
    }

    private static String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
