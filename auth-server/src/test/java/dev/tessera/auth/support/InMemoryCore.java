package dev.tessera.auth.support;

import dev.tessera.auth.audit.InMemoryAuditLog;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.client.InMemoryClientStore;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceType;
import dev.tessera.auth.device.ForceLogoutNotifier;
import dev.tessera.auth.device.InMemoryDeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.keys.KeyManager;
import dev.tessera.auth.keys.TestKeys;
import dev.tessera.auth.revocation.InMemoryDenylist;
import dev.tessera.auth.revocation.InMemoryRevocationOutbox;
import dev.tessera.auth.revocation.RevocationRelay;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.grant.UserTokens;
import dev.tessera.auth.token.issue.AccessTokenIssuer;
import dev.tessera.auth.token.issue.AccessTokenVerifier;
import dev.tessera.auth.token.store.InMemoryRefreshTokenStore;
import dev.tessera.auth.token.store.RotationPolicy;
import dev.tessera.auth.user.InMemoryUserStore;
import dev.tessera.auth.user.User;
import dev.tessera.contract.crypto.SignatureProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The auth server's core wired by hand over the in-memory stores (each passes its store's contract
 * test), for plain-Java tests of grants and sign-out: no HTTP, no PostgreSQL, no Redis.
 */
public final class InMemoryCore {

    public final MutableClock clock = new MutableClock();
    public final TokenProperties tokens = new TokenProperties("http://tessera.test", "tessera-api", Duration.ofMinutes(5),
            Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
    public final RotationPolicy policy = new RotationPolicy(tokens.reuseGraceWindow(), tokens.refreshIdleTtl());
    public final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    public final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    public final InMemoryUserStore users = new InMemoryUserStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryRevocationOutbox outbox = new InMemoryRevocationOutbox(clock);
    public final InMemoryDenylist denylist = new InMemoryDenylist(clock);
    public final DirectTransactions transactions = new DirectTransactions();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final List<String> forceLogouts = new ArrayList<>();
    public final List<Device> browserSignOuts = new ArrayList<>();
    public final RevocationService revocations = new RevocationService(refreshTokens, outbox,
            new RevocationRelay(outbox, denylist, clock, transactions, meters), audit, tokens, transactions, clock);
    public final DeviceSignOut signOut = new DeviceSignOut(devices, refreshTokens, revocations, audit, notices(),
            browserSignOuts::addAll, transactions, meters, clock);
    public final KeyManager keys = TestKeys.keyManager(tokens, clock);
    public final AccessTokenIssuer issuer = new AccessTokenIssuer(keys, tokens, clock);
    public final InMemoryClientStore clients = new InMemoryClientStore();
    public final AccessTokenVerifier verifier = new AccessTokenVerifier(keys, tokens, clock, clients, SignatureProvider.jdk());
    public final UserTokens userTokens = new UserTokens(issuer, tokens, refreshTokens, policy, users, devices);

    private ForceLogoutNotifier notices() {
        return (device, reason, at) -> forceLogouts.add(device.id() + ":" + reason.code());
    }

    /** A notice as {@link #forceLogouts} records it. */
    public static String notice(Device device, KickReason reason) {
        return device.id() + ":" + reason.code();
    }

    public User user() {
        UUID id = UUID.randomUUID();
        User user = new User(id, "user-" + id, "$argon2id$unused", "Test User", null, Set.of(), false);
        users.save(user);
        return user;
    }

    /** A confidential client that may refresh, with these default scopes. */
    public static Client client(String id) {
        return new Client(id, id, "$argon2id$unused", true, Set.of("password", "refresh_token", "authorization_code"),
                Set.of("openid", "profile"), Set.of("openid", "profile"), List.of(), null, List.of(), null);
    }

    public Device device(User user, String clientId) {
        return devices.register(user.id(), clientId, new DeviceDescriptor(null, DeviceType.WEB, "browser", null,
                "127.0.0.1"), clock.instant()).device();
    }

    /** Whether the revocations published so far (the Redis view) refuse this access token. */
    public boolean refused(String accessToken) {
        return verifier.verifyOrEmpty(accessToken).map(t -> denylist.isRevoked(t.revocable())).orElse(true);
    }
}
