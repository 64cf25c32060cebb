package dev.tessera.auth.sso.page;

import dev.tessera.auth.page.PageResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** The SSO's pages (templates under src/main/jte/sso): the login form, messages, and the sign-out confirmation. */
public final class Pages {

    private Pages() {
    }

    public static MutableHttpResponse<?> login(HttpStatus status, String csrf, String requestId, String clientName,
                                                String error, String username) {
        return PageResponse.of(status, "sso/login", Map.of("form", new LoginForm(csrf, requestId == null ? "" : requestId,
                clientName, error, username == null ? "" : username)));
    }

    public static MutableHttpResponse<?> message(HttpStatus status, String title, String text) {
        return PageResponse.of(status, "sso/message", Map.of("message", new Message(title, text)));
    }

    /** The sign-out confirmation; {@code carried} are hidden fields the form posts back (where to return). */
    public static MutableHttpResponse<?> confirmLogout(String csrf, Map<String, String> carried) {
        return PageResponse.of(HttpStatus.OK, "sso/confirm-logout", Map.of("csrf", csrf, "carried", carried));
    }
}
