package dev.tessera.auth.sso.login;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.protocol.OAuthParameters;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.sso.authorize.AuthorizationFlow;
import dev.tessera.auth.sso.authorize.AuthorizationRequest;
import dev.tessera.auth.sso.authorize.PendingLogins;
import dev.tessera.auth.sso.page.Pages;
import dev.tessera.auth.sso.session.SsoCookies;
import dev.tessera.auth.sso.session.SsoProperties;
import dev.tessera.auth.sso.session.SsoSession;
import dev.tessera.auth.sso.session.SsoSessionStore;
import dev.tessera.auth.user.PasswordLogin;
import dev.tessera.auth.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The SSO login page. The form is CSRF-protected (double-submit token); a successful login always
 * creates a new session id (session fixation, RFC 6819 §4.4.1.x) and resumes the pending
 * authorization request, which returns a code to the client.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {

    private final PendingLogins pending;
    private final AuthorizationFlow flow;
    private final SsoSessionStore sessions;
    private final SsoCookies cookies;
    private final PasswordLogin passwords;
    private final DeviceStore devices;
    private final AuditLog audit;
    private final Clock clock;

    public LoginController(PendingLogins pending, AuthorizationFlow flow, SsoSessionStore sessions, SsoCookies cookies,
                           PasswordLogin passwords, DeviceStore devices, AuditLog audit, Clock clock) {
        this.pending = pending;
        this.flow = flow;
        this.sessions = sessions;
        this.cookies = cookies;
        this.passwords = passwords;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    @Get("/login")
    public HttpResponse<?> page(HttpRequest<?> request, @Nullable @QueryValue("request") String requestId) {
        Optional<AuthorizationRequest> authorization = resume(requestId);
        if (requestId != null && authorization.isEmpty()) {
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-in has expired",
                    "Go back to the application and start again.");
        }
        return form(request, HttpStatus.OK, requestId, authorization, null, null);
    }

    @Post(uri = "/login", consumes = MediaType.ALL)
    public HttpResponse<?> submit(HttpRequest<?> request, @Nullable @Body String body) {
        OAuthParameters form;
        try {
            form = OAuthParameters.fromForm(request, body);
        } catch (OAuthException e) {
            return Pages.message(HttpStatus.BAD_REQUEST, "The sign-in form was not understood", e.description());
        }
        if (!SsoCookies.csrfMatches(request, form.optional("csrf"))) {
            return Pages.message(HttpStatus.FORBIDDEN, "This form has expired",
                    "The security token of the form is missing or wrong. Reload the page and sign in again.");
        }
        String requestId = form.optional("request").orElse(null);
        Optional<AuthorizationRequest> authorization = resume(requestId);
        if (requestId != null && authorization.isEmpty()) {
            return Pages.message(HttpStatus.BAD_REQUEST, "This sign-in has expired", "Go back to the application and start again.");
        }
        String username = form.optional("username").orElse("");
        String clientId = authorization.map(a -> a.client().id()).orElse(SsoProperties.SSO_CLIENT_ID);
        User user;
        try {
            user = passwords.authenticate(username, form.optional("password").orElse(""), clientId, RequestOrigin.ip(request), "sso");
        } catch (OAuthException e) {
            HttpStatus status = e.error() == OAuthError.SLOW_DOWN ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED;
            MutableHttpResponse<?> retry = form(request, status, requestId, authorization, e.description(), username);
            if (e.retryAfter() != null) {
                retry.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            }
            return retry;
        }
        // Whatever session id the browser brought is discarded, never adopted (session fixation).
        cookies.sessionId(request).flatMap(sessions::find).ifPresent(sessions::delete);
        SsoSessionStore.Started started = startSession(user, request);
        SsoSession session = started.session();
        audit.record(new AuditEvent(AuditEvent.LOGIN_SUCCEEDED, "user:" + user.id(), user.id(), clientId,
                session.deviceId(), RequestOrigin.ip(request), "via=sso"));
        MutableHttpResponse<?> response = authorization.isPresent()
                ? flow.issueCode(authorization.get(), session)
                : Pages.message(HttpStatus.OK, "You are signed in", "You can close this page and return to your application.");
        return response.cookie(cookies.session(started.id(), request))
                .cookie(cookies.newCsrf("", request).maxAge(0));
    }

    private SsoSessionStore.Started startSession(User user, HttpRequest<?> request) {
        DeviceDescriptor browser = DeviceDescriptor.from(OAuthParameters.of(Map.of("device_type", "web")),
                RequestOrigin.userAgent(request), RequestOrigin.ip(request));
        var device = devices.register(user.id(), SsoProperties.SSO_CLIENT_ID, browser, clock.instant()).device();
        return sessions.create(user.id(), device.id());
    }

    private Optional<AuthorizationRequest> resume(String requestId) {
        return pending.find(requestId).flatMap(query -> {
            try {
                return Optional.of(flow.parse(AuthorizationFlow.parseQuery(query)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private MutableHttpResponse<?> form(HttpRequest<?> request, HttpStatus status, String requestId,
                                             Optional<AuthorizationRequest> authorization, String error, String username) {
        String csrf = SsoCookies.newCsrfToken();
        return Pages.login(status, csrf, requestId, authorization.map(a -> a.client().name()).orElse(null), error, username)
                .cookie(cookies.newCsrf(csrf, request));
    }
}
