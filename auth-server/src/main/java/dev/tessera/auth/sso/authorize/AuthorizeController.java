package dev.tessera.auth.sso.authorize;

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

    public AuthorizeController(AuthorizationFlow flow, SsoSessionStore sessions, SsoCookies cookies, PendingLogins pending) {
        this.flow = flow;
        this.sessions = sessions;
        this.cookies = cookies;
        this.pending = pending;
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
        Optional<SsoSession> session = "login".equals(authorization.prompt()) ? Optional.empty()
                : cookies.sessionId(request).flatMap(sessions::find);
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
}
