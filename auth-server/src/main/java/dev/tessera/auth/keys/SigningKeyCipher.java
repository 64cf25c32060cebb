package dev.tessera.auth.keys;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts signing keys at rest: AES-256-GCM with the key id as associated data, so a database
 * leak yields no private key and a ciphertext cannot be moved to another row. Stored as
 * {@code enc:v1:<base64(iv | ciphertext | tag)>}. A row in plain JWK JSON (written before encryption
 * existed, or planted by someone who can write to the table) is refused unless
 * {@code tessera.keys.allow-unencrypted} is set, which only the dev profile does.
 */
@Singleton
public class SigningKeyCipher {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyCipher.class);
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final boolean allowUnencrypted;
    private final SecureRandom random = new SecureRandom();

    public SigningKeyCipher(KeyProperties properties) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.encryptionKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tessera.keys.encryption-key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("tessera.keys.encryption-key must be 32 bytes (256 bits), base64; got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.allowUnencrypted = properties.allowUnencrypted();
    }

    public String encrypt(String kid, String jwkJson) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(jwkJson.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + kid, e);
        }
    }

    public String decrypt(String kid, String stored) {
        if (!stored.startsWith(PREFIX)) {
            if (!allowUnencrypted) {
                throw new IllegalStateException("signing key " + kid + " is stored unencrypted: refused. Delete its row "
                        + "from signing_keys (a new key is generated at start-up), or start once with "
                        + "tessera.keys.allow-unencrypted=true and rotate the keys.");
            }
            LOG.warn("signing key {} is stored unencrypted; rotate keys to replace it", kid);
            return stored;
        }
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("signing key " + kid + " cannot be decrypted: wrong tessera.keys.encryption-key?", e);
        }
    }
}
