package dev.tessera.testing;

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
import java.util.regex.Pattern;

/**
 * Garbage for every route of a server, the routes taken from its route table by the test: control
 * characters and NUL in path segments, query and form parameters; invalid percent-encoding and UTF-8;
 * huge values; duplicated parameters; wrong content types, broken JSON, random bytes; forged and garbled
 * Authorization headers and cookies; and raw requests no HTTP client would send. Deterministic (fixed
 * seed). {@link #check} fails an answer that is a 5xx or carries internal text.
 */
public final class RouteFuzzer {

    /** What must never reach a client: it would mean an exception's text or a stack trace got out. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|\\bat (dev|io|java|jdk|org)\\.|org\\.postgresql|SQLSTATE|PSQLException|io\\.lettuce|"
                    + "RedisCommand|NullPointer|ClassCast|IndexOutOfBounds|HikariPool|io\\.micronaut\\.[a-z]+\\.[A-Z]");
    private static final String HUGE = "x".repeat(100_000);
    private static final Random RANDOM = new Random(20261122);

    private RouteFuzzer() {
    }

    /** A route of the server under test: its method and its URI template. */
    public record Route(String method, String template) {
    }

    /** What a run sent and what it found wrong (5xx answers, internal text, no answer at all). */
    public record Findings(int sent, List<String> failures) {
    }

    /** Sends every route its garbage ({@link #garbageFor}); {@code privilegedToken} may be null. */
    public static Findings fuzz(Http http, List<Route> routes, String privilegedToken) {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Route route : routes) {
            for (Garbage garbage : garbageFor(route.template(), privilegedToken)) {
                String what = route.method() + " " + route.template() + " [" + garbage.name() + "]";
                Http.Response response;
                try {
                    response = send(http, route, garbage);
                } catch (IllegalArgumentException refusedByTheClient) {
                    continue; // java.net.http will not send it; the raw requests cover what it refuses
                } catch (java.io.UncheckedIOException closed) {
                    failures.add(what + " -> no answer: " + closed.getMessage());
                    continue;
                }
                sent++;
                check(what, response.status(), response.body(), failures);
            }
        }
        return new Findings(sent, failures);
    }

    /**
     * Sends one case; once more when the pooled connection turns out closed: a server closes the connection
     * after refusing an over-long request line or body, and the client may not have noticed before reusing it.
     */
    private static Http.Response send(Http http, Route route, Garbage garbage) {
        try {
            return http.send(garbage.path(), route.method(), garbage.contentType(), garbage.body(), null, garbage.headers());
        } catch (java.io.UncheckedIOException staleConnection) {
            return http.send(garbage.path(), route.method(), garbage.contentType(), garbage.body(), null, garbage.headers());
        }
    }

    /** Sends the raw requests ({@link #rawRequests}) to the server at host:port; what it answered wrong. */
    public static List<String> fuzzRaw(String host, int port, String getPath, String postPath) throws IOException {
        List<String> failures = new ArrayList<>();
        for (String request : rawRequests(getPath, postPath)) {
            String answer = raw(host, port, request);
            if (answer.isEmpty()) {
                continue; // the server closed the connection: acceptable for bytes that are not HTTP
            }
            int status = status(answer);
            check("raw " + shorten(request.replaceAll("\\p{Cntrl}", "·")), status == 0 ? 599 : status, answer, failures);
        }
        return failures;
    }

    /** One request: what it is, and its path (with query), content type, body and headers. */
    public record Garbage(String name, String path, String contentType, String body, Map<String, String> headers) {
    }

    /** The route's path with every variable replaced by {@code value}, and optional query variables dropped. */
    public static String path(String template, String value) {
        return template.replaceAll("\\{[?&#+.;/][^}]*}", "").replaceAll("\\{[^}]*}", value);
    }

    /**
     * The garbage for one route: its path template (variables in braces) and, for the cases that carry one,
     * a bearer token of a privileged caller ({@code null}: those cases are left out).
     */
    public static List<Garbage> garbageFor(String template, String privilegedToken) {
        String plain = path(template, "x");
        List<Garbage> cases = new ArrayList<>();
        for (String segment : new String[] {"%00", "%0a%0dSet-Cookie:%20x=1", "..%2f..%2fetc%2fpasswd", "%zz", "%C3%28",
                "%ED%A0%80", "a".repeat(4_000), "%E2%80%AE%F0%9F%92%A9"}) {
            cases.add(new Garbage("path variable " + shorten(segment), path(template, segment), null, null, Map.of()));
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
        if (privilegedToken != null) {
            cases.add(new Garbage("a privileged token and NUL in the form", plain, form, "client_id=%00&name=%00&user_id=%00&device_id=%00",
                    Map.of("Authorization", "Bearer " + privilegedToken)));
            cases.add(new Garbage("a privileged token and broken JSON", plain, "application/json", "{\"client_id\": ",
                    Map.of("Authorization", "Bearer " + privilegedToken)));
            cases.add(new Garbage("a privileged token and a path variable of NUL", path(template, "%00"), null, null,
                    Map.of("Authorization", "Bearer " + privilegedToken)));
            cases.add(new Garbage("a privileged token and a 4 KB path variable", path(template, "9".repeat(4_000)), null, null,
                    Map.of("Authorization", "Bearer " + privilegedToken)));
        }
        return cases;
    }

    /** Requests no HTTP client would send, for {@link #raw}; the paths are the given server's. */
    public static List<String> rawRequests(String getPath, String postPath) {
        List<String> requests = new ArrayList<>(List.of(
                "GET " + getPath + "?client_id=\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST " + postPath + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\n\u0000\u0000\u0000\u0000\u0000",
                "POST " + postPath + " HTTP/1.1\r\nHost: x\r\nAuthorization: Basic \u0000\u0001\r\nContent-Length: 0\r\n\r\n",
                "GET " + getPath + " HTTP/1.1\r\nHost: x\r\nCookie: session=\u0001\u0002\u0003\r\n\r\n",
                "GET " + getPath + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\u0000b\r\n\r\n",
                "POST " + postPath + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
                "POST " + postPath + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot-hex\r\n0\r\n\r\n",
                "GET /\u0000/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET " + getPath + " HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \u0000, 999.999.1.1, ::::::\r\n\r\n",
                "GARBAGE\r\n\r\n"));
        requests.add(randomText(2_048));
        return requests;
    }

    /** The status of a raw answer: 0 when it is not an HTTP response. */
    public static int status(String answer) {
        java.util.regex.Matcher statusLine = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
        return statusLine.find() ? Integer.parseInt(statusLine.group(1)) : 0;
    }

    /** Adds a failure unless the answer is below 500 and free of internal text. */
    public static void check(String what, int status, String body, List<String> failures) {
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + shorten(body));
        } else if (body != null && INTERNAL.matcher(body).find()) {
            failures.add(what + " -> " + status + " leaks internal text: " + shorten(body));
        }
    }

    /** Sends bytes as they are; the answer as text, empty when the server closed the connection without one. */
    public static String raw(String host, int port, String request) throws IOException {
        try (Socket socket = new Socket(host, port)) {
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

    /** A one-line excerpt of {@code text}, for failure messages. */
    public static String shorten(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
