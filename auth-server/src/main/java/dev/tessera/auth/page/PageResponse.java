package dev.tessera.auth.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.csp.CspFilter;
import java.util.Map;

/**
 * A server-rendered page: a JTE template (src/main/jte, precompiled, HTML auto-escaped) and its model,
 * rendered by micronaut-views. {@link PageHeaders} adds the headers every page carries.
 */
public final class PageResponse {

    private PageResponse() {
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> of(HttpStatus status, String view,
                                                                           Map<String, Object> model) {
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(new ModelAndView<>(view, model))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> ok(String view, Map<String, Object> model) {
        return of(HttpStatus.OK, view, model);
    }

    /** The nonce of this response's Content-Security-Policy, for the page's own script tags. */
    public static String nonce(HttpRequest<?> request) {
        return request.getAttribute(CspFilter.NONCE_PROPERTY, String.class)
                .orElseThrow(() -> new IllegalStateException("micronaut.views.csp.generate-nonce is off"));
    }
}
