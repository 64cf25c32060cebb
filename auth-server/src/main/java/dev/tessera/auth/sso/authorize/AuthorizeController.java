package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.sso.page.Pages;
import dev.tessera.auth.sso.session.SsoCookies;
import dev.tessera.auth.sso.session.SsoSession;
import dev.tessera.auth.sso.session.SsoSessionStore;
import dev.tessera.web.Redirects;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Optional;

/**
 * {@code GET /oauth/authorize} (RFC 6749 §4.1.1): with a live SSO session, a code straight away;
 * without one, the login page, which resumes this request afterwards.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthorizeController {

    private final AuthorizationFlow flow;
    private final SsoSessionStore sessions;
    private final SsoCookies cookies;
    private final PendingLogins pending;
    private final DeviceStore devices;

    public AuthorizeController(AuthorizationFlow flow, SsoSessionStore sessions, SsoCookies cookies, PendingLogins pending,
                               DeviceStore devices) {
        this.flow = flow;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pending = pending;
        this.devices = devices;
    }

    @Get("/oauth/authorize")
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        AuthorizationRequest authorization;
        try {
            authorization = flow.parse(AuthorizationFlow.parseQuery(request.getUri().getRawQuery()));
        } catch (AuthorizationRequest.UntrustedRedirect e) {
            // RFC 6749 §4.1.2.1: never redirect to an unverified URI; tell the user instead.
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-in link is not valid", e.getMessage());
        } catch (AuthorizationRequest.RedirectableError e) {
            return AuthorizationFlow.redirectError(e.redirectUri(), e.error(), e.state());
        }
        Optional<SsoSession> session = "login".equals(authorization.prompt()) ? Optional.empty() : liveSession(request);
        if (session.isPresent()) {
            return flow.issueCode(authorization, session.get());
        }
        if ("none".equals(authorization.prompt())) {
            return AuthorizationFlow.redirectError(authorization.redirectUri(),
                    OAuthException.of(OAuthError.LOGIN_REQUIRED, "the user is not signed in"), authorization.state());
        }
        String id = pending.save(request.getUri().getRawQuery());
        return Redirects.found(URI.create("/login?request=" + id));
    }

    /**
     * The browser's SSO session, if its device is still signed in. A device signed out while Redis was
     * unreachable keeps its SSO session there; issuing codes from it would only send the user round in
     * circles (the token endpoint refuses them) until the session times out, so it ends here instead.
     */
    private Optional<SsoSession> liveSession(HttpRequest<?> request) {
        Optional<SsoSession> session = cookies.sessionId(request).flatMap(sessions::find);
        if (session.isPresent() && devices.findById(session.get().deviceId()).filter(Device::active).isEmpty()) {
            sessions.delete(session.get());
            return Optional.empty();
        }
        return session;
    }
}
