package dev.tessera.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Logins;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 #8 and #18: the account throttle from the guesser's side. Five failures are free, the sixth
 * locks the account; parallel guesses and spelling tricks must not buy more password checks.
 */
@MicronautTest(transactional = false)
class LoginThrottleTest extends IntegrationTest {

    private static final int FREE = 5;

    @Inject
    UserStore users;
    @Inject
    Argon2Hasher hasher;

    private String account(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        users.save(new User(UUID.randomUUID(), name, hasher.hash("right-password"), "T", null, Set.of(), false));
        return name;
    }

    @Test
    void twentyParallelWrongGuessesGetAtMostSixPasswordChecks() throws Exception {
        String name = account("parallel");
        Logins logins = new Logins(http);
        int guesses = 20;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CyclicBarrier start = new CyclicBarrier(guesses);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "wrong-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return logins.password(name, guess);
                }));
            }
            int checked = 0;
            int throttled = 0;
            for (Future<Http.Response> future : futures) {
                int status = future.get().status();
                if (status == 400) {
                    checked++;
                } else if (status == 429) {
                    throttled++;
                }
            }
            assertEquals(FREE + 1, checked, "the free failures and the one that sets the lock, nothing more");
            assertEquals(guesses - FREE - 1, throttled);
        } finally {
            pool.shutdownNow();
        }
    }

    /** #18: Java lower-cases U+0130 to "i" + U+0307, PostgreSQL's lower() to "i"; the account is found either way. */
    @Test
    void caseVariantsOfAUsernameShareOneThrottle() {
        String name = account("tina");
        String variant = "t\u0130na" + name.substring("tina".length());
        Logins logins = new Logins(http);
        assertEquals(200, logins.password(variant, "right-password").status(),
                "the variant names the same account in the database");
        for (int i = 0; i <= FREE; i++) {
            assertEquals(400, logins.password(name, "wrong-" + i).status());
        }

        assertEquals(429, logins.password(variant, "wrong-again").status(), "locked under any spelling");
        assertEquals(429, logins.password(name.toUpperCase(java.util.Locale.ROOT), "wrong-again").status());
    }

    @Test
    void unknownUsernamesAreThrottledExactlyLikeKnownOnes() {
        String known = account("known");
        String unknown = "unknown-" + UUID.randomUUID();
        Logins logins = new Logins(http);
        for (String name : List.of(known, unknown)) {
            for (int i = 0; i <= FREE; i++) {
                assertEquals(400, logins.password(name, "wrong-" + i).status(), name);
            }
        }
        Http.Response knownLocked = logins.password(known, "wrong");
        Http.Response unknownLocked = logins.password(unknown, "wrong");
        assertEquals(429, knownLocked.status());
        assertEquals(knownLocked.status(), unknownLocked.status());
        assertEquals(knownLocked.body(), unknownLocked.body());
        assertEquals(knownLocked.header("Retry-After"), unknownLocked.header("Retry-After"));
    }
}
