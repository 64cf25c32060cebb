package dev.tessera.webclient.oidc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tessera.webclient.WebClientProperties;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/** The auth server's token endpoint, called server to server with client_secret_basic. */
@Singleton
public class TokenEndpoint {

    private final WebClientProperties properties;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public TokenEndpoint(WebClientProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** RFC 6749 §5.1. */
    @Serdeable
    public record Tokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("id_token") String idToken,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    /** The endpoint refused (RFC 6749 §5.2); the message is for the log. */
    public static final class Refused extends Exception {
        private final String error;

        public Refused(String error, String message) {
            super(message, null, false, false);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** The redirect URI is the one the authorization request carried (RFC 6749 §4.1.3). */
    public Tokens exchangeCode(String code, String verifier, String redirectUri) throws Refused {
        return call(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "code_verifier", verifier));
    }

    public Tokens refresh(String refreshToken) throws Refused {
        return call(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private Tokens call(Map<String, String> form) throws Refused {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(properties.clientId(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(properties.clientSecret(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(properties.issuer() + "/oauth/token"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Map<?, ?> error = json.readValue(response.body(), Map.class);
                throw new Refused(String.valueOf(error.get("error")), response.statusCode() + " " + error.get("error_description"));
            }
            return json.readValue(response.body(), Tokens.class);
        } catch (IOException e) {
            throw new Refused("unavailable", "token endpoint unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("unavailable", "interrupted");
        }
    }
}
