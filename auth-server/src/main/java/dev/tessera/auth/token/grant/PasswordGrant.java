package dev.tessera.auth.token.grant;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.client.Client;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceDescriptor;
import dev.tessera.auth.device.DeviceSignOut;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.device.KickReason;
import dev.tessera.auth.device.SessionPolicyEnforcer;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.user.PasswordLogin;
import dev.tessera.auth.user.User;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * RFC 6749 §4.3 resource owner password credentials, only for clients whose registration allows
 * it (first-party apps). Each success is a new login: a device and a refresh family.
 */
@Singleton
public class PasswordGrant implements Grant<PasswordRequest> {

    private final PasswordLogin passwordLogin;
    private final DeviceStore devices;
    private final UserTokens userTokens;
    private final AuditLog audit;
    private final SessionPolicyEnforcer sessionPolicy;
    private final DeviceSignOut signOut;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public PasswordGrant(PasswordLogin passwordLogin, DeviceStore devices,
                         UserTokens userTokens, AuditLog audit,
                         SessionPolicyEnforcer sessionPolicy, DeviceSignOut signOut,
                         TransactionOperations<Connection> transactions, Clock clock) {
        this.passwordLogin = passwordLogin;
        this.devices = devices;
        this.userTokens = userTokens;
        this.audit = audit;
        this.sessionPolicy = sessionPolicy;
        this.signOut = signOut;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Class<PasswordRequest> requestType() {
        return PasswordRequest.class;
    }

    @Override
    public String grantType() {
        return "password";
    }

    @Override
    public TokenResponse grant(PasswordRequest request) {
        Set<String> scope = Scopes.resolve(request.scope(), request.client());
        User user = passwordLogin.authenticate(request.username(), request.password(), request.client().id(), request.ip(),
                "grant=password");
        Set<String> granted = Scopes.grantable(scope, user.roles());
        LoginResult result = transactions.executeWrite(status -> login(user, request.client(), granted, request.device(),
                request.ip()));
        // Most logins sign nothing out and publish nothing.
        if (!result.displaced().isEmpty()) {
            signOut.afterCommit(result.displaced(), KickReason.LOGIN_ELSEWHERE, clock.instant());
        }
        if (!result.replaced().isEmpty()) {
            signOut.afterCommit(result.replaced(), KickReason.REPLACED, clock.instant());
        }
        return result.response();
    }

    private LoginResult login(User user, Client client, Set<String> scope, DeviceDescriptor descriptor, String ip) {
        Instant now = clock.instant();
        DeviceStore.Registration registration = devices.register(user.id(), client.id(), descriptor, now);
        UUID deviceId = registration.device().id();
        List<Device> displaced = sessionPolicy.enforceInTransaction(registration.device(), client, ip, now);
        // A new login from a device the client already named replaces that device's old sign-in.
        List<Device> replaced = registration.replaced().flatMap(old -> signOut.signOutInTransaction(old, KickReason.REPLACED,
                "user:" + user.id(), ip, now)).stream().toList();
        String refreshToken = client.allowsGrant("refresh_token")
                ? userTokens.startFamily(user.id(), client.id(), deviceId, scope, now).refreshToken() : null;
        audit.record(new AuditEvent(AuditEvent.LOGIN_SUCCEEDED, "user:" + user.id(), user.id(), client.id(), deviceId,
                ip, "grant=password device=" + descriptor.type().code()));
        return new LoginResult(userTokens.respond(user, client, scope, deviceId, refreshToken), displaced, replaced);
    }

    /** A login's response, the devices its session policy signed out, and the one it replaced (same device_id). */
    private record LoginResult(TokenResponse response, List<Device> displaced, List<Device> replaced) {
    }
}
