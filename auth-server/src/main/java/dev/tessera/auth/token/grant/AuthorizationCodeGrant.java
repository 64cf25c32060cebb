package dev.tessera.auth.token.grant;

import dev.tessera.auth.audit.AuditEvent;
import dev.tessera.auth.audit.AuditLog;
import dev.tessera.auth.crypto.Hashes;
import dev.tessera.auth.device.Device;
import dev.tessera.auth.device.DeviceStore;
import dev.tessera.auth.error.OAuthException;
import dev.tessera.auth.revocation.RevocationService;
import dev.tessera.auth.scope.Scopes;
import dev.tessera.auth.sso.authorize.AuthorizationCodes;
import dev.tessera.auth.token.issue.IssuedAccessToken;
import dev.tessera.auth.token.issue.OidcTokenIssuer;
import dev.tessera.auth.user.User;
import dev.tessera.auth.user.UserStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6): a code is redeemed once, by the client it was issued
 * to, with the same redirect URI and the verifier of its challenge. The tokens join the browser's
 * device; a replayed code revokes what the first redemption issued.
 */
@Singleton
public class AuthorizationCodeGrant implements Grant<AuthorizationCodeRequest> {

    /** RFC 7636 §4.1: 43-128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final AuthorizationCodes codes;
    private final UserStore users;
    private final DeviceStore devices;
    private final RevocationService revocations;
    private final UserTokens userTokens;
    private final OidcTokenIssuer oidc;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public AuthorizationCodeGrant(AuthorizationCodes codes, UserStore users, DeviceStore devices,
                                  RevocationService revocations, UserTokens userTokens,
                                  OidcTokenIssuer oidc, AuditLog audit, TransactionOperations<Connection> transactions,
                                  Clock clock) {
        this.codes = codes;
        this.users = users;
        this.devices = devices;
        this.revocations = revocations;
        this.userTokens = userTokens;
        this.oidc = oidc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Class<AuthorizationCodeRequest> requestType() {
        return AuthorizationCodeRequest.class;
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public TokenResponse grant(AuthorizationCodeRequest request) {
        String code = request.code();
        Optional<AuthorizationCodes.Grant> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            revokeWhatAReplayedCodeIssued(code, request);
            throw OAuthException.invalidGrant("authorization code is invalid, expired or already used");
        }
        AuthorizationCodes.Grant grant = redeemed.get();
        check(grant, request);
        User user = users.findById(UUID.fromString(grant.userId())).filter(u -> !u.disabled())
                .orElseThrow(() -> OAuthException.invalidGrant("the account is disabled"));
        UUID deviceId = UUID.fromString(grant.deviceId());
        Minted minted = transactions.executeWrite(status -> issue(grant, request, user, deviceId));
        codes.rememberIssued(code, new AuthorizationCodes.Issued(minted.familyId() == null ? null
                : minted.familyId().toString(), minted.access().jti(), minted.access().expiresAt().toEpochMilli()));
        return TokenResponse.bearer(minted.access(), minted.refreshToken(), minted.scope(), minted.idToken());
    }

    /**
     * In one transaction with the device's row locked: a logout racing this exchange waits for it and then
     * revokes what it issued, or went first and this sees the device signed out (issue 11 #9).
     */
    private Minted issue(AuthorizationCodes.Grant grant, AuthorizationCodeRequest request, User user, UUID deviceId) {
        devices.lock(deviceId).filter(Device::active)
                // The browser device the code names must be the code's user's own.
                .filter(device -> device.userId().equals(user.id()))
                .orElseThrow(() -> OAuthException.invalidGrant("the sign-in this code belongs to has ended"));
        Set<String> scope = Scopes.grantable(new TreeSet<>(grant.scope()), user.roles());
        UserTokens.StartedFamily family = request.client().allowsGrant("refresh_token")
                ? userTokens.startFamily(user.id(), request.client().id(), deviceId, scope, clock.instant()) : null;
        IssuedAccessToken access = userTokens.issueAccess(user, request.client(), scope, deviceId);
        String idToken = scope.contains("openid") ? oidc.idToken(user, request.client().id(), scope, grant.deviceId(),
                grant.nonce(), Instant.ofEpochSecond(grant.authTimeEpochSecond())) : null;
        audit.record(new AuditEvent(AuditEvent.CODE_REDEEMED, "client:" + request.client().id(), user.id(),
                request.client().id(), deviceId, request.ip(), "grant=authorization_code"));
        return new Minted(family == null ? null : family.id(), family == null ? null : family.refreshToken(), access,
                idToken, scope);
    }

    /** What a redemption issued. */
    private record Minted(UUID familyId, String refreshToken, IssuedAccessToken access, String idToken, Set<String> scope) {
    }

    private void check(AuthorizationCodes.Grant grant, AuthorizationCodeRequest request) {
        // RFC 6749 §4.1.3: the code was issued to this client...
        if (!grant.clientId().equals(request.client().id())) {
            throw OAuthException.invalidGrant("authorization code is invalid, expired or already used");
        }
        // ...and redirect_uri is identical to the one of the authorization request, if it had one.
        Optional<String> redirectUri = request.redirectUri();
        if ((grant.redirectUriExplicit() || redirectUri.isPresent())
                && !redirectUri.map(grant.redirectUri()::equals).orElse(false)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        Optional<String> verifier = request.codeVerifier();
        if (grant.codeChallenge() == null) {
            if (verifier.isPresent()) {
                // RFC 9700 §2.1.1: a verifier without a challenge is a downgrade attempt.
                throw OAuthException.invalidGrant("code_verifier sent but the authorization request had no code_challenge");
            }
            return;
        }
        String presented = verifier.orElseThrow(() -> OAuthException.invalidGrant("code_verifier is required (PKCE)"));
        if (!VERIFIER.matcher(presented).matches()) {
            throw OAuthException.invalidGrant("code_verifier is malformed");
        }
        // RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, compared in constant time.
        byte[] computed = Base64.getUrlEncoder().withoutPadding().encode(Hashes.sha256(presented));
        if (!MessageDigest.isEqual(computed, grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge");
        }
    }

    /** RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens issued for it. */
    private void revokeWhatAReplayedCodeIssued(String code, AuthorizationCodeRequest request) {
        codes.takeIssued(code).ifPresent(issued -> revocations.revokeCodeReplay(issued.familyId() == null ? null
                        : UUID.fromString(issued.familyId()), issued.accessTokenJti(),
                Instant.ofEpochMilli(issued.accessTokenExpiresEpochMilli()), "client:" + request.client().id(), request.ip()));
    }
}
