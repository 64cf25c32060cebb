package dev.tessera.auth.keys;

import dev.tessera.contract.crypto.Aead;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values the auth server hands to storage it does not control (Redis, shared with other components)
 * or to the browser, sealed with a key only the auth server holds: AES-256-GCM with {@code where} (the
 * Redis key name, or a fixed context) as associated data. A value written by anyone else, or moved
 * from another key, does not open and counts as absent (SECURITY.md, "The Redis trust boundary").
 */
@Singleton
public class SealedValues {

    private static final Logger LOG = LoggerFactory.getLogger(SealedValues.class);

    private final SecretKeySpec key;
    private final byte[] tagKey;
    private final MeterRegistry meters;

    public SealedValues(ServerKeys keys, MeterRegistry meters) {
        this.key = Aead.key(keys.derive("sealed-values"));
        this.tagKey = keys.derive("value-tags");
        this.meters = meters;
    }

    /** {@code value}, sealed for {@code where}, as base64url. */
    public String seal(String where, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Aead.seal(key, where.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value sealed for {@code where}; empty when absent, or not sealed by this server for this place. */
    public Optional<String> open(String where, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            data = new byte[0];
        }
        Optional<String> value = Aead.open(key, where.getBytes(StandardCharsets.UTF_8), data)
                .map(plain -> new String(plain, StandardCharsets.UTF_8));
        if (value.isEmpty()) {
            meters.counter("tessera.sealed_values.refused").increment();
            LOG.debug("refused a value at {} that this server did not seal there", where); // counted; not a log line per forgery
        }
        return value;
    }

    /** A deterministic tag of {@code value} for {@code where} (equal values, equal tags: usable as set members). */
    public String tag(String where, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.hmac(tagKey, where + "\n" + value));
    }
}
