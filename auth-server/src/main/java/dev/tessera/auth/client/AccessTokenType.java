package dev.tessera.auth.client;

import com.nimbusds.jose.JOSEObjectType;
import dev.tessera.contract.Claims;
import java.util.Arrays;

/**
 * The JOSE {@code typ} header of the access tokens a client gets, a registration option.
 * {@link #AT_JWT} is RFC 9068 §2.1 and the default. {@link #JWT} exists only for resource servers that
 * cannot be configured to accept {@code at+jwt}; it gives up the explicit typing that RFC 9068 §4
 * relies on against token confusion, so such a resource server must check {@code aud} strictly.
 */
public enum AccessTokenType {
    AT_JWT(Claims.ACCESS_TOKEN_TYPE),
    JWT(JOSEObjectType.JWT);

    private final JOSEObjectType joseType;

    AccessTokenType(JOSEObjectType joseType) {
        this.joseType = joseType;
    }

    public JOSEObjectType joseType() {
        return joseType;
    }

    /** The value stored in {@code clients.access_token_type}, the header value itself. */
    public String columnValue() {
        return joseType.getType();
    }

    public static AccessTokenType fromColumn(String value) {
        return Arrays.stream(values()).filter(type -> type.columnValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown access_token_type " + value));
    }
}
