package dev.tessera.auth.token.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.testing.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A flood of wrong client secrets (each one an argon2id verification) must not take the server down:
 * hashes wait their turn for a bounded time and are then refused with 503 and Retry-After, so memory
 * stays bounded and the legitimate client is served once the flood is answered.
 */
@MicronautTest(transactional = false)
@Property(name = "tessera.argon2.max-concurrent", value = "1")
@Property(name = "tessera.argon2.max-wait", value = "300ms")
@Property(name = "tessera.http.trusted-proxies", value = "127.0.0.1")
@Property(name = "tessera.client-auth-throttle.max-failures-per-address", value = "1000")
@Property(name = "tessera.client-auth-throttle.max-failures-per-client-at-address", value = "1000")
class ClientSecretFloodTest extends IntegrationTest {

    private static final int FLOOD = 120;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ATTACKER = "198.51.100.7";

    @Test
    void aFloodOfWrongSecretsIsAnsweredWith401Or503AndTheRealClientIsServedAfter() throws Exception {
        List<Http.Response> answers = new ArrayList<>();
        ExecutorService attackers = Executors.newFixedThreadPool(60);
        try {
            List<Future<Http.Response>> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                String wrong = "wrong-" + i;
                flood.add(attackers.submit(() -> http.send("/oauth/token", "POST", FORM,
                        "grant_type=client_credentials", Http.basic("cli", wrong), Map.of("X-Forwarded-For", ATTACKER))));
            }
            for (Future<Http.Response> answer : flood) {
                answers.add(answer.get());
            }
        } finally {
            attackers.shutdownNow();
        }

        long refused = answers.stream().filter(a -> a.status() == 401).count();
        long busy = answers.stream().filter(a -> a.status() == 503).count();
        assertEquals(FLOOD, refused + busy, () -> "only 401 or 503, never a 500 or a hang: " + statuses(answers));
        assertTrue(busy > 0, "with one hash at a time, most of the flood waited too long and was turned away");
        answers.stream().filter(a -> a.status() == 503).forEach(a -> {
            assertEquals("temporarily_unavailable", a.field("error"), a::toString);
            assertTrue(Integer.parseInt(a.header("Retry-After")) > 0, a::toString);
        });

        Http.Response legit = http.postForm("/oauth/token", "cli", "cli-secret", Map.of("grant_type", "client_credentials"));
        assertEquals(200, legit.status(), legit::toString);
    }

    private static Map<Integer, Long> statuses(List<Http.Response> answers) {
        return answers.stream().collect(java.util.stream.Collectors.groupingBy(Http.Response::status,
                java.util.stream.Collectors.counting()));
    }
}
