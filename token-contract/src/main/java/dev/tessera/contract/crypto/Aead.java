package dev.tessera.contract.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit IV per message, stored as {@code iv | ciphertext | tag}, and
 * HMAC-SHA256 for deriving keys and for deterministic tags. The associated data binds a sealed value
 * to where it belongs (a row's key id, a Redis key name), so it cannot be moved elsewhere.
 */
public final class Aead {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    /** An AES-256 key from 32 bytes. */
    public static SecretKeySpec key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] seal(SecretKeySpec key, byte[] associatedData, byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The plaintext, or empty when the value was not sealed with this key and associated data (or was altered). */
    public static Optional<byte[]> open(SecretKeySpec key, byte[] associatedData, byte[] sealed) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, IV_BYTES)));
            cipher.updateAAD(associatedData);
            return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** HMAC-SHA256 of {@code message} under {@code key}: a PRF for key derivation and deterministic tags. */
    public static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
