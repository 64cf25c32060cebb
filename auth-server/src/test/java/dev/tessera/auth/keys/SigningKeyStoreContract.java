package dev.tessera.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} must do. */
public abstract class SigningKeyStoreContract {

    protected abstract SigningKeyStore store();

    private static SigningKey key(Instant createdAt) throws Exception {
        String kid = "contract-" + UUID.randomUUID();
        return new SigningKey(kid, SigningAlgorithm.ES256, SigningAlgorithm.ES256.generate(kid), createdAt, null, null);
    }

    @Test
    void keysArePublishedUntilTheirRetirementRunsOutThenPurged() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SigningKey old = key(now.minusSeconds(60));
        SigningKey current = key(now);
        store().insert(old);
        store().insert(current);

        store().retireActiveExcept(List.of(current.kid()), now, now.plus(Duration.ofHours(1)));

        SigningKey retired = store().published(now).stream().filter(k -> k.kid().equals(old.kid())).findFirst().orElseThrow();
        assertEquals(now.plus(Duration.ofHours(1)), retired.publishUntil());
        SigningKey active = store().published(now).stream().filter(k -> k.kid().equals(current.kid())).findFirst().orElseThrow();
        assertNull(active.retiredAt());
        assertEquals(current.jwk(), active.jwk(), "the private key comes back intact");
        assertFalse(store().published(now.plus(Duration.ofHours(2))).stream().anyMatch(k -> k.kid().equals(old.kid())));

        assertTrue(store().purgeExpired(now.plus(Duration.ofHours(2))) >= 1);
        assertTrue(store().published(now).stream().noneMatch(k -> k.kid().equals(old.kid())), "purged for good");
    }

    @Test
    void everyKeptKeyStaysActive() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SigningKey old = key(now.minusSeconds(60));
        SigningKey accessTokens = key(now);
        SigningKey idTokens = key(now);
        List.of(old, accessTokens, idTokens).forEach(store()::insert);

        store().retireActiveExcept(List.of(accessTokens.kid(), idTokens.kid()), now, now.plus(Duration.ofHours(1)));

        List<SigningKey> published = store().published(now);
        assertNull(published.stream().filter(k -> k.kid().equals(accessTokens.kid())).findFirst().orElseThrow().retiredAt());
        assertNull(published.stream().filter(k -> k.kid().equals(idTokens.kid())).findFirst().orElseThrow().retiredAt());
        assertEquals(now, published.stream().filter(k -> k.kid().equals(old.kid())).findFirst().orElseThrow().retiredAt());
    }
}
