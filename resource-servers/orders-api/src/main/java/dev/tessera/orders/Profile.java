package dev.tessera.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The small profile every scheme of the comparison answers with (the README describes the schemes). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Profile(
        @JsonProperty("server_id") String serverId,
        @JsonProperty("scheme") String scheme,
        @JsonProperty("user_id") String userId,
        @JsonProperty("username") String username,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("scope") String scope,
        @JsonProperty("session_id") String sessionId) {
}
