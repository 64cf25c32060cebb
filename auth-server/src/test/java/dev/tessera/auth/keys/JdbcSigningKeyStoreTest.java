package dev.tessera.auth.keys;

import dev.tessera.testing.TestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSigningKeyStoreTest extends SigningKeyStoreContract implements TestPropertyProvider {

    @Inject
    JdbcSigningKeyStore store;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
