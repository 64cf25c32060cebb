package dev.tessera.orders;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders}. */
@Serdeable
public record NewOrder(@NotBlank @Size(max = 100) String item, @NotNull @Min(1) @Max(1000) Integer quantity) {
}
