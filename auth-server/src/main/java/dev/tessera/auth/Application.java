package dev.tessera.auth;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;

/** Starts the Tessera authorization server. */
@OpenAPIDefinition(info = @Info(title = "Tessera", version = "0.1",
        description = "OAuth 2.0 / OpenID Connect authorization server with single sign-on: the token, revocation, "
                + "introspection and userinfo endpoints, self-service devices (/me/devices) and the admin API "
                + "(/admin/*, which needs a token with the admin role and the admin scope).",
        license = @License(name = "Apache-2.0")))
@SecuritySchemes({
        @SecurityScheme(name = "client", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "client_secret_basic (RFC 6749 §2.3.1); public clients send client_id in the form instead"),
        @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "A Tessera access token (RFC 6750, RFC 9068)")})
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
