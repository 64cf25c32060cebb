package dev.tessera.auth.token.grant;

import dev.tessera.contract.crypto.Aead;
import dev.tessera.auth.error.OAuthException;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a rotated refresh token's successor so that only a holder of the rotated token can open it:
 * AES-256-GCM under HMAC-SHA256(rotated token, {@value #CONTEXT}), the rotated token's hash as associated
 * data. The database keeps the rotated token only as SHA-256, which does not give this key.
 */
final class SuccessorSeal {

    private static final String CONTEXT = "tessera refresh-token successor v1";

    private SuccessorSeal() {
    }

    static byte[] seal(String rotatedToken, byte[] rotatedHash, String successor) {
        return Aead.seal(key(rotatedToken), rotatedHash, successor.getBytes(StandardCharsets.US_ASCII));
    }

    /** The successor; invalid_grant when the seal does not open with this token (tampered with). */
    static String open(String rotatedToken, byte[] rotatedHash, byte[] sealed) {
        return Aead.open(key(rotatedToken), rotatedHash, sealed)
                .map(successor -> new String(successor, StandardCharsets.US_ASCII))
                .orElseThrow(() -> OAuthException.invalidGrant("refresh token is invalid"));
    }

    private static SecretKeySpec key(String rotatedToken) {
        return Aead.key(Aead.hmac(rotatedToken.getBytes(StandardCharsets.US_ASCII), CONTEXT));
    }
}
