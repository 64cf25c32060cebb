package dev.tessera.auth.error;

import io.micronaut.http.HttpStatus;

/** An error of the non-OAuth JSON APIs ({@code /me}, {@code /admin}): a status, a code and a message. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    private ApiException(HttpStatus status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }
}
