package dev.tessera.web;

import io.micronaut.serde.annotation.Serdeable;

/** A JSON error: a code and a message for people. */
@Serdeable
public record ErrorBody(String error, String message) {
}
