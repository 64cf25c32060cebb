package dev.tessera.auth.protocol;

import dev.tessera.auth.error.OAuthException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one OAuth request, checked at the edge: right content type, no parameter twice,
 * none oversized. Empty values count as absent (RFC 6749 §3.1).
 */
public final class OAuthParameters {

    /** Longer than any legitimate token, scope list or credential we issue or accept. */
    public static final int MAX_VALUE_LENGTH = 4096;
    public static final int MAX_BODY_LENGTH = 32 * 1024;

    private final Map<String, String> values;

    private OAuthParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** A form-encoded body (RFC 6749 §3.2: the token endpoint takes application/x-www-form-urlencoded). */
    public static OAuthParameters fromForm(HttpRequest<?> request, String body) {
        return parse(request, body, false);
    }

    /** A form-encoded or JSON body (the {@code POST /refresh} convenience alias). */
    public static OAuthParameters fromFormOrJson(HttpRequest<?> request, String body, JsonMapper json) {
        MediaType type = request.getContentType().orElse(null);
        if (type != null && type.matches(MediaType.APPLICATION_JSON_TYPE)) {
            return fromJson(body, json);
        }
        return parse(request, body, true);
    }

    public static OAuthParameters of(Map<String, String> values) {
        return new OAuthParameters(new LinkedHashMap<>(values));
    }

    private static OAuthParameters parse(HttpRequest<?> request, String body, boolean jsonAllowed) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null || !type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw OAuthException.invalidRequest("content type must be application/x-www-form-urlencoded"
                    + (jsonAllowed ? " or application/json" : ""));
        }
        String text = body == null ? "" : body;
        checkBodyLength(text);
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(values, name, value);
        }
        return new OAuthParameters(values);
    }

    private static OAuthParameters fromJson(String body, JsonMapper json) {
        String text = body == null ? "" : body;
        checkBodyLength(text);
        Map<?, ?> parsed;
        try {
            parsed = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            throw OAuthException.invalidRequest("body is not a JSON object");
        }
        if (parsed == null) {
            throw OAuthException.invalidRequest("body is not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : parsed.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                throw OAuthException.invalidRequest("parameter " + safeName(String.valueOf(entry.getKey())) + " must be a string");
            }
            put(values, String.valueOf(entry.getKey()), value);
        }
        return new OAuthParameters(values);
    }

    /** True when the text holds a C0 control character or DEL, which no OAuth parameter may carry. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static void checkBodyLength(String text) {
        if (text.length() > MAX_BODY_LENGTH) {
            throw OAuthException.invalidRequest("request body is too large");
        }
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value.length() > MAX_VALUE_LENGTH || name.length() > 64) {
            throw OAuthException.invalidRequest("parameter " + safeName(name) + " is too long");
        }
        if (value.isEmpty()) {
            return; // RFC 6749 §3.1: sent without a value = omitted
        }
        if (hasControlCharacter(name) || hasControlCharacter(value)) {
            // RFC 6749 Appendix A: no parameter's syntax admits control characters (NUL, CR, LF...).
            throw OAuthException.invalidRequest("parameter " + safeName(name) + " contains a control character");
        }
        // RFC 6749 §3.1, §3.2: request parameters MUST NOT be included more than once.
        if (values.putIfAbsent(name, value) != null) {
            throw OAuthException.invalidRequest("parameter " + safeName(name) + " is repeated");
        }
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("malformed form encoding");
        }
    }

    /** A parameter name as it may appear in an error description: short and printable. */
    private static String safeName(String name) {
        String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("missing parameter: " + name);
        }
        return value;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
