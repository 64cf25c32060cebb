package dev.tessera.auth.token.grant;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.crypto.Argon2Hasher;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.device.DeviceKicks;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.device.SessionPolicyEnforcer;
import dev.tessera.auth.error.OAuthError;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.token.TokenProperties;
import dev.tessera.auth.token.TokenResponse;
import dev.tessera.auth.token.store.RefreshFamily;
import dev.tessera.auth.token.store.RefreshTokenStore;
import dev.tessera.auth.user.LoginThrottle;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * RFC 6749 §4.3 resource owner password credentials, only for clients whose registration allows
 * it (first-party apps). Each success is a new login: a device and a refresh family.
 */
@Singleton
public class PasswordGrant implements Grant {

    private static final String BAD_CREDENTIALS = "invalid username or password";

    private final UserStore users;
    private final Argon2Hasher hasher;
    private final LoginThrottle throttle;
    private final DeviceStore devices;
    private final RefreshTokenStore refreshTokens;
    private final UserTokens userTokens;
    private final AuditLog audit;
    private final RevocationService revocations;
    private final SessionPolicyEnforcer sessionPolicy;
    private final DeviceKicks kicks;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public PasswordGrant(UserStore users, Argon2Hasher hasher, LoginThrottle throttle, DeviceStore devices,
                         RefreshTokenStore refreshTokens, UserTokens userTokens, AuditLog audit, RevocationService revocations,
                         SessionPolicyEnforcer sessionPolicy, DeviceKicks kicks,
                         TransactionOperations<Connection> transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.devices = devices;
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.audit = audit;
        this.revocations = revocations;
        this.sessionPolicy = sessionPolicy;
        this.kicks = kicks;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String grantType() {
        return "password";
    }

    @Override
    public TokenResponse grant(GrantRequest request) {
        String username = request.params().required("username");
        String password = request.params().required("password");
        Set<String> scope = Scopes.resolve(request.params().optional("scope"), request.client());
        DeviceDescriptor device = DeviceDescriptor.from(request.params(), request.userAgent(), request.ip());
        throttle.checkAllowed(username, request.ip());
        User user = authenticate(username, password, request);
        LoginResult result = transactions.executeWrite(status -> login(user, request.client(), scope, device,
                request.ip()));
        // Also publishes what a replaced device (same device_id) queued.
        kicks.afterCommit(result.displaced(), KickReason.LOGIN_ELSEWHERE, clock.instant());
        return result.response();
    }

    private User authenticate(String username, String password, GrantRequest request) {
        Optional<User> found = users.findByUsername(username);
        boolean valid;
        if (found.isPresent()) {
            valid = hasher.verify(password, found.get().passwordHash()) && !found.get().disabled();
        } else {
            hasher.verifyNothing(password); // same cost, so timing does not reveal which usernames exist
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(username, request.ip());
            audit.record(new AuditEvent(AuditEvent.LOGIN_FAILED, "client:" + request.client().id(),
                    found.map(User::id).orElse(null), request.client().id(), null, request.ip(),
                    "grant=password"));
            throw OAuthException.of(OAuthError.INVALID_GRANT, BAD_CREDENTIALS,
                    "password login failed for " + (found.isPresent() ? "known" : "unknown") + " user");
        }
        throttle.recordSuccess(username);
        return found.get();
    }

    private LoginResult login(User user, Client client, Set<String> scope, DeviceDescriptor descriptor, String ip) {
        Instant now = clock.instant();
        DeviceStore.Registration registration = devices.register(user.id(), client.id(), descriptor, now);
        UUID deviceId = registration.device().id();
        List<Device> displaced = sessionPolicy.enforceInTransaction(registration.device(), client, ip, now);
        // A new login from a device the client already named replaces that device's old sign-in.
        registration.replaced().ifPresent(old -> revocations.revokeDeviceInTransaction(old, user.id(), client.id(),
                AuditEvent.TOKEN_REVOKED, "replaced", "user:" + user.id(), ip, now));
        String refreshToken = null;
        if (client.allowsGrant("refresh_token")) {
            TokenProperties lifetimes = userTokens.properties();
            refreshToken = UserTokens.newRefreshToken();
            RefreshFamily family = new RefreshFamily(UUID.randomUUID(), user.id(), client.id(), deviceId,
                    Scopes.format(scope), now, now, now.plus(lifetimes.refreshAbsoluteTtl()), null, null);
            Instant firstExpiry = now.plus(lifetimes.refreshIdleTtl());
            refreshTokens.startFamily(family, Hashes.sha256(refreshToken),
                    firstExpiry.isBefore(family.absoluteExpiresAt()) ? firstExpiry : family.absoluteExpiresAt());
        }
        audit.record(new AuditEvent(AuditEvent.LOGIN_SUCCEEDED, "user:" + user.id(), user.id(), client.id(), deviceId,
                ip, "grant=password device=" + descriptor.type().code()));
        return new LoginResult(userTokens.respond(user, client, scope, deviceId, refreshToken), displaced);
    }

    /** A login's response and the devices its session policy signed out. */
    private record LoginResult(TokenResponse response, List<Device> displaced) {
    }
}
