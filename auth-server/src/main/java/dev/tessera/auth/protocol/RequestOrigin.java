package dev.tessera.auth.protocol;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/** Where a request came from: the peer address and the User-Agent. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static String ip(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        return remote.getAddress().getHostAddress();
    }

    public static String userAgent(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.USER_AGENT);
    }
}
