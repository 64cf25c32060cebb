package dev.tessera.auth.error;

import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of an API error. */
@Serdeable
public record ApiErrorBody(String error, String message) {
}
