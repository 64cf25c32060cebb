package example.micronaut.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/** Who the token says the caller is: name from preferred_username (or sub), roles from the roles claim. */
@Controller("/api")
public class WhoAmIController {

    @Get("/whoami")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, Object> whoami(Authentication authentication) {
        Object scope = authentication.getAttributes().getOrDefault("scope", "");
        return Map.of("stack", "micronaut", "name", authentication.getName(), "roles", authentication.getRoles(),
                "scope", scope);
    }

    @Get("/admin")
    @Secured("admin")
    public Map<String, Object> admin(Authentication authentication) {
        return Map.of("stack", "micronaut", "admin", authentication.getName());
    }

    @Get("/ping")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Map<String, Object> ping() {
        return Map.of("stack", "micronaut", "status", "up");
    }
}
