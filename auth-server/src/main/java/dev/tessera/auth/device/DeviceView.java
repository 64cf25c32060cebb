package dev.tessera.auth.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A device as the device APIs show it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // empty lists and nulls are answers too
public record DeviceView(
        @JsonProperty("id") String id,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("user_agent") String userAgent,
        @JsonProperty("ip") String ip,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("last_seen_at") Instant lastSeenAt,
        @JsonProperty("current") boolean current) {

    public static DeviceView of(Device device, String currentDeviceId) {
        return new DeviceView(device.id().toString(), device.clientId(), device.type().code(), device.name(),
                device.userAgent(), device.ip(), device.createdAt(), device.lastSeenAt(),
                device.id().toString().equals(currentDeviceId));
    }
}
