package dev.tessera.auth.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Whatever escapes every other handler: a clean RFC 6749 §5.2 answer with a reference, never the exception's text. */
class UnexpectedErrorHandlerTest {

    // API requests (no text/html in Accept) never render a page: no renderer needed.
    private final UnexpectedErrorHandler handler = new UnexpectedErrorHandler(new ErrorPages((view, type, model) -> java.util.Optional.empty()));
    private final HttpRequest<?> request = HttpRequest.POST("/oauth/token", "");

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternalText() {
        HttpResponse<OAuthErrorBody> response = json(handler.handle(request,
                new IllegalStateException("relation \"refresh_tokens\" secret internals at row 42")));

        assertEquals(500, response.code());
        OAuthErrorBody body = response.body();
        assertEquals("server_error", body.error());
        String reference = response.header(UnexpectedErrorHandler.REFERENCE_HEADER);
        assertTrue(body.errorDescription().contains(reference), "the client can quote the reference that is in the log");
        assertFalse(body.errorDescription().contains("refresh_tokens") || body.errorDescription().contains("IllegalState"));
        assertNull(response.header("Retry-After"));
    }

    @Test
    void aDatabaseOrRedisThatIsAwayIsA503WithRetryAfter() {
        for (Exception away : new Exception[] {
                new RuntimeException(new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
                new RuntimeException(new SQLException("connection refused", "08001")),
                new RedisConnectionException("Unable to connect to 127.0.0.1:6379"),
                // what a fail-fast client throws while it reconnects (a Redis restart, a Sentinel failover)
                new io.lettuce.core.RedisException("Currently not connected. Commands are rejected."),
                new io.micronaut.data.connection.exceptions.ConnectionException("Could not set JDBC Connection read-only",
                        new SQLException("Connection is closed"))}) {
            HttpResponse<OAuthErrorBody> response = json(handler.handle(request, away));

            assertEquals(503, response.code(), away::toString);
            assertEquals("temporarily_unavailable", response.body().error());
            assertEquals("5", response.header("Retry-After"));
            assertFalse(response.body().errorDescription().contains("Hikari") || response.body().errorDescription().contains("6379"));
        }
    }

    @Test
    void aRedisErrorReplyIsABugNotAnOutage() {
        HttpResponse<OAuthErrorBody> response = json(handler.handle(request,
                new io.lettuce.core.RedisCommandExecutionException("NOPERM this user has no permissions to access one of the keys")));

        assertEquals(500, response.code());
        assertNull(response.header("Retry-After"));
        assertFalse(response.body().errorDescription().contains("NOPERM"));
    }

    @Test
    void aValueTheDatabaseRefusesIsA400() {
        HttpResponse<OAuthErrorBody> response = json(handler.handle(request,
                new RuntimeException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));

        assertEquals(400, response.code());
        assertEquals("invalid_request", response.body().error());
        assertFalse(response.body().errorDescription().contains("0x00"));
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse<OAuthErrorBody> json(HttpResponse<?> response) {
        return (HttpResponse<OAuthErrorBody>) response;
    }
}
