package dev.tessera.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/**
 * 302 Found, as RFC 6749 §4.1.2 shows. Never 301 (what {@code HttpResponse.redirect} sends): browsers
 * cache permanent redirects, and an authorization or login redirect must happen afresh every time.
 */
public final class Redirects {

    private Redirects() {
    }

    public static MutableHttpResponse<?> found(URI location) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
