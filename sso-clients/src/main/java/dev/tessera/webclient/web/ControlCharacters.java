package dev.tessera.webclient.web;

import dev.tessera.web.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses control characters (NUL, CR, LF, DEL…) in the path and the query, encoded or not, before any
 * controller sees them: no OAuth parameter may hold one (RFC 6749 Appendix A), and none belongs in a
 * page, a cookie, a redirect or a log line. The auth server refuses them at its edge the same way.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ControlCharacters {

    private static final Pattern ENCODED = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        String rawPath = request.getUri().getRawPath();
        boolean dirty = ENCODED.matcher(rawPath).find() || has(rawPath);
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            dirty |= has(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::has);
        }
        return dirty ? HttpResponse.badRequest(new ErrorBody("invalid_request",
                "control characters are not allowed in the path or the query")) : null;
    }

    private static boolean has(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
