package dev.tessera.auth.device;

import dev.tessera.auth.support.TestAccounts;
import dev.tessera.testing.TestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcDeviceStoreTest extends DeviceStoreContract implements TestPropertyProvider {

    @Inject
    JdbcDeviceStore store;
    @Inject
    TestAccounts accounts;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @Override
    protected DeviceStore store() {
        return store;
    }

    @Override
    protected UUID newUser() {
        return accounts.user().id();
    }
}
