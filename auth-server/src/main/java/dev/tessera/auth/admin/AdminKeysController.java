package dev.tessera.auth.admin;

import dev.tessera.auth.keys.KeyRotation;
import dev.tessera.auth.keys.SigningKey;
import dev.tessera.auth.security.AdminAuthority;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** {@code POST /admin/keys/rotate}: start signing with a new key, keep the old one published. */
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
        SigningKey key = rotation.rotate("user:" + admin.getName());
        return new RotatedKey(key.kid(), key.algorithm().name());
    }

    /** The new active key. */
    @Serdeable
    public record RotatedKey(String kid, String algorithm) {
    }
}
