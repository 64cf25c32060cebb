package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.ClientStore;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.sso.session.SsoProperties;
import dev.tessera.auth.sso.session.SsoSession;
import dev.tessera.auth.sso.session.SsoSessionStore;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.web.Redirects;
import io.micronaut.http.MutableHttpResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The authorization endpoint's logic, shared by a direct request and one resumed after login. */
@Singleton
public class AuthorizationFlow {

    private final ClientStore clients;
    private final AuthorizationCodes codes;
    private final SsoSessionStore sessions;
    private final TokenProperties tokens;

    public AuthorizationFlow(ClientStore clients, AuthorizationCodes codes, SsoSessionStore sessions, TokenProperties tokens) {
        this.clients = clients;
        this.codes = codes;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public static Map<String, List<String>> parseQuery(String rawQuery) {
        return new QueryStringDecoder("?" + (rawQuery == null ? "" : rawQuery), StandardCharsets.UTF_8).parameters();
    }

    /**
     * Validates the request. Problems before the redirect URI is trusted throw {@link
     * AuthorizationRequest.UntrustedRedirect}; later ones {@link AuthorizationRequest.RedirectableError}.
     */
    public AuthorizationRequest parse(Map<String, List<String>> parameters) {
        String clientId = AuthorizationRequest.single(parameters, "client_id")
                .orElseThrow(() -> new AuthorizationRequest.UntrustedRedirect("client_id is required"));
        Client client = clients.findById(clientId)
                .filter(c -> !SsoProperties.SSO_CLIENT_ID.equals(c.id()))
                .orElseThrow(() -> new AuthorizationRequest.UntrustedRedirect("unknown client"));
        Optional<String> requested = AuthorizationRequest.single(parameters, "redirect_uri");
        String redirectUri = AuthorizationRequest.redirectUri(client, requested);
        return AuthorizationRequest.validate(client, redirectUri, requested.isPresent(), parameters);
    }

    /** Issues a code for the session and sends the browser back to the client (RFC 6749 §4.1.2, RFC 9207 iss). */
    public MutableHttpResponse<?> issueCode(AuthorizationRequest request, SsoSession session) {
        String code = codes.issue(new AuthorizationCodes.Grant(request.client().id(), request.redirectUri(),
                request.redirectUriExplicit(), List.copyOf(request.scope()), session.userId().toString(),
                session.deviceId().toString(), request.nonce(), request.codeChallenge(),
                session.authTime().getEpochSecond()));
        sessions.addClient(session, request.client().id());
        StringBuilder query = new StringBuilder("code=").append(encode(code));
        if (request.state() != null) {
            query.append("&state=").append(encode(request.state()));
        }
        query.append("&iss=").append(encode(tokens.issuer()));
        return Redirects.found(URI.create(withQuery(request.redirectUri(), query.toString())));
    }

    public static MutableHttpResponse<?> redirectError(String redirectUri, OAuthException error, String state) {
        StringBuilder query = new StringBuilder("error=").append(encode(error.error().code()));
        if (error.description() != null) {
            query.append("&error_description=").append(encode(error.description()));
        }
        if (state != null) {
            query.append("&state=").append(encode(state));
        }
        return Redirects.found(URI.create(withQuery(redirectUri, query.toString())));
    }

    private static String withQuery(String uri, String query) {
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
