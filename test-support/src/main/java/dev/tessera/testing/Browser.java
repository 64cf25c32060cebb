package dev.tessera.testing;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser reduced to what these tests need: a cookie jar for one host, and the SSO sign-in of alice. */
public final class Browser {

    private static final Pattern INPUT = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"");

    /** Its cookies by name (one host: cookies are not isolated by port). */
    public final Map<String, String> cookies;

    public Browser() {
        this(new LinkedHashMap<>());
    }

    /** A second tab: the same cookies, from now on its own jar. */
    public Browser(Map<String, String> cookies) {
        this.cookies = new LinkedHashMap<>(cookies);
    }

    public Http.Response send(String method, String url, String form) {
        return send(method, url, form, Map.of());
    }

    public Http.Response send(String method, String url, String form, Map<String, String> extraHeaders) {
        URI uri = URI.create(url);
        Http http = new Http(URI.create(uri.getScheme() + "://" + uri.getAuthority()));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, String> headers = new HashMap<>(extraHeaders);
        if (!cookies.isEmpty()) {
            headers.put("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        Http.Response response = http.send(path, method, form == null ? null : "application/x-www-form-urlencoded", form,
                null, headers);
        response.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase("set-cookie")) {
                for (String value : values) {
                    String[] kv = value.split(";", 2)[0].split("=", 2);
                    boolean expired = value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                    if (kv.length == 2 && !kv[1].isEmpty() && !expired) {
                        cookies.put(kv[0], kv[1]);
                    } else if (kv.length == 2 && expired) {
                        cookies.remove(kv[0]); // a cookie the server expires is gone, as in a browser
                    }
                }
            }
        });
        return response;
    }

    /**
     * Signs alice in at the client the way a browser does: the client's /login, the authorize redirect,
     * the login form, the callback. Returns the callback's answer (a redirect home with the cookie).
     * The login page's URL is taken relative to the issuer, as the auth server answers it.
     */
    public Http.Response signIn(String issuer, String clientBase) {
        Http.Response toAuthorize = send("GET", clientBase + "/login", null);
        Http.Response home = send("GET", approve(issuer, toAuthorize.header("Location")), null);
        if (home.status() != 302) {
            throw new IllegalStateException("the callback did not sign in: " + home);
        }
        return home;
    }

    /**
     * Follows an authorization request through the auth server as alice (the login form, unless she
     * already has an SSO session) and returns the client's callback URL with the code.
     */
    public String approve(String issuer, String authorizeUrl) {
        Http.Response atAuthServer = send("GET", authorizeUrl, null);
        String location = atAuthServer.header("Location");
        if (!location.startsWith("/")) {
            return location; // alice already has an SSO session: straight back to the client
        }
        Http.Response page = send("GET", issuer + location, null);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(page.body());
        while (m.find()) {
            form.put(m.group(1), m.group(2));
        }
        form.put("username", "alice");
        form.put("password", "alice-pass");
        return send("POST", issuer + "/login", Http.form(form)).header("Location");
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    kv.length == 2 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return params;
    }
}
