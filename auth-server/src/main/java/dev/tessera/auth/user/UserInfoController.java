package dev.tessera.auth.user;

import dev.tessera.auth.error.ApiException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** OIDC Core §5.3 UserInfo: claims of the token's user, as far as its scopes allow. */
@SecurityRequirement(name = "bearer")
@Controller("/userinfo")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserInfoController {

    private final UserStore users;

    public UserInfoController(UserStore users) {
        this.users = users;
    }

    @Get
    public HttpResponse<Map<String, Object>> get(Authentication caller) {
        return userInfo(caller);
    }

    @Post
    public HttpResponse<Map<String, Object>> post(Authentication caller) {
        return userInfo(caller);
    }

    private HttpResponse<Map<String, Object>> userInfo(Authentication caller) {
        Object scopeClaim = caller.getAttributes().get("scope");
        Set<String> scope = scopeClaim == null ? Set.of() : Set.of(scopeClaim.toString().split(" "));
        if (!scope.contains("openid")) {
            throw ApiException.forbidden("the token lacks the openid scope");
        }
        User user;
        try {
            user = users.findById(UUID.fromString(caller.getName()))
                    .orElseThrow(() -> ApiException.forbidden("the token's subject is not a user"));
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden("the token's subject is not a user");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        if (scope.contains("profile")) {
            claims.put("name", user.displayName());
            claims.put("preferred_username", user.username());
        }
        if (scope.contains("email") && user.email() != null) {
            claims.put("email", user.email());
        }
        return HttpResponse.ok(claims).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
