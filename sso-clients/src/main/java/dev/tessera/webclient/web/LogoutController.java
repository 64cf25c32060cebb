package dev.tessera.webclient.web;

import dev.tessera.web.Redirects;
import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.oidc.TokenVerifier;
import dev.tessera.webclient.session.OneTimeStore;
import dev.tessera.webclient.session.SessionStore;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /logout} (CSRF-protected) ends this session and sends the browser to the auth server's
 * RP-initiated logout, which ends the SSO session and tells the other clients. {@code POST
 * /backchannel-logout} is how they are told: a verified logout token ends every local session of its sid.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LogoutController {

    private static final Logger LOG = LoggerFactory.getLogger(LogoutController.class);
    private static final Duration JTI_MEMORY = Duration.ofMinutes(10);

    private final WebClientProperties properties;
    private final SessionCookies cookies;
    private final SessionStore sessions;
    private final OneTimeStore once;
    private final TokenVerifier verifier;
    private final PublicAddress address;
    private final Pages pages;

    public LogoutController(WebClientProperties properties, SessionCookies cookies, SessionStore sessions, OneTimeStore once,
                            TokenVerifier verifier, PublicAddress address, Pages pages) {
        this.properties = properties;
        this.cookies = cookies;
        this.sessions = sessions;
        this.once = once;
        this.verifier = verifier;
        this.address = address;
        this.pages = pages;
    }

    @Post(uri = "/logout", consumes = MediaType.ALL)
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body String body) {
        Optional<WebSession> session = cookies.current(request);
        if (session.isEmpty()) {
            return Redirects.found(URI.create("/")).cookie(cookies.clear(request));
        }
        String csrf = form(body).getOrDefault("csrf", "");
        if (!MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), session.get().csrf().getBytes(StandardCharsets.UTF_8))) {
            return pages.message(request, HttpStatus.FORBIDDEN, Message.of("This form has expired", "Reload the page and try again."));
        }
        sessions.delete(session.get().id());
        String endSession = properties.issuer() + "/oauth/logout?id_token_hint=" + encode(session.get().idToken())
                + "&post_logout_redirect_uri=" + encode(address.baseUrl(request) + "/") + "&client_id=" + encode(properties.clientId());
        return Redirects.found(URI.create(endSession)).cookie(cookies.clear(request));
    }

    @Post(uri = "/backchannel-logout", consumes = MediaType.ALL)
    public HttpResponse<?> backchannelLogout(@Nullable @Body String body) {
        String token = form(body).get("logout_token");
        try {
            var claims = verifier.logoutToken(token);
            // OIDC Back-Channel Logout §2.6: refuse a logout token seen before (jti replay).
            if (!once.putIfAbsent("logout-jti:" + claims.getJWTID(), "1", JTI_MEMORY)) {
                return badRequest("logout token replayed");
            }
            int ended = sessions.deleteBySid(claims.getStringClaim("sid"));
            LOG.info("back-channel logout for sid {}: {} session(s) ended", claims.getStringClaim("sid"), ended);
            return HttpResponse.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (TokenVerifier.InvalidToken | java.text.ParseException e) {
            LOG.info("back-channel logout refused: {}", e.getMessage());
            return badRequest("invalid logout token");
        }
    }

    private static HttpResponse<?> badRequest(String description) {
        return HttpResponse.badRequest(Map.of("error", "invalid_request", "error_description", description))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new java.util.HashMap<>();
        if (body == null || body.length() > 16_384) {
            return values;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    values.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException ignored) {
                    // a malformed pair counts as absent
                }
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
