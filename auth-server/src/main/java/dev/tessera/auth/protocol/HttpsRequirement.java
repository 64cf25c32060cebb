package dev.tessera.auth.protocol;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

/**
 * Refuses to start a production auth server whose issuer is not HTTPS: RFC 8414 §2 and OIDC Discovery
 * §3 require an https issuer, and cookies and tokens would otherwise cross the network in clear. The
 * dev and test profiles set {@code tessera.http.require-https: false}.
 */
@Context
@Requires(property = "tessera.http.require-https", notEquals = "false")
public class HttpsRequirement {

    public HttpsRequirement(@Value("${tessera.tokens.issuer}") String issuer) {
        if (!issuer.startsWith("https://")) {
            throw new IllegalStateException("tessera.tokens.issuer must be an https URL in production (RFC 8414 §2); got "
                    + issuer + ". Serve the auth server behind HTTPS, or run the dev profile.");
        }
    }
}
