package dev.tessera.auth.keys;

import dev.tessera.contract.crypto.Aead;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    private final SecretKeySpec key;
    private final boolean allowUnencrypted;

    public SigningKeyCipher(ServerKeys keys, KeyProperties properties) {
        this.key = keys.signingKeyEncryption();
        this.allowUnencrypted = properties.allowUnencrypted();
    }

    public String encrypt(String kid, String jwkJson) {
        return PREFIX + Base64.getEncoder().encodeToString(Aead.seal(key, kid.getBytes(StandardCharsets.UTF_8),
                jwkJson.getBytes(StandardCharsets.UTF_8)));
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
        byte[] data;
        try {
            data = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            data = new byte[0];
        }
        return Aead.open(key, kid.getBytes(StandardCharsets.UTF_8), data)
                .map(plain -> new String(plain, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("signing key " + kid
                        + " cannot be decrypted: wrong tessera.keys.encryption-key?"));
    }
}
