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
        String idTokenKid = keys.activeForIdTokens().key().kid();
        audit.record(new AuditEvent(AuditEvent.KEY_ROTATED, "user:" + admin.getName(), null, null, null, null,
                "kid=" + key.kid() + " alg=" + key.algorithm() + " id_token_kid=" + idTokenKid));
        return new RotatedKey(key.kid(), key.algorithm().name(), idTokenKid);
    }

    /** The new active access-token key, and the key that now signs ID tokens (the same one when both are RS256). */
    @Serdeable
    public record RotatedKey(String kid, String algorithm, String idTokenKid) {
    }
}
