package dev.tessera.auth.sso.authorize;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.scope.Scopes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1).
 *
 * @param redirectUriExplicit whether the client sent redirect_uri (then the token request must repeat it)
 */
public record AuthorizationRequest(Client client, String redirectUri, boolean redirectUriExplicit, Set<String> scope,
                                   String state, String nonce, String codeChallenge, String prompt) {

    /** RFC 7636 §4.2: the S256 challenge is BASE64URL(SHA256(verifier)), 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_PARAMETER = 2048;

    /** Problems found before the redirect URI is trusted: shown to the user, never redirected (RFC 6749 §4.1.2.1). */
    public static final class UntrustedRedirect extends RuntimeException {
        public UntrustedRedirect(String message) {
            super(message, null, false, false);
        }
    }

    /** The parameter once, or empty; twice is an error (RFC 6749 §3.1). */
    static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new UntrustedRedirect("parameter " + name + " is repeated");
        }
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        if (values.get(0).length() > MAX_PARAMETER) {
            throw new UntrustedRedirect("parameter " + name + " is too long");
        }
        return Optional.of(values.get(0));
    }

    /** Resolves the redirect URI: exact match with a registered one (RFC 9700 §4.1.3), no patterns, no prefixes. */
    static String redirectUri(Client client, Optional<String> requested) {
        if (requested.isPresent()) {
            if (!client.redirectUris().contains(requested.get())) {
                throw new UntrustedRedirect("redirect_uri is not registered for this client");
            }
            return requested.get();
        }
        if (client.redirectUris().size() != 1) {
            throw new UntrustedRedirect("redirect_uri is required");
        }
        return client.redirectUris().get(0);
    }

    /** The rest of the checks; errors from here on are redirected to the (now trusted) redirect URI. */
    static AuthorizationRequest validate(Client client, String redirectUri, boolean explicit,
                                         Map<String, List<String>> parameters) {
        Optional<String> state;
        try {
            state = single(parameters, "state");
        } catch (UntrustedRedirect e) {
            throw OAuthException.invalidRequest(e.getMessage());
        }
        try {
            String responseType = single(parameters, "response_type")
                    .orElseThrow(() -> OAuthException.invalidRequest("response_type is required"));
            if (!"code".equals(responseType)) {
                throw OAuthException.of(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
            }
            if (!client.allowsGrant("authorization_code")) {
                throw OAuthException.of(OAuthError.UNAUTHORIZED_CLIENT, "this client may not use the authorization code flow");
            }
            Set<String> scope = Scopes.resolve(single(parameters, "scope"), client);
            Optional<String> challenge = single(parameters, "code_challenge");
            String method = single(parameters, "code_challenge_method").orElse(challenge.isPresent() ? "plain" : null);
            if (challenge.isPresent() && !"S256".equals(method)) {
                // RFC 9700 §2.1.1: use S256; "plain" offers no protection against a leaked request.
                throw OAuthException.invalidRequest("code_challenge_method must be S256");
            }
            if (challenge.isPresent() && !CHALLENGE.matcher(challenge.get()).matches()) {
                throw OAuthException.invalidRequest("code_challenge must be a base64url SHA-256 (43 characters)");
            }
            if (!client.confidential() && challenge.isEmpty()) {
                // RFC 9700 §2.1.1: public clients MUST use PKCE.
                throw OAuthException.invalidRequest("PKCE (code_challenge with S256) is required for public clients");
            }
            String prompt = single(parameters, "prompt").orElse(null);
            if (prompt != null && !Set.of("none", "login").contains(prompt)) {
                throw OAuthException.invalidRequest("prompt must be none or login");
            }
            return new AuthorizationRequest(client, redirectUri, explicit, scope, state.orElse(null),
                    single(parameters, "nonce").orElse(null), challenge.orElse(null), prompt);
        } catch (UntrustedRedirect e) {
            throw OAuthException.invalidRequest(e.getMessage());
        } catch (OAuthException e) {
            throw new RedirectableError(e, state.orElse(null), redirectUri);
        }
    }

    /** An error to send back to the client's redirect URI, with the state it sent. */
    public static final class RedirectableError extends RuntimeException {
        private final OAuthException error;
        private final String state;
        private final String redirectUri;

        RedirectableError(OAuthException error, String state, String redirectUri) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.state = state;
            this.redirectUri = redirectUri;
        }

        public String redirectUri() {
            return redirectUri;
        }

        public OAuthException error() {
            return error;
        }

        public String state() {
            return state;
        }
    }
}
