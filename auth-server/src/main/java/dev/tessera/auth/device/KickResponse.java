package dev.tessera.auth.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a kick. {@code propagated=false} means degraded: the sign-out is committed but Redis
 * was unreachable, so verifiers learn of it when Redis is back (the revocation is replayed then).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
public record KickResponse(
        @JsonProperty("signed_out") List<String> signedOut,
        @JsonProperty("propagated") boolean propagated) {

    public static KickResponse of(DeviceSignOut.Result result) {
        return new KickResponse(result.signedOut().stream().map(UUID::toString).toList(), result.propagated());
    }
}
