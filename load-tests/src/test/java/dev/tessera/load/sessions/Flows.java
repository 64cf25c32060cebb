package dev.tessera.load.sessions;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a virtual user does: sign in (SSO through the web client for the session schemes, the token
 * endpoint for jwt) and read its profile. Request names start with a label ({@code warm-up},
 * {@code steady}, a scheme…) so the statistics separate what the comparison compares.
 */
final class Flows {

    static final String AUTH_URL = System.getProperty("auth.url", "http://127.0.0.1:8000");
    static final String USER = System.getProperty("login.user", "alice");
    static final String PASSWORD = System.getProperty("login.password", "alice-pass");

    private Flows() {
    }

    /** Signs in by the scheme's own way; the request is named {@code <label>: <what>}. */
    static ChainBuilder signIn(Scheme scheme, Function<Session, String> label, String what) {
        return scheme == Scheme.JWT ? tokenLogin(label, what) : ssoLogin(scheme.baseUrl, label, what);
    }

    /**
     * The browser's way: the client's /login redirects to the auth server (followed). Without an SSO
     * session that ends on the login page, whose form goes to the auth server, which redirects through
     * /oauth/authorize to the client's /callback, which sets the session cookie and redirects home; with
     * one (a user signing in again after its session was lost) the redirects end at home at once. Either
     * way the home page must greet the user.
     */
    static ChainBuilder ssoLogin(String clientUrl, Function<Session, String> label, String what) {
        return exec(s -> s.remove("greeted"))
                .exec(http(s -> label.apply(s) + ": " + what + " (login page)").get(clientUrl + "/login")
                        .check(status().is(200), currentLocation().saveAs("loginPage"),
                                regex("id=\"(greeting)\"").optional().saveAs("greeted"),
                                regex("name=\"(\\w+)\" value=\"([^\"]*)\"").captureGroups(2).findAll().optional().saveAs("hidden")))
                .exec(doIf(s -> !s.contains("greeted")).then(
                        exec(http(s -> label.apply(s) + ": " + what + " (password)")
                                .post(s -> origin(s.getString("loginPage")) + "/login")
                                .formParamMap(Flows::loginForm)
                                .check(status().is(200), regex("id=\"greeting\"").exists()))));
    }

    /** A first-party app's way: the password grant at the token endpoint (through nginx :8000). */
    static ChainBuilder tokenLogin(Function<Session, String> label, String what) {
        return exec(http(s -> label.apply(s) + ": " + what + " (token)").post(AUTH_URL + "/oauth/token")
                .basicAuth("cli", "cli-secret")
                .formParam("grant_type", "password").formParam("username", USER).formParam("password", PASSWORD)
                .check(status().is(200), jsonPath("$.access_token").saveAs("accessToken"),
                        jsonPath("$.refresh_token").optional().saveAs("refreshToken")));
    }

    /**
     * One refresh with rotation at the token endpoint: the new refresh token replaces {@code refreshToken}.
     * The HTTP status is saved as {@code httpStatus} whatever it is (absent: no answer).
     */
    static ChainBuilder rotateRefreshToken(Function<Session, String> label) {
        return exec(s -> s.remove("httpStatus")).exec(http(s -> label.apply(s) + ": refresh").post(AUTH_URL + "/oauth/token")
                .basicAuth("cli", "cli-secret")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refreshToken}")
                .check(status().saveAs("httpStatus"), status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    /** GET the profile; anything but 200, or no answer, is a failed request. */
    static ChainBuilder readProfile(Scheme scheme, Function<Session, String> label) {
        return exec(profile(scheme, label).check(status().is(200)));
    }

    /**
     * GET the profile where sessions may be lost (fault runs): 200 is success; 401 means the session is
     * gone, the user must sign in again, and is saved as {@code status} for the caller; anything else,
     * or no answer, is a failed request (and leaves no {@code status}). The HTTP status, whatever it is, is
     * saved as {@code httpStatus} (absent: no answer).
     */
    static ChainBuilder readProfileOrLoggedOut(Scheme scheme, Function<Session, String> label) {
        return exec(s -> s.remove("status").remove("httpStatus")).exec(profile(scheme, label)
                .check(status().saveAs("httpStatus"), status().in(200, 401).saveAs("status")));
    }

    private static HttpRequestActionBuilder profile(Scheme scheme, Function<Session, String> label) {
        HttpRequestActionBuilder request = http(s -> label.apply(s) + ": profile").get(scheme.baseUrl + scheme.profilePath);
        return scheme == Scheme.JWT ? request.header("Authorization", s -> "Bearer " + s.getString("accessToken")) : request;
    }

    private static Map<String, Object> loginForm(Session session) {
        Map<String, Object> form = new LinkedHashMap<>();
        List<List<String>> hidden = session.contains("hidden") ? session.getList("hidden") : List.of();
        for (List<String> field : hidden) {
            form.put(field.get(0), field.get(1));
        }
        form.put("username", USER);
        form.put("password", PASSWORD);
        return form;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
