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
                    if (kv.length == 2 && !kv[1].isEmpty()) {
                        cookies.put(kv[0], kv[1]);
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
        Http.Response toLogin = send("GET", toAuthorize.header("Location"), null);
        Http.Response page = send("GET", issuer + toLogin.header("Location"), null);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(page.body());
        while (m.find()) {
            form.put(m.group(1), m.group(2));
        }
        form.put("username", "alice");
        form.put("password", "alice-pass");
        Http.Response toCallback = send("POST", issuer + "/login", Http.form(form));
        Http.Response home = send("GET", toCallback.header("Location"), null);
        if (home.status() != 302) {
            throw new IllegalStateException("the callback did not sign in: " + home);
        }
        return home;
    }
}
