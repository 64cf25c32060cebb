package dev.tessera.auth.sso.logout;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.sso.authorize.AuthorizationFlow;
import dev.tessera.auth.sso.page.Pages;
import dev.tessera.auth.sso.session.SsoCookies;
import dev.tessera.auth.sso.session.SsoSession;
import dev.tessera.auth.sso.session.SsoSessionStore;
import dev.tessera.web.Redirects;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * OIDC RP-Initiated Logout 1.0 at {@code /oauth/logout}: ends the SSO session (the browser device is
 * signed out like a kick, so every client that took part gets a back-channel logout) and returns to
 * the client's registered post-logout URI. With a verified {@code id_token_hint} it ends the hint's own
 * session; without one (or when the hint's session is gone, or the hint cannot be verified), only a
 * CSRF-protected POST from our own confirmation page logs the browser out, so a foreign page or an old
 * link cannot log users out.
 */
@Controller("/oauth/logout")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class LogoutController {

    private final SsoSessionStore sessions;
    private final SsoCookies cookies;
    private final IdTokenHints hints;
    private final ClientStore clients;
    private final DeviceStore devices;
    private final DeviceSignOut signOut;

    public LogoutController(SsoSessionStore sessions, SsoCookies cookies, IdTokenHints hints, ClientStore clients,
                            DeviceStore devices, DeviceSignOut signOut) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.hints = hints;
        this.clients = clients;
        this.devices = devices;
        this.signOut = signOut;
    }

    @Get
    public HttpResponse<?> logoutGet(HttpRequest<?> request) {
        Map<String, List<String>> query = AuthorizationFlow.parseQuery(request.getUri().getRawQuery());
        Map<String, String> params = new java.util.HashMap<>();
        query.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        if (query.values().stream().anyMatch(v -> v.size() > 1)) {
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-out link is not valid", "a parameter is repeated");
        }
        return logout(request, OAuthParameters.of(params), false);
    }

    @Post(consumes = MediaType.ALL)
    public HttpResponse<?> logoutPost(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters params;
        try {
            params = OAuthParameters.fromForm(request, body);
        } catch (OAuthException e) {
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-out request is not valid", e.description());
        }
        return logout(request, params, SsoCookies.csrfMatches(request, params.optional("csrf")));
    }

    private HttpResponse<?> logout(HttpRequest<?> request, OAuthParameters params, boolean confirmed) {
        // A hint this server cannot verify (its key rotated out, a forgery, an access token) counts as absent:
        // the user is asked to confirm rather than left at an error while still signed in.
        Optional<JWTClaimsSet> hint = params.optional("id_token_hint").flatMap(hints::verify);
        Optional<String> hintClient = hint.map(claims -> claims.getAudience().get(0));
        Optional<String> clientId = params.optional("client_id");
        if (clientId.isPresent() && hintClient.isPresent() && !clientId.equals(hintClient)) {
            // RP-Initiated Logout §2: the OP MUST check that client_id is the client the ID token was issued to.
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-out link is not valid",
                    "client_id is not the client of id_token_hint");
        }
        clientId = clientId.or(() -> hintClient);
        Optional<String> postLogout = params.optional("post_logout_redirect_uri");
        if (postLogout.isPresent()) {
            Optional<Client> client = clientId.flatMap(clients::findById);
            if (client.isEmpty() || !client.get().postLogoutRedirectUris().contains(postLogout.get())) {
                // Exact match with a registered URI, or no redirect at all (open redirector otherwise).
                return Pages.message(HttpStatus.BAD_REQUEST, "This sign-out link is not valid",
                        "post_logout_redirect_uri is not registered for this client");
            }
        }
        Optional<SsoSession> browser = cookies.sessionId(request).flatMap(sessions::find);
        Optional<SsoSession> target = confirmed ? browser : hint.flatMap(claims -> hintedSession(claims, browser));
        if (target.isEmpty() && !confirmed && browser.isPresent()) {
            return confirmation(request, clientId, postLogout, params.optional("state"));
        }
        target.ifPresent(s -> signOut(s, request));
        MutableHttpResponse<?> response = postLogout
                .<MutableHttpResponse<?>>map(uri -> Redirects.found(URI.create(uri + params.optional("state")
                        .map(state -> (uri.contains("?") ? "&" : "?") + "state=" + AuthorizationFlow.encode(state)).orElse(""))))
                .orElseGet(() -> Pages.message(HttpStatus.OK, "You are signed out", "You have been signed out of every application."));
        return response.cookie(cookies.clearSession(request));
    }

    /**
     * The session the hint names, and only that one: never the browser's own session in its place (an old
     * ID token in a link would otherwise sign whoever follows it out of the session they have now), and only
     * from a browser that holds that session or none.
     */
    private Optional<SsoSession> hintedSession(JWTClaimsSet hint, Optional<SsoSession> browser) {
        return deviceOf(hint).flatMap(sessions::findByDevice)
                .filter(hinted -> browser.map(own -> own.handle().equals(hinted.handle())).orElse(true));
    }

    /** Asks before signing the browser's session out; the form carries where to return afterwards. */
    private MutableHttpResponse<?> confirmation(HttpRequest<?> request, Optional<String> clientId,
                                                     Optional<String> postLogout, Optional<String> state) {
        Map<String, String> carried = new java.util.LinkedHashMap<>();
        clientId.ifPresent(id -> carried.put("client_id", id));
        postLogout.ifPresent(uri -> carried.put("post_logout_redirect_uri", uri));
        state.ifPresent(value -> carried.put("state", value));
        String csrf = SsoCookies.newCsrfToken();
        return Pages.confirmLogout(csrf, carried).cookie(cookies.newCsrf(csrf, request));
    }

    private void signOut(SsoSession session, HttpRequest<?> request) {
        var device = devices.findById(session.deviceId());
        if (device.isPresent() && device.get().active()) {
            // The browser device is signed out like a kick: families revoked, tokens denied, clients told.
            signOut.signOut(List.of(device.get()), KickReason.LOGOUT, "user:" + session.userId(), RequestOrigin.ip(request));
        } else {
            sessions.delete(session);
        }
    }

    private static Optional<UUID> deviceOf(JWTClaimsSet claims) {
        try {
            return Optional.of(UUID.fromString(claims.getStringClaim("sid")));
        } catch (java.text.ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
