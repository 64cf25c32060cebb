package dev.tessera.auth.token.store;

import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.DeviceType;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import dev.tessera.testing.TestServices;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcRefreshTokenStoreTest extends RefreshTokenStoreContract implements TestPropertyProvider {

    @Inject
    JdbcRefreshTokenStore store;
    @Inject
    UserStore users;
    @Inject
    DeviceStore devices;

    @Override
    public Map<String, String> getProperties() {
        return TestServices.micronautProperties();
    }

    @Override
    protected RefreshTokenStore store() {
        return store;
    }

    @Override
    protected Owner newOwner() {
        UUID userId = UUID.randomUUID();
        users.save(new User(userId, "store-" + userId, "$argon2id$unused", "Store Test", null, Set.of(), false));
        UUID deviceId = devices.register(userId, "cli",
                new DeviceDescriptor(null, DeviceType.CLI, "test", null, "127.0.0.1"), Instant.now()).device().id();
        return new Owner(userId, "cli", deviceId);
    }
}
