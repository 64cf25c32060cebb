package dev.tessera.auth.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.auth.error.ApiException;
import dev.tessera.auth.protocol.RequestOrigin;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.security.AdminAuthority;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code POST /admin/tokens/revoke} with {@code {"jti": "..."}}: deny one access token everywhere. */
@SecurityRequirement(name = "bearer")
@Controller("/admin/tokens")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminTokensController {

    /** Tessera's jtis are base64url; anything else cannot be one of ours. */
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final RevocationService revocations;
    private final JsonMapper json;

    public AdminTokensController(RevocationService revocations, JsonMapper json) {
        this.revocations = revocations;
        this.json = json;
    }

    @Post(uri = "/revoke", consumes = MediaType.ALL)
    public RevokedJti revoke(@Nullable @Body String body, Authentication admin, HttpRequest<?> request) {
        String jti = jti(body);
        RevocationService.Outcome outcome = revocations.revokeJtiByAdmin(jti, "user:" + admin.getName(),
                RequestOrigin.ip(request));
        return new RevokedJti(jti, outcome.published());
    }

    private String jti(String body) {
        Map<?, ?> parsed;
        try {
            parsed = body == null ? null : json.readValue(body, Map.class);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("body must be a JSON object like {\"jti\": \"...\"}");
        }
        Object jti = parsed == null ? null : parsed.get("jti");
        if (!(jti instanceof String value) || !JTI.matcher(value).matches()) {
            throw ApiException.badRequest("jti must be 1-128 base64url characters");
        }
        return value;
    }

    /** The denied jti, and whether Redis already has it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
    public record RevokedJti(@JsonProperty("jti") String jti, @JsonProperty("propagated") boolean propagated) {
    }
}
