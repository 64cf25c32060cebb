package dev.tessera.auth.admin;

import dev.tessera.auth.keys.KeyRotation;
import dev.tessera.auth.security.AdminAuthority;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** {@code POST /admin/keys/rotate}: start signing with new keys, keep the old ones published. */
@SecurityRequirement(name = "bearer")
@Controller("/admin/keys")
@Secured(AdminAuthority.NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminKeysController {

    private final KeyRotation rotation;

    public AdminKeysController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @Post("/rotate")
    public RotatedKey rotate(Authentication admin) {
        KeyRotation.Rotated rotated = rotation.rotate("user:" + admin.getName());
        return new RotatedKey(rotated.accessTokenKey().kid(), rotated.accessTokenKey().algorithm().name(),
                rotated.idTokenKid());
    }

    /** The new active access-token key, and the key that now signs ID tokens (the same one when both are RS256). */
    @Serdeable
    public record RotatedKey(String kid, String algorithm, String idTokenKid) {
    }
}
