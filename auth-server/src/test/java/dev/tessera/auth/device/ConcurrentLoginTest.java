package dev.tessera.auth.device;

import static dev.tessera.testing.Http.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.auth.client.Client;
import dev.tessera.auth.support.IntegrationTest;
import dev.tessera.auth.support.Sql;
import dev.tessera.auth.support.TestAccounts;
import dev.tessera.auth.user.User;
import dev.tessera.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's concurrency bullet: logins that race each other. One {@code device_id} must stay one
 * device (never a unique-constraint 500), and the session policies must hold however the logins
 * interleave.
 */
@MicronautTest(transactional = false)
class ConcurrentLoginTest extends IntegrationTest {

    private static final int LOGINS = 10;

    @Inject
    TestAccounts accounts;
    @Inject
    Sql sql;
    @Inject
    DeviceStore devices;
    @Inject
    SessionPolicyEnforcer policies;
    @Inject
    TransactionOperations<Connection> transactions;

    private List<Http.Response> loginAtOnce(Client client, User user, IntFunction<String[]> device) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LOGINS);
        try {
            CyclicBarrier start = new CyclicBarrier(LOGINS);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                String[] extra = device.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    List<String> form = new ArrayList<>(List.of("grant_type", "password", "username", user.username(),
                            "password", TestAccounts.PASSWORD));
                    form.addAll(List.of(extra));
                    return http.postForm("/oauth/token", client.id(), TestAccounts.SECRET,
                            params(form.toArray(String[]::new)));
                }));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long activeDevices(User user) {
        return sql.count("SELECT count(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL", user.id());
    }

    @Test
    void tenConcurrentLoginsWithOneDeviceIdLeaveOneDeviceAndNo500() throws Exception {
        Client client = accounts.client("unlimited");
        User user = accounts.user();

        List<Http.Response> responses = loginAtOnce(client, user, i -> new String[] {"device_id", "phone-1"});

        for (Http.Response response : responses) {
            assertEquals(200, response.status(), response::toString);
        }
        assertEquals(1, activeDevices(user), "one live device for device_id phone-1");
        assertEquals(1, sql.count("SELECT count(*) FROM refresh_families f JOIN devices d ON d.id = f.device_id "
                + "WHERE d.user_id = ? AND f.revoked_at IS NULL", user.id()), "and one live sign-in on it");
    }

    @Test
    void singlePolicyHoldsUnderTenConcurrentLoginsFromDifferentDevices() throws Exception {
        Client client = accounts.client("single");
        User user = accounts.user();

        List<Http.Response> responses = loginAtOnce(client, user, i -> new String[] {"device_id", "device-" + i});

        responses.forEach(r -> assertEquals(200, r.status(), r::toString));
        assertEquals(1, activeDevices(user), "the single policy leaves one device, however the logins interleave");
    }

    @Test
    void onePerDeviceTypePolicyHoldsUnderConcurrentLoginsOfOneType() throws Exception {
        Client client = accounts.client("one-per-device-type");
        User user = accounts.user();

        List<Http.Response> responses = loginAtOnce(client, user,
                i -> new String[] {"device_type", i % 2 == 0 ? "mobile" : "desktop"});

        responses.forEach(r -> assertEquals(200, r.status(), r::toString));
        assertEquals(1, sql.count("SELECT count(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL "
                + "AND device_type = 'mobile'", user.id()), "one phone");
        assertEquals(1, sql.count("SELECT count(*) FROM devices WHERE user_id = ? AND revoked_at IS NULL "
                + "AND device_type = 'desktop'", user.id()), "one laptop");
    }

    /**
     * The race the HTTP tests above can miss (argon2 spreads the logins out): the first login's device is
     * registered but not yet committed when the second login looks for devices to sign out. Without a lock
     * each misses the other and both stay signed in.
     */
    @Test
    void singlePolicyHoldsWhenTwoLoginsInterleaveInTheDatabase() throws Exception {
        Client client = accounts.client("single");
        User user = accounts.user();
        CountDownLatch firstRegistered = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> transactions.executeWrite(status -> {
                login(client, user, "mobile");
                firstRegistered.countDown();
                // Holds its transaction open while the second login runs; with the lock the second one waits
                // for this commit instead, so the bound wait below simply runs out.
                await(secondDone);
                return null;
            }));
            Future<?> second = pool.submit(() -> {
                await(firstRegistered);
                transactions.executeWrite(status -> login(client, user, "desktop"));
                secondDone.countDown();
                return null;
            });
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, activeDevices(user), "the single policy leaves one device");
    }

    private List<Device> login(Client client, User user, String type) {
        DeviceDescriptor descriptor = DeviceDescriptor.from(dev.tessera.auth.protocol.OAuthParameters.of(
                Map.of("device_type", type)), "test", "127.0.0.1");
        Device device = devices.register(user.id(), client.id(), descriptor, Instant.now()).device();
        return policies.enforceInTransaction(device, client, "127.0.0.1", Instant.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
