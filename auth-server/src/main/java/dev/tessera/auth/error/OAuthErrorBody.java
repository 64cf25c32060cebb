package dev.tessera.auth.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of RFC 6749 §5.2. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription) {
}
