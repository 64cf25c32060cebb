package dev.tessera.webclient.web;

import dev.tessera.webclient.WebClientProperties;
import dev.tessera.webclient.session.WebSession;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.csp.CspFilter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The client's pages: JTE templates under src/main/jte (precompiled, HTML auto-escaped), rendered by
 * micronaut-views. Styles come only from the page's own style element, allowed by this response's CSP
 * nonce (application.yml); pages are never cached (they carry the CSRF token) and never framed.
 */
@Singleton
public class Pages {

    private final WebClientProperties properties;

    public Pages(WebClientProperties properties) {
        this.properties = properties;
    }

    public MutableHttpResponse<?> signedOut(HttpRequest<?> request) {
        return render(request, HttpStatus.OK, "home/signed-out", Map.of());
    }

    public MutableHttpResponse<?> signedIn(HttpRequest<?> request, WebSession session) {
        return render(request, HttpStatus.OK, "home/signed-in", Map.of("session", session));
    }

    public MutableHttpResponse<?> message(HttpRequest<?> request, HttpStatus status, Message message) {
        return render(request, status, "message", Map.of("message", message));
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, HttpStatus status, String view, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("chrome", new Chrome(properties.title(), properties.accent(), properties.serverId(), nonce(request)));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(view, full))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    private static String nonce(HttpRequest<?> request) {
        return request.getAttribute(CspFilter.NONCE_PROPERTY, String.class)
                .orElseThrow(() -> new IllegalStateException("micronaut.views.csp.generate-nonce is off"));
    }
}
