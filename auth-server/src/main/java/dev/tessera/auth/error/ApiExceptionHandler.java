package dev.tessera.auth.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders {@link ApiException} as {@code {"error": ..., "message": ...}}. */
@Produces
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ApiErrorBody>> {

    @Override
    public HttpResponse<ApiErrorBody> handle(HttpRequest request, ApiException exception) {
        return HttpResponse.<ApiErrorBody>status(exception.status())
                .body(new ApiErrorBody(exception.error(), exception.getMessage()));
    }
}
