package dev.tessera.auth.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A stored audit event. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
public record AuditRecord(
        @JsonProperty("id") long id,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("type") String type,
        @JsonProperty("actor") String actor,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("device_id") UUID deviceId,
        @JsonProperty("ip") String ip,
        @JsonProperty("detail") String detail) {
}
