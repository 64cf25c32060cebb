package dev.tessera.auth.keys;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /admin/keys/rotate} (role admin): start signing with a new key, keep the old one published. */
@Controller
@Secured("admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeyRotationController {

    private final KeyManager keys;
    private final AuditLog audit;

    public KeyRotationController(KeyManager keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Post("/admin/keys/rotate")
    public RotatedKey rotate(Authentication admin) {
        SigningKey key = keys.rotate();
        audit.record(new AuditEvent(AuditEvent.KEY_ROTATED, "user:" + admin.getName(), null, null, null, null,
                "kid=" + key.kid() + " alg=" + key.algorithm()));
        return new RotatedKey(key.kid(), key.algorithm().name());
    }

    /** The new active key. */
    @Serdeable
    public record RotatedKey(String kid, String algorithm) {
    }
}
