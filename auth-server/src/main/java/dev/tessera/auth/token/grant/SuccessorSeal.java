package dev.tessera.auth.token.grant;

import dev.tessera.auth.error.OAuthException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a rotated refresh token's successor so that only a holder of the rotated token can open it:
 * AES-256-GCM under HMAC-SHA256(rotated token, {@value #CONTEXT}), the rotated token's hash as associated
 * data. The database keeps the rotated token only as SHA-256, which does not give this key.
 */
final class SuccessorSeal {

    private static final String CONTEXT = "tessera refresh-token successor v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SuccessorSeal() {
    }

    static byte[] seal(String rotatedToken, byte[] rotatedHash, String successor) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rotatedToken, rotatedHash, iv);
            byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a refresh token", e);
        }
    }

    /** The successor; invalid_grant when the seal does not open with this token (tampered with). */
    static String open(String rotatedToken, byte[] rotatedHash, byte[] sealed) {
        try {
            byte[] iv = java.util.Arrays.copyOf(sealed, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, rotatedToken, rotatedHash, iv);
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw OAuthException.invalidGrant("refresh token is invalid");
        }
    }

    private static Cipher cipher(int mode, String rotatedToken, byte[] rotatedHash, byte[] iv)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(rotatedToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] key = mac.doFinal(CONTEXT.getBytes(StandardCharsets.US_ASCII));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(rotatedHash);
        return cipher;
    }
}
