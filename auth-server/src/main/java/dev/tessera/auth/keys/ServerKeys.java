package dev.tessera.auth.keys;

import dev.tessera.contract.crypto.Aead;
import jakarta.inject.Singleton;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The auth server's own secret keys, all from one configured secret, {@code tessera.keys.encryption-key}
 * (no default outside the dev profile). The signing keys at rest are encrypted with it directly (rows
 * written so far depend on that); every other purpose gets its own key, HMAC-SHA256(secret,
 * {@code "tessera/" + purpose}): HMAC is a PRF, so one derived key says nothing about another or the secret.
 */
@Singleton
public class ServerKeys {

    private final byte[] secret;

    public ServerKeys(KeyProperties properties) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.encryptionKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tessera.keys.encryption-key must be base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("tessera.keys.encryption-key must be 32 bytes (256 bits), base64; got " + raw.length);
        }
        this.secret = raw;
    }

    /** The key that encrypts the signing keys at rest. */
    SecretKeySpec signingKeyEncryption() {
        return Aead.key(secret);
    }

    /** 32 bytes for {@code purpose}, independent of every other purpose's. */
    public byte[] derive(String purpose) {
        return Aead.hmac(secret, "tessera/" + purpose);
    }
}
