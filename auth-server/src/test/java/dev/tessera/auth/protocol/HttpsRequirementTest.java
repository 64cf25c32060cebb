package dev.tessera.auth.protocol;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.testing.TestServices;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 11 #15: production configuration (no dev or test profile) requires HTTPS. */
class HttpsRequirementTest {

    @Test
    void productionRefusesToStartWithAnHttpIssuer() {
        Map<String, Object> properties = new HashMap<>(TestServices.micronautProperties());
        properties.put("tessera.tokens.issuer", "http://auth.example.com");
        properties.put("micronaut.server.port", "-1");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                    .properties(properties).start()) {
                context.getBean(HttpsRequirement.class);
            }
        });
        String messages = chain(refused);
        assertTrue(messages.contains("must be an https URL"), messages);
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
