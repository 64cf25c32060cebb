package dev.tessera.webclient.web;

import dev.tessera.web.ErrorBody;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * A form body that cannot be decoded (invalid percent-encoding, bytes that are not a form) is the
 * client's mistake: {@code 400 invalid_request}, not the 500 with the decoder's message Micronaut
 * answers by default (found by {@code WebClientRouteFuzzTest}).
 */
@Produces
@Singleton
@Requires(classes = {HttpPostRequestDecoder.ErrorDataDecoderException.class, ExceptionHandler.class})
public class MalformedBodyHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return HttpResponse.badRequest(new ErrorBody("invalid_request", "the request body is not a well-formed form"));
    }
}
