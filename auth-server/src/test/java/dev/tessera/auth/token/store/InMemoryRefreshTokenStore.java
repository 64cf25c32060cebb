package dev.tessera.auth.token.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A heap implementation for unit tests of pure logic; it passes the same contract as the JDBC store. */
public class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<UUID, RefreshFamily> families = new HashMap<>();
    private final Map<ByteBuffer, Token> tokens = new HashMap<>();

    private record Token(byte[] hash, UUID familyId, Instant issuedAt, Instant expiresAt, Instant rotatedAt) {
    }

    @Override
    public synchronized void startFamily(RefreshFamily family, byte[] firstTokenHash, Instant tokenExpiresAt) {
        families.put(family.id(), family);
        tokens.put(ByteBuffer.wrap(firstTokenHash.clone()), new Token(firstTokenHash.clone(), family.id(),
                family.createdAt(), tokenExpiresAt, null));
    }

    @Override
    public synchronized RotationResult rotate(byte[] presentedHash, byte[] successorHash, String clientId,
                                              RotationPolicy policy, Instant now) {
        StoredRefreshToken token = find(presentedHash).orElse(null);
        RotationPolicy.Decision decision = policy.decide(token, clientId, now);
        switch (decision) {
            case ROTATE -> {
                Token current = tokens.get(ByteBuffer.wrap(presentedHash));
                tokens.put(ByteBuffer.wrap(presentedHash.clone()), new Token(current.hash(), current.familyId(),
                        current.issuedAt(), current.expiresAt(), now));
            }
            case GRACE_SIBLING -> { /* sibling inserted below */ }
            case REUSE -> {
                revokeFamily(token.family().id(), "refresh_token_reuse", now);
                return new RotationResult.ReuseDetected(families.get(token.family().id()));
            }
            default -> {
                return new RotationResult.Rejected(decision, token == null ? null : token.family());
            }
        }
        RefreshFamily family = token.family().touched(now);
        families.put(family.id(), family);
        Instant expires = policy.successorExpiry(family, now);
        tokens.put(ByteBuffer.wrap(successorHash.clone()), new Token(successorHash.clone(), family.id(), now, expires, null));
        return new RotationResult.Rotated(family, expires, decision == RotationPolicy.Decision.GRACE_SIBLING);
    }

    @Override
    public synchronized Optional<StoredRefreshToken> find(byte[] hash) {
        Token token = tokens.get(ByteBuffer.wrap(hash));
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredRefreshToken(token.hash().clone(), families.get(token.familyId()), token.issuedAt(),
                token.expiresAt(), token.rotatedAt()));
    }

    @Override
    public synchronized boolean revokeFamily(UUID familyId, String reason, Instant now) {
        RefreshFamily family = families.get(familyId);
        if (family == null || family.revokedAt() != null) {
            return false;
        }
        families.put(familyId, family.revoked(reason, now));
        return true;
    }

    @Override
    public synchronized boolean hasLiveFamily(UUID deviceId, Instant now) {
        return families.values().stream().anyMatch(f -> f.deviceId().equals(deviceId) && f.revokedAt() == null
                && f.absoluteExpiresAt().isAfter(now));
    }

    @Override
    public synchronized List<RefreshFamily> revokeFamiliesOfDevice(UUID deviceId, String reason, Instant now) {
        List<RefreshFamily> revoked = new ArrayList<>();
        for (RefreshFamily family : List.copyOf(families.values())) {
            if (family.deviceId().equals(deviceId) && revokeFamily(family.id(), reason, now)) {
                revoked.add(families.get(family.id()));
            }
        }
        return revoked;
    }
}
