package dev.tessera.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A placed order. */
@Serdeable
public record Order(@JsonProperty("id") String id, @JsonProperty("item") String item,
                    @JsonProperty("quantity") int quantity, @JsonProperty("placed_at") Instant placedAt,
                    @JsonProperty("placed_by_client") String placedByClient) {
}
